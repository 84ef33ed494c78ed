"""`{% private_fragment key %}...{% endprivate_fragment %}`: a cached part of a
signed-in page, under a key the view builds from the person's data version
(`connectapp.lib.userdata.fragment_key`). A key of None renders without the
cache.

A cached fragment never holds a CSRF token: forms inside it are rendered with
a placeholder, and this request's token is put in when the fragment is shown.
Nothing with a CSP nonce belongs inside one."""

from django import template
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

from connectapp.lib.userdata import FRAGMENT_SECONDS

register = template.Library()

CSRF_PLACEHOLDER = "csrf-placeholder-7d4e1c"


class PrivateFragmentNode(template.Node):
    def __init__(self, nodelist: template.NodeList, key: template.base.FilterExpression) -> None:
        self.nodelist = nodelist
        self.key = key

    def render(self, context: template.Context) -> SafeString:
        key = self.key.resolve(context)
        html = cache.get(key) if key else None
        if html is None:
            with context.push(csrf_token=CSRF_PLACEHOLDER):
                html = self.nodelist.render(context)
            if key:
                cache.set(key, html, FRAGMENT_SECONDS)
        return mark_safe(html.replace(CSRF_PLACEHOLDER, str(context.get("csrf_token", ""))))  # noqa: S308 (rendered by the template engine, which escaped it)


@register.tag
def private_fragment(parser: template.base.Parser, token: template.base.Token) -> template.Node:
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' takes one argument: the cache key.")
    nodelist = parser.parse(("endprivate_fragment",))
    parser.delete_first_token()
    return PrivateFragmentNode(nodelist, parser.compile_filter(bits[1]))
