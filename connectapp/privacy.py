"""What Connect keeps about people, who can see it and how long it stays.

The privacy notice (`/privacy/`) renders this table, and
`tests/connectapp/test_privacy.py` fails when a model that links straight to
the user model is missing from it. Each entry says only what the code does
today: when nothing removes a record, the entry says it is kept.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings

from accounts.models import SHARE_CODE_LIFETIME


@dataclass(frozen=True)
class DataKind:
    """One row of the privacy notice's table.

    `models` are the labels (`app_label.ModelName`) of the models holding this
    data; it is empty for records that are not in the database, such as logs.
    """

    name: str
    what: str
    who_sees: str
    kept: str
    models: tuple[str, ...] = ()


def _duration(delta: timedelta) -> str:
    hours = int(delta.total_seconds() // 3600)
    if hours % 24 == 0:
        days = hours // 24
        return f"{days} day" if days == 1 else f"{days} days"
    return f"{hours} hour" if hours == 1 else f"{hours} hours"


def session_lifetime() -> str:
    """How long a quiet session lasts, in words, from SESSION_COOKIE_AGE."""
    return _duration(timedelta(seconds=settings.SESSION_COOKIE_AGE))


def data_kinds() -> list[DataKind]:
    """The table, built when asked so that it follows the running settings."""
    session = session_lifetime()
    share_code = _duration(SHARE_CODE_LIFETIME)
    return [
        DataKind(
            name="Your account",
            models=("accounts.User", "account.EmailAddress"),
            what=(
                "Your email address and whether you have confirmed it, your display name, "
                "your password (stored only as a one-way hash, never as the password itself), "
                "whether you are a member or a clinician, the US state you chose (if any), "
                "and when you joined and last signed in."
            ),
            who_sees=(
                "You. Other people on Connect see only your display name. Admins see your "
                "email address, display name, role and those two dates in the admin site; "
                "they cannot see your password."
            ),
            kept="Until you delete your account. Connect does not remove quiet accounts.",
        ),
        DataKind(
            name="Two-factor authentication",
            models=("mfa.Authenticator",),
            what=(
                "If you turn it on: the secret your authenticator app shares with Connect, "
                "your recovery codes, and when each was added and last used."
            ),
            who_sees=(
                "Connect uses them to check your codes. Admins can see that you have an "
                "authenticator and when it was last used, never the secret, which is stored "
                "encrypted."
            ),
            kept="Until you turn two-factor authentication off or delete your account.",
        ),
        DataKind(
            name="Signed-in devices",
            models=("usersessions.UserSession",),
            what=(
                "For each device you are signed in on: its IP address, the browser's own "
                "description of itself, when the session began and when it was last used."
            ),
            who_sees="You, under Account → Signed-in devices. Admins, in the admin site.",
            kept=(
                f"A session stops working after {session} without a visit, or when you sign "
                "out or end it from your list of devices. Its record can stay in the database "
                "after it stops working, until you next open that list; nothing else clears it."
            ),
        ),
        DataKind(
            name="Clinician application",
            models=("accounts.ClinicianProfile",),
            what=(
                "If you apply to be a clinician: your profession, licence or registration "
                "number, where it was issued and your practice; the decision, when it was made "
                f"and which admin made it; and your share code, which lasts {share_code}."
            ),
            who_sees=(
                "You and admins. A member who types your share code sees your display name "
                "and profession before choosing to share with you."
            ),
            kept=(
                "Until you delete your account. A rejected or withdrawn application stays on "
                "record with its decision."
            ),
        ),
        DataKind(
            name="Saved and planned activities",
            models=("activities.Plan",),
            what="The activities you save to My activities, and the day you planned each for.",
            who_sees="Only you.",
            kept=(
                "An open plan goes when you remove it. A plan you have done stays, with its "
                "mood log, until you delete your account."
            ),
        ),
        DataKind(
            name="Reminders and calendar feed",
            models=("activities.ReminderSettings",),
            what=(
                "Whether you want reminder emails, at what time and in which time zone, your "
                "quiet hours, whether reminders and your calendar feed may show activity "
                "titles, the private address of your calendar feed if you turned it on, and "
                "which days a reminder was sent for each plan."
            ),
            who_sees=(
                "Only you. Anyone who has your calendar feed's address can read the feed, so "
                "replace or turn it off if it reaches someone else."
            ),
            kept=(
                "Until you delete your account. The record of a sent reminder goes with its plan."
            ),
        ),
        DataKind(
            name="Emails waiting to be sent",
            what=(
                "Each email Connect sends (confirmations, password resets, reminders, notices "
                "about shares and comments) waits in a queue until a background worker sends "
                "it: the address it goes to and its text, which holds links but never anything "
                "you wrote."
            ),
            who_sees="Admins can see the queue in the admin site.",
            kept=(
                "Sent and failed emails stay in the queue's record until the server's operator "
                "clears it."
            ),
        ),
        DataKind(
            name="Mood logs",
            models=("activities.ActivityLog",),
            what=(
                "What you did and on which day, your mood before and after (0 to 10), and any "
                "note you wrote."
            ),
            who_sees=(
                "Only you. Sharing with a clinician never includes them, and admins cannot see "
                "them."
            ),
            kept=("Until you delete your account. There is no way yet to delete a single log."),
        ),
        DataKind(
            name="Moods noted before an activity",
            models=("activities.ActivityStart",),
            what=(
                "When you say you are about to do an activity: which one, when, and your mood "
                "before it (0 to 10)."
            ),
            who_sees="Only you. Admins and clinicians cannot see it.",
            kept=(
                "Until you note how the activity went (it then becomes part of that mood log), "
                "put it aside, or delete your account."
            ),
        ),
        DataKind(
            name="Activity suggestions",
            models=("activities.Suggestion",),
            what="The title and description of an activity you suggest, with where and how hard.",
            who_sees=(
                "You, and admins, who review the idea; the admin site does not show who "
                "suggested it. If an admin publishes it, it joins the public catalogue without "
                "your name."
            ),
            kept=(
                "Until you delete your account. Then any of your suggestions still waiting for "
                "review go too; published activities stay in the catalogue, no longer linked "
                "to you."
            ),
        ),
        DataKind(
            name="Recommendations from a clinician",
            models=("activities.Recommendation",),
            what="A catalogue activity a clinician suggested to you, with their name.",
            who_sees="You and the clinician who suggested it.",
            kept=(
                "It stays after the share ends and after you put it aside, until you delete "
                "your account."
            ),
        ),
        DataKind(
            name="Catalogue changes",
            models=("activities.Activity",),
            what="Each activity in the catalogue records which admin changed it last.",
            who_sees="Admins.",
            kept="As long as the activity exists.",
        ),
        DataKind(
            name="“What I need” statements",
            models=("worksheets.NeedsStatement",),
            what="Everything you write in a needs statement, and when you created and changed it.",
            who_sees=(
                "You, and a clinician you share it with, for as long as that share lasts. "
                "Admins cannot see it."
            ),
            kept="Until you delete it or your account.",
        ),
        DataKind(
            name="Relationships, checks and test drives",
            models=(
                "worksheets.Relationship",
                "worksheets.SecurityCheck",
                "worksheets.TestDrive",
            ),
            what=(
                "The people you add (a name or nickname is enough), your notes, each check of "
                "the five elements with your ratings and notes, and the small asks you log as "
                "test drives."
            ),
            who_sees=(
                "You, and a clinician you share that relationship with, for as long as that "
                "share lasts. Admins cannot see them."
            ),
            kept="Until you delete them or your account.",
        ),
        DataKind(
            name="Unsaved edits",
            models=("worksheets.UnsavedEdit",),
            what=(
                "A copy of your text when a save was refused because the worksheet had changed "
                "in another tab or on another device."
            ),
            who_sees="Only you.",
            kept="Until you choose which version to keep, or delete your account.",
        ),
        DataKind(
            name="Shares with clinicians",
            models=("worksheets.Share",),
            what=(
                "Which clinician, which worksheets, when sharing started, when it expires or "
                "ended, and why it ended."
            ),
            who_sees=(
                "You, and the clinician while the share lasts. Admins cannot see which "
                "worksheets you share."
            ),
            kept=(
                "An ended or expired share stays in your sharing history until you delete "
                "your account."
            ),
        ),
        DataKind(
            name="Comments",
            models=("worksheets.Comment",),
            what="Messages between you and a clinician about one of your worksheets.",
            who_sees=(
                "You, and that clinician while the share lasts. Each clinician sees only their "
                "own conversation with you."
            ),
            kept=(
                "They stay with you after the share ends, until you delete the worksheet or "
                "your account."
            ),
        ),
        DataKind(
            name="Access log",
            models=("worksheets.AccessLogEntry",),
            what=(
                "Each time a clinician opened, printed or downloaded one of your shared "
                "worksheets: who, which worksheet, when and how."
            ),
            who_sees="You, on your Sharing page.",
            kept=(
                "No one can change or delete an entry, even after the clinician or the "
                "worksheet is gone. The log goes only when you delete your account."
            ),
        ),
        DataKind(
            name="Admin history",
            models=("admin.LogEntry",),
            what=(
                "The admin site's record of each change an admin makes: which admin, what "
                "they changed (named as it was then, for example by a display name), and when."
            ),
            who_sees=(
                "Each admin sees their own recent changes on the admin home page. The people "
                "running the server can read all of it in the database."
            ),
            kept=(
                "With no end date. A name in it stays even after that account is deleted; "
                "the history goes only when the admin's own account does."
            ),
        ),
        DataKind(
            name="Security log",
            what=(
                "Sign-ins, sign-outs, failed sign-ins, sign-ups, two-factor changes, clinician "
                "applications and decisions, share codes made and looked up, shares started, "
                "changed and stopped, deleted accounts, and refused requests "
                "(the page's address without anything after the “?”). Each line has the time "
                "and, where they apply, an account number and an IP address. It never holds "
                "what you write, nor the email address typed into a failed sign-in."
            ),
            who_sees="The people who run this Connect server.",
            kept=(
                "Connect writes these lines to the server's output and keeps no copy itself. "
                "How long they last depends on how this server stores its logs."
            ),
        ),
        DataKind(
            name="Rate-limit counters",
            what=(
                "Counts of recent attempts (signing in, signing up, resetting a password, "
                "looking up a share code), counted by IP address, by account, or by a "
                "scrambled (hashed) form of the email address typed, to slow down guessing."
            ),
            who_sees="No one reads them; Connect checks them.",
            kept="Each count clears itself when its time window passes: at most an hour.",
        ),
    ]


def listed_models() -> set[str]:
    """Every model label the table covers."""
    return {label for kind in data_kinds() for label in kind.models}
