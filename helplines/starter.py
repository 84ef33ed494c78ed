"""The starter directory that `load_starter_helplines` loads.

Each line records where its number was found (`source_url`), what kind of
source that is, the date the source itself shows, and the day we checked it.
Lines are published only when the number was found on a page of the
operator, a government or a news outlet; leads found only in third-party
lists, or whose source is undated or contradicted, are loaded as "needs
checking" so admins can confirm them, and are never shown. Lines known to
have closed stay here as closed, so nobody adds them again. The research
behind each entry is summarised in docs/helplines.md.

Keep the 988 entry in step with `helplines.crisis.LIFELINE_988` (a test
checks that they agree).
"""

from datetime import date

CHECKED = date(2026, 11, 26)
# The day the state leads were re-checked against stored public pages.
RECHECKED = date(2026, 11, 27)
# The commit date of the third-party app list many unconfirmed leads come from.
APP_LIST_URL = (
    "https://github.com/arbazz/mindme/blob/56527e3a7ef48bdc95749fd2bd24a54839f24694/"
    "src/pages/WarmLines.js"
)
APP_LIST_DATE = date(2021, 4, 6)

PUBLISHED = "published"
NEEDS_CHECKING = "needs_checking"
CLOSED = "closed"
US_WIDE = "us"
ANYWHERE = "anywhere"

MON_FRI = range(5)
EVERY_DAY = range(7)


def hours(days, opens: str, closes: str) -> list[dict]:
    return [{"day": day, "opens": opens, "closes": closes} for day in days]


def unconfirmed(
    *,
    slug: str,
    name: str,
    region: str,
    source_url: str,
    source_kind: str,
    source_date: date | None,
    why: str,
    source_name: str = "",
    phone: str = "",
    text_number: str = "",
) -> dict:
    """A warmline lead loaded as "needs checking". Its description says what is
    missing; rewrite it in plain words before publishing the line."""
    return {
        "slug": slug,
        "name": name,
        "kind": "warmline",
        "description": f"Not yet confirmed. {why}",
        "phone": phone,
        "text_number": text_number,
        "region": region,
        "source_url": source_url,
        "source_kind": source_kind,
        "source_name": source_name,
        "source_date": source_date,
        "verified_on": RECHECKED,
        "status": NEEDS_CHECKING,
    }


STARTER_LINES: list[dict] = [
    {
        "slug": "988-lifeline",
        "name": "988 Suicide & Crisis Lifeline",
        "kind": "crisis",
        "description": (
            "Free, confidential support from a trained crisis counselor for anyone in "
            "emotional distress or thinking about suicide, or worried about someone else. "
            "Call or text 988, or chat on the website. Press 2 on a call, or text AYUDA, "
            "for Spanish."
        ),
        "phone": "988",
        "text_number": "988",
        "website": "https://988lifeline.org/",
        "languages": "English, Spanish",
        "spanish_keypress": "2",
        "spanish_text_keyword": "AYUDA",
        "region": "US",
        "who_may_call": US_WIDE,
        "open_24_7": True,
        "source_url": "https://988lifeline.org/",
        "source_kind": "operator",
        "source_name": "988 Lifeline",
        "source_date": CHECKED,
        "verified_on": CHECKED,
        "status": PUBLISHED,
    },
    {
        "slug": "crisis-text-line",
        "name": "Crisis Text Line",
        "kind": "crisis",
        "description": (
            "Text with a trained volunteer crisis counselor, any time, from anywhere in "
            "the US. Texting HOME is the usual way to start, but any first message works. "
            "Text AYUDA for Spanish."
        ),
        "text_number": "741741",
        "text_keyword": "HOME",
        "website": "https://www.crisistextline.org/",
        "languages": "English, Spanish",
        "spanish_text_keyword": "AYUDA",
        "region": "US",
        "who_may_call": US_WIDE,
        "open_24_7": True,
        "source_url": "https://www.crisistextline.org/faq",
        "source_kind": "operator",
        "source_name": "Crisis Text Line",
        "source_date": CHECKED,
        "verified_on": CHECKED,
        "status": PUBLISHED,
    },
    {
        "slug": "veterans-crisis-line",
        "name": "Veterans Crisis Line",
        "kind": "crisis",
        "description": (
            "For veterans, service members, and the people who care about them, whether "
            "or not they use VA care. Dial 988 and then press 1, text 838255, or chat online."
        ),
        "phone": "988",
        "text_number": "838255",
        "chat_url": "https://www.veteranscrisisline.net/get-help-now/chat/",
        "website": "https://www.veteranscrisisline.net/",
        "languages": "English",
        "region": "US",
        "who_may_call": US_WIDE,
        "open_24_7": True,
        "source_url": (
            "https://www.va.gov/asheville-health-care/news-releases/"
            "confidential-crises-help-for-veterans-and-their-families/"
        ),
        "source_kind": "government",
        "source_name": "US Department of Veterans Affairs",
        "source_date": CHECKED,
        "verified_on": CHECKED,
        "status": PUBLISHED,
    },
    {
        "slug": "nami-helpline",
        "name": "NAMI HelpLine",
        "kind": "peer_support",
        "description": (
            "A free, nationwide peer-support line from the National Alliance on Mental "
            "Illness. Trained staff and volunteers listen, answer questions about mental "
            "health, and point you to resources. It is not a crisis line: in a crisis, "
            "call or text 988."
        ),
        "phone": "1-800-950-6264",
        "text_number": "62640",
        "text_keyword": "HELPLINE",
        "website": "https://www.nami.org/",
        "languages": "English",
        "region": "US",
        "who_may_call": US_WIDE,
        "hours": [{"day": day, "opens": "10:00", "closes": "22:00"} for day in range(5)],
        "time_zone": "America/New_York",
        "source_url": "https://nami.org/learn-about-mental-health/conditions/anxiety",
        "source_kind": "operator",
        "source_name": "NAMI",
        "source_date": CHECKED,
        "verified_on": CHECKED,
        "status": PUBLISHED,
    },
    {
        "slug": "samhsa-national-helpline",
        "name": "SAMHSA's National Helpline",
        "kind": "referral",
        "description": (
            "Free, confidential information and referrals to local treatment, support "
            "groups and community services for mental health and substance use. It "
            "does not offer counseling. You can also text your ZIP code to 435748 to "
            "find help near you."
        ),
        "phone": "1-800-662-4357",
        "tty": "1-800-487-4889",
        "website": "https://www.samhsa.gov/find-help/national-helpline",
        "languages": "English, Spanish",
        "region": "US",
        "who_may_call": US_WIDE,
        "open_24_7": True,
        "source_url": "https://www.samhsa.gov/find-help/national-helpline",
        "source_kind": "government",
        "source_name": "SAMHSA",
        "source_date": CHECKED,
        "verified_on": CHECKED,
        "status": PUBLISHED,
    },
    # Published state lines: each number was read on an operator, government
    # or news page, quoted in source_url, dated in source_date.
    {
        "slug": "california-peer-run-warm-line",
        "name": "California Peer-Run Warm Line",
        "kind": "warmline",
        "description": (
            "Peer counselors who have lived with mental health challenges offer a listening "
            "ear by phone, text or web chat, before things reach a crisis. Run by the Mental "
            "Health Association of San Francisco."
        ),
        "phone": "1-855-845-7415",
        "text_number": "855-845-7415",
        "website": "https://www.mentalhealthsf.org/",
        "languages": "English, Spanish",
        "region": "CA",
        "open_24_7": True,
        "hours_note": (
            "State funding was cut in 2025 and many counselors were laid off, so you may "
            "have to wait or call back."
        ),
        "restrictions": "Up to three calls a day.",
        "source_url": "https://www.mentalhealthsf.org/blog/lets-address-the-elephant-in-the-room",
        "source_kind": "operator",
        "source_name": "Mental Health Association of San Francisco",
        "source_date": date(2025, 10, 3),
        "verified_on": RECHECKED,
        "status": PUBLISHED,
    },
    {
        "slug": "north-carolina-peer-warmline",
        "name": "North Carolina Peer Warmline",
        "kind": "warmline",
        "description": (
            "Peer support specialists, who live in recovery from mental illness or substance "
            "use themselves, listen and share resources. Run for the state by Promise "
            "Resource Network, a peer-run organization."
        ),
        "phone": "1-855-733-7762",
        "region": "NC",
        "open_24_7": True,
        "restrictions": (
            "You can also call or text 988 in North Carolina and ask to speak with a peer."
        ),
        "source_url": (
            "https://abc11.com/health/ncdhhs-adds-new-support-line-for-mental-health-"
            "substance-disorder/14445715"
        ),
        "source_kind": "news",
        "source_name": "ABC11 (WTVD)",
        "source_date": date(2024, 2, 20),
        "verified_on": RECHECKED,
        "status": PUBLISHED,
    },
    {
        "slug": "florida-warm-line",
        "name": "Florida Warm Line",
        "kind": "warmline",
        "description": (
            "A statewide line for stress, worry or low days, answered by trained peer "
            "specialists who have had their own mental health struggles. Not a crisis line. "
            "Run by the Peer Support Coalition of Florida."
        ),
        "phone": "1-800-945-1355",
        "region": "FL",
        "hours_note": (
            "Every day of the year, 4 pm to 10 pm. The source does not say which time zone."
        ),
        "source_url": (
            "https://health.wusf.usf.edu/health-news-florida/2022-07-20/"
            "florida-warm-line-offers-emotional-support-through-peer-specialists"
        ),
        "source_kind": "news",
        "source_name": "WUSF Public Media",
        "source_date": date(2022, 7, 20),
        "verified_on": RECHECKED,
        "status": PUBLISHED,
    },
    {
        "slug": "michigan-peer-warmline",
        "name": "Michigan Statewide Peer Warmline",
        "kind": "warmline",
        "description": (
            "Certified peer support specialists with their own experience of mental health "
            "challenges take calls from people living with anxiety, depression or trauma. "
            "Set up by the state health department."
        ),
        "phone": "1-888-733-7753",
        "region": "MI",
        "hours": hours(EVERY_DAY, "10:00", "02:00"),
        "time_zone": "America/Detroit",
        "source_url": (
            "https://www.uppermichiganssource.com/2021/04/30/"
            "mdhhs-launches-crisis-and-access-line-in-the-upper-peninsula/"
        ),
        "source_kind": "news",
        "source_name": "WLUC TV6",
        "source_date": date(2021, 4, 30),
        "verified_on": RECHECKED,
        "status": PUBLISHED,
    },
    {
        "slug": "georgia-peer2peer-warm-line",
        "name": "Peer2Peer Warm Line (Georgia)",
        "kind": "warmline",
        "description": (
            "Trained peers from the Georgia Mental Health Consumer Network, a peer-run "
            "nonprofit, offer a kind ear. If you need more help, they can connect you to 988 "
            "or the Georgia Crisis and Access Line."
        ),
        "phone": "1-888-945-1414",
        "region": "GA",
        "open_24_7": True,
        "source_url": "https://www.gmhcn.org/advocacy",
        "source_kind": "operator",
        "source_name": "Georgia Mental Health Consumer Network",
        "source_date": date(2020, 1, 1),
        "verified_on": RECHECKED,
        "status": PUBLISHED,
    },
    {
        "slug": "montana-warmline",
        "name": "Montana Warmline",
        "kind": "warmline",
        "description": (
            "A free, confidential line answered by people with lived experience of mental "
            "health challenges, for anyone who just needs someone to talk to. Run by Mental "
            "Health America of Montana; you can also chat on its website during open hours."
        ),
        "phone": "1-877-688-3377",
        "website": "https://www.montanawarmline.org/",
        "region": "MT",
        "hours": hours(MON_FRI, "08:00", "21:00") + hours((5, 6), "12:00", "21:00"),
        "time_zone": "America/Denver",
        "hours_note": "These are the hours announced in April 2020.",
        "source_url": (
            "https://kyssfm.com/montanas-suicide-call-centers-received-about-39-calls-a-day-"
            "during-the-past-two-week/"
        ),
        "source_kind": "news",
        "source_name": "KYSS FM",
        "source_date": date(2020, 4, 1),
        "verified_on": RECHECKED,
        "status": PUBLISHED,
    },
    {
        "slug": "oregon-warmline",
        "name": "David Romprey Oregon Warmline",
        "kind": "warmline",
        "description": (
            "A completely peer-run line: the people who answer are not clinicians but have "
            "lived through mental health struggles, and are trained to listen without "
            "judgment. Run by Community Counseling Solutions."
        ),
        "phone": "1-800-698-2392",
        "languages": "English, Spanish",
        "region": "OR",
        "open_24_7": True,
        "hours_note": (
            "Open around the clock since March 2023; funding cuts may have shortened hours."
        ),
        "source_url": "https://elkhornmediagroup.com/the-oregon-warmline-is-fighting-for-its-life",
        "source_kind": "news",
        "source_name": "Elkhorn Media Group",
        "source_date": date(2023, 8, 18),
        "verified_on": RECHECKED,
        "status": PUBLISHED,
    },
    {
        "slug": "maine-peer-support-line",
        "name": "Maine Peer Support Line",
        "kind": "warmline",
        "description": (
            "Talk with a trained peer specialist who has lived experience of mental health "
            "recovery, whenever you need to talk but are not in crisis. Formerly called the "
            "Intentional Warm Line; run by Sweetser."
        ),
        "phone": "1-866-771-9276",
        "region": "ME",
        "open_24_7": True,
        "restrictions": "For adults, 18 and over.",
        "source_url": (
            "https://www.sweetser.org/sweetser-training/training-institute-venues/0/page/1"
        ),
        "source_kind": "operator",
        "source_name": "Sweetser",
        "source_date": date(2026, 1, 26),
        "verified_on": RECHECKED,
        "status": PUBLISHED,
    },
    {
        "slug": "sqsh-peer-support-line",
        "name": "SQSH Peer Support Line",
        "kind": "warmline",
        "description": (
            "Free, confidential support from trained LGBTQIA+-affirming peer counselors, run "
            "by and for the St. Louis queer community. It welcomes calls from anywhere."
        ),
        "phone": "1-844-785-7774",
        "website": "https://thesqsh.org/warmline",
        "region": "MO",
        "who_may_call": ANYWHERE,
        "hours": hours((0, 4, 5, 6), "13:00", "19:00"),
        "time_zone": "America/Chicago",
        "hours_note": "Local number: 314-380-7774. You can also ask online for a call back.",
        "restrictions": (
            "Callers outside St. Louis get the same listening; the counselors may help you "
            "look for resources where you live."
        ),
        "source_url": "https://thesqsh.org/warmline",
        "source_kind": "operator",
        "source_name": "St. Louis Queer+ Support Helpline",
        "source_date": date(2020, 10, 19),
        "verified_on": RECHECKED,
        "status": PUBLISHED,
    },
    {
        "slug": "metro-boston-peer-support-line",
        "name": "Metro Boston RLC Peer Support Line",
        "kind": "warmline",
        "description": (
            "A listening and resource line staffed entirely by people with lived experience "
            "of mental health challenges. Run by the Metro Boston Recovery Learning Community."
        ),
        "phone": "1-877-733-7563",
        "region": "MA",
        "hours": hours(EVERY_DAY, "16:00", "19:45"),
        "time_zone": "America/New_York",
        "source_url": (
            "https://naturalawakeningsboston.com/2022/01/31/388237/"
            "boston-peer-run-mental-health-programs"
        ),
        "source_kind": "news",
        "source_name": "Natural Awakenings Boston",
        "source_date": date(2022, 1, 31),
        "verified_on": RECHECKED,
        "status": PUBLISHED,
    },
    {
        "slug": "nj-connect-for-recovery",
        "name": "NJ Connect for Recovery",
        "kind": "warmline",
        "description": (
            "A call line for people coping with substance use, and for their families. Peer "
            "specialists with their own recovery experience, or addiction counselors, listen "
            "and help you find treatment. Run by the Mental Health Association in New Jersey."
        ),
        "phone": "1-855-652-3737",
        "tty": "1-877-294-4356",
        "website": "https://www.njconnectforrecovery.org/",
        "region": "NJ",
        "hours": hours(MON_FRI, "08:00", "22:00") + hours((5, 6), "17:00", "22:00"),
        "time_zone": "America/New_York",
        "hours_note": "Holidays 3 pm to 10 pm. Calls after hours are returned within a day.",
        "source_url": (
            "https://njbiz.com/mental-health-association-starts-help-line-for-heroin-"
            "painkiller-addiction/"
        ),
        "source_kind": "news",
        "source_name": "NJBIZ",
        "source_date": date(2015, 1, 13),
        "verified_on": RECHECKED,
        "status": PUBLISHED,
    },
    {
        "slug": "nyc-well",
        "name": "NYC Well",
        "kind": "warmline",
        "description": (
            "New York City's free, confidential mental health line. You can ask to talk with "
            "a certified peer specialist instead of a counselor. It also handles crises, and "
            "988 calls from city area codes reach it."
        ),
        "phone": "1-888-692-9355",
        "text_number": "65173",
        "text_keyword": "WELL",
        "website": "https://nycwell.cityofnewyork.us/",
        "region": "NY",
        "open_24_7": True,
        "restrictions": "Mainly for people in New York City. Interpreters in over 200 languages.",
        "source_url": (
            "https://www.silive.com/news/2022/07/mayor-eric-adams-expands-new-york-citys-"
            "mental-health-helpline-nyc-well.html"
        ),
        "source_kind": "news",
        "source_name": "Staten Island Advance (silive.com)",
        "source_date": date(2022, 7, 26),
        "verified_on": RECHECKED,
        "status": PUBLISHED,
    },
    {
        "slug": "nevada-teen-peer-text-line",
        "name": "Nevada Teen Peer Support Text Line",
        "kind": "warmline",
        "description": (
            "A text line for young people, answered by trained young adults who know what "
            "it is like to struggle. Run by NAMI Western Nevada. Not a crisis line."
        ),
        "text_number": "775-296-8336",
        "region": "NV",
        "hours": hours(EVERY_DAY, "12:00", "22:00"),
        "time_zone": "America/Los_Angeles",
        "restrictions": "For ages 14 to 24.",
        "source_url": (
            "https://greatbasinsun.com/news/2022/may/25/"
            "nevada-teens-are-getting-free-confidential-mental-/"
        ),
        "source_kind": "news",
        "source_name": "Great Basin Sun",
        "source_date": date(2022, 5, 25),
        "verified_on": RECHECKED,
        "status": PUBLISHED,
    },
    {
        "slug": "lancaster-county-warmline",
        "name": "Lancaster County Warmline",
        "kind": "warmline",
        "description": (
            "A peer-run line in Lancaster County staffed by volunteers who offer emotional "
            "support when you want to talk."
        ),
        "phone": "1-800-971-0016",
        "region": "PA",
        "open_24_7": True,
        "restrictions": (
            "A county line; the source does not say whether it takes calls from elsewhere."
        ),
        "source_url": (
            "https://lancasteronline.com/news/health/lancaster-county-receives-nearly-1-6-"
            "million-in-behavioral-health-grants/article_a463da02-89ee-11ec-8261-03aeaa264cae.html"
        ),
        "source_kind": "news",
        "source_name": "LNP | LancasterOnline",
        "source_date": date(2022, 2, 10),
        "verified_on": RECHECKED,
        "status": PUBLISHED,
    },
    {
        "slug": "delaware-hope-line",
        "name": "Delaware Hope Line",
        "kind": "warmline",
        "description": (
            "A state line for anxiety, low mood or any behavioral health need. The state "
            "says the staff who answer share the experiences of the people who call, and "
            "can connect you to more help, including crisis services."
        ),
        "phone": "1-833-946-7333",
        "region": "DE",
        "open_24_7": True,
        "restrictions": "The line's letters spell 1-833-9-HOPEDE.",
        "source_url": (
            "https://news.delaware.gov/2020/12/18/resources-to-help-delawareans-in-"
            "challenging-times/"
        ),
        "source_kind": "government",
        "source_name": "Delaware.gov news",
        "source_date": date(2020, 12, 18),
        "verified_on": RECHECKED,
        "status": PUBLISHED,
    },
    {
        "slug": "clifford-beers-warm-line",
        "name": "Clifford Beers Warm Line (New Haven)",
        "kind": "warmline",
        "description": (
            "Trained peer support specialists at Clifford Beers, a New Haven clinic, listen "
            "and help you find resources. It opened in 2020 as a 'compassion line'."
        ),
        "phone": "203-287-2460",
        "region": "CT",
        "hours": hours(range(4), "09:00", "19:00") + hours((4,), "09:00", "18:00"),
        "time_zone": "America/New_York",
        "source_url": "https://newhavenindependent.org/article/414_covid_updates",
        "source_kind": "news",
        "source_name": "New Haven Independent",
        "source_date": date(2020, 3, 1),
        "verified_on": RECHECKED,
        "status": PUBLISHED,
    },
    {
        "slug": "illinois-warm-line",
        "name": "Illinois Warm Line",
        "kind": "warmline",
        "description": (
            "Peer and family support by phone, from people who have been through mental "
            "health recovery themselves or with someone they love. Interpreters are available."
        ),
        "phone": "1-866-359-7953",
        "tty": "1-866-880-4459",
        "region": "IL",
        "hours_note": "In the phone menu, press 2, then 5, for the Warm Line.",
        "source_url": (
            "https://abc7chicago.com/warm-line-phone-number-mental-health-support-hotline/12484986/"
        ),
        "source_kind": "news",
        "source_name": "ABC7 Chicago",
        "source_date": date(2022, 7, 1),
        "verified_on": RECHECKED,
        "status": PUBLISHED,
    },
    # Leads we could not confirm on an operator, government or news page, or
    # whose source is undated or contradicted: admins see them in the re-check
    # queue; nobody else ever does.
    unconfirmed(
        slug="pathways-vermont-support-line",
        name="Pathways Vermont Support Line",
        region="VT",
        phone="1-833-888-2557",
        text_number="833-888-2557",
        source_url="https://www.pathwaysvermont.org/programs/peersupportcenter",
        source_kind="operator",
        source_name="Pathways Vermont",
        source_date=None,
        why="The operator's page gives the number but no date; a dated page is needed to publish.",
    ),
    unconfirmed(
        slug="alabama-warmline",
        name="Alabama Warmline",
        region="AL",
        phone="1-844-999-4647",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why=(
            "Number only in a third-party app list; the 2022 news story about the line gives no "
            "number."
        ),
    ),
    unconfirmed(
        slug="kenai-alaska-warmline",
        name="Kenai Alaska Warmline",
        region="AK",
        phone="907-283-7511",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why="Number only in a third-party app list.",
    ),
    unconfirmed(
        slug="hope-inc-warmline",
        name="HOPE Inc. Warmline",
        region="AZ",
        phone="520-770-9909",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why=(
            "A 2020 news story confirms the line, but its number is only in a third-party app list."
        ),
    ),
    unconfirmed(
        slug="maricopa-county-warmline",
        name="Maricopa County Warmline",
        region="AZ",
        phone="602-347-1100",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why="Number only in a third-party app list.",
    ),
    unconfirmed(
        slug="calhope-warm-line",
        name="CalHOPE Warm Line",
        region="CA",
        phone="1-833-317-4673",
        source_url=(
            "https://a19.asmdc.org/press-releases/20221013-california-announces-investments-"
            "statewide-mental-health-call-centers"
        ),
        source_kind="government",
        source_name="Assemblymember Phil Ting",
        source_date=date(2022, 10, 13),
        why=(
            "The press release names the line but not its number; the number comes from "
            "third-party code."
        ),
    ),
    unconfirmed(
        slug="soundview-warmline",
        name="Soundview Warmline",
        region="CT",
        phone="1-800-921-0359",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why="Number only in a third-party app list.",
    ),
    unconfirmed(
        slug="georgia-cares-warm-line",
        name="CARES Warm Line (Georgia)",
        region="GA",
        phone="1-844-326-5400",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why="Two third-party code files agree on the number; no page of the operator found.",
    ),
    unconfirmed(
        slug="iowa-warm-line",
        name="Iowa Warm Line",
        region="IA",
        phone="1-844-775-9276",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why="Several third-party code files agree on the number, but they disagree on hours.",
    ),
    unconfirmed(
        slug="compassionate-ear-warmline",
        name="Compassionate Ear Warmline",
        region="KS",
        phone="1-866-927-6327",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why="Number only in a third-party app list, which gives two different sets of hours.",
    ),
    unconfirmed(
        slug="kentucky-warmline",
        name="Kentucky Warmline",
        region="KY",
        phone="1-877-840-5167",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why="Number only in a third-party app list.",
    ),
    unconfirmed(
        slug="louisiana-recovery-outreach-line",
        name="Behavioral Health Recovery Outreach Line",
        region="LA",
        phone="1-833-333-1132",
        source_url=(
            "https://www.livingstonparishnews.com/coronavirus/behavioral-health-recovery-outreach-"
            "line-looks-to-prevent-crises-before-they-occur/article_707b642a-c1ff-11ea-ab45-"
            "d7b994f15a72.html"
        ),
        source_kind="news",
        source_name="Livingston Parish News",
        source_date=date(2020, 7, 1),
        why="A 2020 pandemic line; the source does not say peers answer, and it may have ended.",
    ),
    unconfirmed(
        slug="baycove-peer-support-warmline",
        name="Baycove Peer Support Warmline",
        region="MA",
        phone="857-378-4997",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why="Number only in a third-party app list.",
    ),
    unconfirmed(
        slug="edinburg-peer-warmline",
        name="Edinburg Peer Warmline",
        region="MA",
        phone="617-875-0748",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why="Number only in a third-party app list.",
    ),
    unconfirmed(
        slug="minnesota-warmline",
        name="Minnesota Peer Support Connection Warmline",
        region="MN",
        phone="1-877-404-3190",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why=(
            "The operator says the line lost federal funding in 2025 but is not closing; its "
            "number is only in third-party lists and the hours have changed several times."
        ),
    ),
    unconfirmed(
        slug="nami-southwest-missouri-warm-line",
        name="NAMI Southwest Missouri Warm Line",
        region="MO",
        phone="1-877-535-4357",
        source_url=(
            "https://volunteerozarks.com/stories/volunteers/mental-health-phone-line-returns-to-"
            "the-ozarks-partnership-between-nami-and-oacac/"
        ),
        source_kind="news",
        source_name="KY3",
        source_date=date(2021, 4, 11),
        why=(
            "Closed in 2020 when state funding ended, reopened in 2021 on pandemic relief money; "
            "whether it still runs is unknown."
        ),
    ),
    unconfirmed(
        slug="nami-missouri-warmline",
        name="NAMI Missouri Warmline",
        region="MO",
        phone="1-800-374-2138",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why="Number only in a third-party app list; NAMI Missouri's office uses the same number.",
    ),
    unconfirmed(
        slug="keya-house-warmline",
        name="Keya House Warmline",
        region="NE",
        phone="402-261-5959",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why="Number only in a third-party app list.",
    ),
    unconfirmed(
        slug="stepping-stone-warmline",
        name="Stepping Stone Warmline",
        region="NH",
        phone="1-888-582-0920",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why="Number only in a third-party app list (press 9).",
    ),
    unconfirmed(
        slug="nj-peer-recovery-line",
        name="New Jersey Peer Recovery Line",
        region="NJ",
        phone="1-833-422-2765",
        source_url="https://housingall.org/?p=3152",
        source_kind="third_party",
        source_name="housingall.org",
        source_date=date(2020, 3, 1),
        why="Only on a third-party list from 2020.",
    ),
    unconfirmed(
        slug="morris-county-peer-line",
        name="Morris County Peer to Peer Support Line",
        region="NJ",
        phone="1-877-760-4987",
        source_url=(
            "https://www.nj.com/helpinghands/mhamorris/2009/07/peer_line_offers_after_hours_s.html"
        ),
        source_kind="news",
        source_name="NJ.com",
        source_date=date(2009, 7, 1),
        why="The only source is from 2009.",
    ),
    unconfirmed(
        slug="new-mexico-peer-warmline",
        name="New Mexico Peer-to-Peer Warmline",
        region="NM",
        phone="1-855-466-7100",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why=(
            "The crisis line's own pages confirm the warmline, but its number is only in "
            "third-party code."
        ),
    ),
    unconfirmed(
        slug="mhep-warmline",
        name="Mental Health Empowerment Project Warmline",
        region="NY",
        phone="1-800-643-7462",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why="Number only in a third-party app list.",
    ),
    unconfirmed(
        slug="prn-warm-line-charlotte",
        name="PRN Warm Line (Charlotte)",
        region="NC",
        phone="1-833-390-7728",
        source_url=(
            "https://www.northcarolinahealthnews.org/2021/07/29/warm-line-a-mental-health-support-"
            "answered-by-people-who-can-relate/"
        ),
        source_kind="news",
        source_name="North Carolina Health News",
        source_date=date(2021, 7, 29),
        why="Probably replaced by the statewide Peer Warmline in 2024.",
    ),
    unconfirmed(
        slug="nevada-warmline",
        name="Nevada Warmline",
        region="NV",
        phone="775-241-4212",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why=(
            "A 2022 state press release confirms the line, but its number is only in a third-party "
            "app list."
        ),
    ),
    unconfirmed(
        slug="lancaster-county-warm-line-bhds",
        name="Lancaster County BHDS Warm Line",
        region="PA",
        phone="717-945-9976",
        source_url=(
            "https://oneunitedlancaster.com/coronavirus-news-roundup/county-behavioral-health-"
            "launching-crisis-peer-support-confidential-warm-line/"
        ),
        source_kind="news",
        source_name="One United Lancaster",
        source_date=None,
        why="Undated, and a 2022 news story gives a different number for the county warmline.",
    ),
    unconfirmed(
        slug="allegheny-county-warmline",
        name="Allegheny County Warmline",
        region="PA",
        phone="1-866-661-9276",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why="Number only in a third-party app list.",
    ),
    unconfirmed(
        slug="mha-east-tennessee-warmline",
        name="MHA of East Tennessee Warmline",
        region="TN",
        phone="865-584-9125",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why="Number only in a third-party app list.",
    ),
    unconfirmed(
        slug="tennessee-covid-emotional-support-line",
        name="Tennessee COVID-19 Emotional Support Line",
        region="TN",
        phone="1-888-642-7886",
        source_url=(
            "https://taadas.org/our-programs-and-services/the-tennessee-covid-19-emotional-support-"
            "line-for-health-care-workers"
        ),
        source_kind="operator",
        source_name="TAADAS",
        source_date=None,
        why=(
            "A pandemic line for health care workers and educators, answered by licensed "
            "professionals rather than peers; undated."
        ),
    ),
    unconfirmed(
        slug="mha-texas-warm-line",
        name="MHA Texas Warm Line",
        region="TX",
        phone="817-546-7826",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why="Number only in a third-party app list.",
    ),
    unconfirmed(
        slug="utah-warm-line",
        name="Utah Warm Line",
        region="UT",
        phone="801-587-1055",
        source_url=(
            "https://healthcare.utah.edu/press-releases/2022/01/hmhi-releases-community-crisis-"
            "intervention-2021-annual-report"
        ),
        source_kind="operator",
        source_name="Huntsman Mental Health Institute",
        source_date=date(2022, 1, 1),
        why=(
            "The operator confirms the line, its peer staff and its hours, but its number is only "
            "in a third-party app list."
        ),
    ),
    unconfirmed(
        slug="va-copes-warmline",
        name="VA COPES Warmline",
        region="VA",
        phone="1-877-349-6428",
        text_number="877-349-6428",
        source_url=(
            "https://www.newsleader.com/story/news/2021/04/14/virginia-receives-federal-permission-"
            "extend-covid-19-crisis-counseling/7219754002/"
        ),
        source_kind="news",
        source_name="The News Leader",
        source_date=date(2021, 4, 14),
        why=(
            "Pandemic crisis-counseling money ran only to November 2021, so the line has probably "
            "ended."
        ),
    ),
    unconfirmed(
        slug="mha-virginia-peer-warmline",
        name="MHA Peer Recovery Warmline of Virginia",
        region="VA",
        phone="1-866-400-6428",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why="Number only in third-party lists.",
    ),
    unconfirmed(
        slug="emotional-strength-warmline",
        name="Emotional Strength Warmline",
        region="WV",
        phone="1-877-435-7304",
        source_url=APP_LIST_URL,
        source_kind="third_party",
        source_date=APP_LIST_DATE,
        why="Number only in a third-party app list.",
    ),
    # Closed: kept so nobody adds them again; never shown.
    {
        "slug": "upliftwi-warmline",
        "name": "UpliftWI (Wisconsin Statewide Peer-Run Warmline)",
        "kind": "warmline",
        "description": (
            "Closed in April 2025 when its federal funding was cut. It was Wisconsin's "
            "statewide peer-run warmline, run by Mental Health America of Wisconsin."
        ),
        "phone": "534-202-5438",
        "region": "WI",
        "time_zone": "America/Chicago",
        "source_url": (
            "https://thetap.fm/news/2025/04/03/uplift-wisconsin-to-end-service-april-5-due-"
            "to-federal-cuts"
        ),
        "source_kind": "news",
        "source_name": "Civic Media (Public News Service)",
        "source_date": date(2025, 4, 3),
        "verified_on": RECHECKED,
        "status": CLOSED,
    },
]
