from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .crisis import LIFELINE_988


@login_not_required
def finder(request: HttpRequest) -> HttpResponse:
    return render(request, "helplines/finder.html", {"crisis_line": LIFELINE_988})
