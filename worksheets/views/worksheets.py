"""Worksheet pages. Every object comes through `worksheets.access`, every
response is `no-store`, and every change is a POST followed by a redirect.

Read-only pages (statement detail, print, PDF, relationship detail) serve
the owner and any clinician with an active share of that worksheet; they
render through shared includes with `can_edit` for the owner alone, and
record each clinician read in the owner's access log. Edit pages are
owner-only. Comments are posted from the read-only pages."""

import functools
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from accounts.models import User
from connectapp.lib import userdata

from .. import registry, services
from ..access import (
    get_relationship_for_user,
    get_security_check_for_user,
    get_test_drive_for_user,
    get_unsaved_edit_for_user,
    get_worksheet_for_user,
)
from ..forms import (
    CommentForm,
    ReplyForm,
    SecurityCheckForm,
    TestDriveForm,
    create_form_for,
    edit_form_for,
)
from ..models import (
    AccessLogEntry,
    Comment,
    NeedsStatement,
    Relationship,
    SafetyPlan,
    UnsavedEdit,
    WorksheetModel,
)
from ..pdf import PDFTooSlow

CONFLICT_MESSAGE = _(
    "This was changed somewhere else (another tab or device) after you opened it, so "
    "your changes were not saved over it. Both versions are kept: compare them below "
    "and choose."
)


def _values(form, model: type[WorksheetModel]) -> dict[str, Any]:
    return {name: form.cleaned_data[name] for name in model.EDITABLE_FIELDS}


@never_cache
def overview(request: HttpRequest) -> HttpResponse:
    """The member's worksheets, cached under their data version: the
    querysets run only after a change."""
    fragment = userdata.fragment("worksheets", request.user.pk)
    context = userdata.lazy_context(
        functools.partial(_overview, request.user), ("statements", "safety_plans", "relationships")
    )
    return render(request, "worksheets/overview.html", {"fragment": fragment, **context})


def _overview(user: User) -> dict:
    return {
        "statements": NeedsStatement.objects.owned_by(user).only(
            "pk", "title", "updated_at", "owner_id"
        ),
        "safety_plans": SafetyPlan.objects.owned_by(user).for_lists(),
        "relationships": Relationship.objects.owned_by(user).with_latest_check(),
    }


# Every kind of worksheet: the URL patterns pass `kind`, a registry key.


@never_cache
def worksheet_create(request: HttpRequest, kind: str) -> HttpResponse:
    info = registry.get(kind)
    form = create_form_for(info)(request.POST or None, initial=info.model.initial_for(request.user))
    if request.method == "POST" and form.is_valid():
        worksheet = services.worksheet_create(
            kind=info,
            owner=request.user,
            token=form.cleaned_data["token"],
            values=_values(form, info.model),
        )
        messages.success(request, info.created_message % {"name": worksheet.display_title})
        return redirect(worksheet)
    return render(
        request, info.form_template, {"form": form, **info.model.form_context(request.user)}
    )


@never_cache
@require_GET
def worksheet_detail(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    info = registry.get(kind)
    return _worksheet_page(request, get_worksheet_for_user(request.user, info, pk))


def _worksheet_page(
    request: HttpRequest,
    worksheet: WorksheetModel,
    *,
    comment_form: CommentForm | None = None,
    status: int = 200,
) -> HttpResponse:
    services.access_log_record(
        reader=request.user, worksheet=worksheet, kind=AccessLogEntry.Kind.PAGE
    )
    info = worksheet.kind_info
    return render(
        request,
        info.template,
        {
            info.key: worksheet,
            "worksheet": worksheet,
            "can_edit": worksheet.owner_id == request.user.pk,
            "unsaved_edits": worksheet.unsaved_edits.owned_by(request.user),
            **worksheet.detail_context(),
            **_sharing_context(request, worksheet, comment_form),
        },
        status=status,
    )


@never_cache
def worksheet_edit(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Edit a worksheet. A save based on an older version is kept as an
    unsaved edit, and the member is sent to compare the two."""
    info = registry.get(kind)
    worksheet = get_worksheet_for_user(request.user, info, pk, write=True)
    form = edit_form_for(info)(
        request.POST if request.method == "POST" else None,
        instance=worksheet,
        initial={"version": worksheet.version},
    )
    if request.method == "POST" and form.is_valid():
        unsaved = services.worksheet_save(
            worksheet=worksheet,
            values=_values(form, info.model),
            base_version=form.cleaned_data["version"],
        )
        if unsaved is not None:
            messages.warning(request, CONFLICT_MESSAGE)
            return redirect("worksheets:unsaved-edit", pk=unsaved.pk)
        messages.success(request, gettext("Your changes are saved."))
        return redirect(worksheet)
    return render(
        request,
        info.form_template,
        {"form": form, info.key: worksheet, **info.model.form_context(request.user)},
    )


def _printable(kind: str) -> registry.WorksheetKind:
    info = registry.get(kind)
    if info.pdf is None:
        raise Http404
    return info


@never_cache
@require_GET
def worksheet_print(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    info = _printable(kind)
    worksheet = get_worksheet_for_user(request.user, info, pk)
    services.access_log_record(
        reader=request.user, worksheet=worksheet, kind=AccessLogEntry.Kind.PRINT
    )
    return render(
        request,
        info.print_template,
        {info.key: worksheet, "worksheet": worksheet, **worksheet.detail_context()},
    )


@never_cache
@require_GET
def worksheet_download(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    info = _printable(kind)
    worksheet = get_worksheet_for_user(request.user, info, pk)
    services.access_log_record(
        reader=request.user, worksheet=worksheet, kind=AccessLogEntry.Kind.PDF
    )
    try:
        content = info.pdf(worksheet)
    except PDFTooSlow:
        messages.info(
            request,
            gettext(
                "This %(noun)s is too long to turn into a PDF here. Use your browser's Print "
                "command on this page instead: most browsers can save it as a PDF."
            )
            % {"noun": info.noun},
        )
        return redirect(f"worksheets:{info.key}-print", pk=worksheet.pk)
    response = HttpResponse(content, content_type="application/pdf")
    filename = f"{slugify(info.noun)}-{worksheet.pk}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
def worksheet_delete(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    info = registry.get(kind)
    worksheet = get_worksheet_for_user(request.user, info, pk, write=True)
    return _delete(
        request,
        worksheet,
        what=info.delete_what,
        name=worksheet.display_title,
        detail=info.delete_detail,
        cancel=worksheet.get_absolute_url(),
        done=reverse("worksheets:overview"),
        message=info.deleted_message,
    )


def _delete(
    request: HttpRequest,
    obj: Any,
    *,
    what: str,
    name: str,
    detail: str,
    cancel: str,
    done: str,
    message: str,
) -> HttpResponse:
    """Every delete: a confirmation page, then one POST that deletes and
    goes to `done`."""
    if request.method == "POST":
        obj.delete()
        messages.success(request, message)
        return redirect(done)
    return render(
        request,
        "worksheets/confirm_delete.html",
        {"what": what, "name": name, "detail": detail, "cancel": cancel},
    )


# A relationship's security checks and test drives


@never_cache
def check_create(request: HttpRequest, pk: int) -> HttpResponse:
    relationship = get_relationship_for_user(request.user, pk, write=True)
    form = SecurityCheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in SecurityCheckForm.Meta.fields}
        services.security_check_create(
            relationship=relationship, token=form.cleaned_data["token"], values=values
        )
        messages.success(request, gettext("Your check is saved."))
        return redirect("worksheets:relationship-detail", pk=relationship.pk)
    return render(
        request,
        "worksheets/check_form.html",
        {"form": form, "relationship": relationship},
    )


@never_cache
def check_delete(request: HttpRequest, pk: int) -> HttpResponse:
    check = get_security_check_for_user(request.user, pk, write=True)
    return _relationship_part_delete(
        request,
        check,
        check.checked_on,
        what=gettext("this security check"),
        detail=gettext("Its ratings and notes will be gone for good."),
        message=gettext("The check is deleted."),
    )


@never_cache
def test_drive_create(request: HttpRequest, pk: int) -> HttpResponse:
    relationship = get_relationship_for_user(request.user, pk, write=True)
    form = TestDriveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in TestDriveForm.Meta.fields}
        services.test_drive_create(
            relationship=relationship, token=form.cleaned_data["token"], values=values
        )
        messages.success(request, gettext("Your test drive is saved."))
        return redirect(
            reverse("worksheets:relationship-detail", args=[relationship.pk]) + "#test-drives"
        )
    return render(
        request,
        "worksheets/test_drive_form.html",
        {"form": form, "relationship": relationship},
    )


@never_cache
def test_drive_delete(request: HttpRequest, pk: int) -> HttpResponse:
    drive = get_test_drive_for_user(request.user, pk, write=True)
    return _relationship_part_delete(
        request,
        drive,
        drive.asked_on,
        what=gettext("this test drive"),
        detail=gettext("What you asked and how they responded will be gone for good."),
        message=gettext("The test drive is deleted."),
    )


def _relationship_part_delete(
    request: HttpRequest, part: Any, day: date, *, what: str, detail: str, message: str
) -> HttpResponse:
    """Delete a relationship's check or test drive, back on the relationship's page."""
    back = reverse("worksheets:relationship-detail", args=[part.relationship_id])
    return _delete(
        request,
        part,
        what=what,
        name=f"{part.relationship.name}, {formats.date_format(day, 'DATE_FORMAT')}",
        detail=detail,
        cancel=back,
        done=back,
        message=message,
    )


# Sharing on a worksheet's page: who can see it, and the comments


@dataclass
class Thread:
    """One clinician's conversation with the owner about one worksheet.
    `form` is None once the clinician can no longer read the worksheet."""

    clinician_id: int | None
    name: str
    comments: list[Comment]
    form: CommentForm | None = None


def _reply_form(clinician_id: int, clinicians, data=None) -> ReplyForm:
    return ReplyForm(
        data,
        clinicians=clinicians,
        initial={"clinician": clinician_id},
        auto_id=f"id_reply{clinician_id}_%s",
    )


def _sharing_context(
    request: HttpRequest, worksheet: WorksheetModel, bound: CommentForm | None
) -> dict[str, Any]:
    """What a worksheet page shows about sharing. The owner sees who can read
    it and every conversation, and can reply where the clinician still reads
    along; a clinician sees the share and their own conversation only."""
    context: dict[str, Any] = {
        "comment_url": reverse(f"worksheets:{worksheet.kind_info.key}-comment", args=[worksheet.pk])
    }
    comments = list(worksheet.comments.for_reader(request.user, worksheet.owner_id))
    if worksheet.owner_id != request.user.pk:
        share = (
            worksheet.shares.active().filter(clinician=request.user).select_related("owner").first()
        )
        if share is None:  # stopped since the access check, a moment ago
            raise Http404
        thread = Thread(request.user.pk, share.clinician_name, comments)
        thread.form = bound or CommentForm(auto_id="id_comment_%s")
        return {**context, "share": share, "threads": [thread]}
    shared_with = list(worksheet.shares.active().order_by("created_at"))
    readers = {share.clinician_id: share.clinician_name for share in shared_with}
    clinicians = User.objects.filter(pk__in=list(readers))
    threads: dict[int | None, Thread] = {}
    for comment in comments:
        thread = threads.setdefault(
            comment.clinician_id, Thread(comment.clinician_id, comment.clinician_name, [])
        )
        thread.comments.append(comment)
    for clinician_id, name in readers.items():
        thread = threads.setdefault(clinician_id, Thread(clinician_id, name, []))
        posted = bound is not None and str(bound.data.get("clinician")) == str(clinician_id)
        thread.form = bound if posted else _reply_form(clinician_id, clinicians)
    return {**context, "shared_with": shared_with, "threads": list(threads.values())}


@never_cache
@require_POST
def worksheet_comment(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Add the owner's message or the clinician's comment; on bad input, show
    the worksheet's page again with the form and its errors."""
    worksheet = get_worksheet_for_user(request.user, registry.get(kind), pk)
    is_owner = worksheet.owner_id == request.user.pk
    if is_owner:
        clinicians = User.objects.filter(pk__in=worksheet.shares.active().values("clinician"))
        form = ReplyForm(request.POST, clinicians=clinicians)
    else:
        form = CommentForm(request.POST)
    if not form.is_valid():
        if "clinician" in form.errors:
            messages.warning(
                request,
                gettext(
                    "That clinician can no longer see this worksheet, so your message was not sent."
                ),
            )
        return _worksheet_page(request, worksheet, comment_form=form, status=400)
    services.comment_create(
        worksheet=worksheet,
        author=request.user,
        clinician=form.cleaned_data["clinician"] if is_owner else request.user,
        text=form.cleaned_data["text"],
        token=form.cleaned_data["token"],
        request=request,
    )
    messages.success(
        request, gettext("Your message is sent.") if is_owner else gettext("Your comment is sent.")
    )
    return redirect(worksheet.get_absolute_url() + "#comments")


# Refused saves


def _comparison(worksheet: WorksheetModel, unsaved: UnsavedEdit, form) -> list[dict[str, Any]]:
    rows = []
    for name in type(worksheet).EDITABLE_FIELDS:
        mine = worksheet.display_value(name, unsaved.data.get(name))
        stored = worksheet.display_value(name, getattr(worksheet, name))
        rows.append(
            {
                "label": form.fields[name].label,
                "mine": mine,
                "stored": stored,
                "differs": mine != stored,
            }
        )
    return rows


@never_cache
def unsaved_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Compare a refused save with the stored version, and save the chosen text."""
    unsaved = get_unsaved_edit_for_user(request.user, pk)
    worksheet = unsaved.worksheet.content
    form_class = edit_form_for(worksheet.kind_info)
    detail_url = worksheet.get_absolute_url()
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            resolved = services.unsaved_edit_resolve(
                unsaved=unsaved,
                values=_values(form, type(worksheet)),
                base_version=form.cleaned_data["version"],
            )
            if resolved:
                messages.success(request, gettext("Your chosen version is saved."))
                return redirect(detail_url)
            messages.warning(
                request,
                gettext(
                    "It changed again in the meantime. Your text is still kept here: "
                    "please compare once more."
                ),
            )
            return redirect("worksheets:unsaved-edit", pk=unsaved.pk)
    else:
        form = form_class(initial={**unsaved.data, "version": worksheet.version})
    rows = _comparison(worksheet, unsaved, form)
    return render(
        request,
        "worksheets/unsaved_edit.html",
        {
            "unsaved": unsaved,
            "worksheet": worksheet,
            "rows": rows,
            "same_count": sum(not row["differs"] for row in rows),
            "form": form,
            "detail_url": detail_url,
        },
    )


@never_cache
@require_POST
def unsaved_edit_discard(request: HttpRequest, pk: int) -> HttpResponse:
    unsaved = get_unsaved_edit_for_user(request.user, pk)
    worksheet = unsaved.worksheet.content
    unsaved.delete()
    messages.success(
        request, gettext("Your unsaved version is discarded. The saved version is unchanged.")
    )
    return redirect(worksheet)
