"""The soak test's mixed journey (scripts/soak.py runs it headless).

Visitors browse the catalogue and helplines; members sign in, look at their
activities and progress, log a mood and edit a needs statement; one clinician
signs in with a TOTP code and reads the dashboard and a shared statement.
"""

import itertools
import random
import re
from html.parser import HTMLParser

import stack
from locust import HttpUser, between, task

NAMES = itertools.count()


class FormFields(HTMLParser):
    """The fields a browser would send from the first form posting to `action`."""

    def __init__(self, action: str) -> None:
        super().__init__()
        self.action = action
        self.inside = False
        self.done = False
        self.fields: list[tuple[str, str]] = []
        self.textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "form" and not self.done:
            target = a.get("action") or self.action  # no action: the page's own address
            self.inside = a.get("method", "").lower() == "post" and self.action in target
        if not self.inside or "name" not in a:
            return
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button"):
                self.fields.append((a["name"], a.get("value") or ""))
        elif tag == "textarea":
            self.textarea = a["name"]
            self.fields.append((a["name"], ""))

    def handle_data(self, data: str) -> None:
        if self.textarea:
            name, value = self.fields[-1]
            self.fields[-1] = (name, value + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self.textarea = None
        if tag == "form" and self.inside:
            self.inside, self.done = False, True


def form_fields(html: str, action: str) -> dict:
    parser = FormFields(action)
    parser.feed(html)
    return dict(parser.fields)


class Client(HttpUser):
    abstract = True

    def on_start(self) -> None:
        self.client.verify = False

    def post_form(self, path: str, changes: dict, name: str) -> None:
        page = self.client.get(path, name=name)
        data = {**form_fields(page.text, path), **changes}
        self.client.post(path, data=data, headers={"Referer": self.host + path}, name=name)


class Visitor(Client):
    weight = 3
    wait_time = between(1, 3)

    @task(4)
    def catalogue(self) -> None:
        self.client.get("/activities/")

    @task(2)
    def filtered(self) -> None:
        effort = random.choice(["low", "high"])  # noqa: S311
        self.client.get(f"/activities/?setting=home&effort={effort}", name="/activities/?filters")

    @task(2)
    def activity(self) -> None:
        self.client.get(f"/activities/bench-{random.randrange(2000)}/", name="/activities/<slug>/")  # noqa: S311

    @task(1)
    def search(self) -> None:
        self.client.get("/activities/?q=garden", name="/activities/?q=")

    @task(1)
    def api(self) -> None:
        self.client.get("/api/activities/?page=2", name="/api/activities/")

    @task(1)
    def helplines(self) -> None:
        self.client.get("/helplines/?state=CA", name="/helplines/?state=")


class Member(Client):
    weight = 2
    wait_time = between(1, 3)

    def on_start(self) -> None:
        super().on_start()
        email = f"vu{next(NAMES) % stack.VU_COUNT}@bench.invalid"
        page = self.client.get("/accounts/login/", name="sign in")
        self.client.post(
            "/accounts/login/",
            data={
                "login": email,
                "password": stack.PASSWORD,
                "csrfmiddlewaretoken": stack.csrf_token(page.text),
            },
            headers={"Referer": self.host + "/accounts/login/"},
            name="sign in",
        )
        overview = self.client.get("/worksheets/")
        self.statement = re.search(r"/worksheets/statements/(\d+)/", overview.text).group(1)

    @task(3)
    def my_activities(self) -> None:
        self.client.get("/activities/my/")

    @task(2)
    def progress(self) -> None:
        self.client.get("/activities/my/progress/")

    @task(2)
    def log_mood(self) -> None:
        path = f"/activities/bench-{random.randrange(2000)}/log/"  # noqa: S311
        self.post_form(
            path,
            {"mood_before": str(random.randint(0, 10)), "mood_after": "6"},  # noqa: S311
            name="/activities/<slug>/log/",
        )

    @task(1)
    def edit_statement(self) -> None:
        path = f"/worksheets/statements/{self.statement}/edit/"
        text = f"A short message every {random.randint(2, 9)} days."  # noqa: S311
        self.post_form(path, {"check_ins": text}, name="/worksheets/statements/<pk>/edit/")


class Clinician(Client):
    fixed_count = 1
    wait_time = between(2, 4)

    def on_start(self) -> None:
        super().on_start()
        page = self.client.get("/accounts/login/", name="sign in")
        response = self.client.post(
            "/accounts/login/",
            data={
                "login": stack.CLINICIAN,
                "password": stack.PASSWORD,
                "csrfmiddlewaretoken": stack.csrf_token(page.text),
            },
            headers={"Referer": self.host + "/accounts/login/"},
            name="sign in",
        )
        self.client.post(
            response.url,
            data={
                "code": stack.totp_code(),
                "csrfmiddlewaretoken": stack.csrf_token(response.text),
            },
            headers={"Referer": response.url},
            name="sign in (code)",
        )

    @task(2)
    def dashboard(self) -> None:
        self.client.get("/clinician/")

    @task(1)
    def read_statement(self) -> None:
        dashboard = self.client.get("/clinician/")
        pks = re.findall(r"/worksheets/statements/(\d+)/", dashboard.text)
        if pks:
            self.client.get(
                f"/worksheets/statements/{random.choice(pks)}/",  # noqa: S311
                name="/worksheets/statements/<pk>/ (clinician)",
            )
