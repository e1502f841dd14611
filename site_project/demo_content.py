"""The convention every demo module keeps its content in: JSON files beside the builders,
where a text is {"ru": …, "en": …}; rich text is a list of paragraphs (texts) and bulleted
lists ({"items": [texts]}); a date is "YYYY-MM-DD". Read here, below every app, so that the
programmes' demo, the school site's and the section's all read it the same way."""

import datetime
import json

from django.utils.html import escape, format_html

from site_project.translation import TranslationMemory

LANGUAGES = ("ru", "en")


def read_demo_data(path):
    return json.loads(path.read_text(encoding="utf-8"))


def data_date(text):
    """The demo data's date "YYYY-MM-DD", or None for none."""
    return datetime.date.fromisoformat(text) if text else None


def bullet_list(texts):
    return "<ul>" + "".join(f"<li>{escape(text)}</li>" for text in texts) + "</ul>"


def rich_text_html(blocks, language, email=""):
    """The HTML of rich text in the demo data's convention, in `language`; "{email}" in it
    becomes a link to `email`."""
    html = "".join(
        bullet_list(item[language] for item in block["items"])
        if "items" in block
        else f"<p>{escape(block[language])}</p>"
        for block in blocks
    )
    if email:
        html = html.replace("{email}", format_html('<a href="mailto:{0}">{0}</a>', email))
    return html


class Bilingual(TranslationMemory):
    """Turns the demo data's texts into the Russian text and HTML objects are built with,
    remembering the English of each. `email` is what "{email}" in rich text links to."""

    def __init__(self, email=""):
        super().__init__()
        self.email = email

    def text(self, pair):
        return self.plain((pair["ru"], pair["en"]))

    def rich_text(self, blocks):
        return self.rich(
            tuple(rich_text_html(blocks, language, self.email) for language in LANGUAGES)
        )

    def fields(self, spec, **kinds):
        """{name: value} of the fields of `spec` listed by kind, each kind the method here
        that makes its value: fields(spec, text=["title"], rich_text=["intro"])."""
        return {
            name: getattr(self, kind)(spec[name]) for kind, names in kinds.items() for name in names
        }


def orderables(model, locale, rows):
    """A `model` (an Orderable) for each dict of field values in `rows`, in their order."""
    return [model(sort_order=order, locale=locale, **fields) for order, fields in enumerate(rows)]
