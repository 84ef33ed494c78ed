import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from activities import starter_es
from activities.models import Activity, ActivityLink, Tag
from activities.starter import FEELINGS, STARTER_ACTIVITIES, starter_keywords

pytestmark = pytest.mark.django_db


def test_it_loads_at_least_25_published_activities_in_all_four_quadrants(capsys):
    call_command("load_starter_catalogue")
    published = Activity.objects.published()
    assert published.count() == len(STARTER_ACTIVITIES) >= 25
    quadrants = set(published.values_list("setting", "effort"))
    assert quadrants == {("home", "low"), ("home", "high"), ("out", "low"), ("out", "high")}
    for activity in published:
        activity.full_clean()
        for link in activity.links.all():
            link.full_clean()
    assert f"added {len(STARTER_ACTIVITIES)} activities" in capsys.readouterr().out


def test_it_is_idempotent(capsys):
    call_command("load_starter_catalogue")
    counts = (Activity.objects.count(), Tag.objects.count())
    links = sorted(Activity.objects.values_list("links__url", flat=True).exclude(links=None))
    call_command("load_starter_catalogue")
    assert (Activity.objects.count(), Tag.objects.count()) == counts
    assert (
        sorted(Activity.objects.values_list("links__url", flat=True).exclude(links=None)) == links
    )
    assert "added 0 activities" in capsys.readouterr().out


def test_it_never_overwrites_an_admins_edits():
    call_command("load_starter_catalogue")
    park = Activity.objects.get(slug="spend-time-in-a-park")
    park.title = "A walk in the park"
    park.status = Activity.Status.DRAFT
    park.save()
    park.links.create(label="City parks", url="https://example.org/")
    meetup = ActivityLink.objects.get(activity__slug="join-a-meetup-group")
    meetup.verified_on = None
    meetup.save()
    online = Tag.objects.get(slug="online")
    online.name = "On the internet"
    online.save()
    call_command("load_starter_catalogue")
    park.refresh_from_db()
    assert (park.title, park.status) == ("A walk in the park", Activity.Status.DRAFT)
    assert park.links.count() == 1
    meetup.refresh_from_db()
    assert meetup.verified_on is None
    assert Tag.objects.get(slug="online").name == "On the internet"


def test_it_adds_only_what_is_missing():
    call_command("load_starter_catalogue")
    Activity.objects.get(slug="visit-a-dog-park").delete()
    call_command("load_starter_catalogue")
    assert Activity.objects.filter(slug="visit-a-dog-park").exists()


GUIDE_SUGGESTIONS = {
    # slug: (setting, effort, words the activity must mention)
    "watch-something-with-people-in-it": ("home", "low", []),
    "send-a-short-text": ("home", "low", []),
    "make-a-short-call": ("home", "low", []),
    "just-be-with-someone": ("home", "low", []),
    "chat-with-a-support-app": ("home", "low", ["Wysa"]),
    "online-peer-support": ("home", "low", []),
    "reply-in-the-comments": ("home", "low", []),
    "join-an-interest-forum": ("home", "low", ["Reddit", "Facebook"]),
    "follow-a-mental-health-hashtag": ("home", "low", ["#SPSM"]),
    "video-or-phone-support-group": ("home", "high", []),
    "call-a-warmline": ("home", "high", ["own state", "nearby state"]),
    "tutor-students-with-upchieve": ("home", "high", ["UPchieve"]),
    "help-veterans-with-hire-heroes-usa": ("home", "high", ["Hire Heroes USA"]),
    "listen-at-7-cups": ("home", "high", ["7 Cups"]),
    "volunteer-with-be-my-eyes": ("home", "high", ["Be My Eyes"]),
    "send-cards-with-chemo-angels": ("home", "high", ["Chemo Angels"]),
    "find-virtual-volunteering": ("home", "high", ["VolunteerMatch"]),
    "sit-in-a-coffee-shop": ("out", "low", []),
    "spend-time-in-a-park": ("out", "low", []),
    "visit-a-dog-park": ("out", "low", []),
    "say-yes-to-an-invitation": ("out", "high", []),
    "reconnect-with-an-old-friend": ("out", "high", []),
    "join-a-meetup-group": ("out", "high", ["Meetup"]),
    "take-an-adult-class": ("out", "high", ["community college"]),
    "volunteer-in-person": ("out", "high", ["VolunteerMatch", "Catchafire"]),
    "positivity-activity-with-someone": ("out", "high", []),
}


def test_every_suggestion_in_the_guide_is_in_its_quadrant_with_the_services_it_names():
    call_command("load_starter_catalogue")
    for slug, (setting, effort, words) in GUIDE_SUGGESTIONS.items():
        activity = Activity.objects.get(slug=slug)
        assert (activity.setting, activity.effort) == (setting, effort), slug
        text = " ".join([activity.title, activity.summary, activity.body])
        for word in words:
            assert word in text, (slug, word)


def test_no_starter_activity_sends_people_to_woebot_whose_app_closed():
    for item in STARTER_ACTIVITIES:
        for link in item.links:
            assert "woebot" not in f"{link.label} {link.url}".lower(), item.slug


def test_every_starter_link_carries_the_day_it_was_checked():
    links = [link for item in STARTER_ACTIVITIES for link in item.links]
    assert len(links) >= 12
    for link in links:
        assert link.url.startswith("https://"), link.label
        assert link.verified_on is not None, link.label
        assert link.verified_on <= timezone.localdate(), link.label


def test_the_loader_stores_each_links_check_date():
    call_command("load_starter_catalogue")
    stored = set(ActivityLink.objects.values_list("activity__slug", "label", "url", "verified_on"))
    assert stored == {
        (item.slug, link.label, link.url, link.verified_on)
        for item in STARTER_ACTIVITIES
        for link in item.links
    }


def test_starter_pages_show_the_day_each_link_was_checked(client):
    call_command("load_starter_catalogue")
    html = client.get("/activities/volunteer-in-person/").content.decode()
    assert html.count("(checked Nov. 26, 2026)") == 2
    assert "not checked yet" not in html


def test_the_chatbot_activity_still_offers_a_supportive_chat_app():
    call_command("load_starter_catalogue")
    activity = Activity.objects.get(slug="chat-with-a-support-app")
    assert [link.label for link in activity.links.all()] == ["Wysa"]
    assert "closed" in activity.body


def test_the_warmline_activity_links_to_the_helplines_finder():
    call_command("load_starter_catalogue")
    assert Activity.objects.get(slug="call-a-warmline").links_to_helplines


def test_reaching_out_activities_offer_ready_to_send_messages():
    call_command("load_starter_catalogue")
    for slug in (
        "send-a-short-text",
        "make-a-short-call",
        "just-be-with-someone",
        "say-yes-to-an-invitation",
        "reconnect-with-an-old-friend",
    ):
        assert Activity.objects.get(slug=slug).messages.exists(), slug


def test_every_starter_activity_has_a_first_step_and_a_reason():
    for item in STARTER_ACTIVITIES:
        assert item.first_step and item.why_it_helps and item.summary, item.slug
        assert len(item.summary) <= 200 and len(item.first_step) <= 300, item.slug


@pytest.mark.parametrize("feeling", ["lonely", "tired", "anxious", "bored", "sad", "isolated"])
def test_searching_for_a_feeling_finds_starter_activities(client, feeling):
    call_command("load_starter_catalogue")
    response = client.get("/activities/", {"q": feeling})
    assert response.status_code == 200
    assert Activity.objects.published().search(feeling).count() >= 3
    assert response.context["activities"]


def test_every_feeling_names_only_starter_activities():
    slugs = {item.slug for item in STARTER_ACTIVITIES}
    for words, activity_slugs in FEELINGS.items():
        assert set(activity_slugs) <= slugs, words


def test_the_loader_never_overwrites_an_admins_keywords():
    call_command("load_starter_catalogue")
    park = Activity.objects.get(slug="spend-time-in-a-park")
    assert "sad" in park.keywords
    park.keywords = "fresh air"
    park.save()
    text = Activity.objects.get(slug="send-a-short-text")
    text.keywords = ""
    text.save()
    call_command("load_starter_catalogue")
    park.refresh_from_db()
    text.refresh_from_db()
    assert (park.keywords, text.keywords) == ("fresh air", "")
    # "unhappy": "sad" is also in its Spanish keywords' "cansado".
    assert not Activity.objects.search("unhappy").filter(pk=park.pk).exists()


def test_the_keywords_migration_fills_only_empty_starter_keywords():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("activities.migrations.0005_starter_activities_get_search_keywords")
    call_command("load_starter_catalogue")
    Activity.objects.update(keywords="")
    Activity.objects.filter(slug="visit-a-dog-park").update(keywords="dogs")
    migration.add_starter_keywords(apps, None)
    assert Activity.objects.get(slug="visit-a-dog-park").keywords == "dogs"
    assert Activity.objects.get(slug="call-a-warmline").keywords == starter_keywords(
        "call-a-warmline"
    )


def test_every_feeling_has_spanish_search_words():
    assert set(starter_es.FEELINGS) == set(FEELINGS)
    assert all(words.strip() for words in starter_es.FEELINGS.values())


def test_starter_activities_get_spanish_search_keywords():
    call_command("load_starter_catalogue")
    warmline = Activity.objects.get(slug="call-a-warmline")
    assert "soledad" in warmline.keywords_es
    assert "lonely" in warmline.keywords_en
    with translation.override("es"):
        assert warmline.keywords == warmline.keywords_es


@pytest.mark.parametrize("language", ["es", "en"])
def test_search_finds_starter_activities_by_spanish_feelings(client, language):
    call_command("load_starter_catalogue")
    lonely = {slug for words, slugs in FEELINGS.items() if "lonely" in words for slug in slugs}
    with translation.override(language):
        found = set(Activity.objects.search("soledad").values_list("slug", flat=True))
    assert lonely <= found
    page = client.get("/activities/?q=soledad", headers={"accept-language": language})
    assert "call-a-warmline" in page.content.decode()


def test_the_loader_fills_only_empty_spanish_keywords():
    call_command("load_starter_catalogue")
    park = Activity.objects.get(slug="spend-time-in-a-park")
    park.keywords_es = "aire libre"
    park.save()
    text = Activity.objects.get(slug="send-a-short-text")
    text.keywords_es = ""
    text.save()
    call_command("load_starter_catalogue")
    park.refresh_from_db()
    text.refresh_from_db()
    assert park.keywords_es == "aire libre"
    assert text.keywords_es == starter_keywords("send-a-short-text", starter_es.FEELINGS)
