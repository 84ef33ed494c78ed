"""Give the starter activities already in the catalogue their starter search
keywords, once. Later runs of the starter loader never change keywords, so an
admin's edits stay. A copy of the keywords as they were when this was written."""

from django.db import migrations

STARTER_KEYWORDS = {
    "watch-something-with-people-in-it": "lonely, alone, loneliness, tired, exhausted, no energy, worn out, anxious, anxiety, nervous, worried, shy",
    "send-a-short-text": "lonely, alone, loneliness, isolated, isolation, cut off, no friends, tired, exhausted, no energy, worn out, anxious, anxiety, nervous, worried, shy",
    "make-a-short-call": "lonely, alone, loneliness, sad, down, low, unhappy",
    "just-be-with-someone": "lonely, alone, loneliness, isolated, isolation, cut off, no friends, tired, exhausted, no energy, worn out, sad, down, low, unhappy",
    "chat-with-a-support-app": "anxious, anxiety, nervous, worried, shy, sad, down, low, unhappy",
    "online-peer-support": "lonely, alone, loneliness, anxious, anxiety, nervous, worried, shy, sad, down, low, unhappy",
    "reply-in-the-comments": "tired, exhausted, no energy, worn out, anxious, anxiety, nervous, worried, shy",
    "join-an-interest-forum": "isolated, isolation, cut off, no friends, bored, boredom, restless",
    "follow-a-mental-health-hashtag": "tired, exhausted, no energy, worn out, anxious, anxiety, nervous, worried, shy",
    "video-or-phone-support-group": "lonely, alone, loneliness, anxious, anxiety, nervous, worried, shy",
    "call-a-warmline": "lonely, alone, loneliness, isolated, isolation, cut off, no friends, anxious, anxiety, nervous, worried, shy, sad, down, low, unhappy",
    "join-a-hobby-group-online": "isolated, isolation, cut off, no friends, bored, boredom, restless",
    "tutor-students-with-upchieve": "bored, boredom, restless",
    "listen-at-7-cups": "isolated, isolation, cut off, no friends, sad, down, low, unhappy",
    "volunteer-with-be-my-eyes": "bored, boredom, restless",
    "send-cards-with-chemo-angels": "bored, boredom, restless",
    "find-virtual-volunteering": "bored, boredom, restless",
    "sit-in-a-coffee-shop": "lonely, alone, loneliness, tired, exhausted, no energy, worn out",
    "spend-time-in-a-park": "isolated, isolation, cut off, no friends, tired, exhausted, no energy, worn out, anxious, anxiety, nervous, worried, shy, sad, down, low, unhappy",
    "visit-a-dog-park": "anxious, anxiety, nervous, worried, shy, bored, boredom, restless",
    "say-yes-to-an-invitation": "isolated, isolation, cut off, no friends",
    "reconnect-with-an-old-friend": "lonely, alone, loneliness, isolated, isolation, cut off, no friends",
    "join-a-meetup-group": "lonely, alone, loneliness, isolated, isolation, cut off, no friends, bored, boredom, restless",
    "take-an-adult-class": "bored, boredom, restless",
    "volunteer-in-person": "bored, boredom, restless",
    "positivity-activity-with-someone": "sad, down, low, unhappy",
}


def add_starter_keywords(apps, schema_editor) -> None:
    Activity = apps.get_model("activities", "Activity")
    for activity in Activity.objects.filter(slug__in=STARTER_KEYWORDS, keywords=""):
        activity.keywords = STARTER_KEYWORDS[activity.slug]
        activity.save(update_fields=["keywords"])


class Migration(migrations.Migration):
    dependencies = [("activities", "0004_activity_search_keywords")]

    operations = [migrations.RunPython(add_starter_keywords, migrations.RunPython.noop)]
