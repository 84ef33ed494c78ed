import io
import logging

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command

from accounts.models import ClinicianProfile, User
from tests.factories import has_totp
from worksheets.models import NeedsStatement, Share


@pytest.mark.django_db
def test_seed_demo_refuses_to_run_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_seed_demo_creates_the_three_demo_logins_once(settings, capsys):
    settings.DEBUG = True
    call_command("seed_demo")
    call_command("seed_demo")
    assert User.objects.count() == 3
    member = User.objects.get(email="member@example.com")
    clinician = User.objects.get(email="clinician@example.com")
    admin = User.objects.get(email="admin@example.com")
    assert member.role == User.Role.MEMBER and not has_totp(member)
    assert clinician.role == User.Role.CLINICIAN and has_totp(clinician)
    assert admin.is_staff and admin.is_superuser and has_totp(admin)
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == 3
    out = capsys.readouterr().out
    assert "demo-member-pass" in out
    assert "authenticator key:" in out
    assert "recovery codes" in out


@pytest.mark.django_db
def test_seed_demo_verifies_the_clinician_and_shares_a_sample_statement_once(settings, capsys):
    settings.DEBUG = True
    call_command("seed_demo")
    first_code = ClinicianProfile.objects.get().share_code
    call_command("seed_demo")

    clinician = User.objects.get(email="clinician@example.com")
    member = User.objects.get(email="member@example.com")
    profile = ClinicianProfile.objects.get()
    assert profile.user == clinician
    assert profile.status == ClinicianProfile.Status.VERIFIED
    assert profile.share_code_is_current
    assert profile.share_code == first_code
    assert profile.share_code_display in capsys.readouterr().out
    statement = NeedsStatement.objects.get()
    assert statement.owner == member
    share = Share.objects.active().get()
    assert (share.owner, share.clinician) == (member, clinician)
    assert share.covered() == [statement]


@pytest.mark.django_db
def test_seed_demo_prints_the_logins_as_one_block_after_any_log_line(settings):
    """`make run` shows the command's output and the log on one terminal: a log
    line written while seeding must not land inside the printed logins."""
    settings.DEBUG = True
    events: list[tuple[str, str]] = []

    class Recorder(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            events.append(("log", record.getMessage()))

    class Output(io.StringIO):
        def write(self, text: str) -> int:
            events.append(("out", text))
            return len(text)

    recorder = Recorder()
    logging.getLogger().addHandler(recorder)
    try:
        call_command("seed_demo", stdout=Output())
    finally:
        logging.getLogger().removeHandler(recorder)
    assert any(kind == "log" for kind, _ in events), "seeding logs a new share code"
    kinds = [kind for kind, _ in events]
    first_out = kinds.index("out")
    assert "log" not in kinds[first_out:]
    printed = "".join(text for kind, text in events if kind == "out")
    assert "Demo logins" in printed and "share code:" in printed
