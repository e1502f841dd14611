"""The demo school's «Наставничество» section: the landing, this school year's roadmap with
statuses as of the day it is built, the finished roadmap imported from an anonymised real
one (the archive), best mentors, cases, news, documents, the application forms and a
questionnaire, in Russian with English translations.

The content is in content/*.json (the convention is in home.demo); people are called by
their position or class, never by name, and everyone shown has a recorded consent. Pictures and documents are generated in code: nothing is downloaded. Pages are
looked up by slug under their parent and only the missing ones are created, so a second
run changes nothing and what editors changed stays as they left it."""

from pathlib import Path

from django.utils.translation import gettext
from wagtail.fields import RichTextField
from wagtail.models import Locale

from home.demo import school
from home.demo_pictures import portrait, save_image, scene, shows_people
from mentoring_pages import models
from mentoring_pages.consent.rules import public_path
from mentoring_pages.roadmap.importer import fill_roadmap
from mentoring_pages.roadmap.reader import read_roadmap
from mentoring_pages.roadmap.statuses import EventStatus, change_status
from programmes.models import Consent, ConsentKind
from programmes.schools import school_of_page
from site_project.demo_content import LANGUAGES, Bilingual, data_date, orderables, read_demo_data
from site_project.translation import translate

from .current_roadmap import build_current_roadmap
from .documents import demo_document
from .form_pages import build_applications, build_forms

CONTENT = Path(__file__).resolve().parent / "content"
ROADMAP_FILE = CONTENT / "roadmap_000.docx"
CONTENT_FILES = ("landing", "roadmap", "mentors", "cases", "news", "documents", "forms")


def read_content():
    """The section's content: {file name without .json: its data}."""
    return {name: read_demo_data(CONTENT / f"{name}.json") for name in CONTENT_FILES}


def child(parent, model, slug):
    """`parent`'s child of type `model` with `slug`; for a page type the parent may have only
    one of, the one it has whatever its slug, so that an editor's new slug makes no twin."""
    children = parent.get_children().type(model)
    page = children.filter(slug=slug).first()
    if page is None and model.max_count_per_parent == 1:
        page = children.first()
    return page.specific if page is not None else None


class Section:
    """Builds what is missing; remembers what it created, in the order it did, top-down."""

    def __init__(self, log, content, details=None):
        """`details`: the school's as home.demo.school() gives them; the demo school's by
        default."""
        self.log = log
        self.content = content
        self.school = details or school()
        self.texts = Bilingual(email=self.school["email"])
        self.created = []
        self.documents = {}
        self.tag_names = set()

    def page(self, parent, model, slug, fields, prepare=None):
        """The child with `slug` under `parent`, created and published if it is missing."""
        page = child(parent, model, slug)
        if page is not None:
            return page
        page = model(slug=slug, locale=parent.locale, **fields)
        if prepare:
            prepare(page)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created.append(page)
        self.log(gettext("page created: %(title)s") % {"title": page.title})
        return page

    def index(self, parent, model, spec, prepare=None):
        """A page of the section's menu: a title and an introduction."""
        rich = isinstance(model._meta.get_field("intro"), RichTextField)
        return self.page(
            parent,
            model,
            spec["slug"],
            {
                "title": self.texts.text(spec["title"]),
                "intro": (self.texts.rich_text if rich else self.texts.text)(spec["intro"]),
                "show_in_menus": True,
            },
            prepare,
        )

    def document_spec(self, name):
        """The demo data's document `name`."""
        documents = self.content["documents"]["documents"]
        return next(spec for spec in documents if spec["name"] == name)

    def add_tags(self, page, tags):
        """Tag `page` with the data's `tags` in Russian; their English is their translation,
        made with the pages' (mentoring_pages.models.tags)."""
        names = [self.texts.text(tag) for tag in tags]
        page.tags.add(*names)
        self.tag_names.update(names)

    def document(self, name):
        """The demo's document `name`: one Wagtail document, shared wherever it is used."""
        if name not in self.documents:
            spec = self.document_spec(name)
            self.documents[name] = demo_document(spec, CONTENT, self.school["full_name"])
        return self.documents[name]


def build_section(home, programme, log):
    """Build the «Наставничество» section under the Russian `home` page, linked to the
    `programme`, and translate what this run created into English. Returns the landing."""
    content = read_content()
    section = Section(log, content)
    texts = section.texts
    spec = content["landing"]

    def add_photo(page):
        picture = scene(spec["photo"], page.slug)
        page.image = save_image(page.title, page.image_alt, picture, f"{page.slug}.png")

    landing = section.page(
        home,
        models.MentoringIndexPage,
        spec["slug"],
        {
            **texts.fields(spec, text=["title"], rich_text=["intro", "how_to_take_part"]),
            "image_alt": texts.text(spec["photo_alt"]),
            "programme": programme,
            "show_in_menus": True,
        },
        prepare=add_photo,
    )
    forms = {form.title: form for form in programme.forms.prefetch_related("role_models")}

    roadmaps = section.index(landing, models.RoadmapIndexPage, content["roadmap"]["index"])
    build_roadmap(section, roadmaps, programme, content["roadmap"])
    build_current_roadmap(section, roadmaps, programme, content["roadmap"]["current_roadmap"])

    mentors = section.index(landing, models.MentorIndexPage, content["mentors"]["index"])
    for spec in content["mentors"]["mentors"]:
        build_mentor(section, mentors, spec, forms, content["mentors"])

    cases = section.index(landing, models.CaseIndexPage, content["cases"]["index"])
    for spec in content["cases"]["cases"]:
        build_case(section, cases, spec, forms, content["cases"])

    news = section.index(landing, models.NewsIndexPage, content["news"]["index"])
    for spec in content["news"]["news"]:
        build_news(section, news, spec)

    build_documents_page(section, landing, content["documents"])
    build_forms(section, landing, programme, content["forms"])

    translate_created(section, home)
    return landing


def build_empty_section(home, details, log):
    """A new school's «Наставничество» under its Russian `home` page, in both languages: the
    landing, the index pages and the application forms, with nothing in them yet."""
    content = read_content()
    section = Section(log, content, details)
    landing = section.index(home, models.MentoringIndexPage, content["landing"]["new_school"])
    for name, model in INDEXES:
        section.index(landing, model, content[name]["index"])
    section.index(landing, models.DocumentsPage, content["documents"]["page"])
    build_applications(section, landing, content["forms"]["applications"])
    translate_created(section, home)
    return landing


# The section's index pages, by the content file that describes each.
INDEXES = (
    ("roadmap", models.RoadmapIndexPage),
    ("mentors", models.MentorIndexPage),
    ("cases", models.CaseIndexPage),
    ("news", models.NewsIndexPage),
)


def translate_created(section, home):
    """Translate into English the tags and the pages this run of `section` created."""
    english = Locale.objects.get(language_code="en")
    tags = models.SectionTag.objects.filter(name__in=section.tag_names, locale=home.locale)
    for tag in tags:
        if not tag.has_translation(english):
            translate(tag, english, section.texts.english)
    for page in section.created:
        # Top-down: a page's parent is translated before it, unless an editor removed the
        # parent's translation, when the page is left for the translators.
        if page.get_parent().has_translation(english):
            translate(page, english, section.texts.english)
    if section.created:
        section.log(
            gettext("section translated into English, pages: %(count)d")
            % {"count": len(section.created)}
        )


def build_roadmap(section, parent, programme, content):
    texts = section.texts
    spec = content["roadmap"]
    stages, events = content["stages_in_english"], content["events_in_english"]
    columns = content["responsible_and_deadlines_in_english"]

    def import_roadmap(page):
        with ROADMAP_FILE.open("rb") as file:
            imported = read_roadmap(file, ROADMAP_FILE.name)
        fill_roadmap(page, imported)
        set_statuses(page.events.all(), content, texts)
        # The roadmap is in Russian; its English is in the data, by stage and event number
        # and by the text of the «Ответственные» and «Сроки» columns.
        for stage in page.stages.all():
            texts.plain((stage.title, stages.get(stage.number, stage.title)))
        for event in page.events.all():
            number = event.number.rstrip(".")
            texts.plain((event.title, events.get(number, event.title)))
            for text in (event.responsible, event.deadline_text):
                texts.plain((text, columns.get(text, text)))
        section.log(
            gettext("roadmap imported, stages: %(stages)d, events: %(events)d")
            % {"stages": len(page.stages.all()), "events": len(page.events.all())}
        )

    return section.page(
        parent,
        models.RoadmapPage,
        spec["slug"],
        {
            **texts.fields(spec, text=["title"], rich_text=["intro"]),
            "first_year": spec["first_year"],
            "last_year": spec["last_year"],
            "programme": programme,
        },
        prepare=import_roadmap,
    )


def set_statuses(events, content, texts):
    """The coordinator's marks, by event number. An event the data gives none is done, on
    its end date or, if it has none, on the data's `done_without_end`."""
    done_without_end = data_date(content["done_without_end"])
    for event in events:
        mark = content["statuses"].get(event.number.rstrip("."), {"status": EventStatus.DONE})
        status = EventStatus(mark["status"])
        on = data_date(mark.get("changed_on"))
        if status == EventStatus.DONE and on is None:
            on = event.end or done_without_end
        note = texts.text(mark["note"]) if "note" in mark else None
        change_status(event, status, note, on=on)


def build_mentor(section, parent, spec, forms, content):
    texts = section.texts
    names = spec["title"]
    alt = texts.text(
        {
            language: content["photo_alt"][language].format(name=names[language])
            for language in LANGUAGES
        }
    )
    consent = spec["consent"]

    def add_photo_and_consent(page):
        page.image = save_image(
            content["photo_title"].format(name=names["ru"]),
            alt,
            portrait(spec["slug"]),
            f"{page.slug}.png",
        )
        # The signed consent, in the registry: the demo has no scans of it.
        page.consent = Consent.objects.create(
            school=school_of_page(parent),
            person=names["ru"],
            kind=ConsentKind.DISSEMINATION,
            data_categories=content["consent_scopes"][consent["scope"]],
            pages=public_path(page, parent),
            conditions=content["consent_conditions"].format(given_by=consent["given_by"]),
            valid_from=data_date(consent["date"]),
            is_minor=consent["is_minor"],
            parent_name=consent.get("parent_given_by", ""),
        )

    return section.page(
        parent,
        models.MentorPage,
        spec["slug"],
        {
            **texts.fields(
                spec,
                text=["title", "position", "quote", "award"],
                rich_text=["achievements"],
            ),
            "form": forms.get(spec["form"]),
            "image_alt": alt,
            "award_year": spec["award_year"],
        },
        prepare=add_photo_and_consent,
    )


def build_case(section, parent, spec, forms, content):
    texts = section.texts
    # An editor may have renamed a form or role model since: the case is then left without.
    form = forms.get(spec["form"])
    role_models = form.role_models.all() if form else []
    role_model = next((r for r in role_models if r.title == spec["role_model"]), None)

    def add_tags_materials_and_picture(page):
        section.add_tags(page, spec["tags"])
        if "picture" in spec:
            add_case_picture(page, parent, spec, content)
        page.materials = orderables(
            models.CaseMaterial,
            page.locale,
            (
                {
                    "document": section.document(name),
                    "title": texts.text(section.document_spec(name)["title"]),
                }
                for name in spec.get("materials", [])
            ),
        )

    return section.page(
        parent,
        models.CasePage,
        spec["slug"],
        {
            **texts.fields(
                spec,
                text=["title", "summary", "duration"],
                rich_text=["problem", "goal", "what_was_done", "result"],
            ),
            "form": form,
            "role_model": role_model,
            "image_alt": texts.text(spec["picture_alt"]) if "picture" in spec else "",
        },
        prepare=add_tags_materials_and_picture,
    )


def add_case_picture(page, parent, spec, content):
    """The case's picture; one showing a person needs that person's consent, recorded in the
    registry for this page, as the rule requires (the data gives it as "photo_consent")."""
    page.image_shows_people = shows_people(spec["picture"])
    page.image = save_image(
        content["photo_title"].format(title=page.title),
        page.image_alt,
        scene(spec["picture"], page.slug),
        f"{page.slug}.png",
    )
    if "photo_consent" not in spec:
        return
    consent = spec["photo_consent"]
    page.consent = Consent.objects.create(
        school=school_of_page(parent),
        person=consent["person"],
        kind=ConsentKind.DISSEMINATION,
        data_categories=content["photo_consent"]["data_categories"],
        pages=public_path(page, parent),
        conditions=content["photo_consent"]["conditions"].format(given_by=consent["given_by"]),
        valid_from=data_date(consent["date"]),
    )


def build_news(section, parent, spec):
    texts = section.texts
    fields = {
        **texts.fields(spec, text=["title", "lead"]),
        "date": data_date(spec["date"]),
        "body": [("paragraph", texts.rich_text([paragraph])) for paragraph in spec["body"]],
    }
    if "picture" in spec:
        fields["image_alt"] = texts.text(spec["picture_alt"])

    def add_tags_and_picture(page):
        section.add_tags(page, spec["tags"])
        if "picture" in spec:
            # A scene with people could go live only on a consent: the demo's news have none.
            page.image_shows_people = shows_people(spec["picture"])
            picture = scene(spec["picture"], page.slug)
            page.image = save_image(page.title, page.image_alt, picture, f"{page.slug}.png")

    return section.page(parent, models.NewsPage, spec["slug"], fields, prepare=add_tags_and_picture)


def build_documents_page(section, parent, content):
    texts = section.texts

    def add_documents(page):
        page.documents = orderables(
            models.DocumentsPageItem,
            page.locale,
            (
                {
                    "kind": document["kind"],
                    "document": section.document(document["name"]),
                    "title": texts.text(document["title"]),
                    "date": data_date(document["date"]),
                }
                for document in content["documents"]
            ),
        )

    return section.index(parent, models.DocumentsPage, content["page"], add_documents)
