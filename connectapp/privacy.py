"""What Connect keeps about people, who can see it and how long it stays.

The privacy notice (`/privacy/`) renders this table, and
`tests/connectapp/test_privacy.py` fails when a model that links straight to
the user model is missing from it. Each entry says only what the code does
today: when nothing removes a record, the entry says it is kept.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
        return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}
    return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}


def session_lifetime() -> str:
    """How long a quiet session lasts, in words, from SESSION_COOKIE_AGE."""
    return _duration(timedelta(seconds=settings.SESSION_COOKIE_AGE))


def data_kinds() -> list[DataKind]:
    """The table, built when asked so that it follows the running settings."""
    session = session_lifetime()
    share_code = _duration(SHARE_CODE_LIFETIME)
    return [
        DataKind(
            name=_("Your account"),
            models=("accounts.User", "account.EmailAddress"),
            what=(
                _(
                    "Your email address and whether you have confirmed it, your display name, "
                    "your password (stored only as a one-way hash, never as the password itself), "
                    "whether you are a member or a clinician, the US state and the language you "
                    "chose (if any), "
                    "and when you joined and last signed in."
                )
            ),
            who_sees=(
                _(
                    "You. Other people on Connect see only your display name. Admins see your "
                    "email address, display name, role and those two dates in the admin site; "
                    "they cannot see your password."
                )
            ),
            kept=_("Until you delete your account. Connect does not remove quiet accounts."),
        ),
        DataKind(
            name=_("Two-factor authentication"),
            models=("mfa.Authenticator",),
            what=(
                _(
                    "If you turn it on: the secret your authenticator app shares with Connect, "
                    "your recovery codes, and when each was added and last used."
                )
            ),
            who_sees=(
                _(
                    "Connect uses them to check your codes. Admins can see that you have an "
                    "authenticator and when it was last used, never the secret, which is stored "
                    "encrypted."
                )
            ),
            kept=_("Until you turn two-factor authentication off or delete your account."),
        ),
        DataKind(
            name=_("Signed-in devices"),
            models=("usersessions.UserSession",),
            what=(
                _(
                    "For each device you are signed in on: its IP address, the browser's own "
                    "description of itself, when the session began and when it was last used."
                )
            ),
            who_sees=_("You, under Account → Signed-in devices. Admins, in the admin site."),
            kept=(
                _(
                    "A session stops working after %(session)s without a visit, or when you sign "
                    "out or end it from your list of devices. Its record can stay in the database "
                    "after it stops working, until you next open that list; nothing else clears it."
                )
                % {"session": session}
            ),
        ),
        DataKind(
            name=_("Clinician application"),
            models=("accounts.ClinicianProfile",),
            what=(
                _(
                    "If you apply to be a clinician: your profession, license or registration "
                    "number, where it was issued and your practice; the decision, when it was made "
                    "and which admin made it; and your share code, which lasts %(share_code)s."
                )
                % {"share_code": share_code}
            ),
            who_sees=(
                _(
                    "You and admins. A member who types your share code sees your display name "
                    "and profession before choosing to share with you."
                )
            ),
            kept=(
                _(
                    "Until you delete your account. A rejected or withdrawn application stays on "
                    "record with its decision."
                )
            ),
        ),
        DataKind(
            name=_("Saved and planned activities"),
            models=("activities.Plan",),
            what=_("The activities you save to My activities, and the day you planned each for."),
            who_sees=_("Only you."),
            kept=(
                _(
                    "An open plan goes when you remove it. A plan you have done stays, with its "
                    "mood log, until you delete your account."
                )
            ),
        ),
        DataKind(
            name=_("Reminders and calendar feed"),
            models=("activities.ReminderSettings",),
            what=_(
                "Whether you want reminder emails, at what time and in which time zone, your "
                "quiet hours, whether reminders and your calendar feed may show activity "
                "titles, the private address of your calendar feed if you turned it on, and "
                "which days a reminder was sent for each plan."
            ),
            who_sees=_(
                "Only you. Anyone who has your calendar feed's address can read the feed, so "
                "replace or turn it off if it reaches someone else."
            ),
            kept=_(
                "Until you delete your account. The record of a sent reminder goes with its plan."
            ),
        ),
        DataKind(
            name=_("Emails waiting to be sent"),
            what=_(
                "Each email Connect sends (confirmations, password resets, reminders, notices "
                "about shares and comments) waits in a queue until a background worker sends "
                "it: the address it goes to and its text, which holds links but never anything "
                "you wrote."
            ),
            who_sees=_("Admins can see the queue in the admin site."),
            kept=_(
                "Sent and failed emails stay in the queue's record until the server's operator "
                "clears it."
            ),
        ),
        DataKind(
            name=_("Mood logs"),
            models=("activities.ActivityLog",),
            what=(
                _(
                    "What you did and on which day, your mood before and after (0 to 10), and any "
                    "note you wrote."
                )
            ),
            who_sees=(
                _(
                    "Only you. Sharing with a clinician never includes them, and admins cannot see "
                    "them."
                )
            ),
            kept=(_("Until you delete your account. There is no way yet to delete a single log.")),
        ),
        DataKind(
            name=_("Moods noted before an activity"),
            models=("activities.ActivityStart",),
            what=_(
                "When you say you are about to do an activity: which one, when, and your mood "
                "before it (0 to 10)."
            ),
            who_sees=_("Only you. Admins and clinicians cannot see it."),
            kept=_(
                "Until you note how the activity went (it then becomes part of that mood log), "
                "put it aside, or delete your account."
            ),
        ),
        DataKind(
            name=_("Activity suggestions"),
            models=("activities.Suggestion",),
            what=_(
                "The title and description of an activity you suggest, with where and how hard."
            ),
            who_sees=(
                _(
                    "You, and admins, who review the idea; the admin site does not show who "
                    "suggested it. If an admin publishes it, it joins the public catalog without "
                    "your name."
                )
            ),
            kept=(
                _(
                    "Until you delete your account. Then any of your suggestions still waiting for "
                    "review go too; published activities stay in the catalog, no longer linked "
                    "to you."
                )
            ),
        ),
        DataKind(
            name=_("Recommendations from a clinician"),
            models=("activities.Recommendation",),
            what=_("A catalog activity a clinician suggested to you, with their name."),
            who_sees=_("You and the clinician who suggested it."),
            kept=(
                _(
                    "It stays after the share ends and after you put it aside, until you delete "
                    "your account."
                )
            ),
        ),
        DataKind(
            name=_("Clinicians' private labels"),
            models=("worksheets.ClientLabel",),
            what=_(
                "If you are a clinician: a short label you gave a member who shares with you, "
                "to recognize them on your dashboard."
            ),
            who_sees=_("Only the clinician who wrote it: never the member, never anyone else."),
            kept=_(
                "Until the clinician changes or removes it, or either of you deletes your account."
            ),
        ),
        DataKind(
            name=_("Catalog changes"),
            models=("activities.Activity",),
            what=_("Each activity in the catalog records which admin changed it last."),
            who_sees=_("Admins."),
            kept=_("As long as the activity exists."),
        ),
        DataKind(
            name=_("Your list of worksheets"),
            models=("worksheets.Worksheet",),
            what=_("Which worksheets you have, of which kind, and when you started each one."),
            who_sees=_(
                "You, and a clinician you share a worksheet with, for that worksheet while "
                "the share lasts. Admins cannot see it."
            ),
            kept=_("Until you delete the worksheet or your account."),
        ),
        DataKind(
            name=_("“What I need” statements"),
            models=("worksheets.NeedsStatement",),
            what=_(
                "Everything you write in a needs statement, and when you created and changed it."
            ),
            who_sees=(
                _(
                    "You, and a clinician you share it with, for as long as that share lasts. "
                    "Admins cannot see it."
                )
            ),
            kept=_("Until you delete it or your account."),
        ),
        DataKind(
            name=_("Relationships, checks and test drives"),
            models=(
                "worksheets.Relationship",
                "worksheets.SecurityCheck",
                "worksheets.TestDrive",
            ),
            what=(
                _(
                    "The people you add (a name or nickname is enough), your notes, each check of "
                    "the five elements with your ratings and notes, and the small asks you log as "
                    "test drives."
                )
            ),
            who_sees=(
                _(
                    "You, and a clinician you share that relationship with, for as long as that "
                    "share lasts. Admins cannot see them."
                )
            ),
            kept=_("Until you delete them or your account."),
        ),
        DataKind(
            name=_("Safety plans"),
            models=("worksheets.SafetyPlan",),
            what=(
                _(
                    "Everything you write in a safety plan, including the names, phone numbers "
                    "and messages of the people and services you list, and when you created and "
                    "changed it. If you turn on “Keep my safety plan on this device”, that "
                    "browser also keeps a copy of the plan until you turn it off or sign out there."
                )
            ),
            who_sees=(
                _(
                    "You, and a clinician you share it with, for as long as that share lasts. "
                    "Admins cannot see it. The people you list are not told about it."
                )
            ),
            kept=_("Until you delete it or your account."),
        ),
        DataKind(
            name=_("Unsaved edits"),
            models=("worksheets.UnsavedEdit",),
            what=(
                _(
                    "A copy of your text when a save was refused because the worksheet had changed "
                    "in another tab or on another device."
                )
            ),
            who_sees=_("Only you."),
            kept=_("Until you choose which version to keep, or delete your account."),
        ),
        DataKind(
            name=_("Shares with clinicians"),
            models=("worksheets.Share",),
            what=(
                _(
                    "Which clinician, which worksheets, when sharing started, when it expires or "
                    "ended, and why it ended."
                )
            ),
            who_sees=(
                _(
                    "You, and the clinician while the share lasts. Admins cannot see which "
                    "worksheets you share."
                )
            ),
            kept=(
                _(
                    "An ended or expired share stays in your sharing history until you delete "
                    "your account."
                )
            ),
        ),
        DataKind(
            name=_("Links for someone you trust"),
            models=("worksheets.TrustedLink", "worksheets.TrustedLinkOpen"),
            what=(
                _(
                    "Which worksheet, who the link is for in your words, when it was made, when "
                    "it expires or was stopped, and the time of each opening. Never where it was "
                    "opened from or by whom. The link itself is kept only as a one-way hash, so "
                    "it cannot be read back from the database."
                )
            ),
            who_sees=(
                _(
                    "You. Anyone holding the link can read that one worksheet until it expires or "
                    "you stop it. Admins cannot see your links."
                )
            ),
            kept=(
                _(
                    "A stopped or expired link stays in your sharing history until you delete the "
                    "worksheet or your account."
                )
            ),
        ),
        DataKind(
            name=_("Comments"),
            models=("worksheets.Comment",),
            what=_("Messages between you and a clinician about one of your worksheets."),
            who_sees=(
                _(
                    "You, and that clinician while the share lasts. Each clinician sees only their "
                    "own conversation with you."
                )
            ),
            kept=(
                _(
                    "They stay with you after the share ends, until you delete the worksheet or "
                    "your account."
                )
            ),
        ),
        DataKind(
            name=_("Access log"),
            models=("worksheets.AccessLogEntry",),
            what=(
                _(
                    "Each time a clinician opened, printed or downloaded one of your shared "
                    "worksheets: who, which worksheet, when and how."
                )
            ),
            who_sees=_("You, on your Sharing page."),
            kept=(
                _(
                    "No one can change or delete an entry, even after the clinician or the "
                    "worksheet is gone. The log goes only when you delete your account."
                )
            ),
        ),
        DataKind(
            name=_("Admin history"),
            models=("admin.LogEntry",),
            what=(
                _(
                    "The admin site's record of each change an admin makes: which admin, what "
                    "they changed (named as it was then, for example by a display name), and when."
                )
            ),
            who_sees=(
                _(
                    "Each admin sees their own recent changes on the admin home page. The people "
                    "running the server can read all of it in the database."
                )
            ),
            kept=(
                _(
                    "With no end date, except that deleting an account removes every entry about "
                    "it and what it held; an admin's own changes go when their account does."
                )
            ),
        ),
        DataKind(
            name=_("Security log"),
            what=(
                _(
                    "Sign-ins, sign-outs, failed sign-ins, sign-ups, two-factor changes, clinician "
                    "applications and decisions, share codes made and looked up, shares started, "
                    "changed and stopped, deleted accounts, and refused requests "
                    "(the page's address without anything after the “?”). Each line has the time "
                    "and, where they apply, an account number and an IP address. It never holds "
                    "what you write, nor the email address typed into a failed sign-in."
                )
            ),
            who_sees=_("The people who run this Connect server."),
            kept=(
                _(
                    "Connect writes these lines to the server's output and keeps no copy itself. "
                    "How long they last depends on how this server stores its logs."
                )
            ),
        ),
        DataKind(
            name=_("Rate-limit counters"),
            what=(
                _(
                    "Counts of recent attempts (signing in, signing up, resetting a password, "
                    "looking up a share code), counted by IP address, by account, or by a "
                    "scrambled (hashed) form of the email address typed, to slow down guessing."
                )
            ),
            who_sees=_("No one reads them; Connect checks them."),
            kept=_("Each count clears itself when its time window passes: at most an hour."),
        ),
    ]


def listed_models() -> set[str]:
    """Every model label the table covers."""
    return {label for kind in data_kinds() for label in kind.models}
