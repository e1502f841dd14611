"""Every CSV the site writes goes through here: cells a spreadsheet would run as a formula
are neutralised (CSV injection: an answer «=HYPERLINK(…)» in a curator's Excel), and files
begin with a byte-order mark, without which Russian Excel shows mojibake (open data,
for portals rather than Excel, without it). A choice is
exported by its label, in the reader's language."""

import csv
import io

from site_project.xml_text import xml_text

BYTE_ORDER_MARK = "\ufeff"
# What Excel and LibreOffice read as the start of a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """The cell as text a spreadsheet shows and never runs: a leading apostrophe before
    text that begins like a formula. Numbers and dates stay as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCsvExportMixin:
    """For views with Wagtail's SpreadsheetExportMixin (snippet listings, form submissions):
    their CSV by the rule above. Wagtail's XLSX keeps such cells as text, but not the
    headings, so these follow the rule in both: a form's headings are its questions, which
    editors write and curators export."""

    def to_row_dict(self, item):
        # A choice as its reader sees it («молодые специалисты»), not its stored code.
        row = super().to_row_dict(item)
        for field in row:
            label = getattr(item, f"get_{field}_display", None)
            if callable(label):
                row[field] = label()
        return row

    def get_heading(self, queryset, field):
        # A form's headings are its questions: text pasted from Word, as answers are.
        return csv_safe(xml_text(super().get_heading(queryset, field)))

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return csv_safe(value)
        return xml_text(value)

    def stream_csv(self, queryset):
        yield BYTE_ORDER_MARK
        yield from super().stream_csv(queryset)


def open_data_csv(rows):
    """Rows as an open-data CSV (Минэкономразвития's recommendations, version 3.0): commas,
    UTF-8 without the byte-order mark (portals read the first cell's name), cells safe as
    above."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if value is None else csv_safe(value) for value in row])
    return buffer.getvalue()
