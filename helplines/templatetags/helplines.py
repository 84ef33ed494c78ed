from django import template

from helplines.crisis import LIFELINE_988

register = template.Library()


@register.inclusion_tag("includes/crisis_footer.html")
def crisis_footer() -> dict:
    """The crisis-help footer. It needs no request, so even the 500 page has it."""
    return {"line": LIFELINE_988}
