"""`make scaleout`: two app servers behind nginx share everything that matters.

Runs two gunicorn servers behind nginx (round-robin, TLS, the production proxy
settings in deploy/nginx/connect-proxy.conf) on one PostgreSQL and one Redis
(scripts/stack.py), and checks through nginx, with each step's requests seen
reaching both servers:

1. a member signs in and keeps working as requests alternate;
2. the login rate limit counts failures on both servers together;
3. a TOTP code used on one server is refused on the other;
4. a share the member stops is refused at once on both;
5. an admin edit to an activity shows at once on both (no stale cached fragment);
6. an admin CSV import previewed on one server is confirmed on the other.

Exits non-zero at the first failed check.
"""

import re
import shutil
import sys

import requests
import stack

UPSTREAM = "X-Upstream"


class Browser:
    """A requests session through nginx that remembers which server answered."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.session = requests.Session()
        self.session.verify = False
        self.servers: list[str] = []

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, data: dict, **kwargs) -> requests.Response:
        return self.request("POST", path, data=data, **kwargs)

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        url = path if path.startswith("http") else self.base + path
        kwargs.setdefault("allow_redirects", False)
        headers = {"Referer": url, **kwargs.pop("headers", {})}
        response = self.session.request(
            method, url, headers=headers, timeout=30, verify=False, **kwargs
        )
        self.servers.append(response.headers.get(UPSTREAM, "?"))
        return response

    def next_on_other_server(self, than: str) -> None:
        """Send /healthz until the next request (round-robin) goes to the other server."""
        for _ in range(4):
            if self.get("/healthz").headers.get(UPSTREAM) == than:
                return
        raise SystemExit("nginx did not alternate between the servers.")


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SystemExit(f"FAILED: {message}")


def both(servers: list[str]) -> bool:
    return len({s for s in servers if s != "?"}) >= 2


def passed(message: str) -> None:
    stack.say(f"  ok  {message}")


def member_keeps_working(base: str) -> Browser:
    member = Browser(base)
    response = stack.sign_in(member.session, base, stack.MEMBER)
    check(response.status_code == 302, f"the member could not sign in ({response.status_code})")
    member.servers.clear()
    for _ in range(6):
        page = member.get("/activities/my/")
        check(page.status_code == 200, f"My activities answered {page.status_code}")
        check("Bench member" in page.text or "My activities" in page.text, "not signed in")
    check(both(member.servers), f"requests did not alternate: {member.servers}")
    passed(f"a member signed in and kept working on {sorted(set(member.servers))}")
    return member


def login_limit_is_shared(base: str) -> None:
    visitor = Browser(base)
    email = "vu59@bench.invalid"
    for attempt in range(5):
        page = visitor.get("/accounts/login/")
        visitor.post(
            "/accounts/login/",
            {
                "login": email,
                "password": f"wrong-{attempt}",
                "csrfmiddlewaretoken": stack.csrf_token(page.text),
            },
        )
    check(both(visitor.servers), f"failed logins did not reach both servers: {visitor.servers}")
    page = visitor.get("/accounts/login/")
    response = visitor.post(
        "/accounts/login/",
        {
            "login": email,
            "password": stack.PASSWORD,
            "csrfmiddlewaretoken": stack.csrf_token(page.text),
        },
    )
    refused = response.status_code == 429 or (
        response.status_code == 200 and "Too many failed login attempts" in response.text
    )
    check(refused, f"the sixth sign-in was let through ({response.status_code})")
    passed("5 failed sign-ins spread over both servers locked the account on both")


def totp_code_is_single_use(base: str) -> Browser:
    code = stack.totp_code()
    first = Browser(base)
    response = _password_step(first, stack.CLINICIAN)
    form = first.get(response.headers["Location"])
    used = first.post(
        response.headers["Location"],
        {"code": code, "csrfmiddlewaretoken": stack.csrf_token(form.text)},
    )
    check(used.status_code == 302, f"the first use of the code was refused ({used.status_code})")
    used_on = first.servers[-1]
    second = Browser(base)
    response = _password_step(second, stack.CLINICIAN)
    form = second.get(response.headers["Location"])
    second.next_on_other_server(used_on)
    replay = second.post(
        response.headers["Location"],
        {"code": code, "csrfmiddlewaretoken": stack.csrf_token(form.text)},
    )
    replayed_on = second.servers[-1]
    check(replayed_on != used_on, "the replay reached the same server")
    check(replay.status_code == 200, f"the replayed code was accepted ({replay.status_code})")
    check(second.get("/clinician/").status_code == 302, "the replay signed the clinician in")
    passed(f"a TOTP code used on {used_on} was refused on {replayed_on}")
    return first


def _password_step(browser: Browser, email: str) -> requests.Response:
    page = browser.get("/accounts/login/")
    response = browser.post(
        "/accounts/login/",
        {
            "login": email,
            "password": stack.PASSWORD,
            "csrfmiddlewaretoken": stack.csrf_token(page.text),
        },
    )
    check(
        response.status_code == 302 and "/2fa/authenticate" in response.headers["Location"],
        f"{email} was not asked for a code ({response.status_code})",
    )
    return response


def revoked_share_is_refused(app: stack.Stack, member: Browser, clinician: Browser) -> None:
    ids = app.manage(
        "shell",
        "-c",
        "from worksheets.models import Share; "
        f"s = Share.objects.get(owner__email='{stack.MEMBER}'); "
        "print(s.pk, s.worksheets.get().needsstatement.pk)",
    ).split()
    share, statement = ids[-2], ids[-1]
    url = f"/worksheets/statements/{statement}/"
    clinician.servers.clear()
    for _ in range(2):
        check(clinician.get(url).status_code == 200, "the clinician could not read the share")
    check(both(clinician.servers), "the clinician's reads did not reach both servers")
    clinician.servers.clear()
    for _ in range(2):  # each server caches the dashboard's cards
        check(url in clinician.get("/clinician/").text, "the dashboard did not list the share")
    check(both(clinician.servers), "the dashboards did not come from both servers")
    page = member.get(f"/worksheets/sharing/{share}/stop/")
    stopped = member.post(
        f"/worksheets/sharing/{share}/stop/", {"csrfmiddlewaretoken": stack.csrf_token(page.text)}
    )
    check(stopped.status_code == 302, f"stopping the share answered {stopped.status_code}")
    clinician.servers.clear()
    for _ in range(2):
        status = clinician.get(url).status_code
        check(status == 404, f"a stopped share still answered {status}")
    check(both(clinician.servers), "the refusals did not come from both servers")
    clinician.servers.clear()
    for _ in range(2):
        check(url not in clinician.get("/clinician/").text, "a stopped share stayed listed")
    check(both(clinician.servers), "the dashboards did not come from both servers")
    passed(
        "a stopped share was refused and left the dashboard at once on "
        f"{sorted(set(clinician.servers))}"
    )


def admin_edit_shows_everywhere(base: str) -> Browser:
    admin = Browser(base)
    response = _password_step(admin, stack.ADMIN)
    form = admin.get(response.headers["Location"])
    done = admin.post(
        response.headers["Location"],
        {"code": stack.totp_code(), "csrfmiddlewaretoken": stack.csrf_token(form.text)},
    )
    check(done.status_code == 302, f"the admin could not sign in ({done.status_code})")
    visitor = Browser(base)
    slug, title = "bench-7", ""
    for _ in range(2):
        title = visitor.get(f"/activities/{slug}/").text
    check(visitor.get(f"/activities/{slug}/").status_code == 200, "the activity is not public")
    title = re.search(r"<h1[^>]*>([^<]+)</h1>", title).group(1).strip()
    link = f'href="/activities/{slug}/"'

    def api_slugs() -> set[str]:
        api = visitor.get("/api/activities/", params={"q": title}).json()
        return {item["slug"] for item in api["results"]}

    for _ in range(2):  # once on each server, so each keeps what it served
        listed = visitor.get("/activities/", params={"q": title}).text
        check(link in listed, "the catalogue lacks the activity")
        check(slug in api_slugs(), "the API lacks the activity")
    pk = re.search(
        r"/admin/activities/activity/(\d+)/change/",
        admin.get(f"/admin/activities/activity/?q={slug}").text,
    ).group(1)
    changelist = admin.get("/admin/activities/activity/")
    response = admin.post(
        "/admin/activities/activity/",
        {
            "action": "unpublish",
            "_selected_action": pk,
            "index": "0",
            "csrfmiddlewaretoken": stack.csrf_token(changelist.text),
        },
    )
    check(response.status_code == 302, f"the unpublish action answered {response.status_code}")
    visitor.servers.clear()
    for _ in range(2):
        check(visitor.get(f"/activities/{slug}/").status_code == 404, "the page is still public")
        listed = visitor.get("/activities/", params={"q": title}).text
        check(link not in listed, "a stale cached catalogue still lists it")
        check(slug not in api_slugs(), "the API still lists it")
    check(both(visitor.servers), "the visitor's requests did not reach both servers")
    passed(f"an admin unpublished “{title}”: gone at once on {sorted(set(visitor.servers))}")
    return admin


def import_confirmed_elsewhere(app: stack.Stack, admin: Browser) -> None:
    slug = "imported-across-servers"
    csv = (
        "slug,title,summary,body,first_step,why_it_helps,setting,effort,kinds,status,order,"
        "source_note,links_to_helplines,links,messages\n"
        f"{slug},Imported across servers,One line,Body,,,home,low,,published,5,,0,,\n"
    )
    page = admin.get("/admin/activities/activity/import/")
    fields = dict(
        re.findall(r'<option value="([^"]*)"[^>]*>\s*csv', page.text, re.I)[:1]
        and [("format", re.findall(r'<option value="([^"]*)"[^>]*>\s*csv', page.text, re.I)[0])]
    )
    preview = admin.post(
        "/admin/activities/activity/import/",
        {**fields, "resource": "0", "csrfmiddlewaretoken": stack.csrf_token(page.text)},
        files={"import_file": ("activities.csv", csv.encode(), "text/csv")},
    )
    check(preview.status_code == 200 and "confirm" in preview.text.lower(), "no import preview")
    previewed_on = admin.servers[-1]
    action = re.search(r'<form[^>]+action="([^"]*process_import[^"]*)"', preview.text).group(1)
    confirm_form = preview.text[preview.text.index(action) :]
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', confirm_form))
    # Nothing an app server keeps on its own disk may carry the file over.
    for folder in app.workdir.glob("tmp-*"):
        shutil.rmtree(folder)
        folder.mkdir()
    admin.next_on_other_server(previewed_on)
    confirmed = admin.post(action, hidden)
    confirmed_on = admin.servers[-1]
    check(confirmed_on != previewed_on, "the confirmation reached the same server")
    check(confirmed.status_code == 302, f"the confirmation answered {confirmed.status_code}")
    check(admin.get(f"/activities/{slug}/").status_code == 200, "the import did not publish")
    passed(f"an import previewed on {previewed_on} was confirmed on {confirmed_on}")


def run(app: stack.Stack) -> None:
    base = app.proxy_url
    stack.say(f"Two app servers {app.app_urls} behind nginx at {base}:")
    member = member_keeps_working(base)
    login_limit_is_shared(base)
    clinician = totp_code_is_single_use(base)
    revoked_share_is_refused(app, member, clinician)
    admin = admin_edit_shows_everywhere(base)
    import_confirmed_elsewhere(app, admin)
    stack.say("All scale-out checks passed.")


def main() -> None:
    with stack.running(apps=2, proxy=True) as app:
        run(app)


if __name__ == "__main__":
    sys.exit(main())
