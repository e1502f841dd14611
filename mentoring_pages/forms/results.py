"""A questionnaire's answers added up question by question: what a curator reads in the admin
and records as a monitoring result.

Answers in every language count together: questions are matched by their name, which the
translation keeps, and a translated choice by its position in the list of choices."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from mentoring_pages.models.forms import RATING_SCALES, QuestionnaireField, QuestionnairePage

CHOICE_TYPES = {"radio", "dropdown", "checkboxes"}
OPEN_TYPES = {"singleline", "multiline"}
HUNDREDTH = Decimal("0.01")


@dataclass
class Share:
    value: object
    count: int
    percent: int


@dataclass
class QuestionResult:
    name: str
    label: str
    field_type: str
    count: int = 0
    mean: Decimal | None = None
    distribution: list[Share] = field(default_factory=list)
    open_answers: list[str] = field(default_factory=list)

    @property
    def is_rating(self):
        return self.field_type in RATING_SCALES

    @property
    def scale(self):
        return RATING_SCALES.get(self.field_type)


def choices_of(form_field):
    """The question's choices as its form offers them (the form builder splits the editor's
    text by lines, or by commas)."""
    if not form_field.choices:
        return []
    builder = QuestionnairePage.form_builder([form_field])
    return [value for value, _label in builder.get_formatted_field_choices(form_field)]


def given(value):
    return value not in (None, "", [])


def distribution(counts, total):
    return [
        Share(value, count, round(100 * count / total) if total else 0)
        for value, count in counts.items()
    ]


def rating(value, top):
    """An answer as a rating from 1 to `top`, or None where it cannot be one: given before
    the question became a rating (its name stays when its type changes), in words, choices
    or a number off this scale. (An old answer that fits the scale is counted.)"""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 1 <= number <= top else None


def question_result(form_field, answers):
    """The result of one question from its answers (None where one was not given)."""
    values = [value for value in answers if given(value)]
    result = QuestionResult(form_field.clean_name, form_field.label, form_field.field_type)
    result.count = len(values)
    if form_field.field_type in RATING_SCALES:
        top = RATING_SCALES[form_field.field_type]
        ratings = [number for value in values if (number := rating(value, top)) is not None]
        result.count = len(ratings)
        counts = dict.fromkeys(range(1, top + 1), 0)
        for number in ratings:
            counts[number] += 1
        if ratings:
            mean = Decimal(sum(ratings)) / len(ratings)
            result.mean = mean.quantize(HUNDREDTH, rounding=ROUND_HALF_UP)
        result.distribution = distribution(counts, result.count)
    elif form_field.field_type in CHOICE_TYPES:
        counts = dict.fromkeys(choices_of(form_field), 0)
        for value in values:
            # Several choices come as a list; each chosen option counts once.
            for option in value if isinstance(value, list) else [value]:
                counts[option] = counts.get(option, 0) + 1
        result.distribution = distribution(counts, result.count)
    else:
        result.open_answers = [str(value) for value in values]
    return result


def question_results(form_fields, submissions_data):
    """[QuestionResult] for each of `form_fields`, from the submissions' data (dicts)."""
    return [
        question_result(form_field, [data.get(form_field.clean_name) for data in submissions_data])
        for form_field in form_fields
    ]


def in_source_terms(data, translated_fields, source_fields):
    """A translated page's answers with its choices replaced by the source page's."""
    data = dict(data)
    for name, translated in translated_fields.items():
        source = source_fields.get(name)
        if source is None or name not in data or translated.field_type not in CHOICE_TYPES:
            continue
        mapping = dict(zip(choices_of(translated), choices_of(source), strict=False))

        def to_source(value, mapping=mapping):
            return mapping.get(value, value)

        value = data[name]
        data[name] = [to_source(v) for v in value] if isinstance(value, list) else to_source(value)
    return data


def page_results(page):
    """The results of `page` (a QuestionnairePage) with its translations' answers counted in:
    (number of submissions, [QuestionResult]). Three queries whatever the numbers."""
    from wagtail.contrib.forms.models import FormSubmission

    pages = {translation.pk for translation in page.get_translations(inclusive=True)}
    fields_by_page = {}
    for form_field in QuestionnaireField.objects.filter(page_id__in=pages).order_by("sort_order"):
        fields_by_page.setdefault(form_field.page_id, {})[form_field.clean_name] = form_field
    source_fields = fields_by_page.get(page.pk, {})
    submissions = FormSubmission.objects.filter(page_id__in=pages).values_list(
        "page_id", "form_data"
    )
    data = [
        form_data
        if page_id == page.pk
        else in_source_terms(form_data, fields_by_page.get(page_id, {}), source_fields)
        for page_id, form_data in submissions
    ]
    return len(data), question_results(source_fields.values(), data)
