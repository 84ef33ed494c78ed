import json

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.core.mail import send_mail
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.cache import never_cache

from .forms import AccountDeleteForm, ProfileForm
from .services import account_delete, account_export


def profile(request: HttpRequest) -> HttpResponse:
    """The account hub: display name, home state, and links to every account setting."""
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile is saved.")
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@never_cache
def data(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/data.html")


@never_cache
def data_download(request: HttpRequest) -> HttpResponse:
    """Everything the member keeps in Connect, as a JSON file."""
    body = json.dumps(account_export(user=request.user), cls=DjangoJSONEncoder, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"connect-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
def data_print(request: HttpRequest) -> HttpResponse:
    """The same data as the download, laid out to read or print."""
    return render(
        request, "accounts/data_print.html", {"export": account_export(user=request.user)}
    )


@never_cache
@reauthentication_required(allow_get=True)
def delete(request: HttpRequest) -> HttpResponse:
    """Erase the account. The POST asks for the password again if it was not
    entered recently, then replays itself."""
    form = AccountDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        email = user.email
        logout(request)
        account_delete(user=user)
        send_mail(
            "[Connect] Your account has been deleted",
            render_to_string("accounts/email/account_deleted.txt"),
            None,
            [email],
        )
        messages.success(request, "Your account and everything in it have been deleted.")
        return redirect("home")
    return render(request, "accounts/delete.html", {"form": form})
