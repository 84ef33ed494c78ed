// Connect's service worker. docs/offline.md describes it.
//
// What it keeps, in Cache Storage:
// - "connect-public-<version>": static files from an allowlist, fetched
//   without cookies;
// - "connect-card": the offline crisis card, a public page of crisis lines and
//   one state's warmlines, refreshed each time the Helplines page loads, and
//   fetched again when a page comes back in another language;
// - "connect-kept": only when a member turns on "keep on this device" for a
//   page. It is deleted when they turn it off or sign out on this device.
// Every other request goes to the network untouched: pages of a signed-in
// member are never stored unless they asked for it.
"use strict";

{% autoescape off %}const CONFIG = {{ config }};{% endautoescape %}
const PUBLIC_CACHE = "connect-public-" + CONFIG.version;
const CARD_CACHE = "connect-card";
const KEPT_CACHE = "connect-kept";

function sameOrigin(url) {
  return url.origin === self.location.origin;
}

function usable(response) {
  return response.ok && !response.redirected && response.type === "basic";
}

// The card for ?state=XX is fetched without cookies. Without a state, the
// server uses the member's saved state, so the cookie goes along; the page is
// still rendered as for an anonymous visitor.
async function storeCard(cardUrl) {
  const url = new URL(cardUrl, self.location.origin);
  const credentials = url.searchParams.has("state") ? "omit" : "same-origin";
  const response = await fetch(url.href, { credentials: credentials, cache: "no-store" });
  if (!usable(response)) {
    return;
  }
  const cache = await caches.open(CARD_CACHE);
  const old = await cache.keys();
  await cache.put(url.href, response);
  await Promise.all(old.filter((req) => req.url !== url.href).map((req) => cache.delete(req)));
}

// The newest card: keys come in the order they were stored, and for a moment
// after a refresh the old card is still there.
async function newestCard(cache) {
  const keys = await cache.keys();
  return keys[keys.length - 1];
}

async function cardResponse() {
  const cache = await caches.open(CARD_CACHE);
  const newest = await newestCard(cache);
  return newest ? cache.match(newest) : undefined;
}

// The language a page was served in (the member's saved choice, the footer's,
// or the browser's), when it is one Connect speaks.
function pageLanguage(response) {
  const language = (response.headers.get("Content-Language") || "").toLowerCase();
  return usable(response) && CONFIG.languages.includes(language) ? language : null;
}

function cardUrlFor(pageUrl, language) {
  const url = new URL(CONFIG.offlineUrl, self.location.origin);
  const state = (pageUrl.searchParams.get("state") || "").trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(state)) {
    url.searchParams.set("state", state);
  }
  if (language) {
    url.searchParams.set("lang", language);
  }
  return url.href;
}

// The card is fetched with ?lang=, since a card fetched without cookies would
// follow only the browser's language. When a page comes back in another
// language (the member switched), the same card is fetched in that one.
async function cardFollowLanguage(language) {
  const newest = await newestCard(await caches.open(CARD_CACHE));
  const url = new URL(newest ? newest.url : CONFIG.offlineUrl, self.location.origin);
  if (url.searchParams.get("lang") === language) {
    return;
  }
  url.searchParams.set("lang", language);
  await storeCard(url.href);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(PUBLIC_CACHE);
      await cache.addAll(CONFIG.precache.map((url) => new Request(url, { credentials: "omit" })));
      // Refresh the card for the state it already holds (its static files
      // may have new names), or start with the card for no state.
      const newest = await newestCard(await caches.open(CARD_CACHE));
      await storeCard(newest ? newest.url : CONFIG.offlineUrl);
      await self.skipWaiting();
    })()
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith("connect-public-") && name !== PUBLIC_CACHE)
          .map((name) => caches.delete(name))
      );
      await self.clients.claim();
    })()
  );
});

async function navigate(event) {
  const url = new URL(event.request.url);
  try {
    const response = await fetch(event.request);
    const language = pageLanguage(response);
    if (url.pathname === CONFIG.helplinesPath && response.ok) {
      event.waitUntil(storeCard(cardUrlFor(url, language)).catch(() => undefined));
    } else if (language) {
      event.waitUntil(cardFollowLanguage(language).catch(() => undefined));
    }
    return response;
  } catch (error) {
    const kept = (await caches.has(KEPT_CACHE))
      ? await caches.match(event.request.url, { cacheName: KEPT_CACHE })
      : undefined;
    return kept || (await cardResponse()) || Response.error();
  }
}

// Network first, so a changed file is never hidden behind an old copy; the
// cached copy is for when there is no network.
async function fromPublicCache(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await caches.match(request, { cacheName: PUBLIC_CACHE });
    return cached || Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (!sameOrigin(url)) {
    return;
  }
  if (request.method !== "GET") {
    if (url.pathname === CONFIG.logoutPath) {
      // Signing out on this device forgets whatever it was asked to keep.
      event.waitUntil(caches.delete(KEPT_CACHE));
    }
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigate(event));
  } else if (CONFIG.precache.includes(url.pathname)) {
    event.respondWith(fromPublicCache(request));
  }
});

// "Keep on this device": a page asks to keep some of its own URLs for
// offline use, or to forget them. Only URLs under the keepable prefixes are
// accepted, and nothing is half kept: one failed fetch keeps none.
async function keep(urls) {
  const wanted = (Array.isArray(urls) ? urls : []).map((u) => new URL(u, self.location.origin));
  const allowed = wanted.every(
    (u) => sameOrigin(u) && CONFIG.keepablePrefixes.some((prefix) => u.pathname.startsWith(prefix))
  );
  if (!wanted.length || !allowed) {
    throw new Error("These pages can't be kept on this device.");
  }
  const responses = await Promise.all(
    wanted.map((u) => fetch(u.href, { credentials: "same-origin", cache: "no-store" }))
  );
  if (!responses.every(usable)) {
    throw new Error("Connect couldn't fetch the page to keep.");
  }
  await caches.delete(KEPT_CACHE);
  const cache = await caches.open(KEPT_CACHE);
  await Promise.all(wanted.map((u, i) => cache.put(u.href, responses[i])));
}

async function isKept(urls) {
  if (!(await caches.has(KEPT_CACHE))) {
    return false;
  }
  const cache = await caches.open(KEPT_CACHE);
  const found = await Promise.all(
    (Array.isArray(urls) ? urls : []).map((u) => cache.match(new URL(u, self.location.origin).href))
  );
  return found.length > 0 && found.every(Boolean);
}

// Messages are handled one after another, in the order they came, so a
// "forget" is never undone by a "keep" that was still fetching.
let queue = Promise.resolve();

function inTurn(task) {
  const result = queue.then(task);
  queue = result.catch(() => undefined);
  return result;
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  const port = event.ports[0];
  const reply = (message) => port && port.postMessage(message);
  let task;
  if (data.type === "keep") {
    task = () => keep(data.urls).then(() => ({ kept: true }));
  } else if (data.type === "forget") {
    task = () => caches.delete(KEPT_CACHE).then(() => ({ kept: false }));
  } else if (data.type === "status") {
    task = () => isKept(data.urls).then((kept) => ({ kept: kept }));
  } else {
    return;
  }
  event.waitUntil(
    inTurn(task).then(reply, (error) => reply({ error: String(error.message || error) }))
  );
});
