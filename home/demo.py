"""The demo school's site shell: settings, home page, a few content pages, in Russian with
English translations. The school is fictional; no real person is named anywhere."""

from wagtail.models import Locale, Site

from site_project.translation import translate

from .models import ContentPage, HomePage, SiteSettings

SCHOOL = {
    "full_name": "Муниципальное бюджетное общеобразовательное учреждение "
    "«Средняя общеобразовательная школа № 1 посёлка Примерный»",
    "short_name": "Школа № 1 п. Примерный",
    "address": "123456, Примерная область, пос. Примерный, ул. Школьная, д. 1",
    "full_name_en": "Primerny Secondary School No. 1 (municipal)",
    "short_name_en": "School No. 1, Primerny",
    "address_en": "1 Shkolnaya St., Primerny, Primernaya Region, 123456, Russia",
    "phone": "+7 (000) 000-00-00",
    "email": "school1@example.org",
}

HOME_INTRO_TEXT = (
    "Официальный сайт школы. Здесь родители, ученики и педагоги найдут сведения о школе, "
    "новости и всё о программе наставничества."
)

CONTENT_PAGES = [
    {
        "slug": "about",
        "title": "О школе",
        "intro": "Школа работает с 1975 года. В ней учатся 540 учеников и работают 48 педагогов.",
        "body": [
            ("heading", {"text": "Наша школа", "level": "h2"}),
            (
                "paragraph",
                "<p>Мы учим детей с первого по одиннадцатый класс и помогаем каждому найти "
                "своё дело: в школе работают кружки, научное общество и программа "
                "наставничества.</p>",
            ),
            (
                "quote",
                {
                    "text": "Учитель, воспитай ученика, чтоб было у кого потом учиться.",
                    "attribution": "Народная мудрость",
                },
            ),
        ],
        "show_in_menus": True,
    },
    {
        "slug": "contacts",
        "title": "Контакты",
        "intro": "Как с нами связаться и как до нас добраться.",
        "body": [
            (
                "paragraph",
                "<p>Приёмная директора открыта по будням с 8:00 до 17:00.</p>",
            ),
        ],
        "show_in_menus": True,
    },
    {
        "slug": "privacy",
        "title": "Политика обработки персональных данных",
        "intro": "Как школа обрабатывает и защищает персональные данные (152-ФЗ).",
        "body": [
            (
                "paragraph",
                "<p>Школа обрабатывает персональные данные только с согласия субъекта "
                "и только для целей, указанных в согласии. Данные хранятся на серверах "
                "в Российской Федерации.</p>",
            ),
        ],
        "show_in_menus": False,
    },
]

ENGLISH = {
    "Главная": "Home",
    HOME_INTRO_TEXT: "The school's official site: news, facts about the school and everything "
    "about its mentoring programme for parents, pupils and teachers.",
    "О школе": "About the school",
    "Школа работает с 1975 года. В ней учатся 540 учеников и работают 48 педагогов.": (
        "The school opened in 1975. It has 540 pupils and 48 teachers."
    ),
    "Наша школа": "Our school",
    "Мы учим детей с первого по одиннадцатый класс и помогаем каждому найти своё дело: в "
    "школе работают кружки, научное общество и программа наставничества.": (
        "We teach children from the first to the eleventh year and help each of them find "
        "what they love: clubs, a science society and a mentoring programme."
    ),
    "Учитель, воспитай ученика, чтоб было у кого потом учиться.": (
        "Teacher, raise a pupil, so that you will have someone to learn from later."
    ),
    "Народная мудрость": "Folk saying",
    "Контакты": "Contacts",
    "Как с нами связаться и как до нас добраться.": "How to reach us.",
    "Приёмная директора открыта по будням с 8:00 до 17:00.": (
        "The head teacher's office is open on weekdays from 8:00 to 17:00."
    ),
    "Политика обработки персональных данных": "Personal data policy",
    "Как школа обрабатывает и защищает персональные данные (152-ФЗ).": (
        "How the school processes and protects personal data (Federal Law 152-FZ)."
    ),
    "Школа обрабатывает персональные данные только с согласия субъекта и только для целей, "
    "указанных в согласии. Данные хранятся на серверах в Российской Федерации.": (
        "The school processes personal data only with the person's consent and only for the "
        "purposes stated in it. The data is stored on servers in the Russian Federation."
    ),
}


def english_locale():
    return Locale.objects.get(language_code="en")


def build_site_shell(log):
    """Fill the home page and create the content pages once; leave them alone afterwards
    so that a second run never overwrites what editors changed."""
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    english = english_locale()

    if not isinstance(home, HomePage):
        raise TypeError("The default site's root page is not a HomePage.")
    if not home.intro:
        home.intro = f"<p>{HOME_INTRO_TEXT}</p>"
        home.save_revision().publish()
        log("home page filled")

    pages = {}
    for spec in CONTENT_PAGES:
        page = home.get_children().filter(slug=spec["slug"]).specific().first()
        if page is None:
            page = ContentPage(
                title=spec["title"],
                slug=spec["slug"],
                intro=spec["intro"],
                body=spec["body"],
                show_in_menus=spec["show_in_menus"],
            )
            home.add_child(instance=page)
            page.save_revision().publish()
            log(f"page created: {page.title}")
        pages[spec["slug"]] = page

    if not home.has_translation(english):
        translate(home, english, ENGLISH)
    for page in pages.values():
        if not page.has_translation(english):
            translate(page, english, ENGLISH)
            log(f"translated: {page.title}")

    site_settings = SiteSettings.for_site(site)
    if not site_settings.full_name:
        for field, value in SCHOOL.items():
            setattr(site_settings, field, value)
        site_settings.privacy_policy_page = pages["privacy"]
        site_settings.save()
        log("site settings filled")
    return home
