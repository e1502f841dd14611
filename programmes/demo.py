"""The demo school's programme (from a real school's programme, anonymised, in
demo_data/programme.json), its indicators and figures (demo_data/figures.json), and one
demo user per role.

The Russian text builds the objects; the English text, collected on the way, is the
translation memory that wagtail-localize translates them with."""

from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.crypto import get_random_string
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.models import Locale

from site_project.demo_content import (
    LANGUAGES,
    Bilingual,
    bullet_list,
    data_date,
    orderables,
    read_demo_data,
)
from site_project.translation import translate

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
from .models.results import MonitoringStage
from .roles import CURATOR, EDITOR, MODERATOR, group_of
from .schools import COORDINATOR, default_school

DEMO_DATA = Path(__file__).resolve().parent / "demo_data"

DEMO_USERS = [("curator", CURATOR), ("editor", EDITOR), ("moderator", MODERATOR)]
# The municipal centre's coordinator, who reads every school.
COORDINATOR_USER = "coordinator"


class ProgrammeTexts(Bilingual):
    """The demo data's texts in the shapes the programme's fields hold them."""

    def lines(self, pairs):
        return self.text({lang: "\n".join(pair[lang] for pair in pairs) for lang in LANGUAGES})

    def items(self, pairs):
        return self.rich_text([{"items": pairs}]) if pairs else ""

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
    data = read_demo_data(DEMO_DATA / "programme.json")
    texts = ProgrammeTexts()
    title = texts.text(data["title"])

    programme = Programme.objects.filter(locale=russian, title=title).first()
    if programme is not None:
        return programme

    programme = Programme(
        school=default_school(),
        locale=russian,
        title=title,
        first_year=data["first_year"],
        last_year=data["last_year"],
        terms=texts.joined(data["terms"], "term", "definition", " – "),
        **texts.fields(
            data,
            text=["summary", "goal"],
            items=["tasks", "expected_results"],
            sections=["participant_bases", "monitoring", "efficiency_criteria"],
        ),
    )
    programme.legal_acts = orderables(
        LegalAct,
        russian,
        (
            {
                **texts.fields(act, text=["kind", "title"]),
                "number": act["number"] or "",
                "date": data_date(act["date"]),
            }
            for act in data["legal_acts"]
        ),
    )
    programme.management_roles = orderables(
        ManagementRole,
        russian,
        (
            texts.fields(row, text=["role", "timing"], lines=["responsibilities"])
            for row in data["management"]
        ),
    )
    programme.stages = orderables(
        ProgrammeStage,
        russian,
        (
            texts.fields(stage, text=["title", "result"], lines=["activities"])
            for stage in data["stages"]
        ),
    )
    programme.save()
    programme.save_revision().publish()
    log(gettext("programme created: %(programme)s") % {"programme": programme})

    forms = [build_form(programme, spec, order, texts) for order, spec in enumerate(data["forms"])]
    figures = read_demo_data(DEMO_DATA / "figures.json")
    facts = [
        *build_indicators(programme, figures["target_indicators"]),
        *build_figures(programme, forms, figures),
        *build_monitoring(programme, figures["monitoring"], texts),
    ]
    log(
        gettext("forms: %(forms)d, indicators, figures and monitoring: %(facts)d")
        % {"forms": len(forms), "facts": len(facts)}
    )

    translate(programme, english, texts.english)
    for instance in [*forms, *facts]:
        translate(instance, english, texts.english)
    log(gettext("programme translated into English"))
    return programme


def build_form(programme, spec, order, texts):
    form = MentoringForm(
        programme=programme,
        locale=programme.locale,
        kind=spec["kind"],
        mentor_category=spec["mentor_category"],
        mentee_category=spec["mentee_category"],
        implementation=texts.joined(spec["implementation"], "stage", "activities", " — "),
        sort_order=order,
        **texts.fields(
            spec,
            text=["title", "goal"],
            items=["tasks", "expected_results", "mentor_profile", "mentee_profile"],
        ),
    )
    form.role_models = orderables(
        RoleModel,
        programme.locale,
        (texts.fields(role_model, text=["title", "goal"]) for role_model in spec["role_models"]),
    )
    form.save()
    return form


def build_indicators(programme, rows):
    """The coverage targets of the roadmap («Целевые показатели»), with demo actuals."""
    return [
        TargetIndicator.objects.create(programme=programme, locale=programme.locale, **row)
        for row in rows
    ]


def build_figures(programme, forms, figures):
    forms_by_kind = {form.kind: form for form in forms}
    school_size = figures["school_size"]
    return [
        ParticipationFigures.objects.create(
            programme=programme,
            locale=programme.locale,
            form=forms_by_kind[row["form"]],
            year=row["year"],
            mentors=row["mentors"],
            mentees=row["mentees"],
            pairs=row["pairs"],
            pupils_total=school_size["pupils"],
            teachers_total=school_size["teachers"],
        )
        for row in figures["participation"]
    ]


def build_monitoring(programme, rows, texts):
    return [
        MonitoringResult.objects.create(
            programme=programme,
            locale=programme.locale,
            year=row["year"],
            stage=MonitoringStage(row["stage"]),
            kind=row["kind"],
            metric=texts.text(row["metric"]),
            value_before=None if row["value_before"] is None else Decimal(row["value_before"]),
            value_after=Decimal(row["value_after"]),
            unit=texts.text(row["unit"]),
        )
        for row in rows
    ]


def create_demo_users(log, schools=()):
    """One user per role of the default school, and of each of `schools` ((school, suffix)
    pairs: «curator2» is the curator of the school with suffix "2"), and the coordinator,
    each with a random password kept in var/ beside the admin's; existing users are left
    alone. Logs every demo user's login, kept or new."""
    accounts = [
        (f"{username}{suffix}", group_of(school, role))
        for school, suffix in [(default_school(), ""), *schools]
        for username, role in DEMO_USERS
    ]
    accounts.append((COORDINATOR_USER, Group.objects.get(name=COORDINATOR)))
    User = get_user_model()
    created = []
    for username, group in accounts:
        if User.objects.filter(username=username).exists():
            continue
        password = get_random_string(16)
        user = User.objects.create_user(username=username, password=password)
        user.groups.add(group)
        created.append(f"{username} ({group.name}): {password}")
    passwords = settings.VAR_DIR / "demo_users"
    # One line per user: a user created again (a new database) replaces its old line.
    kept = passwords.read_text(encoding="utf-8").splitlines() if passwords.exists() else []
    if created:
        renewed = {line.split(" ", 1)[0] for line in created}
        kept = [line for line in kept if line.split(" ", 1)[0] not in renewed] + created
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        passwords.write_text("".join(f"{line}\n" for line in kept), encoding="utf-8")
        passwords.chmod(0o600)
    log(
        gettext("demo users (log in at /admin/; passwords kept in %(file)s):") % {"file": passwords}
    )
    usernames = {username for username, _group in accounts}
    for line in kept:
        if line.split(" ", 1)[0] in usernames:
            log(f"  {line}")
