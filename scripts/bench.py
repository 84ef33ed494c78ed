"""`make bench`: requests per second, p50 and p99 of each page, under load.

Starts Connect under production settings on PostgreSQL and Redis with the
large bench data set (scripts/stack.py), signs in a member and a clinician,
drives each page with wrk between two runs on /healthz, and prints one
table from one run: each page's req/s as a ratio to the mean of the /healthz
runs either side of it, so that a shared machine's drift during the run does
not skew the ratios. Then the time of a needs-statement PDF. Stops
everything it started.
docs/performance.md explains the numbers.

  BENCH_SECONDS   seconds of load per page (default 15)
  BENCH_CONNECTIONS  concurrent connections (default 32)
  BENCH_WORKERS   gunicorn workers (default 2)
"""

import math
import os
import re
import statistics
import subprocess
import sys
import time

import requests
import stack

SECONDS = int(os.environ.get("BENCH_SECONDS", "15"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))

# (label, path, who): who is None for anonymous, else "member" or "clinician".
PAGES = [
    ("/healthz", "/healthz", None),
    ("/", "/", None),
    ("/activities/", "/activities/", None),
    ("/activities/ page 40", "/activities/?page=40", None),
    ("/activities/?setting=home&effort=low", "/activities/?setting=home&effort=low", None),
    ("/activities/?q=garden (search)", "/activities/?q=garden", None),
    ("/activities/<slug>/", "/activities/bench-1234/", None),
    ("/api/activities/", "/api/activities/", None),
    ("/helplines/?state=CA", "/helplines/?state=CA", None),
    ("/activities/my/ (member)", "/activities/my/", "member"),
    ("/activities/my/progress/ (member)", "/activities/my/progress/", "member"),
    ("/worksheets/ (member)", "/worksheets/", "member"),
    ("/clinician/ (300 clients)", "/clinician/", "clinician"),
]

HEALTHZ = "/healthz"
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    """wrk's "1.52ms"; nan when no request finished (wrk prints "-nan")."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not match:
        return math.nan
    return float(match.group(1)) * UNITS[match.group(2)]


def wrk(url: str, cookie: str | None) -> dict:
    args = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "10s", "--latency"]
    args += ["-H"]
    args += ["X-Forwarded-Proto: https"]
    if cookie:
        args += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(  # noqa: S603
        [*args, url], check=True, capture_output=True, text=True
    ).stdout
    errors = 0
    for pattern in (r"Non-2xx or 3xx responses: (\d+)", r"Socket errors: (.*)"):
        match = re.search(pattern, output)
        if match:
            errors += sum(int(n) for n in re.findall(r"\d+", match.group(1)))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)),
        "p99": _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)),
        "errors": errors,
    }


def session_cookie(base: str, email: str, mfa: bool) -> str:
    session = requests.Session()
    response = stack.sign_in(session, base, email, mfa=mfa, headers=stack.HTTPS)
    if response.status_code != 302 or "sessionid" not in session.cookies:
        raise SystemExit(f"Could not sign in {email}: {response.status_code}")
    return f"sessionid={session.cookies['sessionid']}"


def settle(base: str) -> None:
    """Wait for the requests wrk left queued: a new one is answered after them."""
    requests.get(f"{base}/healthz", timeout=120)
    time.sleep(1)


def pdf_times(base: str, cookie: str, pk: int) -> list[float]:
    settle(base)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        response = requests.get(
            f"{base}/worksheets/statements/{pk}/pdf/",
            headers={**stack.HTTPS, "Cookie": cookie},
            timeout=120,
        )
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200 or response.headers["Content-Type"] != "application/pdf":
            raise SystemExit(f"The PDF answered {response.status_code}.")
    return times


def run(app: stack.Stack) -> None:
    """Measure each page on the first app server of a running stack, and print the table."""
    base = app.app_urls[0]
    cookies = {
        "member": session_cookie(base, stack.MEMBER, mfa=False),
        "clinician": session_cookie(base, stack.CLINICIAN, mfa=True),
    }
    statement = app.manage(
        "shell",
        "-c",
        "from worksheets.models import NeedsStatement as S;"
        f"print(S.objects.filter(owner__email='{stack.MEMBER}').get().pk)",
    ).strip()
    healthz = []  # the /healthz runs, one before each page and one after the last
    rows = []  # (label, result, index of the /healthz run just before it)
    for label, path, who in PAGES:
        check = requests.get(
            base + path,
            headers={**stack.HTTPS, "Cookie": cookies.get(who, "")},
            allow_redirects=False,
            timeout=30,
        )
        if check.status_code != 200:
            raise SystemExit(f"{path} answered {check.status_code}, not 200.")
        if path == HEALTHZ:
            continue
        # /healthz either side of each page: on a shared machine the speed
        # drifts within a run, and the ratio should compare like with like.
        settle(base)
        healthz.append(wrk(base + HEALTHZ, None))
        settle(base)
        result = wrk(base + path, cookies.get(who))
        stack.say(
            f"  {label}: {result['rps']:.0f} req/s, p50 {result['p50']:.0f} ms, "
            f"p99 {result['p99']:.0f} ms, {result['errors']} errors"
        )
        rows.append((label, result, len(healthz) - 1))
    settle(base)
    healthz.append(wrk(base + HEALTHZ, None))
    pdf = pdf_times(base, cookies["member"], int(statement.split()[-1]))
    print()
    print(
        f"wrk -t2 -c{CONNECTIONS}, {SECONDS} s a page, gunicorn -w {WORKERS}, "
        "production settings, PostgreSQL + Redis"
    )
    print()
    print("| page | req/s | /healthz either side | ratio | p50 | p99 | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    first = healthz[0]
    print(
        f"| `{HEALTHZ}` | {first['rps']:.0f} | - | 1.00 | {first['p50']:.0f} ms | "
        f"{first['p99']:.0f} ms | {sum(h['errors'] for h in healthz)} |"
    )
    for label, r, before in rows:
        either_side = (healthz[before]["rps"] + healthz[before + 1]["rps"]) / 2
        print(
            f"| `{label}` | {r['rps']:.0f} | {either_side:.0f} | {r['rps'] / either_side:.2f} | "
            f"{r['p50']:.0f} ms | {r['p99']:.0f} ms | {r['errors']} |"
        )
    print()
    print(
        f"Needs-statement PDF, one at a time: median {statistics.median(pdf):.0f} ms "
        f"(min {min(pdf):.0f}, max {max(pdf):.0f}) over {len(pdf)} downloads."
    )


def main() -> None:
    with stack.running(workers=WORKERS) as app:
        run(app)


if __name__ == "__main__":
    sys.exit(main())
