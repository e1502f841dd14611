"""A questionnaire's results added up from a known set of answers."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from wagtail.contrib.forms.models import FormSubmission

from mentoring_pages.forms.results import page_results, question_results
from mentoring_pages.tests.factories import QuestionnaireFieldFactory, QuestionnairePageFactory
from site_project.translation import TranslationMemory, translate


def question(name, field_type, choices=""):
    return SimpleNamespace(
        clean_name=name, label=name.title(), field_type=field_type, choices=choices
    )


QUESTIONS = [
    question("satisfied", "rating_5"),
    question("recommend", "rating_10"),
    question("format", "radio", "Очно\nОнлайн\nСмешанно"),
    question("helped", "checkboxes", "Учёба\nОбщение\nПрофориентация"),
    question("wishes", "multiline"),
]
ANSWERS = [
    {"satisfied": 5, "recommend": 10, "format": "Очно", "helped": ["Учёба"], "wishes": "Ещё!"},
    {"satisfied": 4, "recommend": 7, "format": "Очно", "helped": ["Учёба", "Общение"]},
    {"satisfied": 4, "recommend": 8, "format": "Онлайн", "helped": [], "wishes": ""},
    {"satisfied": 2, "format": "Другое", "wishes": "Больше встреч"},
    {"recommend": 9, "helped": ["Общение"]},
]


def by_name(results):
    return {result.name: result for result in results}


def shares(result):
    return [(share.value, share.count, share.percent) for share in result.distribution]


def test_a_rating_from_1_to_5():
    result = by_name(question_results(QUESTIONS, ANSWERS))["satisfied"]

    assert result.count == 4
    assert result.mean == Decimal("3.75")
    assert shares(result) == [(1, 0, 0), (2, 1, 25), (3, 0, 0), (4, 2, 50), (5, 1, 25)]


def test_a_rating_from_1_to_10():
    result = by_name(question_results(QUESTIONS, ANSWERS))["recommend"]

    assert result.count == 4
    assert result.mean == Decimal("8.50")
    assert [count for _value, count, _percent in shares(result)] == [0] * 6 + [1, 1, 1, 1]


def test_one_choice_keeps_the_order_and_an_answer_no_longer_offered():
    result = by_name(question_results(QUESTIONS, ANSWERS))["format"]

    assert result.count == 4
    assert result.mean is None
    assert shares(result) == [
        ("Очно", 2, 50),
        ("Онлайн", 1, 25),
        ("Смешанно", 0, 0),
        ("Другое", 1, 25),
    ]


def test_choices_written_on_one_line_are_read_as_the_form_offers_them():
    """An editor may list the choices with commas: the results list the same options."""
    written = question("format", "radio", " Очно, Онлайн ,Смешанно")
    answers = [{"format": "Онлайн"}, {"format": "Очно"}, {"format": "Онлайн"}]

    result = question_results([written], answers)[0]

    assert shares(result) == [("Очно", 1, 33), ("Онлайн", 2, 67), ("Смешанно", 0, 0)]


def test_several_choices_count_each_option_and_each_respondent_once():
    result = by_name(question_results(QUESTIONS, ANSWERS))["helped"]

    assert result.count == 3
    assert shares(result) == [("Учёба", 2, 67), ("Общение", 2, 67), ("Профориентация", 0, 0)]


def test_open_answers_are_counted_and_kept_as_written():
    result = by_name(question_results(QUESTIONS, ANSWERS))["wishes"]

    assert result.count == 2
    assert result.open_answers == ["Ещё!", "Больше встреч"]
    assert result.distribution == []


def test_no_answers_at_all():
    result = by_name(question_results(QUESTIONS, []))["satisfied"]

    assert (result.count, result.mean) == (0, None)
    assert [percent for _value, _count, percent in shares(result)] == [0] * 5


@pytest.mark.django_db
def test_answers_in_english_count_with_the_russian_ones(section, english_section, english):
    page = QuestionnairePageFactory(parent=section.landing)
    rating = QuestionnaireFieldFactory(page=page, label="Оценка", sort_order=1)
    choice = QuestionnaireFieldFactory(
        page=page, label="Формат", field_type="radio", choices="Очно\nОнлайн", sort_order=2
    )
    memory = TranslationMemory()
    for pair in [(page.title, "Satisfaction"), ("Оценка", "Rating"), ("Формат", "Format")]:
        memory.plain(pair)
    memory.plain(("Очно\nОнлайн", "In person\nOnline"))
    translated = translate(page, english, memory.english)
    FormSubmission.objects.create(
        page=page, form_data={rating.clean_name: 5, choice.clean_name: "Очно"}
    )
    FormSubmission.objects.create(
        page=translated, form_data={rating.clean_name: 2, choice.clean_name: "Online"}
    )

    count, results = page_results(page)

    assert count == 2
    assert [result.label for result in results] == ["Оценка", "Формат"]
    assert results[0].mean == Decimal("3.50")
    assert shares(results[1]) == [("Очно", 1, 50), ("Онлайн", 1, 50)]


def test_answers_given_before_a_question_became_a_rating_are_left_out():
    """An answered question's type may be changed to a rating (it keeps its name): its old
    answers, words, a list of choices or a number off the new scale, are not counted."""
    satisfied = question("satisfied", "rating_5")
    answers = [{"satisfied": value} for value in ["хорошо", ["Очно", "Онлайн"], 9, 4, "5"]]

    result = by_name(question_results([satisfied], answers))["satisfied"]

    assert result.count == 2
    assert result.mean == Decimal("4.50")
    assert shares(result) == [(1, 0, 0), (2, 0, 0), (3, 0, 0), (4, 1, 50), (5, 1, 50)]
