from urllib.parse import urlsplit

from django import template

from helplines.crisis import LIFELINE_988

register = template.Library()


@register.inclusion_tag("includes/crisis_footer.html")
def crisis_footer() -> dict:
    """The crisis-help footer. It needs no request, so even the 500 page has it."""
    return {"line": LIFELINE_988}


@register.filter
def domain(url: str) -> str:
    """The site's name in a link, for showing where details came from."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


@register.filter
def describe_status(status, now) -> str:
    return status.describe(now)
