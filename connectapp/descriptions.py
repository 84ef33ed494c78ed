"""Each public page's meta description: what a search result or a shared link
shows under the page's title. A template may set its own instead with
`{% block meta_description %}` (one activity uses its summary)."""

from django.utils.translation import gettext_lazy as _

DEFAULT = _(
    "Connect helps people living with depression stay in touch with others, "
    "one small step at a time."
)

PAGE_DESCRIPTIONS: dict[str, object] = {
    "offline": _(
        "Crisis lines and your state's warmlines, kept on this device so they show even "
        "without a connection."
    ),
    "helplines:report": _(
        "Tell Connect that a helpline number did not work, so it can be checked again. "
        "No name or contact details needed."
    ),
    "activities:reminders-unsubscribe": _(
        "Turn off Connect's reminder emails with one click, without signing in."
    ),
    "home": _(
        "Small, real ways to be around people when depression makes reaching out hard: "
        "ideas that fit your energy, worksheets, and helplines. Free, private and gentle."
    ),
    "about": _(
        "What Connect is and is not, who it is for, where its ideas come from, and the "
        "research behind behavioral activation and safety planning."
    ),
    "privacy": _(
        "What Connect keeps, who can see it, how long it stays, and how to download or "
        "delete all of it. Written from what the app really does."
    ),
    "accessibility": _(
        "Connect aims for WCAG 2.2 AA. How it is tested, the gaps we know about, and how to "
        "tell us about a barrier."
    ),
    "being-with-people": _(
        "Gentle tips for time with other people: listening, being yourself, testing a "
        "friendship with small asks, and what to do when shame says stay away."
    ),
    "activities:list": _(
        "Browse ideas for connecting with people, sorted by energy and by whether you "
        "leave the house. No account needed."
    ),
    "helplines:finder": _(
        "Crisis lines and warmlines in the US, with your own state's lines first, then "
        "nearby states and national lines."
    ),
    "account_login": _("Sign in to Connect to see your activities, worksheets and shares."),
    "account_signup": _(
        "Create a free Connect account with an email address and a display name. "
        "A nickname is fine."
    ),
    "account_logout": _("Sign out of Connect on this device."),
    "account_inactive": _("This Connect account is not active."),
    "account_email_verification_sent": _(
        "Check your inbox: Connect has sent a link to confirm your email address."
    ),
    "account_confirm_email": _("Confirm your email address to finish setting up Connect."),
    "account_reset_password": _("Forgot your Connect password? Ask for a link to set a new one."),
    "account_reset_password_done": _("A link to reset your Connect password is on its way."),
    "account_reset_password_from_key": _("Choose a new password for your Connect account."),
    "account_reset_password_from_key_done": _("Your Connect password has been changed."),
    "account_confirm_login_code": _("Enter the sign-in code Connect sent to your email."),
    "mfa_authenticate": _("Enter a code from your authenticator app to finish signing in."),
}
