"""The site's URLs plus one page that uses "keep on this device", for the
browser test of the mechanism until a real page (the safety plan) uses it."""

from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path, reverse

from connectapp.urls import urlpatterns as site_urlpatterns

PAGE = """{% extends "base.html" %}
{% block head_title %}Keep test{% endblock head_title %}
{% block content %}
<h1>Keep test</h1>
{% include "includes/keep_on_device.html" with keep_urls=urls keep_label=label %}
{% endblock content %}"""


def keep_page(request: HttpRequest) -> HttpResponse:
    template = engines["django"].from_string(PAGE)
    return HttpResponse(
        template.render(
            {
                "urls": [reverse("worksheets:overview")],
                "label": "Keep my worksheets on this device",
            },
            request,
        )
    )


urlpatterns = [*site_urlpatterns, path("keep-test/", keep_page)]
