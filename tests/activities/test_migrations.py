"""Renaming the tag model keeps every tag and every activity's tags."""

import pytest

from ..migrations import migrate_to, migrate_to_latest


@pytest.fixture(autouse=True)
def _latest_afterwards():
    yield
    migrate_to_latest()


@pytest.mark.django_db(transaction=True)
def test_renaming_kind_to_tag_keeps_the_tags():
    old = migrate_to("activities", "0007_activity_body_html_rendered_at_save")
    Kind = old.get_model("activities", "Kind")
    online = Kind.objects.create(slug="online", name="On the internet")
    activity = old.get_model("activities", "Activity").objects.create(
        title="Join a forum", slug="join-a-forum", summary="Say hello."
    )
    activity.kinds.add(online)

    new = migrate_to("activities", "0008_rename_kind_to_tag")
    tag = new.get_model("activities", "Tag").objects.get()
    assert (tag.pk, tag.slug, tag.name) == (online.pk, "online", "On the internet")
    activity = new.get_model("activities", "Activity").objects.get()
    assert list(activity.kinds.values_list("slug", flat=True)) == ["online"]
