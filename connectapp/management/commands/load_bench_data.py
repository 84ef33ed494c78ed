"""A large data set for `make bench` and `make soak`, on a database of its own."""

import datetime
import random

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from accounts.models import SHARE_CODE_LIFETIME, ClinicianProfile, User, share_code_new
from activities.models import Activity, ActivityLog, Tag
from worksheets import registry
from worksheets.models import NeedsStatement, Share, Worksheet

BENCH_DOMAIN = "bench.invalid"
MEMBER_EMAIL = f"member@{BENCH_DOMAIN}"
CLINICIAN_EMAIL = f"clinician@{BENCH_DOMAIN}"
ADMIN_EMAIL = f"admin@{BENCH_DOMAIN}"
# Fixed so the load scripts can sign in. A bench database holds nothing else.
PASSWORD = "bench-pass-not-secret"  # noqa: S105
# A fixed authenticator key, so the load scripts can make TOTP codes for the
# clinician and the admin.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105
VU_COUNT = 60

WORDS = [
    "walk",
    "call",
    "neighbour",
    "garden",
    "library",
    "choir",
    "volunteer",
    "friend",
    "letter",
    "coffee",
    "park",
    "class",
    "kitchen",
    "market",
    "museum",
    "pet",
    "photo",
    "recipe",
    "book",
    "music",
    "bench",
    "river",
    "game",
    "craft",
]


class Command(BaseCommand):
    help = (
        "Load the large benchmark data set: published activities, a member with many mood "
        "logs, a clinician with many clients, and members for the soak test. Refuses to run "
        "on a database that holds any account outside the bench."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--activities", type=int, default=2000)
        parser.add_argument("--logs", type=int, default=2000)
        parser.add_argument("--clients", type=int, default=300)

    def handle(self, *args, **options) -> None:
        if User.objects.exclude(email__endswith=f"@{BENCH_DOMAIN}").exists():
            raise CommandError(
                "This database has real accounts. load_bench_data only runs on a database "
                "made for the benchmark."
            )
        if User.objects.filter(email=MEMBER_EMAIL).exists():
            self.stdout.write("The bench data is already loaded.")
            return
        self.password_hash = make_password(PASSWORD)
        rng = random.Random(10)  # noqa: S311  # nosec B311 - made-up data, not secrets
        with transaction.atomic():
            activities = self.load_activities(rng, options["activities"])
            member = self.make_user(MEMBER_EMAIL, "Bench member", User.Role.MEMBER)
            self.load_logs(rng, member, activities, options["logs"])
            statement = NeedsStatement.objects.create(
                owner=member,
                title="For my friends",
                audience="My two closest friends.",
                experience="Some weeks are slow and heavy.",
                warning_signs="I stop answering.",
                check_ins="A message now and then.",
            )
            clinician = self.make_clinician()
            self.load_clients(clinician, options["clients"])
            share = Share.objects.create(
                owner=member, clinician=clinician, clinician_name="Dr. Bench, Counsellor"
            )
            share.worksheets.add(statement.worksheet)
            admin = self.make_user(
                ADMIN_EMAIL, "Bench admin", User.Role.MEMBER, is_staff=True, is_superuser=True
            )
            TOTP.activate(admin, TOTP_SECRET)
            for n in range(VU_COUNT):
                user = self.make_user(f"vu{n}@{BENCH_DOMAIN}", f"Visitor {n}", User.Role.MEMBER)
                NeedsStatement.objects.create(owner=user, title="My statement")
        self.stdout.write(
            f"Loaded {len(activities)} activities, {options['logs']} logs for {MEMBER_EMAIL}, "
            f"{options['clients']} clients for {CLINICIAN_EMAIL}, {VU_COUNT} soak members."
        )

    def load_activities(self, rng: random.Random, count: int) -> list[Activity]:
        kinds = list(Tag.objects.all())
        rows = []
        for n in range(count):
            words = rng.sample(WORDS, 4)
            body = f"Try a **{words[0]}** with a {words[1]}.\n\n- {words[2]}\n- {words[3]}"
            rows.append(
                Activity(
                    title=f"{words[0].title()} and {words[1]} {n}",
                    slug=f"bench-{n}",
                    summary=f"A {words[2]} idea about {words[3]}.",
                    body=body,
                    first_step=f"Think of one {words[1]}.",
                    setting=rng.choice(Activity.Setting.values),
                    effort=rng.choice(Activity.Effort.values),
                    status=Activity.Status.PUBLISHED,
                    order=200 + n,
                )
            )
        for row in rows:
            row.derive_fields()  # bulk_create skips save()
        activities = Activity.objects.bulk_create(rows, batch_size=500)
        if kinds:
            through = Activity.kinds.through
            through.objects.bulk_create(
                [through(activity=a, tag=rng.choice(kinds)) for a in activities], batch_size=1000
            )
        return activities

    def make_user(self, email: str, name: str, role: str, **extra) -> User:
        user = User.objects.create(
            email=email, password=self.password_hash, display_name=name, role=role, **extra
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    def load_logs(self, rng: random.Random, member: User, activities: list, count: int) -> None:
        today = timezone.localdate()
        ActivityLog.objects.bulk_create(
            [
                ActivityLog(
                    owner=member,
                    activity=rng.choice(activities),
                    done_on=today - datetime.timedelta(days=n // 3),
                    mood_before=rng.randint(0, 10),
                    mood_after=rng.randint(0, 10),
                )
                for n in range(count)
            ],
            batch_size=1000,
        )

    def make_clinician(self) -> User:
        clinician = self.make_user(CLINICIAN_EMAIL, "Dr. Bench", User.Role.CLINICIAN)
        ClinicianProfile.objects.create(
            user=clinician,
            profession="Counsellor",
            licence_number="BENCH-1",
            licence_region="Oregon",
            practice_name="Bench Practice",
            status=ClinicianProfile.Status.VERIFIED,
            reviewed_at=timezone.now(),
            share_code=share_code_new(),
            share_code_expires_at=timezone.now() + SHARE_CODE_LIFETIME,
        )
        TOTP.activate(clinician, TOTP_SECRET)
        return clinician

    def load_clients(self, clinician: User, count: int, first: int = 0) -> None:
        clients = User.objects.bulk_create(
            [
                User(email=f"client{n}@{BENCH_DOMAIN}", display_name=f"Client {n}")
                for n in range(first, first + count)
            ]
        )
        # bulk_create skips save(), so each statement's family row is made here.
        kind = registry.for_model(NeedsStatement).key
        family = Worksheet.objects.bulk_create([Worksheet(owner=c, kind=kind) for c in clients])
        NeedsStatement.objects.bulk_create(
            [
                NeedsStatement(owner=c, worksheet=w, title=f"Statement {c.pk}")
                for c, w in zip(clients, family, strict=True)
            ]
        )
        shares = Share.objects.bulk_create(
            [
                Share(owner=c, clinician=clinician, clinician_name="Dr. Bench, Counsellor")
                for c in clients
            ]
        )
        through = Share.worksheets.through
        through.objects.bulk_create(
            [through(share=s, worksheet=w) for s, w in zip(shares, family, strict=True)]
        )
