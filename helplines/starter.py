"""The starter directory that `load_starter_helplines` loads.

Every detail below was checked on the day in `verified_on` against the
public page in `source_url`. Nothing here is guessed: a line whose details
could not be confirmed is left out, and admins add more from the admin site
or by CSV. Keep the 988 entry in step with `helplines.crisis.LIFELINE_988`
(a test checks that they agree).
"""

from datetime import date

CHECKED = date(2026, 11, 26)

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
        "region": "US",
        "accepts_out_of_state": True,
        "open_24_7": True,
        "source_url": "https://988lifeline.org/",
        "verified_on": CHECKED,
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
        "region": "US",
        "accepts_out_of_state": True,
        "open_24_7": True,
        "source_url": "https://www.crisistextline.org/faq",
        "verified_on": CHECKED,
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
        "accepts_out_of_state": True,
        "open_24_7": True,
        "source_url": (
            "https://www.va.gov/asheville-health-care/news-releases/"
            "confidential-crises-help-for-veterans-and-their-families/"
        ),
        "verified_on": CHECKED,
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
        "accepts_out_of_state": True,
        "hours": [{"day": day, "opens": "10:00", "closes": "22:00"} for day in range(5)],
        "time_zone": "America/New_York",
        "source_url": "https://nami.org/learn-about-mental-health/conditions/anxiety",
        "verified_on": CHECKED,
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
        "accepts_out_of_state": True,
        "open_24_7": True,
        "source_url": "https://www.samhsa.gov/find-help/national-helpline",
        "verified_on": CHECKED,
    },
    {
        "slug": "california-peer-run-warm-line",
        "name": "California Peer-Run Warm Line",
        "kind": "warmline",
        "description": (
            "Non-crisis emotional support by phone, text or web chat from peer counselors "
            "who have lived with mental health challenges themselves. Run by the Mental "
            "Health Association of San Francisco."
        ),
        "phone": "1-855-845-7415",
        "text_number": "855-845-7415",
        "website": "https://www.mentalhealthsf.org/",
        "languages": "English, Spanish",
        "region": "CA",
        "accepts_out_of_state": False,
        "open_24_7": True,
        "restrictions": "For people living in California. Up to three calls a day.",
        "source_url": "https://www.mentalhealthsf.org/wl-faq/",
        "verified_on": CHECKED,
    },
    {
        "slug": "north-carolina-peer-warmline",
        "name": "North Carolina Peer Warmline",
        "kind": "warmline",
        "description": (
            "Peer support specialists, people in recovery themselves, listen and share "
            "resources. Run for the state by Promise Resource Network. You can also ask "
            "to be transferred when you call 988 in North Carolina."
        ),
        "phone": "1-855-733-7762",
        "languages": "English",
        "region": "NC",
        "accepts_out_of_state": False,
        "open_24_7": True,
        "source_url": (
            "https://ncmedsoc.org/north-carolina-unveils-dashboard-on-peer-warmline-"
            "success-for-mental-health-awareness-month/"
        ),
        "verified_on": CHECKED,
    },
]
