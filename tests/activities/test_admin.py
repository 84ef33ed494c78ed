import json
import re
import uuid
from datetime import date

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from activities.models import Activity
from tests.activities.admin_forms import activity_change_data
from tests.factories import make_activity, make_kind

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:activities_activity_changelist")
IMPORT_URL = reverse("admin:activities_activity_import")
PROCESS_IMPORT_URL = reverse("admin:activities_activity_process_import")
EXPORT_URL = reverse("admin:activities_activity_export")
CSV_FORMAT, JSON_FORMAT = "0", "1"

HEADER = (
    "slug,title,summary,body,first_step,why_it_helps,setting,effort,kinds,status,order,"
    "source_note,links_to_helplines,links,messages"
)


def csv_row(slug: str, **overrides) -> str:
    values = {
        "slug": slug,
        "title": f"Title {slug}",
        "summary": "A summary.",
        "body": "Body text.",
        "first_step": "A first step.",
        "why_it_helps": "Because.",
        "setting": "home",
        "effort": "low",
        "kinds": "online",
        "status": "published",
        "order": "5",
        "source_note": "Curators",
        "links_to_helplines": "0",
        "links": '"Example | https://example.org/"',
        "messages": '"Hello there"',
    }
    values.update(overrides)
    return ",".join(values[name] for name in HEADER.split(","))


def upload(client, content: str, fmt: str = CSV_FORMAT, name: str = "activities.csv"):
    return client.post(
        IMPORT_URL,
        {
            "resource": "0",
            "format": fmt,
            "import_file": SimpleUploadedFile(name, content.encode(), content_type="text/plain"),
        },
    )


def confirm(client, response):
    form = response.context["confirm_form"]
    return client.post(PROCESS_IMPORT_URL, {**form.initial, "confirm": "Confirm import"})


# Who can reach it


@pytest.mark.parametrize(
    "url",
    [
        CHANGELIST,
        IMPORT_URL,
        EXPORT_URL,
        reverse("admin:activities_activity_add"),
        reverse("admin:activities_tag_changelist"),
    ],
)
def test_members_and_clinicians_cannot_reach_the_admin(member_client, clinician_client, url):
    for c in (member_client, clinician_client):
        response = c.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("url", [CHANGELIST, IMPORT_URL])
def test_anonymous_visitors_cannot_reach_the_admin(client, url):
    response = client.get(url, follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))


def test_members_cannot_import(member_client):
    response = upload(member_client, HEADER + "\n" + csv_row("sneaky"))
    assert response.status_code == 302
    assert not Activity.objects.exists()


def test_staff_see_the_changelist_with_columns_filters_and_search(admin_client):
    make_activity(title="Visit a dog park", kinds=[make_kind(name="Outdoors")])
    response = admin_client.get(CHANGELIST, {"q": "dog"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Visit a dog park" in html
    assert "Outdoors" in html
    for filter_title in ("By setting", "By effort", "By kinds", "By status"):
        assert filter_title in html
    assert "See it as members will" in html


def test_staff_edit_order_and_status_in_the_list_and_history_records_it(admin_user, admin_client):
    activity = make_activity(status="draft", order=50)
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(activity.pk),
        "form-0-status": "published",
        "form-0-order": "7",
        "_save": "Save",
    }
    response = admin_client.post(CHANGELIST, data)
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.status, activity.order, activity.updated_by) == ("published", 7, admin_user)
    entry = LogEntry.objects.get(object_id=str(activity.pk))
    assert entry.user == admin_user
    assert "Status" in entry.get_change_message() and "Order" in entry.get_change_message()


@pytest.mark.parametrize(
    ("action", "before", "after"),
    [
        ("publish", "draft", "published"),
        ("unpublish", "published", "draft"),
        ("approve", "suggested", "draft"),
    ],
)
def test_bulk_actions_change_status_and_are_logged(admin_user, admin_client, action, before, after):
    first, second = make_activity(status=before), make_activity(status=before)
    response = admin_client.post(
        CHANGELIST, {"action": action, "_selected_action": [first.pk, second.pk]}
    )
    assert response.status_code == 302
    for activity in (first, second):
        activity.refresh_from_db()
        assert activity.status == after
        assert activity.updated_by == admin_user
    assert LogEntry.objects.filter(user=admin_user).count() == 2


def test_approve_leaves_drafts_alone(admin_client):
    draft = make_activity(status="draft")
    admin_client.post(CHANGELIST, {"action": "approve", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_saving_in_the_admin_records_who_changed_it(admin_user, admin_client):
    activity = make_activity(title="Old title")
    url = reverse("admin:activities_activity_change", args=[activity.pk])
    form = admin_client.get(url).context["adminform"].form
    data = activity_change_data(form, title_en="New title")
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    activity.refresh_from_db()
    assert activity.title == "New title"
    assert activity.updated_by == admin_user
    history = admin_client.get(reverse("admin:activities_activity_history", args=[activity.pk]))
    assert "Changed Title (English)." in history.content.decode()


# Preview


def test_staff_preview_a_draft_as_members_will_see_it(admin_client):
    draft = make_activity(title="Draft idea", status="draft", first_step="Try it once.")
    response = admin_client.get(reverse("activities:preview", args=[draft.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Preview" in html and "Members can't see it yet." in html
    assert "Try it once." in html
    assert "no-store" in response["Cache-Control"]


def test_members_cannot_preview(member_client):
    draft = make_activity(status="suggested")
    assert member_client.get(reverse("activities:preview", args=[draft.pk])).status_code == 404


# Import and export


def test_a_good_csv_imports_after_confirmation(admin_user, admin_client):
    make_kind(slug="online")
    content = "\n".join(
        [
            HEADER,
            csv_row("first", links='"Example | https://example.org/ | 2026-11-01"'),
            csv_row("second", setting="out"),
        ]
    )
    response = upload(admin_client, content)
    assert response.status_code == 200
    assert response.context["confirm_form"] is not None
    assert not Activity.objects.exists()

    response = confirm(admin_client, response)
    assert response.status_code == 302
    first = Activity.objects.get(slug="first")
    assert first.title == "Title first"
    assert [k.slug for k in first.kinds.all()] == ["online"]
    assert [(link.label, link.url, link.verified_on) for link in first.links.all()] == [
        ("Example", "https://example.org/", date(2026, 11, 1))
    ]
    assert [m.text for m in first.messages.all()] == ["Hello there"]
    assert first.updated_by == admin_user
    assert Activity.objects.get(slug="second").setting == "out"


def test_an_import_updates_an_existing_activity_by_slug(admin_client):
    make_kind(slug="online")
    existing = make_activity(slug="first", title="Old")
    response = upload(admin_client, "\n".join([HEADER, csv_row("first", title="New")]))
    confirm(admin_client, response)
    existing.refresh_from_db()
    assert existing.title == "New"
    assert Activity.objects.count() == 1


def test_an_import_with_bad_rows_imports_nothing_and_lists_every_bad_row(admin_client):
    make_kind(slug="online")
    content = "\n".join(
        [
            HEADER,
            csv_row("good-one"),
            csv_row("bad-setting", setting="moon"),
            csv_row("good-two"),
            csv_row("bad-kind", kinds="online|no-such-kind"),
            csv_row("bad-link", links='"Broken | not a url"'),
            csv_row("my"),
            csv_row("bad-date", links='"Site | https://example.org/ | someday"'),
        ]
    )
    response = upload(admin_client, content)
    assert response.status_code == 200
    assert response.context.get("confirm_form") is None
    result = response.context["result"]
    assert [row.number for row in result.invalid_rows] == [2, 4, 5, 6, 7]
    html = response.content.decode()
    assert "moon" in html
    assert "Unknown kind: no-such-kind." in html
    assert "is not a web address" in html
    assert "is the address of another page" in html
    assert "is not a date like 2026-11-26" in html
    assert "Line 3, column setting:" in html
    assert "Line 5, column kinds: Unknown kind: no-such-kind." in html
    assert "Line 2," not in html and "Line 4," not in html
    assert not Activity.objects.exists()


def test_a_confirmed_import_that_no_longer_validates_imports_nothing(admin_client):
    make_kind(slug="online")
    retired = make_kind(slug="retired")
    content = "\n".join([HEADER, csv_row("first"), csv_row("second", kinds="retired")])
    preview = upload(admin_client, content)
    retired.delete()
    response = confirm(admin_client, preview)
    assert response["Location"] == IMPORT_URL
    assert not Activity.objects.exists()
    page = admin_client.get(IMPORT_URL).content.decode()
    assert "Nothing was imported: line 3 no longer passed the checks." in page


def test_a_json_import_works_too(admin_client):
    make_kind(slug="online")
    rows = [
        {
            "slug": "from-json",
            "title": "From JSON",
            "summary": "Imported.",
            "setting": "out",
            "effort": "high",
            "kinds": "online",
            "status": "draft",
            "order": 3,
            "links": "Site | https://example.org/",
            "messages": "",
        },
    ]
    rows.append({**rows[0], "slug": "broken", "title": "", "effort": "lots"})
    response = upload(admin_client, json.dumps(rows), fmt=JSON_FORMAT, name="activities.json")
    assert [row.number for row in response.context["result"].invalid_rows] == [2]
    assert not Activity.objects.exists()

    response = upload(admin_client, json.dumps(rows[:1]), fmt=JSON_FORMAT, name="a.json")
    confirm(admin_client, response)
    activity = Activity.objects.get(slug="from-json")
    assert (activity.setting, activity.effort, activity.status) == ("out", "high", "draft")


@pytest.mark.parametrize(("fmt", "marker"), [(CSV_FORMAT, "slug,title"), (JSON_FORMAT, '"slug"')])
def test_export_includes_kinds_links_and_messages(admin_client, fmt, marker):
    activity = make_activity(slug="exported", kinds=[make_kind(slug="online")])
    activity.links.create(label="Site", url="https://example.org/", verified_on=date(2026, 1, 2))
    activity.messages.create(text="Hello")
    response = admin_client.post(
        EXPORT_URL,
        {"format": fmt, "resource": "0"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert marker in body
    assert "exported" in body
    assert "Site | https://example.org/ | 2026-01-02" in body
    assert "Hello" in body
    assert "online" in body


def problems(response) -> list[str]:
    html = response.content.decode()
    assert "Nothing was imported" in html
    assert "Confirm import" not in html
    assert "Traceback" not in html and "&lt;class" not in html
    return re.findall(r"<li>(.*?)</li>", html.split('class="import-problems"')[1].split("</ul>")[0])


def test_every_problem_row_and_column_is_listed_in_words(admin_client):
    make_kind(slug="online")
    content = "\n".join(
        [
            HEADER,
            csv_row("bad-order", order="x"),
            csv_row("no-title", title=""),
            csv_row("bad-setting", setting="moon", effort="lots"),
            csv_row("bad-kind", kinds="nope"),
            csv_row("bad-link", links='"Broken | not a url"'),
            csv_row("bad-flag", links_to_helplines="maybe"),
            csv_row("good"),
        ]
    )
    listed = problems(upload(admin_client, content))
    assert listed[0] == "Line 2, column order: “x” is not a whole number like 5."
    assert any(item.startswith("Line 3, column title:") for item in listed)
    assert any(item.startswith("Line 4, column setting:") for item in listed)
    assert any(item.startswith("Line 4, column effort:") for item in listed)
    assert "Line 5, column kinds: Unknown kind: nope." in listed
    assert any(item.startswith("Line 6, column links:") for item in listed)
    assert "Line 7, column links_to_helplines: “maybe” is not yes or no." in listed
    assert not any(item.startswith("Line 8") for item in listed)
    assert not Activity.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (HEADER.replace(",", ";") + "\n" + csv_row("a").replace(",", ";"), "semicolons"),
        ("name,title\nx,y", "The file has no “slug” column."),
        (HEADER + ",colour\n" + csv_row("a") + ",red", "Unknown columns: “colour”."),
    ],
)
def test_a_file_in_the_wrong_shape_gets_one_whole_file_message(admin_client, content, message):
    make_kind(slug="online")
    listed = problems(upload(admin_client, content))
    assert len(listed) == 1
    assert listed[0].startswith("Whole file:")
    assert message in listed[0]
    assert not Activity.objects.exists()


def test_repeated_slugs_reject_the_whole_file(admin_client):
    make_kind(slug="online")
    content = "\n".join([HEADER, csv_row("twice"), csv_row("once"), csv_row("twice", title="B")])
    listed = problems(upload(admin_client, content))
    assert listed == ["Whole file: Each slug may appear only once in a file. Repeated: twice."]
    assert not Activity.objects.exists()


def test_json_problems_are_named_by_item(admin_client):
    make_kind(slug="online")
    rows = [{"slug": "a", "title": "", "summary": "s", "setting": "home", "effort": "low"}]
    response = upload(admin_client, json.dumps(rows), fmt=JSON_FORMAT, name="a.json")
    assert any(item.startswith("Item 1, column title:") for item in problems(response))


def test_the_preview_reads_like_the_file(admin_client):
    make_kind(slug="online", name="Online")
    make_kind(slug="calls", name="Calls")
    existing = make_activity(slug="kept", kinds=[make_kind(slug="outdoors")])
    content = "\n".join(
        [
            HEADER,
            csv_row(
                "new-one", kinds="online|calls", links='"Site | https://example.org/ | 2026-11-01"'
            ),
            csv_row(existing.slug),
        ]
    )
    response = upload(admin_client, content)
    html = response.content.decode()
    preview = html.split('class="import-preview"')[1].split("</table>")[0]
    assert "online|calls" in preview
    assert "Site | https://example.org/ | 2026-11-01" in preview
    assert "Hello there" in preview
    assert "outdoors" in re.sub("<[^>]+>", "", preview)  # the kinds it had before
    assert "<del>" in preview
    assert "&lt;Kind" not in preview and "datetime.date" not in preview and "[" not in preview
    assert "<th></th>" not in preview and 'scope="row">2</th>' in preview
    assert "style=" not in preview


def test_staff_edit_search_keywords_in_the_admin(admin_client):
    activity = make_activity(slug="walk", keywords="")
    page = admin_client.get(reverse("admin:activities_activity_change", args=[activity.pk]))
    assert 'name="keywords_en"' in page.content.decode()
    assert 'name="keywords_es"' in page.content.decode()
    content = "\n".join(
        [HEADER + ",keywords_en,keywords_es", csv_row("walk", kinds="") + ",lonely,soledad"]
    )
    confirm(admin_client, upload(admin_client, content))
    activity.refresh_from_db()
    assert (activity.keywords_en, activity.keywords_es) == ("lonely", "soledad")
    for word in ("lonely", "soledad"):
        changelist = admin_client.get(CHANGELIST, {"q": word})
        assert list(changelist.context["cl"].result_list) == [activity]


def test_a_file_from_before_spanish_keywords_imports_them_as_english(admin_client):
    activity = make_activity(slug="walk", keywords="")
    content = "\n".join([HEADER + ",keywords", csv_row("walk", kinds="") + ",lonely"])
    confirm(admin_client, upload(admin_client, content))
    activity.refresh_from_db()
    assert (activity.keywords_en, activity.keywords_es) == ("lonely", None)


def test_approving_a_suggestion_makes_a_draft_for_an_admin_to_complete(admin_client, member):
    from activities.services import suggestion_create

    suggestion, _ = suggestion_create(
        owner=member,
        submission=uuid.uuid4(),
        title="Board game night",
        description="Play a board game with a neighbour.",
        setting="home",
        effort="high",
    )
    response = admin_client.post(
        CHANGELIST,
        {"action": "approve", "_selected_action": [suggestion.activity.pk]},
        follow=True,
    )
    suggestion.activity.refresh_from_db()
    assert suggestion.activity.status == Activity.Status.DRAFT
    assert not Activity.objects.published().exists()
    assert "then publish it" in response.content.decode()


def test_list_editable_fields_are_labelled_by_their_row(admin_client):
    make_activity(title="Visit a dog park")
    html = admin_client.get(CHANGELIST).content.decode()
    assert 'aria-label="Status of Visit a dog park"' in html
    assert 'aria-label="Order of Visit a dog park"' in html
    make_kind(name="Outdoors")
    kinds = admin_client.get(reverse("admin:activities_tag_changelist")).content.decode()
    assert 'aria-label="Order of Outdoors"' in kinds


def test_the_admin_index_lists_what_waits_for_review(admin_client):
    make_activity(status="suggested")
    make_activity(status="suggested")
    make_activity(status="draft")
    html = admin_client.get(reverse("admin:index")).content.decode()
    assert "Waiting for review" in html
    assert "2 activity suggestions from members" in html
    assert f"{CHANGELIST}?status__exact=suggested" in html
    assert "No clinician applications" in html


def test_the_admin_index_names_each_section_once(admin_client):
    response = admin_client.get(reverse("admin:index"))
    names = [app["name"] for app in response.context["app_list"]]
    assert len(names) == len(set(names)), names
