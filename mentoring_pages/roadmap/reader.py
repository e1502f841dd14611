"""Read a school's roadmap (дорожная карта) from a .docx, .xlsx or .csv file into plain data.

Nothing is written to the database: a later step turns the result into a page.

Each format is first turned into a list of blocks: paragraphs (``str``) and tables (rows of cell
texts, a horizontally merged cell's text in its first column only, as spreadsheets store it).
One shared routine then finds the roadmap table, maps its columns by their headers and builds
stages and events.

How tables are read:

- The roadmap table is the first one with a header row (among its first rows) naming an event
  column and a deadline column. A following table that repeats the same header (or starts with
  the row of column numbers) continues it, as when a table was split at a page break.
- The title is the heading right before the table: the last few lines up to a blank line,
  stopping at «Приложение …», «УТВЕРЖДАЮ» and the like.
- A stage starts at a row spanning the table or having a single filled cell, at a row numbered
  with a Roman numeral, at a row without a deadline whose event reads «I. …» or «… этап …»,
  and wherever the «Этап» column changes.
- A «Содержание подэтапов» column beside a «Мероприятия» column holds sub-stage headings. The
  result has no nesting, so each sub-stage becomes a stage of its own, numbered by the sub-stage
  and titled «<stage> — <sub-stage>» (just the sub-stage when both say the same).
- Numbered lines in one cell («1.1. …», «1) …») become events sharing the row's other cells; a
  line numbered in another style (a list inside an item) stays in its item's text.
- Text keeps its line breaks; spaces inside a line are collapsed and runs of blank lines are
  reduced to one. Stage titles are single lines.
- A row without an event name (a second header row, say) is skipped.
- Vertically merged cells repeat their text in Word tables, as Word shows them, but are empty
  below the first row in Excel, whose merges read-only mode does not report.
"""

import csv
import io
import logging
import re
import zipfile
from dataclasses import astuple, dataclass, field
from datetime import date, datetime, time
from pathlib import PurePath
from typing import IO

import docx
import openpyxl
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from docx.document import Document as DocxDocument
from docx.text.paragraph import Paragraph

from site_project.xml_text import xml_text

logger = logging.getLogger(__name__)

# Office files are zips; their declared unpacked size is checked before a library inflates them.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
# Bounds for spreadsheets, whose declared dimensions can be huge even when nearly empty.
MAX_SHEET_ROWS = 5000
MAX_SHEET_COLUMNS = 30
# Word's own limit for a table's columns: a row, a grid span or the cells a row skips
# (`gridBefore`) wider than this is a damaged file, and would cost memory by the column.
MAX_DOCX_COLUMNS = 63
# The header row is looked for only near the top of a table, so that an event's text that
# happens to mention «мероприятия» and «сроки» is never taken for a header.
HEADER_SEARCH_ROWS = 15
MAX_HEADER_CELL_LENGTH = 100
MAX_TITLE_LINES = 3

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_CSV_DELIMITERS = ";,\t"
# WordprocessingML's namespace, for the tables read from a .docx's XML (see _docx_rows).
WORDML = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
UNREADABLE = "\ufffd"  # what a byte that is not text in the file's encoding reads as

Rows = list[list[str]]
Block = str | Rows  # a paragraph or a table


@dataclass
class ImportedEvent:
    number: str
    title: str
    deadline_text: str = ""
    responsible: str = ""
    expected_result: str = ""
    indicator: str = ""
    doubts: list[str] = field(default_factory=list)


@dataclass
class ImportedStage:
    title: str
    number: str = ""
    events: list[ImportedEvent] = field(default_factory=list)


@dataclass
class ImportedRoadmap:
    title: str
    stages: list[ImportedStage]

    @property
    def event_count(self) -> int:
        return sum(len(stage.events) for stage in self.stages)


class RoadmapImportError(Exception):
    """Its str() is a clear message for the user, translated (gettext) into the active language."""


def read_roadmap(file: IO[bytes], filename: str) -> ImportedRoadmap:
    """Read the roadmap in `file`, whose format is named by the extension of `filename`.

    Raises RoadmapImportError, and nothing else, for any content the file may have.
    """
    extension = PurePath(filename or "").suffix.lower()
    load_blocks = _LOADERS.get(extension)
    if load_blocks is None:
        raise RoadmapImportError(
            _("This file type is not supported. Upload a Word (.docx), Excel (.xlsx) or CSV file.")
        )
    data = _read_limited(file)
    if data.startswith(_OLE_MAGIC):
        # Word and Excel store a password-protected .docx/.xlsx in the same container as
        # the old .doc/.xls, so the two cannot be told apart without a password.
        raise RoadmapImportError(
            _(
                "The file is password-protected or saved in an old format (.doc, .xls). "
                "Open it in Word or Excel and save it as .docx or .xlsx without a password."
            )
        )
    return _build_roadmap(load_blocks(data))


def _read_limited(file: IO[bytes]) -> bytes:
    max_bytes = getattr(settings, "ROADMAP_IMPORT_MAX_BYTES", 5 * 1024 * 1024)
    data = file.read(max_bytes + 1)
    if not data:
        raise RoadmapImportError(_("The file is empty."))
    if len(data) > max_bytes:
        raise RoadmapImportError(
            _("The file is too large: the limit is %(limit)s.")
            % {"limit": filesizeformat(max_bytes)}
        )
    return data


def _damaged(extension: str) -> RoadmapImportError:
    return RoadmapImportError(
        _("The file is damaged or is not really a %(extension)s file.") % {"extension": extension}
    )


# --- Formats: each turns the file into blocks -------------------------------------------------


def _check_package(data: bytes, extension: str, content_type: bytes) -> None:
    """Make sure an Office file is a zip of the expected kind and not a zip bomb."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            # The declared sizes, before anything is inflated: zipfile reads a member no
            # further than its declared size.
            unpacked_size = sum(member.file_size for member in package.infolist())
            if unpacked_size > MAX_UNPACKED_BYTES:
                raise RoadmapImportError(
                    _("The file unpacks to more than %(limit)s, so it cannot be read.")
                    % {"limit": filesizeformat(MAX_UNPACKED_BYTES)}
                )
            content_types = package.read("[Content_Types].xml")
    except RoadmapImportError:
        raise
    except Exception as exc:
        raise _damaged(extension) from exc
    if content_type not in content_types:
        raise _damaged(extension)


def _docx_blocks(data: bytes) -> list[Block]:
    _check_package(data, ".docx", b"wordprocessingml.document.main")
    try:
        document = docx.Document(io.BytesIO(data))
        # The body's paragraphs and tables, as python-docx's `iter_inner_content()` yields them.
        body = document.element.find(f"{WORDML}body")
        return [
            Paragraph(element, document).text
            if element.tag == f"{WORDML}p"
            else _docx_rows(element, document)
            for element in body.iterchildren(f"{WORDML}p", f"{WORDML}tbl")
        ]
    except Exception as exc:
        # python-docx raises whatever lxml or its own code meets in a malformed part.
        logger.info("Unreadable .docx roadmap", exc_info=True)
        raise _damaged(".docx") from exc


def _docx_rows(table, document: DocxDocument) -> Rows:
    """Cell texts by layout-grid column; a merged cell's text is in its first column.

    A vertically merged cell repeats its text down the rows it spans, as it reads in Word.
    python-docx's table objects cannot do this in linear time: `row.cells` looks each merged
    cell up from the top of its merge (quadratic time, and a RecursionError past ~1,000 rows),
    and `Table.column_cells()` ignores rows starting or ending short of the grid. So the `w:tbl`
    XML (reached through the public `Document.element`) is read row by row instead, each merge's
    continuation cell taking the text of the cell above it.
    """
    rows: Rows = []
    above: list[str] = []
    for tr in table.iterchildren(f"{WORDML}tr"):
        texts = [""] * _docx_number(tr, "trPr", "gridBefore", default=0)
        for tc in tr.iterchildren(f"{WORDML}tc"):
            column = len(texts)
            vertical_merge = _docx_child(tc, "tcPr", "vMerge")
            # A `w:vMerge` without a value continues the merge, as one reading "continue" does.
            if (
                vertical_merge is not None
                and vertical_merge.get(f"{WORDML}val", "continue") == "continue"
            ):
                texts.append(above[column] if column < len(above) else "")
            else:
                texts.append(
                    "\n".join(Paragraph(p, document).text for p in tc.iterchildren(f"{WORDML}p"))
                )
            texts.extend([""] * (_docx_number(tc, "tcPr", "gridSpan", default=1) - 1))
            if len(texts) > MAX_DOCX_COLUMNS:
                raise ValueError(f"A table row wider than {MAX_DOCX_COLUMNS} columns")
        rows.append(texts)
        above = texts
    return rows


def _docx_child(element, *path: str):
    """The first child named by each step of `path` in turn (WordprocessingML names), or None."""
    for name in path:
        element = element.find(f"{WORDML}{name}")
        if element is None:
            return None
    return element


def _docx_number(element, *path: str, default: int) -> int:
    """The `w:val` number of the element at `path` (a grid span, say); `default` without one.

    Raises ValueError for a number no table of Word's can have (see MAX_DOCX_COLUMNS)."""
    child = _docx_child(element, *path)
    if child is None:
        return default
    number = int(child.get(f"{WORDML}val"))
    if not 0 <= number <= MAX_DOCX_COLUMNS:
        raise ValueError(f"{path[-1]} {number} is outside 0 to {MAX_DOCX_COLUMNS}")
    return number


def _xlsx_blocks(data: bytes) -> list[Block]:
    _check_package(data, ".xlsx", b"spreadsheetml.sheet.main")
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            return [
                [
                    [_spreadsheet_text(value) for value in row]
                    for row in sheet.iter_rows(
                        max_row=MAX_SHEET_ROWS, max_col=MAX_SHEET_COLUMNS, values_only=True
                    )
                ]
                for sheet in workbook.worksheets
            ]
        finally:
            workbook.close()
    except Exception as exc:
        # openpyxl raises whatever its parser meets in a malformed part.
        logger.info("Unreadable .xlsx roadmap", exc_info=True)
        raise _damaged(".xlsx") from exc


def _spreadsheet_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime) and value.time() != time():
        return f"{value:%d.%m.%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _csv_blocks(data: bytes) -> list[Block]:
    if data.startswith(_ZIP_MAGIC) or b"\x00" in data:
        raise _damaged(".csv")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _mixed_utf_8(data)
        if text is None:
            # Excel on Russian Windows saves CSV in Windows-1251.
            try:
                text = data.decode("cp1251")
            except UnicodeDecodeError as exc:
                raise _damaged(".csv") from exc
    try:
        return [list(csv.reader(io.StringIO(text, newline=""), delimiter=_csv_delimiter(text)))]
    except csv.Error as exc:
        raise _damaged(".csv") from exc


def _mixed_utf_8(data: bytes) -> str | None:
    """The text of a file that is UTF-8 but for some pasted bytes (a row copied from a
    Windows-1251 file), with those shown as «\ufffd» for the events' doubts to point out;
    None for a file that is not mostly UTF-8. Read as Windows-1251 whole, such a file's
    Russian would come out garbled everywhere, silently."""
    text = data.decode("utf-8-sig", errors="replace")
    letters = sum(1 for char in text if "\u0400" <= char <= "\u04ff")
    return text if letters > text.count(UNREADABLE) else None


def _csv_delimiter(text: str) -> str:
    sample = text[:65536]
    try:
        return csv.Sniffer().sniff(sample, delimiters=_CSV_DELIMITERS).delimiter
    except csv.Error:
        # The sniffer gives up on irregular samples (a title line, multi-line cells);
        # the most frequent candidate is then the best guess.
        return max(_CSV_DELIMITERS, key=sample.count)


_LOADERS = {".docx": _docx_blocks, ".xlsx": _xlsx_blocks, ".csv": _csv_blocks}


# --- Finding the table and its columns --------------------------------------------------------

# The first pattern that a header cell matches names its column, so the order settles headers
# such as «Показатели результативности» or «Сроки проведения мероприятий».
_HEADER_PATTERNS = (
    ("indicator", re.compile(r"показател")),
    ("expected_result", re.compile(r"ожидаем|результат|\bформ[аы]\b|вид документа")),
    ("deadline", re.compile(r"\bсрок")),
    ("responsible", re.compile(r"ответственн|исполнител")),
    ("event", re.compile(r"наименовани|содержани|мероприяти")),
    ("stage", re.compile(r"\bэтап")),
    ("number", re.compile(r"№|\bп/п\b")),
)


@dataclass(frozen=True)
class _Columns:
    event: int
    deadline: int
    number: int | None = None
    stage: int | None = None
    substage: int | None = None
    responsible: int | None = None
    expected_result: int | None = None
    indicator: int | None = None


def _header_key(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def _header_columns(row: list[str]) -> _Columns | None:
    """The columns named by `row` if it is a roadmap table's header row."""
    found: dict[str, list[int]] = {}
    for index, text in enumerate(row):
        key = _header_key(text)
        if not key or len(key) > MAX_HEADER_CELL_LENGTH:
            continue
        for name, pattern in _HEADER_PATTERNS:
            if pattern.search(key):
                found.setdefault(name, []).append(index)
                break
    if "event" not in found or "deadline" not in found:
        return None
    # Beside «Мероприятия», a «Содержание подэтапов» column to its left holds sub-stages.
    candidates = found.pop("event")
    event = next((i for i in candidates if "мероприяти" in _header_key(row[i])), candidates[0])
    substage = next((i for i in candidates if i < event), None)
    return _Columns(
        event=event, substage=substage, **{name: indices[0] for name, indices in found.items()}
    )


def _is_column_numbers(row: list[str]) -> bool:
    """Whether `row` is the «1 2 3 4» row that numbers the columns under the header."""
    filled = [text.strip() for text in row if text.strip()]
    return len(filled) > 1 and filled == [str(n) for n in range(1, len(filled) + 1)]


def _find_header(rows: Rows) -> tuple[int, _Columns] | None:
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns = _header_columns(row)
        if columns is not None:
            return index, columns
    return None


def _build_roadmap(blocks: list[Block]) -> ImportedRoadmap:
    lines_before: list[str] = []
    for index, block in enumerate(blocks):
        if isinstance(block, str):
            lines_before.extend(block.split("\n"))
            continue
        header = _find_header(block)
        if header is None:
            lines_before.append("")  # another table separates the text before it from the title
            continue
        header_index, columns = header
        lines_before.extend(" ".join(row) for row in block[:header_index])
        builder = _RoadmapBuilder(columns)
        for row in block[header_index + 1 :] + _continuation_rows(blocks[index + 1 :], columns):
            builder.add_row(row)
        roadmap = ImportedRoadmap(title=_title(lines_before), stages=builder.stages)
        if not roadmap.event_count:
            raise RoadmapImportError(_("The roadmap table has no events."))
        _add_doubts(roadmap.stages)
        return roadmap
    raise RoadmapImportError(
        _(
            "The file has no table with an event column and a deadline column. The table's "
            "header row must name them, for example «Мероприятие» and «Срок»."
        )
    )


def _continuation_rows(blocks: list[Block], columns: _Columns) -> Rows:
    """Rows of the tables right after the roadmap table that continue it."""
    rows: Rows = []
    for block in blocks:
        if isinstance(block, str):
            if block.strip():
                break
            continue
        first_row = next((row for row in block if any(cell.strip() for cell in row)), None)
        if first_row is None or not (
            _header_columns(first_row) == columns or _is_column_numbers(first_row)
        ):
            break
        rows.extend(block)
    return rows


_NOT_TITLE = re.compile(r"^(приложение|к приказу|утвержд|согласов)", re.IGNORECASE)


def _title(lines: list[str]) -> str:
    title: list[str] = []
    for line in reversed(lines):
        text = _single_line(line)
        if not text:
            if title:
                break
            continue
        if _NOT_TITLE.match(text) or len(title) == MAX_TITLE_LINES:
            break
        title.insert(0, text)
    return " ".join(title)


# --- Stages and events ------------------------------------------------------------------------

# «I этап. …», «1 этап: …», «Этап 2. …», «IX. …»
_STAGE_PREFIX = re.compile(
    r"^(?:(?P<before>[IVX]+|\d{1,2})\s*[.)]?\s*[Ээ]тап\b"
    r"|[Ээ]тап\s*(?P<after>[IVX]+|\d{1,2})\b"
    r"|(?P<roman>[IVX]+)(?:[.)]|\s))"
    r"[\s.:)–—-]*"
)
_ROMAN_NUMBER = re.compile(r"[IVX]+\.?")
# «Организационный этап», but not «подготовка ко второму этапу»
_STAGE_WORD = re.compile(r"\bэтап\b", re.IGNORECASE)
# «1) …», «2. …», «3Ведение …»: a sub-stage's number
_ARABIC_PREFIX = re.compile(r"^(?P<number>\d{1,2})(?:[.)]|\s|(?=[А-ЯЁA-Z]))[\s.:)–—-]*")
# «1.1. …», «3.2.Назначение …», «1) …», «1.1 …» but not a date such as «23.01.2020»
_ITEM_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*[.)](?!\d)|\d{1,2}(?:\.\d{1,2})+(?=\s))\s*")


def _clean_text(text: str) -> str:
    """Keep line breaks, collapse spaces within lines and runs of blank lines."""
    lines: list[str] = []
    text = xml_text(text)
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(line.split())
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip("\n")


def _single_line(text: str) -> str:
    return " ".join(xml_text(text).split())


def _split_stage_number(text: str) -> tuple[str, str]:
    """(number, title) of a stage heading such as «I этап. Подготовка» or «1) Изучение»."""
    text = _single_line(text)
    for pattern in (_STAGE_PREFIX, _ARABIC_PREFIX):
        match = pattern.match(text)
        if match:
            number = next(group for group in match.groups() if group)
            return number, text[match.end() :] or text
    return "", text


def _stage(stage_text: str, substage_text: str) -> ImportedStage:
    number, title = _split_stage_number(stage_text)
    if substage_text:
        sub_number, sub_title = _split_stage_number(substage_text)
        number = sub_number or number
        title = (
            sub_title
            if title.casefold() in ("", sub_title.casefold())
            else f"{title} — {sub_title}"
        )
    return ImportedStage(title=title, number=number)


def _numbered_items(text: str) -> list[tuple[str, str]]:
    """(number, title) of each numbered line in a cell starting with one, else nothing.

    Only lines numbered in the style of the first one start items, so that a list inside an
    item («1.1. … 1) … 2) …») stays in its text.
    """
    items: list[tuple[str, list[str]]] = []
    style = None
    for line in text.split("\n"):
        match = _ITEM_NUMBER.match(line)
        number = match.group(1) if match else ""
        line_style = (number.rstrip(".)").count("."), number.endswith(")"))
        if match and style in (None, line_style):
            style = line_style
            items.append((number, [line[match.end() :]]))
        elif items:
            items[-1][1].append(line)
        else:
            return []
    return [(number, _clean_text("\n".join(lines))) for number, lines in items]


class _RoadmapBuilder:
    """Turns the roadmap table's rows, after its header, into stages and events."""

    def __init__(self, columns: _Columns):
        self.columns = columns
        self.stages: list[ImportedStage] = []
        self._stage_text = ""
        self._substage_text = ""

    def _cell(self, row: list[str], index: int | None) -> str:
        return row[index] if index is not None and index < len(row) else ""

    def add_row(self, row: list[str]) -> None:
        if not any(cell.strip() for cell in row) or _is_column_numbers(row):
            return
        if _header_columns(row) == self.columns:
            return  # the header repeated after a page break
        heading = self._stage_heading(row)
        if heading:
            self._enter_stage(heading, "")
            return
        # An empty stage cell is merged with the one above it (a spreadsheet keeps the value in
        # the first cell only); so is an empty sub-stage cell, unless the stage has changed.
        stage_text = self._cell(row, self.columns.stage) or self._stage_text
        substage_text = self._cell(row, self.columns.substage)
        if not substage_text and stage_text == self._stage_text:
            substage_text = self._substage_text
        self._enter_stage(stage_text, substage_text)
        event_text = _clean_text(self._cell(row, self.columns.event))
        if event_text:
            self._current_stage().events.extend(self._events(row, event_text))

    def _stage_heading(self, row: list[str]) -> str:
        """The text of `row` if the row is a stage heading, else ""."""
        # A merged cell may come with its text in every column it spans (python-docx, a CSV
        # made from a Word table): equal texts count once.
        first_columns: dict[str, int] = {}
        for index, text in enumerate(row):
            if text.strip():
                first_columns.setdefault(text.strip(), index)
        if len(first_columns) == 1:
            [(text, index)] = first_columns.items()
            # With a stage column, a lone event is an event whose stage cell is merged above.
            if self.columns.stage is not None and index == self.columns.event:
                return ""
            return text
        number = self._cell(row, self.columns.number).strip()
        event_text = self._cell(row, self.columns.event).strip()
        if _ROMAN_NUMBER.fullmatch(number) or (
            not self._cell(row, self.columns.deadline).strip()
            and (_STAGE_PREFIX.match(event_text) or _STAGE_WORD.search(event_text))
        ):
            return f"{number} {event_text}"
        return ""

    def _enter_stage(self, stage_text: str, substage_text: str) -> None:
        if (stage_text, substage_text) != (self._stage_text, self._substage_text):
            self._stage_text, self._substage_text = stage_text, substage_text
            self.stages.append(_stage(stage_text, substage_text))

    def _current_stage(self) -> ImportedStage:
        if not self.stages:
            # Events above the first stage heading go to a stage without a title.
            self.stages.append(ImportedStage(title=""))
        return self.stages[-1]

    def _events(self, row: list[str], event_text: str) -> list[ImportedEvent]:
        def text_in(column: int | None) -> str:
            return _clean_text(self._cell(row, column))

        shared = {
            "deadline_text": text_in(self.columns.deadline),
            "responsible": text_in(self.columns.responsible),
            "expected_result": text_in(self.columns.expected_result),
            "indicator": text_in(self.columns.indicator),
        }
        number = _single_line(self._cell(row, self.columns.number))
        items = _numbered_items(event_text)
        if items and not (number and len(items) == 1):
            return [ImportedEvent(number=n, title=title, **shared) for n, title in items]
        return [ImportedEvent(number=number, title=event_text, **shared)]


# --- Doubts shown in the preview --------------------------------------------------------------


def _number_parts(number: str) -> tuple[int, ...] | None:
    # No event is numbered with more than a few digits a part; int() refuses a part of over
    # 4,300 digits with a ValueError, and the file deserves its message (the importer's).
    match = re.fullmatch(r"(\d{1,9}(?:\.\d{1,9})*)[.)]?", number)
    return tuple(int(part) for part in match.group(1).split(".")) if match else None


def _follows(number: tuple[int, ...], previous: tuple[int, ...]) -> bool:
    """Whether `number` may come right after `previous`: 1 → 2, 1 → 1.1, 1.3 → 2 or 2.1."""
    if number[: len(previous)] == previous and set(number[len(previous) :]) == {1}:
        return True
    return any(
        number[:level] == previous[:level]
        and number[level] == previous[level] + 1
        and all(part == 1 for part in number[level + 1 :])
        for level in range(min(len(number), len(previous)))
    )


# A person as roadmaps name them: «Макарова Т.А.», «Т.А. Макарова», «Макарова Татьяна
# Александровна». Roadmaps often name the staff responsible; a public page may name someone
# only with their consent (152-ФЗ), so the preview asks for the position instead.
_UPPER, _LOWER = "А-ЯЁ", "а-яё"
# «Макарова», «МАКАРОВА»; not «УВР», «ШМО», «ОУ», which stand before initials too.
_WORD = rf"(?:[{_UPPER}][{_LOWER}]+|[{_UPPER}]{{4,}})"
_SURNAME = rf"{_WORD}(?:-{_WORD})?"
_DOTTED_INITIALS = rf"\b[{_UPPER}]\.\s?[{_UPPER}]\."  # «Т.А.», «Т. А.»
# Searched in this order, the first found quoted: «по УВР Т.А. Макарова» is «Т.А. Макарова».
_PERSON_NAMES = [
    re.compile(rf"{_DOTTED_INITIALS}\s?{_SURNAME}"),
    # After the surname the last dot may be missing: «Макарова Т.А».
    re.compile(rf"\b{_SURNAME}\s+[{_UPPER}]\.\s?[{_UPPER}]\b\.?"),
    re.compile(
        rf"\b{_SURNAME}\s+[{_UPPER}][{_LOWER}]+\s+[{_UPPER}][{_LOWER}]+(?:вна|вич|ична|ич)\b"
    ),
]


def _person_named(event: ImportedEvent) -> str:
    """The first person's name in the event's texts, or ""."""
    for text in (event.title, event.responsible, event.expected_result, event.indicator):
        for pattern in _PERSON_NAMES:
            match = pattern.search(text)
            if match:
                return match.group()
    return ""


def _add_doubts(stages: list[ImportedStage]) -> None:
    numbering_used = any(event.number for stage in stages for event in stage.events)
    previous_number, previous = "", None
    for stage in stages:
        seen: set[tuple[int, ...]] = set()
        for event in stage.events:
            if any(UNREADABLE in text for text in astuple(event) if isinstance(text, str)):
                event.doubts.append(
                    _(
                        "Some letters could not be read (shown as �): the file mixes "
                        "encodings. Check this row against the original."
                    )
                )
            name = _person_named(event)
            if name:
                event.doubts.append(
                    _(
                        "“%(name)s” looks like a person's name: a public page may name someone "
                        "only with their written consent. Write the position instead."
                    )
                    % {"name": name}
                )
            if not event.deadline_text:
                event.doubts.append(_("No deadline."))
            if not event.number:
                # A roadmap numbered nowhere needs no note on every event.
                if numbering_used:
                    event.doubts.append(_("No number."))
                continue
            parts = _number_parts(event.number)
            if parts is None:
                continue
            if parts in seen:
                event.doubts.append(
                    _("Number “%(number)s” is repeated in this stage.") % {"number": event.number}
                )
            # Numbering may start again from 1 in each stage.
            elif previous and not _follows(parts, previous) and (seen or parts[-1] != 1):
                event.doubts.append(
                    _("Number “%(number)s” does not follow “%(previous)s”.")
                    % {"number": event.number, "previous": previous_number}
                )
            seen.add(parts)
            previous_number, previous = event.number, parts
