"""«Наши наставники»: the best mentors, their profiles, and the filter by form."""

import re
from functools import partial

import pytest
import wagtail_factories

from mentoring_pages.models import MentorPage
from mentoring_pages.tests.conftest import PAGE_QUERY_LIMIT
from mentoring_pages.tests.factories import MentorPageFactory
from mentoring_pages.tests.html import Picture, card_titles, page_html, shown_picture
from site_project.translation import translate

pytestmark = pytest.mark.django_db


def photo(size=800):
    return wagtail_factories.ImageFactory(file__width=size, file__height=size)


def add_mentors(section, forms, count):
    """`count` mentors with photos, of the two forms in turn."""
    for number in range(count):
        MentorPageFactory(
            parent=section.mentors, image=photo(64), image_alt="Портрет", form=forms[number % 2]
        )


# The index


def test_index_lists_mentors_with_an_h1_and_breadcrumbs(client, section):
    MentorPageFactory(parent=section.mentors, title="Анна Петрова", award_year=2024)
    MentorPageFactory(parent=section.mentors, title="Борис Иванов", award_year=2023)

    content = page_html(client, section.mentors.url)

    assert "<h1>Наши наставники</h1>" in content
    assert '<nav class="breadcrumbs"' in content
    assert '<a href="/nastavnichestvo/">Наставничество</a>' in content
    assert card_titles(content) == ["Анна Петрова", "Борис Иванов"]  # latest award first


def test_mentors_without_an_award_year_come_last(client, section):
    MentorPageFactory(parent=section.mentors, title="Без года")
    MentorPageFactory(parent=section.mentors, title="Лауреат 2023", award_year=2023)
    MentorPageFactory(parent=section.mentors, title="Лауреат 2024", award_year=2024)

    titles = card_titles(client.get(section.mentors.url))

    assert titles == ["Лауреат 2024", "Лауреат 2023", "Без года"]


def test_a_photo_missing_from_the_storage_breaks_no_page(client, section):
    image = photo()
    mentor = MentorPageFactory(parent=section.mentors, image=image, image_alt="Портрет")
    image.file.storage.delete(image.file.name)

    assert client.get(mentor.url).status_code == 200
    assert client.get(section.mentors.url).status_code == 200


def test_drafts_are_not_listed(client, section):
    MentorPageFactory(parent=section.mentors, title="Черновик", live=False)

    assert card_titles(client.get(section.mentors.url)) == []


def test_index_in_english_with_an_empty_state(client, english_section):
    content = page_html(client, "/en/nastavnichestvo/mentors/", "en")

    assert "<h1>Our mentors</h1>" in content
    assert "No mentors yet." in content


def test_english_index_lists_the_translated_mentors(client, english_section, english, forms):
    pupils, _ = forms
    translate(pupils.programme, english, {})
    translate(pupils, english, {"Ученик – ученик": "Pupil – pupil"})
    mentor = MentorPageFactory(
        parent=english_section.mentors, title="Анна Петрова", position="Учитель", form=pupils
    )
    translate(mentor, english, {"Анна Петрова": "Anna Petrova", "Учитель": "Teacher"})

    content = client.get("/en/nastavnichestvo/mentors/").content.decode()

    assert ">Anna Petrova</a>" in content
    assert "Teacher" in content
    assert "Pupil – pupil" in content
    assert "Анна Петрова" not in content


def test_the_card_shows_photo_position_form_and_award(client, section, forms):
    pupils, _ = forms
    MentorPageFactory(
        parent=section.mentors,
        image=photo(),
        image_alt="Анна Петрова у доски",
        position="Учитель математики",
        form=pupils,
        award="Наставник года",
        award_year=2024,
    )

    content = client.get(section.mentors.url).content.decode()

    assert shown_picture(content) == Picture(
        "Анна Петрова у доски", widths="320w 640w", sizes="(max-width: 64rem) 50vw, 22rem"
    )
    assert "Учитель математики" in content
    assert "Наставник года, 2024" in content


# The filter by form


def test_filter_by_form_shows_only_that_forms_mentors(client, section, forms):
    pupils, teachers = forms
    MentorPageFactory(parent=section.mentors, title="Ученица", form=pupils)
    MentorPageFactory(parent=section.mentors, title="Учительница", form=teachers)

    response = client.get(section.mentors.url, {"form": teachers.pk})

    assert card_titles(response) == ["Учительница"]
    content = response.content.decode()
    assert f'<a href="?form={teachers.pk}" aria-current="true">Учитель – учитель</a>' in content
    assert f'<a href="?form={pupils.pk}">Ученик – ученик</a>' in content
    assert '<a href=".">' in content  # back to every form, no JavaScript needed


def test_only_forms_that_some_mentor_has_are_offered(client, section, forms):
    pupils, _ = forms
    MentorPageFactory(parent=section.mentors, form=pupils)

    content = client.get(section.mentors.url).content.decode()

    assert "Ученик – ученик" in content
    assert "Учитель – учитель" not in content


@pytest.mark.parametrize(
    "value", ["abc", "-1", "0", "999999", "1.5", "²", "٣", "9" * 30, "9" * 5000, "", "1 OR 1=1"]
)
def test_a_bad_or_unknown_form_is_ignored(client, section, forms, value):
    pupils, teachers = forms
    MentorPageFactory(parent=section.mentors, title="Ученица", form=pupils)
    MentorPageFactory(parent=section.mentors, title="Учительница", form=teachers)

    response = client.get(section.mentors.url, {"form": value})

    assert response.status_code == 200
    assert sorted(card_titles(response)) == ["Ученица", "Учительница"]
    assert '<a href="." aria-current="true">' in response.content.decode()


def test_a_form_that_no_mentor_has_is_ignored(client, section, forms):
    pupils, teachers = forms
    MentorPageFactory(parent=section.mentors, title="Ученица", form=pupils)

    response = client.get(section.mentors.url, {"form": teachers.pk})

    assert card_titles(response) == ["Ученица"]


# The profile


def test_profile_shows_the_mentor_and_nothing_of_the_consent(client, section, forms):
    pupils, _ = forms
    mentor = MentorPageFactory(
        parent=section.mentors,
        title="Анна Петрова",
        image=photo(),
        image_alt="Анна Петрова у доски",
        position="7 «Б» класс",
        form=pupils,
        achievements="<p>Победитель олимпиады</p>",
        quote="Объяснять — значит понимать.",
        award="Наставник года",
        award_year=2024,
        consent_given_by="Петрова Анна Сергеевна",
        consent_scope="Только имя и фото",
    )

    response = client.get(mentor.url)

    content = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Анна Петрова</h1>" in content
    assert 'alt="Анна Петрова у доски"' in content
    assert "7 «Б» класс" in content
    assert f'<a href="/nastavnichestvo/mentors/?form={pupils.pk}">Ученик – ученик</a>' in content
    assert "<p>Победитель олимпиады</p>" in content
    assert "<blockquote><p>Объяснять — значит понимать.</p></blockquote>" in content
    assert "Наставник года, 2024" in content
    assert '<a href="/nastavnichestvo/mentors/">Наши наставники</a>' in content  # breadcrumbs
    # The consent record is the school's, not the public's.
    assert "Петрова Анна Сергеевна" not in content
    assert "Только имя и фото" not in content


def test_profile_shares_its_photo_with_an_absolute_url(client, section):
    mentor = MentorPageFactory(parent=section.mentors, image=photo(), image_alt="Портрет")

    content = client.get(mentor.url).content.decode()

    og_image = re.search(r'<meta property="og:image" content="([^"]+)">', content).group(1)
    assert og_image.startswith("http://testserver/media/images/")
    assert '<meta property="og:image:alt" content="Портрет">' in content


def test_profile_without_photo_has_no_og_image(client, section):
    mentor = MentorPageFactory(parent=section.mentors)

    content = client.get(mentor.url).content.decode()

    assert "og:image" not in content
    assert "<picture>" not in content


def test_profile_in_english(client, english_section, english):
    mentor = MentorPageFactory(
        parent=english_section.mentors,
        title="Анна Петрова",
        position="Учитель",
        achievements="<p>Победитель олимпиады</p>",
    )
    translate(
        mentor,
        english,
        {
            "Анна Петрова": "Anna Petrova",
            "Учитель": "Teacher",
            "Победитель олимпиады": "Olympiad winner",
        },
    )

    content = page_html(client, "/en/nastavnichestvo/mentors/" + mentor.slug + "/", "en")

    assert "<h1>Anna Petrova</h1>" in content
    assert "Olympiad winner" in content
    assert ">Achievements</h2>" in content
    assert '<a href="/en/nastavnichestvo/mentors/">Our mentors</a>' in content


# A fixed number of queries, whatever the number of mentors


@pytest.mark.parametrize("filtered", [False, True], ids=["all", "filtered"])
def test_index_queries_do_not_grow_with_the_mentors(section, forms, few_and_many, filtered):
    params = {"form": forms[1].pk} if filtered else {}

    few, many = few_and_many(section.mentors.url, partial(add_mentors, section, forms), params)

    listed = MentorPage.objects.filter(**({"form": forms[1]} if filtered else {}))
    assert len(card_titles(many.response)) == listed.count()
    assert len(few) == len(many) <= PAGE_QUERY_LIMIT, many


def test_profile_queries_do_not_grow_with_the_mentors(section, forms, few_and_many):
    mentor = MentorPageFactory(
        parent=section.mentors, image=photo(), image_alt="Портрет", form=forms[0]
    )

    few, many = few_and_many(mentor.url, partial(add_mentors, section, forms))

    assert len(few) == len(many) <= PAGE_QUERY_LIMIT, many
