"""`{% private_fragment fragment %}...{% endprivate_fragment %}`: a cached part
of a signed-in page. The view looks it up with `connectapp.lib.userdata.fragment`
(None renders without the cache).

A cached fragment never holds a CSRF token: forms inside it are rendered with
a placeholder, and this request's token is put in when the fragment is shown.
Nothing with a CSP nonce belongs inside one."""

from django import template
from django.utils.safestring import SafeString

from connectapp.lib.fragments import CSRF_PLACEHOLDER, csrf_token_put, indentation_drop
from connectapp.lib.userdata import Fragment

register = template.Library()


class PrivateFragmentNode(template.Node):
    def __init__(self, nodelist: template.NodeList, fragment: template.base.FilterExpression):
        self.nodelist = nodelist
        self.fragment = fragment

    def render(self, context: template.Context) -> SafeString:
        fragment: Fragment | None = self.fragment.resolve(context)
        html = fragment.html if fragment else None
        if html is None:
            with context.push(csrf_token=CSRF_PLACEHOLDER):
                html = indentation_drop(self.nodelist.render(context))
            if fragment:
                fragment.store(html)
        return csrf_token_put(html, context.get("csrf_token", ""))


@register.tag
def private_fragment(parser: template.base.Parser, token: template.base.Token) -> template.Node:
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' takes one argument: a fragment.")
    nodelist = parser.parse(("endprivate_fragment",))
    parser.delete_first_token()
    return PrivateFragmentNode(nodelist, parser.compile_filter(bits[1]))
