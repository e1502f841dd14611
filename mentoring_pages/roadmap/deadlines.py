"""Read a roadmap deadline («Срок исполнения»), written by hand in Russian, into dates.

Roadmaps keep the text as the school wrote it; this module derives the first start and end
dates and the recurrence from it. It is the one place for this rule: the importer, the
roadmap page, the calendar feed and the curator board all call `parse_deadline`.

It never guesses: text it cannot read gives `UNRECOGNISED`, and a recognised period whose
year cannot be known keeps its recurrence but no dates.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Recurrence(models.TextChoices):
    ONCE = "once", _("once")
    YEARLY = "yearly", _("every year")
    QUARTERLY = "quarterly", _("every quarter")
    MONTHLY = "monthly", _("every month")
    CONTINUOUS = "continuous", _("continuously")
    AS_NEEDED = "as_needed", _("as needed")
    UNKNOWN = "unknown", _("not recognised")


@dataclass(frozen=True)
class ParsedDeadline:
    start: datetime.date | None
    end: datetime.date | None
    recurrence: str  # a Recurrence value


UNRECOGNISED = ParsedDeadline(None, None, Recurrence.UNKNOWN)

# Soft hyphens and zero-width characters come from Word exports and split words invisibly.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
# Every dash and minus people type between months: ‐ ‑ ‒ – — ― − and their small forms.
_DASHES = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
# «№ Р-145» and «от 25.12.2019» date a document cited in the cell, not the deadline.
_REFERENCE = re.compile(
    r"№\s*\S+|(?<![а-я])от\s+(?:\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}\s+[а-я]+\.?\s+\d{4})"
)
# «…, далее – ежегодно сентябрь»: what follows «далее» is the repetition, not the first dates.
_THEREAFTER = re.compile(r"(?<![а-я])(?:далее|затем|в\s+дальнейшем)(?![а-я])")
# Punctuation and spaces only: a year, dash or «до» binds to a neighbour only across these.
_GAP = re.compile(r"[\s.,;:()]*")

# Full names in every case, and the usual abbreviations (сент., нояб., …).
_MONTH = (
    r"(?:январ[а-я]*|янв|феврал[а-я]*|февр?|март[а-я]*|мар|апрел[а-я]*|апр|ма[йяею]"
    r"|июн[а-я]*|июл[а-я]*|август[а-я]*|авг|сентябр[а-я]*|сент?|октябр[а-я]*|окт"
    r"|ноябр[а-я]*|нояб?|декабр[а-я]*|дек)(?![а-я])\.?"
)
# Checked in order, so «мар» (March) is tried before «ма» (May).
_MONTH_STEMS = ("янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")
_ORDINAL_STEMS = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_NUMERAL = r"(?:iv|iii|ii|i|[1-4])(?:\s*-?\s*(?:й|ый|ой|е|ое))?"

# One alternative per kind of token; `lastgroup` names the kind that matched.
# «01.09» without a year is not read: in roadmaps it is as often an item number («3.1.»).
_TOKEN = re.compile(
    rf"""
    (?P<date>(?<![\d.])(?P<date_day>\d{{1,2}})\.(?P<date_month>\d{{1,2}})
        \.(?P<date_year>(?:19|20)\d{{2}}|\d{{2}})(?!\d))
    | (?P<school_year>(?P<school_from>(?:19|20)\d{{2}})\s*[-/]\s*(?P<school_to>(?:19|20)?\d{{2}})
        (?!\d)[\sг.]*уч(?:ебн[а-я]*|\.|(?![а-я]))\s*(?:год[а-я]*|г(?![а-я])\.?)?)
    | (?P<days>(?<![\d.])(?P<day_from>\d{{1,2}})(?:\s*(?:-|по)\s*(?P<day_to>\d{{1,2}}))?
        \s*(?P<day_month>{_MONTH}))
    | (?P<quarter>(?<![а-яa-z\d])(?P<quarter_number>{_NUMERAL}|(?:перв|втор|трет|четверт)[а-я]*)
        \s*кв(?:артал[а-я]*|\.))
    | (?P<half>(?<![а-яa-z\d])(?P<half_number>{_NUMERAL}|(?:перв|втор)[а-я]*)\s*полугоди[а-я]*)
    | (?P<year>(?<!\d)(?P<year_number>(?:19|20)\d{{2}})(?!\d)
        (?:\s*(?:г\.?\s*г|год[а-я]*|г)(?![а-я])\.?)?)
    | (?P<month>(?<![а-я]){_MONTH})
    | (?P<until>(?<![а-я])(?:до|не\s+позднее|не\s+позже)(?:\s+(?:конца|окончания))?(?![а-я]))
    | (?P<since>(?<![а-я])(?:начиная\s+)?со?(?![а-я]))
    | (?P<dash>-|(?<![а-я])по(?![а-я]))
    """,
    re.VERBOSE,
)

# A rhythm the Recurrence choices cannot hold; reading it as another one would be a guess.
_HALF_YEARLY = re.compile(
    r"раза?\s+в\s+(?:полугоди|пол\s*года)|кажд[а-я]*\s+полугоди|(?<![а-я])ежеполугодн"
)
# The first match wins, so the most frequent rhythm named beats a vaguer word:
# «регулярно, не реже раз в месяц» is monthly. «N раз в месяц» is monthly whatever N is.
_RECURRENCE_WORDS = (
    (
        Recurrence.MONTHLY,
        re.compile(r"(?<![а-я])ежемесячн|раза?\s+в\s+месяц|кажд[а-я]*\s+месяц"),
    ),
    (
        Recurrence.QUARTERLY,
        re.compile(r"(?<![а-я])ежеквартальн|раза?\s+в\s+квартал|кажд[а-я]*\s+квартал"),
    ),
    (
        Recurrence.YEARLY,
        re.compile(
            r"(?<![а-я])ежегодн|раза?\s+в\s+год[уа]?(?![а-я])"
            r"|кажд[а-я]*\s+(?:учебн[а-я]*\s+)?год[уа]?(?![а-я])"
        ),
    ),
    (
        Recurrence.AS_NEEDED,
        # «по мере завершения программ» too: it comes back when something happens, no rhythm.
        re.compile(r"(?<![а-я])по\s+мере(?![а-я])|(?:по|при)\s+необходимост|по\s+запрос"),
    ),
    (
        Recurrence.CONTINUOUS,
        # «в течение» a named period (also misspelt «в течении») means all through it, but
        # «в течение месяца/10 дней» is a time limit, not a period, so it is not listed.
        # Weekly and daily work is more often than monthly: it reads as ongoing.
        re.compile(
            r"(?<![а-я])(?:постоянн|регулярн|систематическ|круглогодичн|еженедельн|ежедневн)"
            r"|в\s+течени[еи]\s+(?:всего|года(?![а-я])|календарного|учебного|программы"
            r"|периода|реализации|срока|(?:19|20)\d{2})"
            r"|на\s+протяжении|раза?\s+в\s+(?:неделю|день)"
        ),
    ),
)


@dataclass
class _Period:
    """One period named in the text, before and after its year is known."""

    first_month: int
    last_month: int
    first_day: int = 1
    last_day: int | None = None  # None: the last day of `last_month`
    year: int | None = None
    year_is_written: bool = False  # the year stands right after this very period
    years_spanned: int = 0  # a school year ends in a later calendar year than it starts
    bound: str | None = None  # "until" or "since": the word right before the period

    def start(self):
        return datetime.date(self.year, self.first_month, self.first_day)

    def end(self):
        year = self.year + self.years_spanned
        last_day = self.last_day or calendar.monthrange(year, self.last_month)[1]
        return datetime.date(year, self.last_month, last_day)


def parse_deadline(text: str, default_year: int | None = None) -> ParsedDeadline:
    """The first dates and the recurrence of a roadmap deadline written in Russian.

    `default_year` is the year of a month written without one (the roadmap's first year or
    the previous event's year)."""
    if not isinstance(text, str) or not text:
        return UNRECOGNISED
    normalised = _DASHES.sub("-", _INVISIBLE.sub("", text).lower().replace("ё", "е"))
    if _HALF_YEARLY.search(normalised):
        return UNRECOGNISED
    dated_part = _THEREAFTER.split(_REFERENCE.sub(" ", normalised), maxsplit=1)[0]
    dates = _read_dates(dated_part, default_year)
    recurrence = next(
        (value for value, words in _RECURRENCE_WORDS if words.search(normalised)), None
    )
    if recurrence is None:
        if dates is None:
            return UNRECOGNISED
        recurrence = Recurrence.ONCE
    start, end = dates or (None, None)
    return ParsedDeadline(start, end, recurrence)


def _read_dates(text, default_year):
    """(start, end) of the periods in `text`; (None, None) when a period has no knowable year;
    None when there is no period or one is impossible (31.02.2024)."""
    try:
        periods, ranges = _read_periods(text)
        if not periods:
            return None
        if not _resolve_years(periods, ranges, default_year):
            return (None, None)  # «Январь» alone: recognised, but no year to date it by
        spans = list(_spans(periods, ranges))
    except (ValueError, OverflowError):
        return None
    # A cell listing several deadlines («Сентябрь 2023 … Сентябрь-июнь 2023») spans them all.
    starts = [start for start, _ in spans if start]
    ends = [end for _, end in spans if end]
    # A period that only begins («с февраля 2021 г.») leaves the whole deadline open.
    open_ended = any(start and not end for start, end in spans)
    return min(starts, default=None), None if open_ended else max(ends, default=None)


def _read_periods(text):
    """The periods in reading order, and the indexes of those joined to the previous one
    into a range by a dash, «по» or the «до» of «с … до …»."""
    periods, ranges = [], set()
    previous_kind = previous_end = None
    range_pending = False  # a dash (or «по») follows the last period
    for token in _TOKEN.finditer(text):
        kind = token.lastgroup
        adjacent = previous_end is not None and _GAP.fullmatch(text, previous_end, token.start())
        follows_period = adjacent and (
            previous_kind == "period" or (previous_kind == "dash" and range_pending)
        )
        if kind == "year" and follows_period and periods[-1].year is None:
            # «сентябрь - октябрь 2020», «Ноябрь, декабрь 2023»: the year belongs to every
            # period still waiting for one; «декабрь – 2020 г.» is December 2020, no range.
            _give_year(periods, int(token["year_number"]))
            range_pending = False
            kind = "period"
        elif kind == "dash":
            range_pending = bool(adjacent and previous_kind == "period")
        elif kind == "until" and follows_period and periods[-1].bound == "since":
            # «с 1 сентября до 31 мая»: this «до» closes the range «с» opened.
            range_pending = True
            kind = "dash"
        elif kind not in ("until", "since"):
            if range_pending and adjacent:
                ranges.add(len(periods))
            period = _period(kind, token)
            if previous_kind in ("until", "since") and adjacent:
                period.bound = previous_kind
            periods.append(period)
            if token["day_to"]:  # «10-15 сентября»: one token, a range of two days
                ranges.add(len(periods))
                last_day = int(token["day_to"])
                periods.append(_Period(period.first_month, period.last_month, last_day, last_day))
            range_pending = False
            kind = "period"
        previous_kind, previous_end = kind, token.end()
    return periods, ranges


def _give_year(periods, year):
    """Write `year` after the last period, and share it with those before still without one."""
    periods[-1].year_is_written = True
    for period in reversed(periods):
        if period.year is not None:
            break
        period.year = year


def _period(kind, token):
    """The period a date-like token names; its year stays None when not written in it."""
    if kind == "date":
        year = int(token["date_year"])
        # A two-digit year («01.09.20») is this century's.
        year += 2000 if year < 100 else 0
        month, day = int(token["date_month"]), int(token["date_day"])
        return _Period(month, month, day, day, year, year_is_written=True)
    if kind == "days":
        month, day = _month_number(token["day_month"]), int(token["day_from"])
        return _Period(month, month, day, day)
    if kind == "school_year":
        first_year, last_year = int(token["school_from"]), int(token["school_to"])
        if last_year < 100:  # «2023/24»
            last_year += first_year // 100 * 100
        if last_year <= first_year:
            raise ValueError(f"{token[0]!r} is no school year")
        # «2021-2022 учебный год» runs from 1 September to 31 May: lessons end in May.
        return _Period(
            9, 5, year=first_year, year_is_written=True, years_spanned=last_year - first_year
        )
    if kind == "quarter":
        quarter = _ordinal(token["quarter_number"])
        return _Period(quarter * 3 - 2, quarter * 3)
    if kind == "half":
        half = _ordinal(token["half_number"])
        return _Period(half * 6 - 5, half * 6)
    if kind == "year":
        # A year on its own («2021», «2021 год», «2020-2024 гг.») is the whole year.
        return _Period(1, 12, year=int(token["year_number"]), year_is_written=True)
    # «начало/конец сентября» is the whole month: the text names no day.
    month = _month_number(token["month"])
    return _Period(month, month)


def _month_number(word):
    return next(number for number, stem in enumerate(_MONTH_STEMS, 1) if word.startswith(stem))


def _ordinal(word):
    """1-4 from «I», «2», «2-е», «третий»."""
    word = word.rstrip("-йыоеаяи \t\n")
    if word.isdigit():
        return int(word)
    return _ROMAN.get(word) or next(
        n for stem, n in _ORDINAL_STEMS.items() if word.startswith(stem)
    )


def _resolve_years(periods, ranges, default_year):
    """Give every period a year; False when one cannot have any.

    A period without a year takes the previous period's, moved on a year when it would come
    before it («ноябрь 2023 – апрель» ends in April 2024); the first one takes
    `default_year`."""
    for index, period in enumerate(periods):
        previous = periods[index - 1] if index else None
        if period.year is None:
            if previous is None:
                if default_year is None:
                    return False
                period.year = default_year
            else:
                period.year = previous.end().year
                if period.start() < previous.start():
                    period.year += 1
        if index in ranges and period.end() < previous.start():
            # «Сентябрь-июнь 2023» is a school year: it ends in June 2024. With both years
            # written («май 2024 – сентябрь 2023») the range contradicts itself.
            if period.year_is_written and previous.year_is_written:
                raise ValueError("the range ends before it starts")
            period.year += 1
    return True


def _spans(periods, ranges):
    """(start, end) of each period or range; «до …» leaves no start, «с …» no end."""
    index = 0
    while index < len(periods):
        first = last = periods[index]
        while index + 1 in ranges:
            index += 1
            last = periods[index]
        start, end = first.start(), last.end()
        # «до мая», «до 2022 года» include the period named, as in «на период до 2025 года».
        if first.bound == "until":
            start = None
        elif first.bound == "since" and last is first:
            end = None
        yield start, end
        index += 1
