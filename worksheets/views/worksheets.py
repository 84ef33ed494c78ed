"""Worksheet pages. Every object comes through `worksheets.access`, every
response is `no-store`, and every change is a POST followed by a redirect.

Read-only pages (statement detail, print, PDF, relationship detail) serve
the owner and any clinician with an active share of that worksheet; they
render through shared includes with `can_edit` for the owner alone, and
record each clinician read in the owner's access log. Edit pages are
owner-only. Comments are posted from the read-only pages."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from accounts.models import User
from helplines.crisis import LIFELINE_988

from .. import services
from ..access import (
    get_relationship_for_user,
    get_security_check_for_user,
    get_statement_for_user,
    get_test_drive_for_user,
    get_unsaved_edit_for_user,
)
from ..forms import (
    CommentForm,
    RelationshipCreateForm,
    RelationshipEditForm,
    ReplyForm,
    SecurityCheckForm,
    StatementCreateForm,
    StatementEditForm,
    TestDriveForm,
)
from ..models import AccessLogEntry, Comment, NeedsStatement, Relationship, UnsavedEdit
from ..pdf import PDFTooSlow, statement_pdf

CONFLICT_MESSAGE = (
    "This was changed somewhere else (another tab or device) after you opened it, so "
    "your changes were not saved over it. Both versions are kept: compare them below "
    "and choose."
)


def _values(form, model: type[NeedsStatement | Relationship]) -> dict[str, Any]:
    return {name: form.cleaned_data[name] for name in model.EDITABLE_FIELDS}


@never_cache
def overview(request: HttpRequest) -> HttpResponse:
    statements = NeedsStatement.objects.owned_by(request.user).only(
        "pk", "title", "updated_at", "owner_id"
    )
    relationships = Relationship.objects.owned_by(request.user).with_latest_check()
    return render(
        request,
        "worksheets/overview.html",
        {"statements": statements, "relationships": relationships},
    )


# Needs statements


@never_cache
def statement_create(request: HttpRequest) -> HttpResponse:
    form = StatementCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        statement = services.statement_create(
            owner=request.user,
            token=form.cleaned_data["token"],
            values=_values(form, NeedsStatement),
        )
        messages.success(request, "Your statement is saved.")
        return redirect("worksheets:statement-detail", pk=statement.pk)
    return render(request, "worksheets/statement_form.html", {"form": form})


@never_cache
@require_GET
def statement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _statement_page(request, get_statement_for_user(request.user, pk))


def _statement_page(
    request: HttpRequest,
    statement: NeedsStatement,
    *,
    comment_form: CommentForm | None = None,
    status: int = 200,
) -> HttpResponse:
    services.access_log_record(
        reader=request.user, worksheet=statement, kind=AccessLogEntry.Kind.PAGE
    )
    return render(
        request,
        "worksheets/statement_detail.html",
        {
            "statement": statement,
            "can_edit": statement.owner_id == request.user.pk,
            "unsaved_edits": statement.unsaved_edits.owned_by(request.user),
            "crisis_line": LIFELINE_988,
            **_sharing_context(request, statement, comment_form),
        },
        status=status,
    )


@never_cache
def statement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_statement_for_user(request.user, pk, write=True)
    return _worksheet_edit(
        request, statement, StatementEditForm, "worksheets/statement_form.html", "statement"
    )


def _worksheet_edit(
    request: HttpRequest,
    worksheet: NeedsStatement | Relationship,
    form_class: type[forms.ModelForm],
    template: str,
    name: str,
) -> HttpResponse:
    """Edit a statement or a relationship. A save based on an older version is
    kept as an unsaved edit, and the member is sent to compare the two."""
    form = form_class(
        request.POST if request.method == "POST" else None,
        instance=worksheet,
        initial={"version": worksheet.version},
    )
    if request.method == "POST" and form.is_valid():
        unsaved = services.worksheet_save(
            worksheet=worksheet,
            values=_values(form, type(worksheet)),
            base_version=form.cleaned_data["version"],
        )
        if unsaved is not None:
            messages.warning(request, CONFLICT_MESSAGE)
            return redirect("worksheets:unsaved-edit", pk=unsaved.pk)
        messages.success(request, "Your changes are saved.")
        return redirect(f"worksheets:{name}-detail", pk=worksheet.pk)
    return render(request, template, {"form": form, name: worksheet})


@never_cache
@require_GET
def statement_print(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_statement_for_user(request.user, pk)
    services.access_log_record(
        reader=request.user, worksheet=statement, kind=AccessLogEntry.Kind.PRINT
    )
    return render(
        request,
        "worksheets/statement_print.html",
        {"statement": statement, "crisis_line": LIFELINE_988},
    )


@never_cache
@require_GET
def statement_download(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_statement_for_user(request.user, pk)
    services.access_log_record(
        reader=request.user, worksheet=statement, kind=AccessLogEntry.Kind.PDF
    )
    try:
        content = statement_pdf(statement)
    except PDFTooSlow:
        messages.info(
            request,
            "This statement is too long to turn into a PDF here. Use your browser's Print "
            "command on this page instead: most browsers can save it as a PDF.",
        )
        return redirect("worksheets:statement-print", pk=statement.pk)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="needs-statement-{statement.pk}.pdf"'
    return response


@never_cache
def statement_delete(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_statement_for_user(request.user, pk, write=True)
    if request.method == "POST":
        statement.delete()
        messages.success(request, "The statement is deleted.")
        return redirect("worksheets:overview")
    return _confirm_delete(
        request,
        what="this needs statement",
        name=statement.title,
        detail="Everything in it will be gone for good, including any unsaved versions.",
        cancel=reverse("worksheets:statement-detail", args=[statement.pk]),
    )


# Relationships, security checks and test drives


@never_cache
def relationship_create(request: HttpRequest) -> HttpResponse:
    form = RelationshipCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        relationship = services.relationship_create(
            owner=request.user,
            token=form.cleaned_data["token"],
            values=_values(form, Relationship),
        )
        messages.success(request, f"{relationship.name} is added.")
        return redirect("worksheets:relationship-detail", pk=relationship.pk)
    return render(request, "worksheets/relationship_form.html", {"form": form})


@never_cache
@require_GET
def relationship_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _relationship_page(request, get_relationship_for_user(request.user, pk))


def _relationship_page(
    request: HttpRequest,
    relationship: Relationship,
    *,
    comment_form: CommentForm | None = None,
    status: int = 200,
) -> HttpResponse:
    services.access_log_record(
        reader=request.user, worksheet=relationship, kind=AccessLogEntry.Kind.PAGE
    )
    checks = list(relationship.checks.all())
    return render(
        request,
        "worksheets/relationship_detail.html",
        {
            "relationship": relationship,
            "can_edit": relationship.owner_id == request.user.pk,
            "latest": checks[0] if checks else None,
            "earlier": checks[1:],
            "test_drives": relationship.test_drives.all(),
            "unsaved_edits": relationship.unsaved_edits.owned_by(request.user),
            **_sharing_context(request, relationship, comment_form),
        },
        status=status,
    )


@never_cache
def relationship_edit(request: HttpRequest, pk: int) -> HttpResponse:
    relationship = get_relationship_for_user(request.user, pk, write=True)
    return _worksheet_edit(
        request,
        relationship,
        RelationshipEditForm,
        "worksheets/relationship_form.html",
        "relationship",
    )


@never_cache
def relationship_delete(request: HttpRequest, pk: int) -> HttpResponse:
    relationship = get_relationship_for_user(request.user, pk, write=True)
    if request.method == "POST":
        relationship.delete()
        messages.success(request, "The relationship is deleted.")
        return redirect("worksheets:overview")
    return _confirm_delete(
        request,
        what="this relationship",
        name=relationship.name,
        detail="Its notes, every security check and every test drive will be gone for good.",
        cancel=reverse("worksheets:relationship-detail", args=[relationship.pk]),
    )


@never_cache
def check_create(request: HttpRequest, pk: int) -> HttpResponse:
    relationship = get_relationship_for_user(request.user, pk, write=True)
    form = SecurityCheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in SecurityCheckForm.Meta.fields}
        services.security_check_create(
            relationship=relationship, token=form.cleaned_data["token"], values=values
        )
        messages.success(request, "Your check is saved.")
        return redirect("worksheets:relationship-detail", pk=relationship.pk)
    return render(
        request,
        "worksheets/check_form.html",
        {"form": form, "relationship": relationship},
    )


@never_cache
def check_delete(request: HttpRequest, pk: int) -> HttpResponse:
    check = get_security_check_for_user(request.user, pk, write=True)
    if request.method == "POST":
        check.delete()
        messages.success(request, "The check is deleted.")
        return redirect("worksheets:relationship-detail", pk=check.relationship_id)
    return _confirm_delete(
        request,
        what="this security check",
        name=f"{check.relationship.name}, {check.checked_on:%d %B %Y}",
        detail="Its ratings and notes will be gone for good.",
        cancel=reverse("worksheets:relationship-detail", args=[check.relationship_id]),
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
        messages.success(request, "Your test drive is saved.")
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
    if request.method == "POST":
        drive.delete()
        messages.success(request, "The test drive is deleted.")
        return redirect("worksheets:relationship-detail", pk=drive.relationship_id)
    return _confirm_delete(
        request,
        what="this test drive",
        name=f"{drive.relationship.name}, {drive.asked_on:%d %B %Y}",
        detail="What you asked and how they responded will be gone for good.",
        cancel=reverse("worksheets:relationship-detail", args=[drive.relationship_id]),
    )


def _confirm_delete(request: HttpRequest, **context: str) -> HttpResponse:
    return render(request, "worksheets/confirm_delete.html", context)


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
    request: HttpRequest, worksheet: NeedsStatement | Relationship, bound: CommentForm | None
) -> dict[str, Any]:
    """What a worksheet page shows about sharing. The owner sees who can read
    it and every conversation, and can reply where the clinician still reads
    along; a clinician sees the share and their own conversation only."""
    name = "statement" if isinstance(worksheet, NeedsStatement) else "relationship"
    context: dict[str, Any] = {
        "comment_url": reverse(f"worksheets:{name}-comment", args=[worksheet.pk])
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


def _comment_create(
    request: HttpRequest,
    worksheet: NeedsStatement | Relationship,
    page: Callable[..., HttpResponse],
) -> HttpResponse:
    """Add the owner's message or the clinician's comment; on bad input, show
    the worksheet's page again with the form and its errors."""
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
                "That clinician can no longer see this worksheet, so your message was not sent.",
            )
        return page(request, worksheet, comment_form=form, status=400)
    services.comment_create(
        worksheet=worksheet,
        author=request.user,
        clinician=form.cleaned_data["clinician"] if is_owner else request.user,
        text=form.cleaned_data["text"],
        token=form.cleaned_data["token"],
    )
    messages.success(request, "Your message is sent." if is_owner else "Your comment is sent.")
    name = "statement" if isinstance(worksheet, NeedsStatement) else "relationship"
    return redirect(reverse(f"worksheets:{name}-detail", args=[worksheet.pk]) + "#comments")


@never_cache
@require_POST
def statement_comment(request: HttpRequest, pk: int) -> HttpResponse:
    return _comment_create(request, get_statement_for_user(request.user, pk), _statement_page)


@never_cache
@require_POST
def relationship_comment(request: HttpRequest, pk: int) -> HttpResponse:
    return _comment_create(request, get_relationship_for_user(request.user, pk), _relationship_page)


# Refused saves


def _display(worksheet: models.Model, name: str, value: Any) -> str:
    if name == "helps":
        return "\n".join(worksheet.help_labels(value or []))
    if name == "with_therapist":
        return "Yes" if value else "No"
    if name == "kind":
        return Relationship.Kind(value).label if value in Relationship.Kind.values else ""
    return value or ""


def _comparison(unsaved: UnsavedEdit, form) -> list[dict[str, Any]]:
    worksheet = unsaved.worksheet
    rows = []
    for name in type(worksheet).EDITABLE_FIELDS:
        mine = _display(worksheet, name, unsaved.data.get(name))
        stored = _display(worksheet, name, getattr(worksheet, name))
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
    worksheet = unsaved.worksheet
    is_statement = isinstance(worksheet, NeedsStatement)
    form_class = StatementEditForm if is_statement else RelationshipEditForm
    detail_url = reverse(
        "worksheets:statement-detail" if is_statement else "worksheets:relationship-detail",
        args=[worksheet.pk],
    )
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            resolved = services.unsaved_edit_resolve(
                unsaved=unsaved,
                values=_values(form, type(worksheet)),
                base_version=form.cleaned_data["version"],
            )
            if resolved:
                messages.success(request, "Your chosen version is saved.")
                return redirect(detail_url)
            messages.warning(
                request,
                "It changed again in the meantime. Your text is still kept here: "
                "please compare once more.",
            )
            return redirect("worksheets:unsaved-edit", pk=unsaved.pk)
    else:
        form = form_class(initial={**unsaved.data, "version": worksheet.version})
    rows = _comparison(unsaved, form)
    return render(
        request,
        "worksheets/unsaved_edit.html",
        {
            "unsaved": unsaved,
            "worksheet": worksheet,
            "is_statement": is_statement,
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
    worksheet = unsaved.worksheet
    unsaved.delete()
    messages.success(request, "Your unsaved version is discarded. The saved version is unchanged.")
    if isinstance(worksheet, NeedsStatement):
        return redirect("worksheets:statement-detail", pk=worksheet.pk)
    return redirect("worksheets:relationship-detail", pk=worksheet.pk)
