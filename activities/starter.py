"""The starter catalogue: every suggestion in the guide "Connecting with others",
written in Connect's own words. `manage.py load_starter_catalogue` loads it.

Each outside link carries the day it was checked against public material that
shows the service still exists at that address and still does what the
activity says. A link that could not be confirmed keeps `verified_on=None`, and
the page says it has not been checked yet. The sources are listed in
docs/activities.md ("Starter link sources").
"""

from dataclasses import dataclass, field
from datetime import date

HOME, OUT = "home", "out"
LOW, HIGH = "low", "high"

SOURCE = "Starter catalogue, from the guide “Connecting with others”"

CHECKED = date(2026, 11, 26)

KINDS = [
    # (slug, name)
    ("online", "Online"),
    ("low-talk", "Little talking"),
    ("one-to-one", "One person"),
    ("support-group", "Support group"),
    ("volunteering", "Volunteering"),
    ("hobby", "Hobbies and interests"),
    ("outdoors", "Outdoors"),
]


# Feelings people type into search, with the words that mean the same, and the
# starter activities that suit each. The loader writes them into an activity's
# search keywords only when it creates that activity, so admins' edits stay;
# the Spanish words (`starter_es.FEELINGS`) fill Spanish keywords still empty.
FEELINGS = {
    "lonely, alone, loneliness": [
        "watch-something-with-people-in-it",
        "send-a-short-text",
        "make-a-short-call",
        "just-be-with-someone",
        "online-peer-support",
        "video-or-phone-support-group",
        "call-a-warmline",
        "sit-in-a-coffee-shop",
        "reconnect-with-an-old-friend",
        "join-a-meetup-group",
    ],
    "isolated, isolation, cut off, no friends": [
        "send-a-short-text",
        "just-be-with-someone",
        "join-an-interest-forum",
        "join-a-hobby-group-online",
        "listen-at-7-cups",
        "call-a-warmline",
        "spend-time-in-a-park",
        "say-yes-to-an-invitation",
        "reconnect-with-an-old-friend",
        "join-a-meetup-group",
    ],
    "tired, exhausted, no energy, worn out": [
        "watch-something-with-people-in-it",
        "send-a-short-text",
        "just-be-with-someone",
        "reply-in-the-comments",
        "follow-a-mental-health-hashtag",
        "sit-in-a-coffee-shop",
        "spend-time-in-a-park",
    ],
    "anxious, anxiety, nervous, worried, shy": [
        "watch-something-with-people-in-it",
        "send-a-short-text",
        "chat-with-a-support-app",
        "online-peer-support",
        "reply-in-the-comments",
        "follow-a-mental-health-hashtag",
        "video-or-phone-support-group",
        "call-a-warmline",
        "spend-time-in-a-park",
        "visit-a-dog-park",
    ],
    "bored, boredom, restless": [
        "join-an-interest-forum",
        "join-a-hobby-group-online",
        "tutor-students-with-upchieve",
        "volunteer-with-be-my-eyes",
        "send-cards-with-chemo-angels",
        "find-virtual-volunteering",
        "visit-a-dog-park",
        "join-a-meetup-group",
        "take-an-adult-class",
        "volunteer-in-person",
    ],
    "sad, down, low, unhappy": [
        "make-a-short-call",
        "just-be-with-someone",
        "chat-with-a-support-app",
        "online-peer-support",
        "call-a-warmline",
        "listen-at-7-cups",
        "spend-time-in-a-park",
        "positivity-activity-with-someone",
    ],
}


def starter_keywords(slug: str, words_in: dict[str, str] | None = None) -> str:
    """The search keywords a starter activity starts with: the English words,
    or each group's words in `words_in` (keyed by the English group)."""
    groups = [words for words, slugs in FEELINGS.items() if slug in slugs]
    return ", ".join(groups if words_in is None else [words_in[words] for words in groups])


@dataclass(frozen=True)
class StarterLink:
    label: str
    url: str
    verified_on: date | None = None


@dataclass(frozen=True)
class StarterActivity:
    slug: str
    title: str
    summary: str
    body: str
    first_step: str
    why_it_helps: str
    setting: str
    effort: str
    kinds: tuple[str, ...]
    links: tuple[StarterLink, ...] = ()
    messages: tuple[str, ...] = ()
    links_to_helplines: bool = False
    source_note: str = field(default=SOURCE)


STARTER_ACTIVITIES = [
    # At home, low effort.
    StarterActivity(
        slug="watch-something-with-people-in-it",
        title="Watch something with people in it",
        summary="A show, a video or a podcast with real people talking counts as company today.",
        body=(
            "If you haven't been around anyone for a while, start with the easiest version: "
            "put on something where people talk to each other. A chat show, a cooking video, "
            "a vlog, a sitcom you know by heart.\n\n"
            "It is not a substitute for friends, and it doesn't have to be. It is a gentle way "
            "of hearing voices and faces again while you rest."
        ),
        first_step="Put on one episode or one video where people are talking.",
        why_it_helps=(
            "Hearing people can take the edge off feeling cut off, and it asks nothing of you."
        ),
        setting=HOME,
        effort=LOW,
        kinds=("low-talk",),
    ),
    StarterActivity(
        slug="send-a-short-text",
        title="Send someone a short text",
        summary="A few words to one person. No need to explain how you are.",
        body=(
            "Pick one person who is usually kind: a friend, a cousin, a neighbour, an old "
            "colleague. Send them a line. It can be about nothing at all.\n\n"
            "If they don't reply straight away, that is about their day, not about you."
        ),
        first_step="Choose one person and send them one line.",
        why_it_helps=(
            "A small exchange keeps a connection warm, and it is easier to build on later."
        ),
        setting=HOME,
        effort=LOW,
        kinds=("one-to-one", "low-talk"),
        messages=(
            "Hi! I was just thinking of you. How has your week been?",
            "Hey, no need to reply quickly. I just wanted to say hello.",
            "This made me think of you today. Hope you're doing OK.",
        ),
    ),
    StarterActivity(
        slug="make-a-short-call",
        title="Make a short phone call",
        summary="Five minutes on the phone with someone you trust. You can keep it brief.",
        body=(
            "A call can feel like a lot, so set a limit before you start: five minutes is "
            "plenty. It can help to text first and ask when suits them.\n\n"
            "You don't have to talk about how you feel unless you want to. Asking about their "
            "day is a fine way to spend the call."
        ),
        first_step="Text one person to ask if they are free for a quick call.",
        why_it_helps="Hearing a familiar voice can lift the sense of being alone.",
        setting=HOME,
        effort=LOW,
        kinds=("one-to-one",),
        messages=(
            "Are you free for a quick call sometime today? Just five minutes to catch up.",
            "Could I give you a ring later? I'd like to hear a friendly voice.",
        ),
    ),
    StarterActivity(
        slug="just-be-with-someone",
        title="Ask someone to just be with you",
        summary="Company without conversation: sit together, in person or on the phone.",
        body=(
            "Sometimes talking is too much, but being alone is worse. You can ask someone you "
            "trust to keep you company without needing to chat. They can come over, you can "
            "go where they are, or you can stay on a call in silence while you each do your "
            "own thing.\n\n"
            "Being honest about it (\"I'm low and don't want to be alone\") is enough. Most "
            "people are glad to be asked."
        ),
        first_step="Send one person a message asking for quiet company.",
        why_it_helps="Company, even silent, can make a hard hour feel less lonely.",
        setting=HOME,
        effort=LOW,
        kinds=("one-to-one", "low-talk"),
        messages=(
            "I'm having a low day and I'd rather not be alone. Could we just be together "
            "for a bit? We don't have to talk.",
            "Would you be up for keeping me company for a while? Quiet is fine, I just "
            "don't want to be on my own.",
        ),
    ),
    StarterActivity(
        slug="chat-with-a-support-app",
        title="Chat with a supportive AI app",
        summary="Type to an app designed to listen, when talking to a person feels like too much.",
        body=(
            "Some apps are made for supportive chat, built on ideas from talking therapies. "
            "**Wysa** is one: you type how you feel, and it answers with gentle questions and "
            "short exercises. The basic app is free and you only need a nickname to start. "
            "Have a look at how it handles your data, and whether it is open to new users "
            "where you live, before you begin.\n\n"
            "You may have heard of **Woebot** too. Its app closed at the end of June 2025, "
            "so it is no longer an option.\n\n"
            "An app is not a person, and it is not crisis help. It can be a low-pressure "
            "place to put feelings into words."
        ),
        first_step="Open the app and type one sentence about how today is going.",
        why_it_helps=(
            "Putting feelings into words, even to an app, can make the next step with a "
            "person feel easier."
        ),
        setting=HOME,
        effort=LOW,
        kinds=("online", "low-talk"),
        links=(StarterLink("Wysa", "https://www.wysa.com/", CHECKED),),
    ),
    StarterActivity(
        slug="online-peer-support",
        title="Talk with people who've been there, online",
        summary="Read and post in an online community of people living with depression.",
        body=(
            "Knowing that other people feel the way you do can be a relief. Moderated online "
            "communities let you read other people's stories first and post when you are "
            "ready. 7 Cups runs free peer chat and community forums.\n\n"
            "Reading without posting is a fine start. Look for a community with clear rules "
            "and active moderators."
        ),
        first_step="Read a few posts, and reply to one that feels familiar.",
        why_it_helps="Hearing from people who understand eases the feeling of being the only one.",
        setting=HOME,
        effort=LOW,
        kinds=("online", "support-group"),
        links=(StarterLink("7 Cups", "https://www.7cups.com/", CHECKED),),
    ),
    StarterActivity(
        slug="reply-in-the-comments",
        title="Reply in the comments",
        summary="Join the conversation under a video or article you enjoyed.",
        body=(
            "Just watched a video you liked, or read an interesting article? Scroll down to "
            "the comments, read what others thought, and add a reply of your own.\n\n"
            "Friendly, small replies work well: agree with someone, answer a question, or say "
            "what you liked."
        ),
        first_step="Leave one kind or curious reply under something you enjoyed.",
        why_it_helps="A small exchange with a stranger who shares an interest is still contact.",
        setting=HOME,
        effort=LOW,
        kinds=("online", "low-talk"),
    ),
    StarterActivity(
        slug="join-an-interest-forum",
        title="Join an online forum about something you like",
        summary="Find people who love the same hobby, show or topic, and join in.",
        body=(
            "There is an online forum for almost every interest, from sourdough to old "
            'synthesisers. Search for your interest plus the word "forum" on a search '
            "engine, on Reddit or on Facebook.\n\n"
            "Start by reading. When something catches your eye, answer a question or share "
            "what you have been working on."
        ),
        first_step='Search for your hobby plus "forum" and read one thread.',
        why_it_helps=(
            "Talking about a shared interest takes the focus off how you feel, and can lead "
            "to regular contact."
        ),
        setting=HOME,
        effort=LOW,
        kinds=("online", "hobby"),
    ),
    StarterActivity(
        slug="follow-a-mental-health-hashtag",
        title="Follow a mental-health hashtag",
        summary="Use hashtags to find thoughtful mental-health conversations on social media.",
        body=(
            "Hashtags filter social media down to conversations that matter to you. The guide "
            "suggests starting with **#SPSM** (Suicide Prevention Social Media), where people "
            "talk openly about mental health and suicide prevention.\n\n"
            "If a feed starts to make you feel worse, mute it and come back another time."
        ),
        first_step="Search for #SPSM and read a few recent posts.",
        why_it_helps="You find people talking openly about what you're going through.",
        setting=HOME,
        effort=LOW,
        kinds=("online",),
    ),
    # At home, more effort.
    StarterActivity(
        slug="video-or-phone-support-group",
        title="Join a video or phone support group",
        summary="Share and listen in a group, from home. Camera and microphone can stay off.",
        body=(
            "Support groups meet by video or phone, so you can join from your sofa. Many let "
            "you keep your camera and microphone off and simply listen until you feel ready "
            "to speak.\n\n"
            "The Depression and Bipolar Support Alliance runs online groups for adults, led by "
            "people who live with depression or bipolar disorder themselves. Places can fill "
            "up, so it helps to arrive a few minutes early. NAMI's Connection groups are free "
            "and led by peers too, and many local ones meet by video."
        ),
        first_step="Find one group's next meeting time and put it in your calendar.",
        why_it_helps="Hearing how others cope gives you ideas, and shows you are not alone.",
        setting=HOME,
        effort=HIGH,
        kinds=("online", "support-group"),
        links=(
            StarterLink(
                "Depression and Bipolar Support Alliance", "https://www.dbsalliance.org/", CHECKED
            ),
            StarterLink("NAMI", "https://www.nami.org/", CHECKED),
        ),
    ),
    StarterActivity(
        slug="call-a-warmline",
        title="Call a warmline",
        summary="Talk to a trained peer when you're not in crisis but need someone to listen.",
        body=(
            "Warmlines are for when you are struggling but not in crisis. The people who "
            "answer are trained, and many have lived with mental-health problems themselves. "
            "Calls are usually free and confidential.\n\n"
            "Try your own state's warmline first. If your state has none, or the line is "
            "busy, try one in a nearby state that takes calls from anywhere in the country. "
            "They may ask where you are calling from."
        ),
        first_step="Look up your state's warmline and save the number in your phone.",
        why_it_helps="Talking to someone who understands can ease a hard day.",
        setting=HOME,
        effort=HIGH,
        kinds=("one-to-one",),
        links_to_helplines=True,
    ),
    StarterActivity(
        slug="join-a-hobby-group-online",
        title="Join a hobby group on video",
        summary="Knit, draw, read or play along with others over video.",
        body=(
            "Many clubs meet online now: book clubs, craft circles, language exchanges, "
            "games nights. Doing something with your hands or mind alongside others takes "
            "the pressure off conversation.\n\n"
            "Look for groups on community sites, library pages or forums about your hobby."
        ),
        first_step="Find one online group about something you enjoy and note when it meets.",
        why_it_helps="A shared activity gives you something to talk about, or a reason not to.",
        setting=HOME,
        effort=HIGH,
        kinds=("online", "hobby"),
    ),
    StarterActivity(
        slug="tutor-students-with-upchieve",
        title="Tutor students online with UPchieve",
        summary="Help students from low-income families with schoolwork, from home.",
        body=(
            "UPchieve connects volunteers with high-school students from low-income families "
            "who want help with their schoolwork. Sessions happen online, by chat and a shared "
            "whiteboard, with no camera or microphone, whenever you have half an hour free."
        ),
        first_step="Read UPchieve's volunteer page and see which subjects you could help with.",
        why_it_helps="Helping someone else can lift your mood and remind you what you can give.",
        setting=HOME,
        effort=HIGH,
        kinds=("online", "volunteering"),
        links=(StarterLink("UPchieve", "https://upchieve.org/", CHECKED),),
    ),
    StarterActivity(
        slug="help-veterans-with-hire-heroes-usa",
        title="Help veterans find work with Hire Heroes USA",
        summary="Run practice interviews or give job-search advice to veterans and their families.",
        body=(
            "Hire Heroes USA helps veterans and military spouses move into civilian work. "
            "Volunteers join online to run mock interviews and share advice about job "
            "searching in their field."
        ),
        first_step="Look at Hire Heroes USA's volunteer options and pick one that fits.",
        why_it_helps="Sharing what you know is a way to connect that has a clear purpose.",
        setting=HOME,
        effort=HIGH,
        kinds=("online", "volunteering"),
        links=(StarterLink("Hire Heroes USA", "https://www.hireheroesusa.org/", CHECKED),),
    ),
    StarterActivity(
        slug="listen-at-7-cups",
        title="Be an online listener at 7 Cups",
        summary="Offer a kind ear, by chat, to people who want to talk.",
        body=(
            "7 Cups trains volunteers to listen to people by text chat. You choose when to be "
            "available, and the training shows you how to listen well without giving advice.\n\n"
            "Only take this on when you have room for it. Looking after yourself comes first."
        ),
        first_step="Read about 7 Cups' listener training.",
        why_it_helps="Supporting someone else can build confidence and a sense of connection.",
        setting=HOME,
        effort=HIGH,
        kinds=("online", "volunteering", "one-to-one"),
        links=(StarterLink("7 Cups", "https://www.7cups.com/", CHECKED),),
    ),
    StarterActivity(
        slug="volunteer-with-be-my-eyes",
        title="Lend your eyes with Be My Eyes",
        summary="Help a blind or low-vision person with a quick task over a video call.",
        body=(
            "Be My Eyes connects volunteers with blind and low-vision people who need a hand "
            "seeing something: reading a label, checking a color, finding a button. Calls "
            "are usually short, and you can decline if the time isn't right."
        ),
        first_step="Install the Be My Eyes app and sign up as a volunteer.",
        why_it_helps="A short, useful moment with another person, on your own terms.",
        setting=HOME,
        effort=HIGH,
        kinds=("online", "volunteering", "one-to-one"),
        links=(StarterLink("Be My Eyes", "https://www.bemyeyes.com/", CHECKED),),
    ),
    StarterActivity(
        slug="send-cards-with-chemo-angels",
        title="Send cards with Chemo Angels",
        summary="Write a weekly card or letter to someone going through chemotherapy.",
        body=(
            "Chemo Angels pairs volunteers with people having chemotherapy. You send a card "
            "or a short letter by post each week to brighten their days. Volunteers need to be "
            "25 or older, and you apply on their website."
        ),
        first_step="Read about Chemo Angels and what being an angel involves.",
        why_it_helps="Writing to someone regularly builds a steady, gentle connection.",
        setting=HOME,
        effort=HIGH,
        kinds=("volunteering", "low-talk", "one-to-one"),
        links=(StarterLink("Chemo Angels", "https://www.chemoangels.com/", CHECKED),),
    ),
    StarterActivity(
        slug="find-virtual-volunteering",
        title="Find more volunteering you can do from home",
        summary="Search for remote volunteer roles that match your skills and time.",
        body=(
            "VolunteerMatch lists volunteer roles across the US, and you can filter for ones "
            "done remotely: writing, design, translation, mentoring and much more."
        ),
        first_step="Search VolunteerMatch for remote roles and save one that interests you.",
        why_it_helps="Giving your time to a cause can lift your mood and connect you with others.",
        setting=HOME,
        effort=HIGH,
        kinds=("online", "volunteering"),
        links=(StarterLink("VolunteerMatch", "https://www.volunteermatch.org/", CHECKED),),
    ),
    # Out of the house, low effort.
    StarterActivity(
        slug="sit-in-a-coffee-shop",
        title="Sit in a coffee shop for a while",
        summary="Be around people without having to talk much. A treat helps.",
        body=(
            "A coffee shop lets you be among people without needing to join in. The promise "
            "of a drink or a pastry can be the nudge that gets you out of the door.\n\n"
            "If you feel up to it, aim for one small exchange: a hello to the barista, or "
            "asking someone how their day is going."
        ),
        first_step="Go in, order something, and stay for ten minutes.",
        why_it_helps="Being around others, even quietly, can ease the sense of being shut away.",
        setting=OUT,
        effort=LOW,
        kinds=("low-talk",),
    ),
    StarterActivity(
        slug="spend-time-in-a-park",
        title="Spend time in a park",
        summary="Sit or stroll where other people are, with no pressure to talk.",
        body=(
            "Parks are full of people doing their own thing. Sitting on a bench or taking a "
            "slow walk lets you share a space with others, and being outdoors can help too.\n\n"
            "A nod or a smile at a passer-by counts as contact."
        ),
        first_step="Walk to the nearest park and sit for a few minutes.",
        why_it_helps="Fresh air and the presence of other people can both lift a low mood.",
        setting=OUT,
        effort=LOW,
        kinds=("outdoors", "low-talk"),
    ),
    StarterActivity(
        slug="visit-a-dog-park",
        title="Visit a dog park",
        summary="With a dog, small talk comes easily: people love to chat about their pets.",
        body=(
            "If you have a dog, a dog park is one of the easiest places to talk to a "
            "stranger. Ask about someone's dog: its name, its age, its breed. Your own dog is "
            "there for moral support."
        ),
        first_step="Take your dog to the dog park and ask one owner their dog's name.",
        why_it_helps="A short, easy conversation with low stakes can rebuild confidence.",
        setting=OUT,
        effort=LOW,
        kinds=("outdoors",),
    ),
    # Out of the house, more effort.
    StarterActivity(
        slug="say-yes-to-an-invitation",
        title="Say yes to an invitation",
        summary="When someone asks you to join them, try saying yes, even if you'd rather not.",
        body=(
            "Making plans yourself can feel impossible right now, but accepting them is a "
            "smaller step. Next time someone invites you out, try saying yes before talking "
            "yourself out of it.\n\n"
            "You can go for a short while and leave when you need to. Many people find they "
            "feel better afterwards than they expected."
        ),
        first_step="Reply yes to the next invitation, and plan how long you'll stay.",
        why_it_helps="Time with people who care about you often lifts your mood.",
        setting=OUT,
        effort=HIGH,
        kinds=("one-to-one",),
        messages=(
            "Thanks for asking me! I'd like to come. I might not stay long, but I'll be there.",
            "Yes, count me in. Thanks for thinking of me.",
        ),
    ),
    StarterActivity(
        slug="reconnect-with-an-old-friend",
        title="Reconnect with an old friend",
        summary="Get back in touch with someone you used to be close to.",
        body=(
            "Reaching out to an old friend is often less daunting than meeting new people. "
            "Social media can jog your memory about who you'd like to hear from.\n\n"
            "Start with a message, and see if you'd both like to meet up."
        ),
        first_step="Send one old friend a message to say hello.",
        why_it_helps="Old friends already know you, so there's less to explain.",
        setting=OUT,
        effort=HIGH,
        kinds=("one-to-one",),
        messages=(
            "Hi! It's been ages and I was thinking about you. How have you been?",
            "I came across an old photo of us and it made me smile. Would you like to catch "
            "up over coffee sometime?",
        ),
    ),
    StarterActivity(
        slug="join-a-meetup-group",
        title="Join a Meetup group",
        summary="Find local events for people who share an interest, from books to board games.",
        body=(
            "Meetup lists in-person events run by people with shared interests: book clubs, "
            "film nights, walking groups, sports, crafts. If nothing fits, you can start a "
            "group of your own."
        ),
        first_step="Browse Meetup for events near you and mark one as interesting.",
        why_it_helps="A shared interest gives you something easy to talk about.",
        setting=OUT,
        effort=HIGH,
        kinds=("hobby",),
        links=(StarterLink("Meetup", "https://www.meetup.com/", CHECKED),),
    ),
    StarterActivity(
        slug="take-an-adult-class",
        title="Take a class",
        summary="Learn something new alongside other people: cooking, dancing, woodwork.",
        body=(
            "A class gives you a reason to show up and something to focus on besides "
            "conversation. At a cooking class, for example, you can chat with the people at "
            "your table while you work.\n\n"
            "Look online for classes near you, or check what your local community college "
            "offers."
        ),
        first_step="Look up one class near you and note its next start date.",
        why_it_helps="Learning together makes it easier to get to know people over time.",
        setting=OUT,
        effort=HIGH,
        kinds=("hobby",),
    ),
    StarterActivity(
        slug="volunteer-in-person",
        title="Volunteer in person",
        summary="Help out at a local cause and meet people while you do it.",
        body=(
            "Volunteering puts you alongside others working toward the same goal. Search for "
            '"volunteer" plus your town, or the name of an organization you care about. '
            "VolunteerMatch lists local roles too. If you'd like to use a work skill, "
            "Catchafire matches volunteers with projects for nonprofits, mostly done online."
        ),
        first_step="Search for volunteer roles near you and save one to look at later.",
        why_it_helps="Helping others and working as a team can both lift your mood.",
        setting=OUT,
        effort=HIGH,
        kinds=("volunteering",),
        links=(
            StarterLink("VolunteerMatch", "https://www.volunteermatch.org/", CHECKED),
            StarterLink("Catchafire", "https://www.catchafire.org/", CHECKED),
        ),
    ),
    StarterActivity(
        slug="positivity-activity-with-someone",
        title="Try a positivity activity with someone",
        summary="Do a small mood-lifting activity together with a friend or family member.",
        body=(
            "Activities that build positive feelings, such as sharing three good things from "
            "your week, cooking a favorite meal, or going for a walk to spot something "
            "beautiful, are often better with company. Pick one and invite someone to do it "
            "with you."
        ),
        first_step="Choose one activity and ask one person to do it with you.",
        why_it_helps="Sharing a good moment with someone strengthens the connection between you.",
        setting=OUT,
        effort=HIGH,
        kinds=("one-to-one",),
    ),
]
