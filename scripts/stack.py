"""Start and stop a production-like Connect on loopback, for the load scripts.

Used by bench.py, scaleout.py and soak.py: PostgreSQL and Redis, the app under
production settings in gunicorn, optionally several app servers behind nginx
(deploy/nginx/connect-proxy.conf, the same proxy settings as production).
Everything it starts stops when the `running` context ends, also on Ctrl+C.

Environment:
  DATABASE_URL   use this database (default: create BENCH_DB and drop it after)
  BENCH_DB       the database to create (default connect_bench)
  BENCH_PG       the PostgreSQL server (default postgres://postgres@127.0.0.1:5432)
  CACHE_URL      Redis for the cache; cleared at start (default redis://127.0.0.1:6379/9)
  BENCH_PORT     first of the loopback ports to use (default 8600)
"""

import base64
import contextlib
import hashlib
import hmac
import os
import re
import secrets
import signal
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import requests
import urllib3

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
NGINX = "/usr/sbin/nginx"
HTTPS = {"X-Forwarded-Proto": "https"}

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

# The bench accounts (connectapp/management/commands/load_bench_data.py).
MEMBER = "member@bench.invalid"
CLINICIAN = "clinician@bench.invalid"
ADMIN = "admin@bench.invalid"
PASSWORD = "bench-pass-not-secret"  # noqa: S105
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105
VU_COUNT = 60  # members vu0..vu59


def say(text: str) -> None:
    print(text, flush=True)


@dataclass
class Stack:
    env: dict
    base_port: int
    workdir: Path
    processes: list = field(default_factory=list)
    app_urls: list = field(default_factory=list)
    proxy_url: str = ""

    def manage(self, *args: str) -> str:
        result = subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout

    def start_apps(self, count: int, workers: int) -> None:
        for n in range(count):
            port = self.base_port + 1 + n
            log = open(self.workdir / f"gunicorn-{n}.log", "w")  # noqa: SIM115
            tmpdir = self.workdir / f"tmp-{n}"
            tmpdir.mkdir()
            process = subprocess.Popen(  # noqa: S603
                [
                    GUNICORN,
                    "connectapp.wsgi",
                    "--no-control-socket",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    str(workers),
                    "--pid",
                    str(self.workdir / f"gunicorn-{n}.pid"),
                ],
                cwd=ROOT,
                # Each server its own temporary folder, as on separate machines.
                env={**self.env, "TMPDIR": str(tmpdir)},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            self.processes.append(process)
            url = f"http://127.0.0.1:{port}"
            self.app_urls.append(url)
            wait_for(f"{url}/healthz")

    def start_proxy(self) -> None:
        """nginx on https://127.0.0.1:<base port>, round-robin over the app servers,
        with a throwaway self-signed certificate."""
        cert, key = self.workdir / "cert.pem", self.workdir / "key.pem"
        subprocess.run(  # noqa: S603
            [
                *("/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes"),
                *("-days", "1", "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)),
            ],
            check=True,
            capture_output=True,
        )
        upstreams = "".join(f"        server {url[7:]};\n" for url in self.app_urls)
        conf = self.workdir / "nginx.conf"
        conf.write_text(
            f"""pid {self.workdir}/nginx.pid;
error_log {self.workdir}/nginx-error.log;
worker_processes 1;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {self.workdir}/body;
    proxy_temp_path {self.workdir}/proxy;
    fastcgi_temp_path {self.workdir}/fastcgi;
    uwsgi_temp_path {self.workdir}/uwsgi;
    scgi_temp_path {self.workdir}/scgi;
    upstream connect_app {{
{upstreams}        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{self.base_port} ssl;
        server_name 127.0.0.1;
        ssl_certificate {cert};
        ssl_certificate_key {key};
        # Which app server answered, for the checks.
        add_header X-Upstream $upstream_addr always;
        include {ROOT}/deploy/nginx/connect-proxy.conf;
    }}
}}
"""
        )
        process = subprocess.Popen(  # noqa: S603
            [NGINX, "-c", str(conf), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        self.proxy_url = f"https://127.0.0.1:{self.base_port}"
        wait_for(f"{self.proxy_url}/healthz")

    def worker_pids(self) -> dict[str, list[int]]:
        """Each app server's gunicorn worker processes."""
        pids = {}
        for n, process in enumerate(p for p in self.processes if "gunicorn" in p.args[0]):
            children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text()
            pids[f"app{n + 1}"] = [int(pid) for pid in children.split()]
        return pids

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.send_signal(
                    signal.SIGTERM if "gunicorn" in process.args[0] else signal.SIGQUIT
                )
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(requests.RequestException):
            if requests.get(url, timeout=2, verify=False).status_code == 200:  # noqa: S501
                return
        time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within {seconds:.0f} s.")


def _static_is_current() -> bool:
    """collectstatic takes a minute; skip it when nothing in static/ changed since."""
    manifest = ROOT / "staticfiles" / "staticfiles.json"
    if not manifest.exists():
        return False
    built = manifest.stat().st_mtime
    return all(p.stat().st_mtime < built for p in (ROOT / "static").rglob("*") if p.is_file())


def _psql(server: str, sql: str) -> None:
    subprocess.run(  # noqa: S603
        ["/usr/bin/psql", f"{server}/postgres", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql],
        check=True,
        capture_output=True,
    )


@contextlib.contextmanager
def running(*, apps: int = 1, workers: int = 2, proxy: bool = False) -> Iterator[Stack]:
    """A loaded database, `apps` gunicorn servers and, with `proxy`, nginx in front."""
    own_db = None
    database_url = os.environ.get("DATABASE_URL")
    server = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
    if not database_url:
        own_db = os.environ.get("BENCH_DB", "connect_bench")
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", own_db):
            raise SystemExit("BENCH_DB must be a plain lower-case name.")
        _psql(server, f"DROP DATABASE IF EXISTS {own_db}")
        _psql(server, f"CREATE DATABASE {own_db}")
        database_url = f"{server}/{own_db}"
    base_port = int(os.environ.get("BENCH_PORT", "8600"))
    workdir = Path(tempfile.mkdtemp(prefix="connect-bench-"))
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),  # noqa: S108
        "DEBUG": "False",
        "SECRET_KEY": secrets.token_urlsafe(50),
        # A Fernet key of its own: second-factor secrets are stored encrypted.
        "MFA_ENCRYPTION_KEY": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{base_port}",
        "ENV_FILE": "/nonexistent",
        "DATABASE_URL": database_url,
        "CACHE_URL": os.environ.get("CACHE_URL", "redis://127.0.0.1:6379/9"),
        "TRUSTED_PROXY_COUNT": "1" if proxy else "0",
        "LOG_LEVEL": "WARNING",
    }
    stack = Stack(env=env, base_port=base_port, workdir=workdir)

    def interrupted(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupted)
    try:
        say(f"Preparing {urllib.parse.urlsplit(database_url).path[1:]} (migrate, data)...")
        stack.manage("shell", "-c", "from django.core.cache import cache; cache.clear()")
        stack.manage("migrate", "--noinput", "-v", "0")
        if not _static_is_current():
            stack.manage("collectstatic", "--noinput", "-v", "0")
        stack.manage("load_starter_catalogue")
        stack.manage("load_starter_helplines")
        stack.manage("load_bench_data")
        stack.start_apps(apps, workers)
        if proxy:
            stack.start_proxy()
        yield stack
    finally:
        stack.stop()
        signal.signal(signal.SIGTERM, previous)
        if own_db:
            with contextlib.suppress(subprocess.CalledProcessError):
                _psql(server, f"DROP DATABASE IF EXISTS {own_db} WITH (FORCE)")
        say("Stopped everything the script started.")


_used_windows: set[int] = set()


def totp_code() -> str:
    """A TOTP code of the bench clinician and admin that this process has not used.
    allauth refuses a code seen before, so wait for the next 30-second window
    when this one's code is spent."""
    while (counter := int(time.time() // 30)) in _used_windows:
        time.sleep(1)
    _used_windows.add(counter)
    digest = hmac.new(
        base64.b32decode(TOTP_SECRET), struct.pack(">Q", counter), hashlib.sha1
    ).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def next_totp_window() -> None:
    """Wait until a code this process has not used is current (for another process)."""
    while int(time.time() // 30) in _used_windows:
        time.sleep(1)


def _unsecure(session: requests.Session) -> None:
    for cookie in session.cookies:
        cookie.secure = False


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if not match:
        raise SystemExit("No CSRF token on the page.")
    return match.group(1)


def sign_in(
    session: requests.Session, base: str, email: str, *, mfa: bool = False, headers=None
) -> requests.Response:
    """Sign in through the real forms; with `mfa`, enter the TOTP code as well.
    Straight to an app server over plain HTTP, the cookies lose their Secure flag
    so the session sends them back (the app believes X-Forwarded-Proto)."""
    headers = headers or {}

    def call(method: str, path: str, data=None) -> requests.Response:
        url = path if path.startswith("http") else base + path
        response = session.request(
            method,
            url,
            data=data,
            headers={**headers, "Referer": url.replace("http://", "https://")},
            allow_redirects=False,
            verify=False,
            timeout=30,
        )
        if base.startswith("http://"):
            _unsecure(session)
        return response

    page = call("GET", "/accounts/login/")
    data = {"login": email, "password": PASSWORD, "csrfmiddlewaretoken": csrf_token(page.text)}
    response = call("POST", "/accounts/login/", data)
    if mfa and response.status_code == 302 and "/2fa/authenticate" in response.headers["Location"]:
        form = call("GET", response.headers["Location"])
        data = {"code": totp_code(), "csrfmiddlewaretoken": csrf_token(form.text)}
        response = call("POST", response.headers["Location"], data)
    return response


if __name__ == "__main__":
    sys.exit("Import this module; run bench.py, scaleout.py or soak.py.")
