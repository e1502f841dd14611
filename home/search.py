"""Site search that does not care about Russian word endings: «наставник», «наставника»
and «наставникам» find the same pages, on SQLite as on PostgreSQL.

Every page indexes, beside its own text, the stems of its words (Snowball's stemmer for the
page's language); the query asks for each word as typed or as its stem. PostgreSQL's
Russian full-text configuration stems as well, and finds the same pages either way.
Results show an excerpt of the page's own text with the query's words marked."""

import html
import re

import snowballstemmer
from django.utils.encoding import force_str
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.query import And, Or, PlainText

STEMS_FIELD = "search_stems"
STEMMERS = {"ru": "russian", "en": "english"}
WORD = re.compile(r"\w+")
# Characters of page text shown around the first word found.
EXCERPT_LENGTH = 240


def stems(words, language_code):
    stemmer = snowballstemmer.stemmer(STEMMERS.get(language_code, "russian"))
    return stemmer.stemWords([word.lower() for word in words])


def searchable(*fields):
    """A page type's `search_fields`: Wagtail's, the type's own, and the stems of them all."""
    return [*Page.search_fields, *fields, index.SearchField(STEMS_FIELD)]


def as_text(value):
    """An indexed value (text, rich text, a StreamField's list of texts) as plain text."""
    if isinstance(value, list | tuple):
        return " ".join(as_text(item) for item in value)
    return " ".join(html.unescape(strip_tags(force_str(value or ""))).split())


def indexed_text(obj, fields, *, related=True):
    """The text `fields` index for `obj`; `related=False` leaves out related objects'
    (a roadmap's events), which would cost a query per result where it is shown."""
    for field in fields:
        if isinstance(field, index.RelatedFields):
            if not related:
                continue
            value = field.get_value(obj)
            for item in value.all() if hasattr(value, "all") else [value]:
                if item is not None:
                    yield from indexed_text(item, field.fields)
        elif isinstance(field, index.SearchField) and field.field_name != STEMS_FIELD:
            yield as_text(field.get_value(obj))


class StemmedSearchMixin:
    """For a Page model whose `search_fields` come from `searchable()`."""

    def search_stems(self):
        text = " ".join(indexed_text(self, self.get_search_fields()))
        return " ".join(stems(WORD.findall(text), self.locale.language_code))

    def search_excerpt(self, query, language):
        """Up to EXCERPT_LENGTH characters of the page's own text beyond its title from a
        little before the first of the query's words, those words marked; "" if that text
        has none of them."""
        fields = [
            field
            for field in self.get_search_fields()
            if getattr(field, "field_name", None) != "title"
        ]
        text = " ".join(part for part in indexed_text(self, fields, related=False) if part)
        wanted = set(stems(WORD.findall(query), language))
        words = list(WORD.finditer(text))
        found = [
            m
            for m, stem in zip(words, stems([m.group() for m in words], language), strict=True)
            if stem in wanted
        ]
        if not found:
            return ""
        start = max(0, found[0].start() - EXCERPT_LENGTH // 4)
        start = text.rfind(" ", 0, start) + 1 if start else 0
        end = min(len(text), start + EXCERPT_LENGTH)
        pieces, position = [], start
        for match in found:
            if match.start() < start or match.end() > end:
                continue
            pieces.append(
                format_html("{}<mark>{}</mark>", text[position : match.start()], match.group())
            )
            position = match.end()
        pieces.append(format_html("{}", text[position:end]))
        ellipsis_before = "… " if start else ""
        ellipsis_after = " …" if end < len(text) else ""
        # Each piece was escaped by format_html.
        return format_html("{}{}{}", ellipsis_before, mark_safe("".join(pieces)), ellipsis_after)


def ranked(pages, words, language_code):
    """The pks of `pages` that have every word, in the order the results are shown: the
    pages with more of the query's words in their title first (among them the shorter
    title, the closer match), then the most recently published.

    The search backend finds the matches; its own relevance order is not used, as on
    SQLite it costs a subquery for each match (a quarter of a second for a word on 800
    pages). Only the pk, title and date of the matches are read."""
    matches = pages.search(site_query(words, language_code), order_by_relevance=False)
    # The database backend's queryset of the matches, for three columns only: on
    # PostgreSQL its rows would otherwise carry each page's whole search vector.
    rows = list(matches.get_queryset().values_list("pk", "title", "first_published_at"))
    wanted = set(stems(words, language_code))
    # Every title's words stemmed at once, then counted title by title.
    title_words = [WORD.findall(title) for _, title, _ in rows]
    title_stems = stems([word for words in title_words for word in words], language_code)
    in_title, start = [], 0
    for words_of_title in title_words:
        end = start + len(words_of_title)
        in_title.append(len(wanted.intersection(title_stems[start:end])))
        start = end

    def order(position):
        pk, title, published = rows[position]
        found = in_title[position]
        return (-found, len(title) if found else 0, -published.timestamp() if published else 0, -pk)

    return [rows[position][0] for position in sorted(range(len(rows)), key=order)]


def site_query(words, language_code):
    """Every word, as typed or by its stem."""
    return And(
        [
            Or([PlainText(word), PlainText(stem)]) if stem != word.lower() else PlainText(word)
            for word, stem in zip(words, stems(words, language_code), strict=True)
        ]
    )
