"""Calendar files for plans, made with the icalendar library.

A plan is an all-day event on its day: members plan days, not hours. Titles
are generic unless the member chose to show them, because a calendar is often
shared or glanced at by others. Their words are in the active language: the
feed's view makes that the member's own.
"""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .models import Plan

PRODID = "-//Connect//Planned activities//EN"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def _event(plan: Plan, *, show_title: bool, link: str) -> Event:
    event = Event()
    event.add("uid", f"plan-{plan.pk}@connect")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", plan.planned_for)
    event.add("dtend", plan.planned_for + timedelta(days=1))
    if show_title:
        summary = _("Connect: %(title)s") % {"title": plan.activity.title}
    else:
        summary = _("Connect: something you planned")
    event.add("summary", summary)
    event.add("url", link)
    event.add("transp", "TRANSPARENT")
    return event


def plan_ics(plan: Plan, *, link: str) -> bytes:
    """One plan, for "Add to calendar". The member downloads it themselves,
    so it names the activity."""
    calendar = _calendar("Connect")
    calendar.add_component(_event(plan, show_title=True, link=link))
    return calendar.to_ical()


def feed_ics(plans, *, show_titles: bool) -> bytes:
    """The member's private feed: their open dated plans, generic by default.
    Every event links to the Today page, which asks them to sign in."""
    link = settings.SITE_URL.rstrip("/") + reverse("today")
    calendar = _calendar(_("Connect plans"))
    calendar.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    for plan in plans:
        calendar.add_component(_event(plan, show_title=show_titles, link=link))
    return calendar.to_ical()
