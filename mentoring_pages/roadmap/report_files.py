"""The quarterly report (reports.py) as files to send: an XLSX workbook and a PDF, both
laid out for A4, landscape, with the same content."""

import datetime
import io
from decimal import Decimal
from pathlib import Path

from django.utils import formats
from django.utils.text import slugify
from django.utils.translation import gettext
from fpdf import FPDF
from fpdf.fonts import FontFace
from openpyxl import Workbook
from openpyxl.styles import Border, Font, Side
from openpyxl.utils import get_column_letter

from mentoring_pages.roadmap import exports, reports

FORMATS = ("xlsx", "pdf")
PDF_TYPE = "application/pdf"
# Shipped with the code (and their licence): the PDF needs nothing installed but fpdf2.
FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVuSans"
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
# A table's width in the PDF from its widths in characters: about a character of the
# tables' 7-point type with its share of padding; the widest tables take the page's width.
MM_PER_CHARACTER = 1.3
# Millimetres a table's heading needs below it on its page: else it starts the next one.
KEEP_WITH_HEADING = 30
# The title lines in bold and larger in both files: the school, what the report is, the
# roadmap.
BOLD_TITLE_LINES = 3
# Lines of a table's cell in the PDF at most: fpdf2 cannot split a row between pages, so
# a longer text (the fields are unbounded) is cut to fit a page with the table's header.
MAX_CELL_LINES = 40
ELLIPSIS = "…"


def filename(report, extension):
    return f"{slugify(report.page.slug) or 'roadmap'}-{report.quarter}.{extension}"


# XLSX


def workbook(report):
    book = Workbook()
    fill_sheet(book.active, report, gettext("Report"))
    return book


def fill_sheet(sheet, report, title):
    """One sheet to print: the title lines, each table under its heading, the signature
    lines; A4 landscape, fitted to the page's width, the events' header on every page."""
    sheet.title = title[:31]  # Excel's limit for a sheet's name
    for index, line in enumerate(reports.title_lines(report)):
        exports.append_row(sheet, [line])
        cell = sheet.cell(sheet.max_row, 1)
        cell.font = Font(bold=index < BOLD_TITLE_LINES, size=12)
        exports.keep_as_text(cell)  # the school's name is the school's text
    widths = {}
    print_titles = None
    for table in reports.tables(report):
        exports.append_row(sheet, [])
        exports.append_row(sheet, [table.heading])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True, size=12)
        if not table.rows:
            exports.append_row(sheet, [table.empty])
            continue
        exports.append_row(sheet, table.header)
        header_row = sheet.max_row
        for row in table.rows:
            exports.append_row(sheet, row)
        exports.tidy(sheet, first_row=header_row, last_row=sheet.max_row)
        for row in sheet.iter_rows(min_row=header_row, max_row=sheet.max_row):
            for cell in row[: len(table.header)]:
                cell.border = BOX
        for cell in sheet[header_row]:
            cell.font = Font(bold=True)
        if table.repeat_header:
            print_titles = f"{header_row}:{header_row}"
            last_column = get_column_letter(len(table.header))
            sheet.auto_filter.ref = f"A{header_row}:{last_column}{sheet.max_row}"
        for index, width in enumerate(table.widths):
            widths[index] = max(widths.get(index, 0), width)
    exports.append_row(sheet, [])
    for line in reports.signature_lines():
        exports.append_row(sheet, [])
        exports.append_row(sheet, [line])
    for index, width in widths.items():
        sheet.column_dimensions[get_column_letter(index + 1)].width = width

    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as it takes
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if print_titles:
        sheet.print_title_rows = print_titles
    return sheet


def xlsx_bytes(report):
    buffer = io.BytesIO()
    workbook(report).save(buffer)
    return buffer.getvalue()


# PDF


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return reports.short_date(value)
    if isinstance(value, Decimal | int):
        return formats.localize(value)  # «65,0» in Russian
    return value


class ReportPDF(FPDF):
    def footer(self):
        self.set_y(-12)
        self.set_font(FONT, size=8)
        # fpdf2 puts the number of pages in place of «{nb}» when it writes the file.
        pages = gettext("Page %(page)s of %(pages)s") % {"page": self.page_no(), "pages": "{nb}"}
        self.cell(0, 8, pages, align="C")

    def paragraph(self, text, size=10, bold=False):
        self.set_font(FONT, "B" if bold else "", size)
        self.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")

    def add_table(self, table):
        if self.will_page_break(KEEP_WITH_HEADING):
            self.add_page()
        self.ln(4)
        self.paragraph(table.heading, size=11, bold=True)
        self.ln(1)
        if not table.rows:
            self.paragraph(table.empty, size=9)
            return
        self.set_font(FONT, size=7)
        width = min(self.epw, sum(table.widths) * MM_PER_CHARACTER)
        padding = 1
        text_widths = [width * column / sum(table.widths) - 2 * padding for column in table.widths]
        any_cut = False
        with self.table(
            col_widths=table.widths,
            width=width,
            align="LEFT",
            text_align="LEFT",
            v_align="TOP",
            line_height=self.font_size * 1.3,
            padding=padding,
            headings_style=FontFace(emphasis="BOLD", fill_color=(230, 230, 230)),
        ) as pdf_table:
            for values in [table.header, *table.rows]:
                row = pdf_table.row()
                for value, text_width in zip(values, text_widths, strict=True):
                    text = cell_text(value)
                    shown = self.cut_to_fit(text, text_width)
                    any_cut = any_cut or shown != text
                    row.cell(shown)
        if any_cut:
            self.ln(1)
            self.paragraph(
                gettext("Texts cut short «…» are in full in the report's XLSX file."), size=8
            )

    def cut_to_fit(self, text, width):
        """`text` as at most MAX_CELL_LINES lines `width` wide, cut short with «…»."""
        lines = self.multi_cell(width, self.font_size, text, dry_run=True, output="LINES")
        if len(lines) <= MAX_CELL_LINES:
            return text
        # The lines lack the spaces they were broken at: this many characters of the text
        # end no later than the last line kept, with room for the ellipsis.
        kept = sum(len(line) for line in lines[:MAX_CELL_LINES]) - len(ELLIPSIS)
        return text[:kept].rstrip() + ELLIPSIS


def pdf_bytes(report):
    pdf = ReportPDF(orientation="landscape", format="A4")
    pdf.add_font(FONT, "", FONT_DIR / "DejaVuSans.ttf")
    pdf.add_font(FONT, "B", FONT_DIR / "DejaVuSans-Bold.ttf")
    pdf.set_title(f"{report.title}, {report.quarter.label}")
    pdf.set_margins(15, 12, 15)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    for index, line in enumerate(reports.title_lines(report)):
        pdf.paragraph(
            line, size=12 if index < BOLD_TITLE_LINES else 10, bold=index < BOLD_TITLE_LINES
        )
    for table in reports.tables(report):
        pdf.add_table(table)
    # The signatures stay together, on a new page if this one has no room for them all.
    with pdf.unbreakable() as block:
        block.ln(10)
        for line in reports.signature_lines():
            block.paragraph(line, size=10)
            block.ln(8)
    return bytes(pdf.output())


def content(report, file_format):
    """(bytes, content type, file name) of the report in `file_format`, one of FORMATS."""
    if file_format == "pdf":
        return pdf_bytes(report), PDF_TYPE, filename(report, "pdf")
    return xlsx_bytes(report), exports.XLSX_TYPE, filename(report, "xlsx")


def response(report, file_format):
    return exports.attachment(*content(report, file_format))
