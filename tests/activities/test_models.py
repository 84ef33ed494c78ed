import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from activities.models import Activity, Plan, render_markdown
from activities.services import plan_save
from tests.factories import make_activity, make_kind, make_plan

pytestmark = pytest.mark.django_db


def test_published_leaves_out_drafts_and_suggestions():
    published = make_activity(status="published")
    make_activity(status="draft")
    make_activity(status="suggested")
    assert list(Activity.objects.published()) == [published]


def test_queryset_filters_chain():
    online = make_kind(slug="online")
    match = make_activity(setting="out", effort="high", kinds=[online], title="Meetup")
    make_activity(setting="out", effort="high", title="Meetup draft", status="draft")
    make_activity(setting="out", effort="low", kinds=[online], title="Meetup low")
    found = (
        Activity.objects.published()
        .for_setting("out")
        .for_effort("high")
        .with_any_kind(["online"])
        .search("meetup")
    )
    assert list(found) == [match]


def test_search_with_only_spaces_matches_everything():
    make_activity()
    assert Activity.objects.search("   ").count() == 1


@pytest.mark.parametrize(
    ("setting", "effort", "expected"),
    [
        ("home", "low", {"home-low"}),
        ("home", "high", {"home-low", "home-high"}),
        ("out", "low", {"home-low", "out-low"}),
        ("out", "high", {"home-low", "home-high", "out-low", "out-high"}),
    ],
)
def test_same_or_easier_than_never_suggests_something_harder(setting, effort, expected):
    for s in ("home", "out"):
        for e in ("low", "high"):
            make_activity(slug=f"{s}-{e}", setting=s, effort=e)
    activity = make_activity(setting=setting, effort=effort)
    slugs = set(Activity.objects.same_or_easier_than(activity).values_list("slug", flat=True))
    assert slugs == expected


@pytest.mark.parametrize("slug", ["my", "suggest", "preview", "plans"])
def test_a_slug_that_is_a_page_address_is_refused(slug):
    with pytest.raises(ValidationError, match="address of another page"):
        Activity(title="T", slug=slug, summary="S", setting="home", effort="low").full_clean()


def test_markdown_keeps_formatting_and_safe_links_only():
    html = render_markdown(
        "**Bold** [site](https://example.org) [bad](javascript:alert(1))\n\n"
        "<script>alert(1)</script><iframe src=x></iframe>"
    )
    assert "<strong>Bold</strong>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer">site</a>' in html
    assert "javascript" not in html
    assert "<script" not in html and "<iframe" not in html


def test_plan_save_keeps_one_open_plan_per_activity(member):
    activity = make_activity()
    first = plan_save(owner=member, activity=activity, planned_for=None)
    second = plan_save(owner=member, activity=activity, planned_for=None)
    assert first.pk == second.pk
    assert Plan.objects.count() == 1


def test_the_database_refuses_a_second_open_plan(member):
    plan = make_plan(owner=member)
    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.create(owner=member, activity=plan.activity)


def test_a_done_plan_does_not_block_planning_the_activity_again(member):
    plan = make_plan(owner=member)
    plan.done_at = timezone.now()
    plan.save()
    again = plan_save(owner=member, activity=plan.activity, planned_for=None)
    assert again.pk != plan.pk


def test_an_activity_with_member_plans_or_logs_cannot_be_deleted(member):
    plan = make_plan(owner=member)
    with pytest.raises(ProtectedError):
        plan.activity.delete()
    assert Plan.objects.filter(pk=plan.pk).exists()
