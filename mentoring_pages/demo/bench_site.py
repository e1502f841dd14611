"""A large school site for `make bench`: the demo school, then many roadmaps, news, cases
and mentors in Russian and English.

Built for speed rather than through the editor's path: pages are added live with
`add_child`, translated with `copy_for_translation` and published in one UPDATE, without a
revision each (visitors see page rows, not revisions)."""

import dataclasses
import datetime
import itertools

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from home.demo import build_school_site
from mentoring_pages.consent.rules import public_path
from mentoring_pages.demo.builders import ROADMAP_FILE, build_section
from mentoring_pages.models import (
    CaseIndexPage,
    CasePage,
    MentorIndexPage,
    MentorPage,
    NewsIndexPage,
    NewsPage,
    RoadmapIndexPage,
    RoadmapPage,
)
from mentoring_pages.roadmap.importer import fill_roadmap
from mentoring_pages.roadmap.reader import ImportedRoadmap, ImportedStage, read_roadmap
from mentoring_pages.roadmap.statuses import EventStatus
from programmes.demo import build_programme
from programmes.models import Consent, ConsentKind
from programmes.schools import school_of_page

# "schools": the municipal centre's, beside the demo school (bench_centre).
SIZES = {"roadmaps": 10, "events": 100, "news": 500, "cases": 200, "mentors": 50, "schools": 100}
STAGES = 5
PARAGRAPH = (
    "Наставники и наставляемые встретились, обсудили цели на полугодие и договорились о "
    "формате встреч: раз в неделю после уроков, с отчётом куратору в конце месяца."
)
STATUS_CYCLE = (EventStatus.DONE, EventStatus.DONE, EventStatus.IN_PROGRESS, EventStatus.PLANNED)


def build_bench_site(log=print):
    """The demo school plus SIZES more of each kind; returns how many pages were added."""
    with transaction.atomic():
        home = build_school_site(log=lambda message: None)
        programme = build_programme(log=lambda message: None)
        landing = build_section(home, programme, log=lambda message: None)
    english = Locale.objects.get(language_code="en")
    indexes = {
        model: landing.get_children().type(model).first().specific
        for model in (RoadmapIndexPage, NewsIndexPage, CaseIndexPage, MentorIndexPage)
    }
    forms = list(programme.forms.prefetch_related("role_models"))
    pictures = list(NewsPage.objects.exclude(image=None).values_list("image", flat=True))
    portraits = list(MentorPage.objects.exclude(image=None).values_list("image", flat=True))
    with ROADMAP_FILE.open("rb") as file:
        roadmap = repeated_roadmap(read_roadmap(file, ROADMAP_FILE.name))

    added = []
    with transaction.atomic():
        for n in range(SIZES["roadmaps"]):
            added.append(add_roadmap(indexes[RoadmapIndexPage], roadmap, programme, n))
        log(f"roadmaps: {SIZES['roadmaps']} × {SIZES['events']} events")
        for n in range(SIZES["news"]):
            added.append(add_news(indexes[NewsIndexPage], n, pictures))
        log(f"news: {SIZES['news']}")
        for n in range(SIZES["cases"]):
            added.append(add_case(indexes[CaseIndexPage], n, forms))
        log(f"cases: {SIZES['cases']}")
        for n in range(SIZES["mentors"]):
            added.append(add_mentor(indexes[MentorIndexPage], n, forms, portraits))
        log(f"mentors: {SIZES['mentors']}")
        translations = [page.copy_for_translation(english).pk for page in added]
        Page.objects.filter(pk__in=translations).update(
            live=True, has_unpublished_changes=False, **published_now()
        )
        log(f"English translations: {len(translations)}")
    return len(added) + len(translations)


def published_now():
    now = timezone.now()
    return {"first_published_at": now, "last_published_at": now}


def add_live(parent, page):
    page.locale = parent.locale
    page.live = True
    for field, value in published_now().items():
        setattr(page, field, value)
    parent.add_child(instance=page)
    return page


def repeated_roadmap(imported):
    """The demo roadmap's events repeated to SIZES["events"], in STAGES stages numbered 1, 2,
    …: a larger document for the importer to turn into a page."""
    source = [event for stage in imported.stages for event in stage.events]
    per_stage = SIZES["events"] // STAGES
    stages = [ImportedStage(title=f"Этап {s + 1}", number=str(s + 1)) for s in range(STAGES)]
    for i, event in zip(range(SIZES["events"]), itertools.cycle(source)):
        stage_index, position = divmod(i, per_stage)
        number = f"{stage_index + 1}.{position + 1}."
        stages[stage_index].events.append(dataclasses.replace(event, number=number))
    return ImportedRoadmap(title=imported.title, stages=stages)


def add_roadmap(parent, roadmap, programme, n):
    """A live page of `roadmap` (see `repeated_roadmap`), its events' statuses mixed."""
    page = RoadmapPage(
        title=f"Дорожная карта {n + 1}",
        slug=f"bench-roadmap-{n + 1}",
        first_year=2020,
        last_year=2025,
        programme=programme,
        locale=parent.locale,
    )
    fill_roadmap(page, roadmap)
    for event, status in zip(page.events.all(), itertools.cycle(STATUS_CYCLE)):
        event.status = status
    return add_live(parent, page)


def add_news(parent, n, pictures):
    image_id = pictures[n % len(pictures)] if pictures and n % 3 == 0 else None
    return add_live(
        parent,
        NewsPage(
            title=f"Новость о наставничестве № {n + 1}",
            slug=f"bench-news-{n + 1}",
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=n % 700),
            lead="Коротко о том, что произошло в программе наставничества.",
            body=[("paragraph", f"<p>{PARAGRAPH}</p>")] * 3,
            image_id=image_id,
            image_alt="Иллюстрация к новости" if image_id else "",
        ),
    )


def add_case(parent, n, forms):
    form = forms[n % len(forms)]
    role_models = list(form.role_models.all())
    return add_live(
        parent,
        CasePage(
            title=f"Кейс наставнической пары № {n + 1}",
            slug=f"bench-case-{n + 1}",
            form=form,
            role_model=role_models[n % len(role_models)] if role_models else None,
            summary="Как пара за полгода подтянула математику и подготовилась к олимпиаде.",
            problem=f"<p>{PARAGRAPH}</p>",
            goal=f"<p>{PARAGRAPH}</p>",
            what_was_done=f"<p>{PARAGRAPH}</p>" * 3,
            result=f"<p>{PARAGRAPH}</p>",
            duration="сентябрь – декабрь 2024 г.",
        ),
    )


def add_mentor(parent, n, forms, portraits):
    """A mentor with the consent a public profile needs (152-ФЗ)."""
    name = f"Наставник Бенчмарков {n + 1}"
    page = MentorPage(
        title=name,
        slug=f"bench-mentor-{n + 1}",
        position="Учитель математики",
        form=forms[n % len(forms)],
        image_id=portraits[n % len(portraits)] if portraits else None,
        image_alt=f"Фото: {name}",
        achievements=f"<p>{PARAGRAPH}</p>",
        quote="Учить — значит учиться дважды.",
    )
    page.consent = Consent.objects.create(
        school=school_of_page(parent),
        person=name,
        kind=ConsentKind.DISSEMINATION,
        data_categories="Имя, фото и достижения на странице наставника",
        pages=public_path(page, parent),
        valid_from=datetime.date(2024, 9, 1),
    )
    return add_live(parent, page)
