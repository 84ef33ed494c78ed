"""`make soak`: a bounded mixed load, watching for errors and memory growth.

Starts Connect behind nginx (scripts/stack.py) and runs the journey in
scripts/locustfile.py headless: SOAK_USERS virtual users (default 50) for
SOAK_SECONDS (default 300) once all have started, arriving SOAK_SPAWN_RATE a
second (default 0.5, which keeps sign-ins under the 30 a minute per address
that the login rate limit allows). Reports requests, errors, p50/p99 and each
gunicorn worker's memory before and after the steady part. Exits 1 on any 5xx.
"""

import csv
import math
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import stack

USERS = int(os.environ.get("SOAK_USERS", "50"))
SECONDS = int(os.environ.get("SOAK_SECONDS", "300"))
SPAWN_RATE = float(os.environ.get("SOAK_SPAWN_RATE", "0.5"))
WORKERS = int(os.environ.get("SOAK_WORKERS", "2"))
LOCUST = str(stack.ROOT / ".venv" / "bin" / "locust")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return math.nan


def run(app: stack.Stack) -> int:
    ramp = math.ceil(USERS / SPAWN_RATE)
    stack.next_totp_window()  # the clinician signs in from the locust process
    prefix = app.workdir / "soak"
    locust = subprocess.Popen(  # noqa: S603
        [
            *(LOCUST, "-f", str(stack.ROOT / "scripts" / "locustfile.py"), "--headless"),
            *("--host", app.proxy_url, "-u", str(USERS), "-r", str(SPAWN_RATE)),
            *("-t", f"{ramp + SECONDS}s", "--csv", str(prefix), "--only-summary"),
            *("--stop-timeout", "10", "--loglevel", "WARNING"),
        ],
        cwd=stack.ROOT / "scripts",
    )
    stack.say(f"{USERS} users arriving over {ramp} s, then {SECONDS} s of steady load...")
    time.sleep(ramp)
    workers = app.worker_pids()
    before = {pid: rss_mb(pid) for pids in workers.values() for pid in pids}
    locust.wait()
    after = {pid: rss_mb(pid) for pid in before}
    with open(f"{prefix}_stats.csv") as file:
        stats = list(csv.DictReader(file))
    with open(f"{prefix}_failures.csv") as file:
        failures = list(csv.DictReader(file))
    total = next(row for row in stats if row["Name"] == "Aggregated")
    server_errors = sum(
        int(row["Occurrences"])
        for row in failures
        if re.search(r"\b5\d\d Server Error", row["Error"])
    )
    print()
    print(
        f"Soak: {USERS} users, {SECONDS} s steady after a {ramp} s ramp, "
        f"gunicorn -w {WORKERS} behind nginx, PostgreSQL + Redis"
    )
    print()
    print("| requests | failures | 5xx | req/s | p50 | p99 |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {total['Request Count']} | {total['Failure Count']} | {server_errors} | "
        f"{float(total['Requests/s']):.1f} | {total['50%']} ms | {total['99%']} ms |"
    )
    print()
    print("| worker | RSS after the ramp | RSS at the end | growth |")
    print("|---|---:|---:|---:|")
    for pid, start in before.items():
        print(f"| {pid} | {start:.0f} MB | {after[pid]:.0f} MB | {after[pid] - start:+.1f} MB |")
    for row in failures:
        print(f"failure: {row['Method']} {row['Name']}: {row['Error']} x{row['Occurrences']}")
    if server_errors:
        print(f"{server_errors} server errors (5xx).", file=sys.stderr)
        return 1
    return 0


def main() -> int:
    with stack.running(workers=WORKERS, proxy=True) as app:
        return run(app)


if __name__ == "__main__":
    sys.exit(main())
