import random
from datetime import date

import pytest

from mentoring_pages.roadmap.deadlines import (
    UNRECOGNISED,
    ParsedDeadline,
    Recurrence,
    parse_deadline,
)

ONCE = Recurrence.ONCE
YEARLY = Recurrence.YEARLY
QUARTERLY = Recurrence.QUARTERLY
MONTHLY = Recurrence.MONTHLY
CONTINUOUS = Recurrence.CONTINUOUS
AS_NEEDED = Recurrence.AS_NEEDED
UNKNOWN = Recurrence.UNKNOWN

# (text as written, default_year, start, end, recurrence)
# fmt: off
DEADLINES = [
    # The «Срок исполнения» cells of /work/shared/seeds/roadmap_000.txt, as written.
    ("сентябрь-октябрь 2020 г.", None, date(2020, 9, 1), date(2020, 10, 31), ONCE),
    ("сентябрь.- октябрь 2020 г.", None, date(2020, 9, 1), date(2020, 10, 31), ONCE),
    ("сентябрь - октябрь 2020 г., \nдалее - ежегодно", None, date(2020, 9, 1), date(2020, 10, 31), YEARLY),
    ("октябрь-ноябрь 2020,\nдалее – ежегодно\nсентябрь", None, date(2020, 10, 1), date(2020, 11, 30), YEARLY),
    ("ноябрь –декабрь 2020 г., \nдалее - ежегодно сентябрь", None, date(2020, 11, 1), date(2020, 12, 31), YEARLY),
    ("ноябрь –декабрь 2020,\nдалее – ежегодно\n сентябрь", None, date(2020, 11, 1), date(2020, 12, 31), YEARLY),
    ("декабрь – 2020 г., далее - ежегодно октябрь", None, date(2020, 12, 1), date(2020, 12, 31), YEARLY),
    ("декабрь 2020 г., \nдалее - ежегодно октябрь", None, date(2020, 12, 1), date(2020, 12, 31), YEARLY),
    ("декабрь 2020 г., \nдалее - ежегодно - октябрь", None, date(2020, 12, 1), date(2020, 12, 31), YEARLY),
    ("ноябрь –декабрь 2020 г., \nдалее - по мере необходимости", None, date(2020, 11, 1), date(2020, 12, 31), AS_NEEDED),
    ("декабрь 2020 г., \nдалее – по мере необходимости", None, date(2020, 12, 1), date(2020, 12, 31), AS_NEEDED),
    ("декабрь 2020 г., далее – по мере необходимости", None, date(2020, 12, 1), date(2020, 12, 31), AS_NEEDED),
    ("октябрь 2020 г., далее – по мере необходимости", None, date(2020, 10, 1), date(2020, 10, 31), AS_NEEDED),
    ("январь 2021 г., \nдалее – по мере необходимости", None, date(2021, 1, 1), date(2021, 1, 31), AS_NEEDED),
    ("февраль 2021 г., \nдалее – по мере необходимости", None, date(2021, 2, 1), date(2021, 2, 28), AS_NEEDED),
    ("с февраля 2021 г.\n на регулярной основе \nдо завершения наставничества", None, date(2021, 2, 1), None, CONTINUOUS),
    ("регулярно, \nне реже раз в месяц", None, None, None, MONTHLY),
    ("в зависимости от продолжительности программы наставничества", None, None, None, UNKNOWN),
    ("по завершении заключительной групповой встречи", None, None, None, UNKNOWN),
    ("во время торжественного мероприятия для подведения итогов", None, None, None, UNKNOWN),
    ("май 2021 г., далее – по мере завершения программ", None, date(2021, 5, 1), date(2021, 5, 31), AS_NEEDED),
    ("с 2021 г. ежегодно", None, date(2021, 1, 1), None, YEARLY),
    ("ежеквартально до 10 числа, следующего \nза отчетным\n2020-2024г.г.", None, date(2020, 1, 1), date(2024, 12, 31), QUARTERLY),
    ("ежегодно \nдо 20 января", None, None, None, YEARLY),
    ("ежегодно \nдо 20 января", 2021, None, date(2021, 1, 20), YEARLY),
    ("постоянно", None, None, None, CONTINUOUS),
    # The same cells as the flattened second copy of roadmap_000.txt spaces them.
    ("сентябрь. -   октябрь  2020 г.", None, date(2020, 9, 1), date(2020, 10, 31), ONCE),
    ("ноябрь  – декабрь 2020  г.,    далее  -   ежегодно  сентябрь", None, date(2020, 11, 1), date(2020, 12, 31), YEARLY),
    # Roadmap titles: the years a roadmap covers.
    ("на   2020- 2024 гг.", None, date(2020, 1, 1), date(2024, 12, 31), ONCE),
    ("на 2023-2024гг.", None, date(2023, 1, 1), date(2024, 12, 31), ONCE),
    # The «Сроки» cells of /work/shared/seeds/roadmap_003.txt, as written.
    ("Сентябрь-июнь 2023", None, date(2023, 9, 1), date(2024, 6, 30), ONCE),
    ("Сентябрь \n2023 года\n\nСентябрь -июнь\n2023  года\n\n\n", None, date(2023, 9, 1), date(2024, 6, 30), ONCE),
    ("на 2023/2024 уч.год", None, date(2023, 9, 1), date(2024, 5, 31), ONCE),
    ("Сентябрь\n2023 года", None, date(2023, 9, 1), date(2023, 9, 30), ONCE),
    ("Август2023 года\n\n\n\n", None, date(2023, 8, 1), date(2023, 8, 31), ONCE),
    ("Сентябрь 2023 года", None, date(2023, 9, 1), date(2023, 9, 30), ONCE),
    ("Сентябрь-октябрь2023 года", None, date(2023, 9, 1), date(2023, 10, 31), ONCE),
    ("Сентябрь-октябрь2023 года \n\n\n\n\nВ течение программы", None, date(2023, 9, 1), date(2023, 10, 31), CONTINUOUS),
    ("Ноябрь, декабрь 2023 года – апрель, май 2024 года", None, date(2023, 11, 1), date(2024, 5, 31), ONCE),
    ("Апрель – май 2024 года" + "\n" * 20 + "Май2024 года" + "\n" * 9 + "Май 2024 года", None, date(2024, 4, 1), date(2024, 5, 31), ONCE),
    # The «Сроки исполнения» of /work/shared/seeds/programme_002.txt.
    ("март 2022", None, date(2022, 3, 1), date(2022, 3, 31), ONCE),
    ("Март - апрель 2022", None, date(2022, 3, 1), date(2022, 4, 30), ONCE),
    ("В течении всего периода реализации", None, None, None, CONTINUOUS),
    ("Март–май", 2022, date(2022, 3, 1), date(2022, 5, 31), ONCE),
    # A month with no year takes default_year; without one it is recognised, not dated.
    ("Январь", 2022, date(2022, 1, 1), date(2022, 1, 31), ONCE),
    ("Январь", None, None, None, ONCE),
    ("Сентябрь-июнь", 2023, date(2023, 9, 1), date(2024, 6, 30), ONCE),
    ("Сентябрь 2023 – июнь", 2020, date(2023, 9, 1), date(2024, 6, 30), ONCE),
    # Spelling variants: case, forms, abbreviations, dashes, «г.», commas, missing spaces.
    ("Май, 2025", None, date(2025, 5, 1), date(2025, 5, 31), ONCE),
    ("Май2024 года", None, date(2024, 5, 1), date(2024, 5, 31), ONCE),
    ("СЕНТЯБРЬ 2021", None, date(2021, 9, 1), date(2021, 9, 30), ONCE),
    ("в сентябре 2021 года", None, date(2021, 9, 1), date(2021, 9, 30), ONCE),
    ("сент. 2021", None, date(2021, 9, 1), date(2021, 9, 30), ONCE),
    ("сен.—дек. 2021", None, date(2021, 9, 1), date(2021, 12, 31), ONCE),
    ("февр.‒март 2024 г.", None, date(2024, 2, 1), date(2024, 3, 31), ONCE),
    ("январь-февраль 2024", None, date(2024, 1, 1), date(2024, 2, 29), ONCE),
    ("ноябрь 2023 – апрель", None, date(2023, 11, 1), date(2024, 4, 30), ONCE),
    ("ноябрь –декабрь 2020 г., далее - ежегодно сентябрь", None, date(2020, 11, 1), date(2020, 12, 31), YEARLY),
    ("в течение 2021 года", None, date(2021, 1, 1), date(2021, 12, 31), CONTINUOUS),
    ("с сентября 2020 по май 2021", None, date(2020, 9, 1), date(2021, 5, 31), ONCE),
    # Exact days.
    ("До 02.09.2024", None, None, date(2024, 9, 2), ONCE),
    ("до 15 сентября 2021 г.", None, None, date(2021, 9, 15), ONCE),
    ("не позднее 1 сентября 2021 года", None, None, date(2021, 9, 1), ONCE),
    ("не позднее 25 мая", 2022, None, date(2022, 5, 25), ONCE),
    ("01.09.2020", None, date(2020, 9, 1), date(2020, 9, 1), ONCE),
    ("01.09.2020 - 31.05.2021", None, date(2020, 9, 1), date(2021, 5, 31), ONCE),
    ("10–15 октября 2021 г.", None, date(2021, 10, 10), date(2021, 10, 15), ONCE),
    ("с 1 по 15 сентября 2021", None, date(2021, 9, 1), date(2021, 9, 15), ONCE),
    ("с 1 сентября 2021 до 31 мая 2022", None, date(2021, 9, 1), date(2022, 5, 31), ONCE),
    ("до конца 2021 года", None, None, date(2021, 12, 31), ONCE),
    # Years, school years, quarters and half-years.
    ("2021", None, date(2021, 1, 1), date(2021, 12, 31), ONCE),
    ("2021 год", None, date(2021, 1, 1), date(2021, 12, 31), ONCE),
    ("2020-2024", None, date(2020, 1, 1), date(2024, 12, 31), ONCE),
    ("2020–2024 гг.", None, date(2020, 1, 1), date(2024, 12, 31), ONCE),
    ("в течение 2021-2022 учебного года", None, date(2021, 9, 1), date(2022, 5, 31), CONTINUOUS),
    ("2022/23 учебный год", None, date(2022, 9, 1), date(2023, 5, 31), ONCE),
    ("I квартал 2021", None, date(2021, 1, 1), date(2021, 3, 31), ONCE),
    ("1 квартал 2021 г.", None, date(2021, 1, 1), date(2021, 3, 31), ONCE),
    ("III квартал 2022 года", None, date(2022, 7, 1), date(2022, 9, 30), ONCE),
    ("четвёртый квартал 2022", None, date(2022, 10, 1), date(2022, 12, 31), ONCE),
    ("IV квартал 2020 – I квартал 2021", None, date(2020, 10, 1), date(2021, 3, 31), ONCE),
    ("1 полугодие 2021", None, date(2021, 1, 1), date(2021, 6, 30), ONCE),
    ("II полугодие 2021", None, date(2021, 7, 1), date(2021, 12, 31), ONCE),
    ("2-е полугодие 2022 г.", None, date(2022, 7, 1), date(2022, 12, 31), ONCE),
    # Recurrence words.
    ("ежегодно", None, None, None, YEARLY),
    ("каждый год", None, None, None, YEARLY),
    ("ежегодно, сентябрь", 2022, date(2022, 9, 1), date(2022, 9, 30), YEARLY),
    ("ежегодно до 20 января", None, None, None, YEARLY),
    ("ежегодно до 20 января", 2021, None, date(2021, 1, 20), YEARLY),
    ("ежеквартально", None, None, None, QUARTERLY),
    ("1 раз в квартал", None, None, None, QUARTERLY),
    ("раз в квартал", None, None, None, QUARTERLY),
    ("ежеквартально до 10 числа, следующего за отчетным", None, None, None, QUARTERLY),
    ("ежемесячно", None, None, None, MONTHLY),
    ("1 раз в месяц", None, None, None, MONTHLY),
    ("не реже раз в месяц", None, None, None, MONTHLY),
    ("регулярно, не реже раз в месяц", None, None, None, MONTHLY),
    ("2 раза в месяц", None, None, None, MONTHLY),
    ("В течение всего периода реализации", None, None, None, CONTINUOUS),
    ("в течение всего периода", None, None, None, CONTINUOUS),
    ("на регулярной основе", None, None, None, CONTINUOUS),
    ("регулярно", None, None, None, CONTINUOUS),
    ("систематически", None, None, None, CONTINUOUS),
    ("в течение года", None, None, None, CONTINUOUS),
    ("еженедельно", None, None, None, CONTINUOUS),
    ("с февраля 2021 г. на регулярной основе", None, date(2021, 2, 1), None, CONTINUOUS),
    ("по мере необходимости", None, None, None, AS_NEEDED),
    ("по необходимости", None, None, None, AS_NEEDED),
    ("по запросу", None, None, None, AS_NEEDED),
    # No date and no recurrence: never guessed.
    ("По отдельному графику", None, None, None, UNKNOWN),
    ("по плану", None, None, None, UNKNOWN),
    ("в соответствии с планом работы школы", None, None, None, UNKNOWN),
    ("в соответствии с приказом от 12.03.2021 № 45", None, None, None, UNKNOWN),
    ("в течение месяца", None, None, None, UNKNOWN),
    ("до завершения наставничества", None, None, None, UNKNOWN),
    # A half-yearly rhythm has no Recurrence value; calling it yearly would be a guess.
    ("1 раз в полугодие, начиная с сентября 2021", None, None, None, UNKNOWN),
    # A range written backwards with both years is a contradiction, not a date.
    ("май 2024 – сентябрь 2023", None, None, None, UNKNOWN),
]
# fmt: on


@pytest.mark.parametrize(("text", "default_year", "start", "end", "recurrence"), DEADLINES)
def test_parse_deadline(text, default_year, start, end, recurrence):
    assert parse_deadline(text, default_year) == ParsedDeadline(start, end, recurrence)


def test_the_table_holds_at_least_sixty_distinct_phrases():
    assert len({(text, default_year) for text, default_year, *_ in DEADLINES}) >= 60


@pytest.mark.parametrize(
    "text",
    ["", "   \n\t", "😀📅🎓", "хорошо", "12345", "1.2.3", "— / —", "№ 2021-р"],
)
def test_text_without_a_deadline_stays_unknown(text):
    assert parse_deadline(text) == UNRECOGNISED


def test_no_text_at_all_is_unknown():
    assert parse_deadline(None) == UNRECOGNISED


@pytest.mark.parametrize("text", ["31.02.2024", "31 июня 2023", "2024/2023 учебный год"])
def test_an_impossible_date_is_not_read_as_another_one(text):
    assert parse_deadline(text) == UNRECOGNISED


@pytest.mark.parametrize(
    "text",
    [
        "а" * 10_000,
        "сентябрь - " * 1_000,
        "1-" * 5_000,
        "2020-" * 2_000,
        "до " * 3_000,
        "\x00\ud800\U0010ffff" * 100,
    ],
)
def test_long_or_strange_text_never_raises(text):
    assert isinstance(parse_deadline(text, default_year=2021), ParsedDeadline)


@pytest.mark.parametrize("default_year", [0, -1, 10_000, 10**30])
def test_an_impossible_default_year_leaves_the_month_undated(default_year):
    assert parse_deadline("сентябрь", default_year) == UNRECOGNISED


def test_shuffled_words_of_real_deadlines_never_raise():
    words = " ".join(text for text, *_ in DEADLINES).split() + ["31.02.2024", "–", "с", "по"]
    rng = random.Random(5)
    for _ in range(2_000):
        text = " ".join(rng.choices(words, k=rng.randint(1, 12)))
        assert isinstance(parse_deadline(text, rng.choice([None, 2021])), ParsedDeadline)
