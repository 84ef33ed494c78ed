"""A real `db_worker` process picks up a due reminder and delivers it.

Everything runs in child processes against a fresh SQLite file, with
Django's file email backend, just as `make run` and production run workers.
It takes a few seconds, so .ci/run runs it once (in the SQLite pass).
"""

import email
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.conf import settings

pytestmark = pytest.mark.once

SETUP = """
from datetime import time
from accounts.models import User
from activities.models import Activity, Plan, ReminderSettings
from activities.reminders import reminder_send

user = User.objects.create_user(email="member@example.com", display_name="Robin")
prefs = ReminderSettings.objects.create(
    owner=user, enabled=True, time_of_day=time(0, 0), time_zone="America/New_York"
)
day = prefs.today()
activity = Activity.objects.create(
    title="Call my sister", slug="call-my-sister", summary="A call.",
    setting="home", effort="low", status="published",
)
plan = Plan.objects.create(owner=user, activity=activity, planned_for=day)
due = prefs.due_at(day)
# Queued earlier for today at midnight, so it is due now.
reminder_send.using(run_after=due).enqueue(plan.pk, day.isoformat(), due.isoformat())
"""


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def test_a_worker_process_delivers_a_due_reminder():
    # A temporary folder in memory when there is one: SQLite migrates faster there.
    shm = Path("/dev/shm")  # noqa: S108
    where = shm if shm.is_dir() and os.access(shm, os.W_OK) else None
    with tempfile.TemporaryDirectory(dir=where) as folder:
        outbox = Path(folder) / "mail"
        env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": os.environ.get("HOME", folder),
            "ENV_FILE": "/nonexistent",
            "DEBUG": "False",
            "SECRET_KEY": "worker-test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "MFA_ENCRYPTION_KEY": Fernet.generate_key().decode(),
            "DATABASE_URL": f"sqlite:///{folder}/worker.sqlite3",
            "CACHE_URL": "locmemcache://",
            "EMAIL_URL": f"filemail:///{outbox}",
            "SITE_URL": "https://connect.example.org",
        }
        manage("migrate", "--noinput", "-v", "0", env=env)
        manage("shell", "-c", SETUP, env=env)
        manage(
            "db_worker",
            "--batch",
            "--no-startup-delay",
            "--no-reload",
            "--queue-name",
            "*",
            env=env,
        )
        files = list(outbox.iterdir())
        assert len(files) == 1
        message = email.message_from_bytes(files[0].read_bytes())
    assert message["To"] == "member@example.com"
    assert "gentle reminder" in message["Subject"].lower()
    assert "Call my sister" not in message.as_string()
    body = message.get_payload(decode=True).decode()
    assert "something you planned today" in body
    # Long headers are folded onto a second line.
    assert (
        message["List-Unsubscribe"]
        .strip()
        .startswith("<https://connect.example.org/activities/reminders/unsubscribe/")
    )
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
