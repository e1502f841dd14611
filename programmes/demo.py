"""The demo school's programme (from a real school's programme, anonymised, in
demo_data/programme.json), its indicators and figures, and one demo user per role.

The Russian text builds the objects; the English text, collected on the way, is the
translation memory that wagtail-localize translates them with."""

import datetime
import json
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.crypto import get_random_string
from django.utils.html import escape
from wagtail.models import Locale

from site_project.translation import TranslationMemory, translate

from .categories import IndicatorCategory
from .models import (
    LegalAct,
    ManagementRole,
    MentoringForm,
    MonitoringResult,
    ParticipationFigures,
    Programme,
    ProgrammeStage,
    RoleModel,
    TargetIndicator,
)
from .models.results import MetricKind, MonitoringStage
from .roles import CURATOR, EDITOR, MODERATOR

DEMO_DATA = Path(__file__).resolve().parent / "demo_data" / "programme.json"

# Coverage targets from the demo roadmap («Целевые показатели»), with demo actuals.
INDICATORS = {
    IndicatorCategory.PUPILS: {2021: (30, 32), 2022: (40, 41), 2023: (50, 47), 2024: (80, 78)},
    IndicatorCategory.TEACHERS: {
        2020: (10, 12),
        2021: (20, 21),
        2022: (30, 31),
        2023: (50, 48),
        2024: (70, 71),
    },
}
# year → (pupil form: mentors, mentees, pairs), (teacher form: mentors, mentees, pairs)
FIGURES = {
    2021: ((60, 113, 60), (5, 5, 5)),
    2022: ((80, 140, 80), (8, 7, 7)),
    2023: ((95, 160, 95), (12, 11, 11)),
    2024: ((150, 270, 150), (17, 17, 17)),
    2025: ((160, 290, 160), (18, 18, 18)),
}
PUPILS_TOTAL, TEACHERS_TOTAL = 540, 48

MONITORING = [
    # year, stage, kind, metric (ru, en), before, after, unit (ru, en)
    (2023, 1, MetricKind.MENTOR_SATISFACTION, ("Удовлетворённость наставников программой",
     "Mentors' satisfaction with the programme"), None, "8.6", ("балл из 10", "points of 10")),
    (2023, 1, MetricKind.MENTEE_SATISFACTION, ("Удовлетворённость наставляемых программой",
     "Mentees' satisfaction with the programme"), None, "8.9", ("балл из 10", "points of 10")),
    (2024, 2, MetricKind.GROWTH, ("Средний балл успеваемости наставляемых",
     "Mentees' average mark"), "3.4", "3.9", ("балл", "mark")),
    (2024, 2, MetricKind.GROWTH, ("Доля наставляемых, посещающих кружки и секции",
     "Share of mentees attending clubs and sports sections"), 28, 46, ("%", "%")),
]  # fmt: skip

DEMO_USERS = [("curator", CURATOR), ("editor", EDITOR), ("moderator", MODERATOR)]


class Bilingual(TranslationMemory):
    """Turns the demo data's {"ru", "en"} pairs into Russian text and HTML, remembering the
    English of each."""

    def text(self, pair):
        return self.plain((pair["ru"], pair["en"]))

    def lines(self, pairs):
        return self.text({lang: "\n".join(pair[lang] for pair in pairs) for lang in LANGUAGES})

    def items(self, pairs):
        if not pairs:
            return ""
        return self.rich(tuple(bullet_list(pair[lang] for pair in pairs) for lang in LANGUAGES))

    def sections(self, sections):
        return self.rich(tuple(sections_html(sections, lang) for lang in LANGUAGES))

    def joined(self, pairs, first, second, separator):
        """Items "first separator second" of each pair of pairs, as a list."""
        return self.items(
            [
                {lang: f"{pair[first][lang]}{separator}{pair[second][lang]}" for lang in LANGUAGES}
                for pair in pairs
            ]
        )


LANGUAGES = ("ru", "en")


def bullet_list(texts):
    return "<ul>" + "".join(f"<li>{escape(text)}</li>" for text in texts) + "</ul>"


def sections_html(sections, lang):
    html = []
    for section in sections:
        html.append(f"<h3>{escape(section['heading'][lang])}</h3>")
        html.extend(f"<p>{escape(p[lang])}</p>" for p in section.get("paragraphs", []))
        if section.get("items"):
            html.append(bullet_list(item[lang] for item in section["items"]))
    return "".join(html)


def build_programme(log):
    """Create the demo programme once, with its forms, indicators, figures and monitoring,
    and translate them all into English."""
    russian = Locale.objects.get(language_code="ru")
    english = Locale.objects.get(language_code="en")
    data = json.loads(DEMO_DATA.read_text(encoding="utf-8"))
    texts = Bilingual()
    title = texts.text(data["title"])

    programme = Programme.objects.filter(locale=russian, title=title).first()
    if programme is not None:
        return programme

    programme = Programme(
        locale=russian,
        title=title,
        first_year=data["first_year"],
        last_year=data["last_year"],
        summary=texts.text(data["summary"]),
        goal=texts.text(data["goal"]),
        tasks=texts.items(data["tasks"]),
        expected_results=texts.items(data["expected_results"]),
        terms=texts.joined(data["terms"], "term", "definition", " – "),
        participant_bases=texts.sections(data["participant_bases"]),
        monitoring=texts.sections(data["monitoring"]),
        efficiency_criteria=texts.sections(data["efficiency_criteria"]),
    )
    programme.legal_acts = [
        LegalAct(
            sort_order=order,
            locale=russian,
            kind=texts.text(act["kind"]),
            title=texts.text(act["title"]),
            number=act["number"] or "",
            date=datetime.date.fromisoformat(act["date"]) if act["date"] else None,
        )
        for order, act in enumerate(data["legal_acts"])
    ]
    programme.management_roles = [
        ManagementRole(
            sort_order=order,
            locale=russian,
            role=texts.text(row["role"]),
            responsibilities=texts.lines(row["responsibilities"]),
            timing=texts.text(row["timing"]),
        )
        for order, row in enumerate(data["management"])
    ]
    programme.stages = [
        ProgrammeStage(
            sort_order=order,
            locale=russian,
            title=texts.text(stage["title"]),
            activities=texts.lines(stage["activities"]),
            result=texts.text(stage["result"]),
        )
        for order, stage in enumerate(data["stages"])
    ]
    programme.save()
    programme.save_revision().publish()
    log(f"programme created: {programme}")

    forms = [build_form(programme, spec, order, texts) for order, spec in enumerate(data["forms"])]
    facts = [
        *build_indicators(programme),
        *build_figures(programme, forms),
        *build_monitoring(programme, texts),
    ]
    log(f"forms: {len(forms)}, indicators, figures and monitoring: {len(facts)}")

    translate(programme, english, texts.english)
    for instance in [*forms, *facts]:
        translate(instance, english, texts.english)
    log("programme translated into English")
    return programme


def build_form(programme, spec, order, texts):
    form = MentoringForm(
        programme=programme,
        locale=programme.locale,
        title=texts.text(spec["title"]),
        kind=spec["kind"],
        mentor_category=spec["mentor_category"],
        mentee_category=spec["mentee_category"],
        goal=texts.text(spec["goal"]),
        tasks=texts.items(spec["tasks"]),
        expected_results=texts.items(spec["expected_results"]),
        mentor_profile=texts.items(spec["mentor_profile"]),
        mentee_profile=texts.items(spec["mentee_profile"]),
        implementation=texts.joined(spec["implementation"], "stage", "activities", " — "),
        sort_order=order,
    )
    form.role_models = [
        RoleModel(
            sort_order=order,
            locale=programme.locale,
            title=texts.text(role_model["title"]),
            goal=texts.text(role_model["goal"]),
        )
        for order, role_model in enumerate(spec["role_models"])
    ]
    form.save()
    return form


def build_indicators(programme):
    return [
        TargetIndicator.objects.create(
            programme=programme,
            locale=programme.locale,
            category=category,
            year=year,
            target_percent=target,
            actual_percent=actual,
        )
        for category, years in INDICATORS.items()
        for year, (target, actual) in years.items()
    ]


def build_figures(programme, forms):
    return [
        ParticipationFigures.objects.create(
            programme=programme,
            locale=programme.locale,
            form=form,
            year=year,
            mentors=mentors,
            mentees=mentees,
            pairs=pairs,
            pupils_total=PUPILS_TOTAL,
            teachers_total=TEACHERS_TOTAL,
        )
        for year, per_form in FIGURES.items()
        for form, (mentors, mentees, pairs) in zip(forms, per_form, strict=True)
    ]


def build_monitoring(programme, texts):
    return [
        MonitoringResult.objects.create(
            programme=programme,
            locale=programme.locale,
            year=year,
            stage=MonitoringStage(stage),
            kind=kind,
            metric=texts.text({"ru": metric[0], "en": metric[1]}),
            value_before=None if before is None else Decimal(before),
            value_after=Decimal(after),
            unit=texts.text({"ru": unit[0], "en": unit[1]}),
        )
        for year, stage, kind, metric, before, after, unit in MONITORING
    ]


def create_demo_users(log):
    """One user per role with a random password, shown once and kept in var/ beside the
    admin's; existing users are left alone."""
    User = get_user_model()
    created = []
    for username, role in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            continue
        password = get_random_string(16)
        user = User.objects.create_user(username=username, password=password)
        user.groups.add(Group.objects.get(name=role))
        created.append(f"{username} ({role}): {password}")
    if created:
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        passwords = settings.VAR_DIR / "demo_users"
        # One line per user: a user created again (a new database) replaces its old line.
        kept = passwords.read_text(encoding="utf-8").splitlines() if passwords.exists() else []
        renewed = {line.split(" ", 1)[0] for line in created}
        lines = [line for line in kept if line.split(" ", 1)[0] not in renewed] + created
        passwords.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        passwords.chmod(0o600)
        log("demo users (log in at /admin/):")
        for line in created:
            log(f"  {line}")
