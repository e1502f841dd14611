import contextlib
import csv
import io
import re
import time
import tracemalloc
import zipfile
from datetime import datetime
from pathlib import Path

import docx
import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from mentoring_pages.roadmap import reader as roadmap_reader
from mentoring_pages.roadmap.reader import RoadmapImportError, read_roadmap
from mentoring_pages.tests.roadmap import ROADMAP_000, ROADMAP_003


def read_path(path):
    with open(path, "rb") as file:
        return read_roadmap(file, path.name)


def read_bytes(data, filename):
    return read_roadmap(io.BytesIO(data), filename)


def docx_bytes(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def import_error(data, filename):
    with translation.override("en"), pytest.raises(RoadmapImportError) as caught:
        read_bytes(data, filename)
    return str(caught.value)


# --- The seed roadmaps ------------------------------------------------------------------------


def test_roadmap_000_has_nine_stages_and_forty_events():
    roadmap = read_path(ROADMAP_000)

    assert roadmap.title == (
        "План мероприятий (дорожная карта) по реализации целевой модели наставничества "
        "в Школе № 1 п. Примерный на 2020- 2024 гг."
    )
    assert len(roadmap.stages) == 9
    assert roadmap.event_count == 40
    assert [stage.number for stage in roadmap.stages] == [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"
    ]  # fmt: skip
    assert roadmap.stages[0].title == "Подготовка условий для запуска программы наставничества"
    assert roadmap.stages[8].title == "Система поощрения наставничества"
    events = [event for stage in roadmap.stages for event in stage.events]
    assert [event.number for event in events] == [f"{n}." for n in range(1, 41)]
    assert not any(event.doubts for event in events)


def test_roadmap_000_events_keep_their_text():
    stages = read_path(ROADMAP_000).stages

    first = stages[0].events[0]
    assert first.number == "1."
    assert first.title == (
        "Согласование дорожных карт внедрения целевой модели наставничества и управления образования района"
    )
    assert first.deadline_text == "сентябрь-октябрь 2020 г."
    assert first.responsible == "Заместитель директора по УМР\nЗаместитель директора по ВР"
    fourth = stages[0].events[3]
    assert fourth.number == "4."
    assert fourth.deadline_text == "октябрь-ноябрь 2020,\nдалее – ежегодно\nсентябрь"
    assert fourth.responsible == "Рабочая группа Школы № 1 п. Примерный"
    last = stages[8].events[-1]
    assert last.number == "40."
    assert last.title == "Применение мер нематериального поощрения наставников"
    assert last.deadline_text == "постоянно"


def test_reads_a_django_upload():
    upload = SimpleUploadedFile("Дорожная карта.DOCX", ROADMAP_000.read_bytes())
    assert read_roadmap(upload, upload.name).event_count == 40


def test_roadmap_000_is_read_well_under_a_second():
    started = time.perf_counter()
    read_path(ROADMAP_000)
    assert time.perf_counter() - started < 0.5


def test_roadmap_003_sub_stages_become_stages_and_cells_split_into_events():
    roadmap = read_path(ROADMAP_003)

    assert roadmap.title == (
        "«Дорожная карта» реализации Целевой модели наставничества в Школе № 1 п. Примерный "
        "на 2023-2024гг."
    )
    assert [stage.number for stage in roadmap.stages] == [str(n) for n in range(1, 10)]
    assert [len(stage.events) for stage in roadmap.stages] == [1, 3, 3, 4, 6, 2, 6, 8, 12]
    assert roadmap.event_count == 45
    # The «Этап» cell and the «Содержание подэтапов» cell together title each stage...
    assert roadmap.stages[0].title == (
        "Реализация программы наставничества — "
        "Изучение нормативной базы и тематических методических материалов"
    )
    assert roadmap.stages[3].title == "Формирование базы наставляемых — Сбор данных о наставляемых"
    # ...but once when they say the same.
    assert roadmap.stages[5].title == "Отбор и обучение наставников"


def test_roadmap_003_numbered_events_share_their_row():
    stages = read_path(ROADMAP_003).stages

    informing = stages[1].events
    assert [event.number for event in informing] == ["2.1.", "2.3.", "2.6."]
    assert informing[0].title == (
        "Проведение совещания «О Целевой модели внедрения наставничества результатах "
        "и перспективах»"
    )
    assert informing[2].deadline_text == "Сентябрь\n2023 года\n\nСентябрь -июнь\n2023 года"
    assert informing[2].responsible == "Куратор, администрация,\nпедагоги"
    with translation.override("en"):
        assert read_path(ROADMAP_003).stages[1].events[1].doubts == [
            "Number “2.3.” does not follow “2.1.”."
        ]
    # «3.2.Назначение» has no space after its number.
    assert stages[2].events[1].number == "3.2."
    assert stages[2].events[1].title.startswith("Назначение куратора")
    # A bulleted line inside an item stays in its text.
    study = stages[0].events[0]
    assert study.number == "1.1."
    assert "\n‒ Методических рекомендаций" in study.title
    assert study.title.endswith("рекомендаций по ее созданию.")


@pytest.mark.parametrize("path", [ROADMAP_000, ROADMAP_003])
def test_seed_copies_name_no_one(path):
    document = docx.Document(path)
    text = "\n".join(
        [paragraph.text for paragraph in document.paragraphs]
        + [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    )
    assert not re.search(r"[А-ЯЁ][а-яё]+ [А-ЯЁ]\.\s?[А-ЯЁ]\.", text)
    assert not re.search(r"[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+", text)
    assert not re.search(r"Омолон|ОМЛ|МБОУ|ГБПОУ", text)
    assert document.core_properties.author == ""


# --- Spreadsheets and CSV ---------------------------------------------------------------------

SIX_COLUMNS = ["№", "Содержание", "Срок", "Ожидаемый результат", "Показатели", "Ответственные"]
SIX_COLUMN_ROWS = [
    ["План мероприятий (дорожная карта) на 2024/2025 учебный год", "", "", "", "", ""],
    SIX_COLUMNS,
    ["I этап. Подготовка", "", "", "", "", ""],
    [
        "1.",
        "Разработка положения о наставничестве",
        "02.09.2024",
        "Положение утверждено",
        "1 документ",
        "Заместитель директора по УВР",
    ],
    [
        "2.",
        "Формирование базы наставников:\n- анкетирование;\n- собеседование",
        "октябрь 2024",
        "База наставников",
        "не менее 10 наставников",
        "Куратор,\nпедагог-психолог",
    ],
    ["II этап. Работа наставнических пар", "", "", "", "", ""],
    ["3.", "Встречи наставников и наставляемых", "", "Протоколы встреч", "100 % пар", "Наставники"],
]


def assert_six_column_roadmap(roadmap):
    assert roadmap.title == "План мероприятий (дорожная карта) на 2024/2025 учебный год"
    assert [(stage.number, stage.title) for stage in roadmap.stages] == [
        ("I", "Подготовка"),
        ("II", "Работа наставнических пар"),
    ]
    first, second = roadmap.stages[0].events
    assert first == roadmap_reader.ImportedEvent(
        number="1.",
        title="Разработка положения о наставничестве",
        deadline_text="02.09.2024",
        responsible="Заместитель директора по УВР",
        expected_result="Положение утверждено",
        indicator="1 документ",
    )
    assert second.title == "Формирование базы наставников:\n- анкетирование;\n- собеседование"
    assert second.responsible == "Куратор,\nпедагог-психолог"
    assert second.indicator == "не менее 10 наставников"
    [third] = roadmap.stages[1].events
    assert (third.number, third.deadline_text, third.expected_result) == (
        "3.",
        "",
        "Протоколы встреч",
    )
    assert third.doubts == ["No deadline."]  # in English: the callers read under override("en")


def csv_bytes(rows, encoding, delimiter):
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter).writerows(rows)
    return text.getvalue().encode(encoding)


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ","), ("utf-8-sig", ";"), ("utf-8", "\t"), ("cp1251", ";")],
)
def test_csv_imports_all_fields(encoding, delimiter):
    with translation.override("en"):
        roadmap = read_bytes(csv_bytes(SIX_COLUMN_ROWS, encoding, delimiter), "карта.csv")
    assert_six_column_roadmap(roadmap)


def test_a_csv_mixing_encodings_is_read_as_utf_8_with_the_broken_rows_flagged():
    """A UTF-8 file into which a row was pasted from a Windows-1251 one."""
    utf8 = csv_bytes(SIX_COLUMN_ROWS, "utf-8", ";")
    pasted = csv_bytes([["9.", "Встреча с родителями", "Май", "", "", "Завуч"]], "cp1251", ";")

    with translation.override("en"):
        roadmap = read_bytes(utf8 + pasted, "карта.csv")

    events = [event for stage in roadmap.stages for event in stage.events]
    assert events[0].title == "Разработка положения о наставничестве"
    assert [event for event in events if event.doubts and "encoding" in " ".join(event.doubts)] == [
        events[-1]
    ]
    assert "\ufffd" in events[-1].title


def test_control_characters_pasted_into_a_csv_are_left_out():
    """Invisible, and an XLSX export of the roadmap could not hold them."""
    rows = [
        ["План\x07 мероприятий"],
        ["№", "Мероприятие", "Срок", "Ответственный"],
        ["I\x01 этап. Подготовка\x02", "", "", ""],
        ["1.\x03", "Приказ\x01 о\x0bнаставничестве\nи\x1f положение", "май\x08", "Директор\x1b"],
    ]
    roadmap = read_bytes(csv_bytes(rows, "utf-8", ";"), "roadmap.csv")

    assert roadmap.title == "План мероприятий"
    [stage] = roadmap.stages
    assert (stage.number, stage.title) == ("I", "Подготовка")
    [event] = stage.events
    assert (event.number, event.title, event.deadline_text, event.responsible) == (
        "1.",
        "Приказ о наставничестве\nи положение",
        "май",
        "Директор",
    )


def test_xlsx_with_merged_stage_rows_imports_all_fields():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in SIX_COLUMN_ROWS:
        sheet.append(row)
    sheet["C4"] = datetime(2024, 9, 2)  # a real date, as Excel keeps it
    for row in (1, 3, 6):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
    buffer = io.BytesIO()
    workbook.save(buffer)

    with translation.override("en"):
        roadmap = read_bytes(buffer.getvalue(), "Карта.XLSX")
    assert_six_column_roadmap(roadmap)


def test_stage_column_cells_left_empty_continue_the_stage():
    rows = [
        ["Этап", "Мероприятия", "Сроки"],
        ["Подготовка", "1.1. Приказ о наставничестве\n1.2. Положение", "сентябрь"],
        ["", "1.3. Дорожная карта", "октябрь"],
        ["Работа пар", "2.1. Встречи", "ноябрь"],
    ]
    roadmap = read_bytes(csv_bytes(rows, "utf-8", ";"), "roadmap.csv")

    assert [(stage.title, [e.number for e in stage.events]) for stage in roadmap.stages] == [
        ("Подготовка", ["1.1.", "1.2.", "1.3."]),
        ("Работа пар", ["2.1."]),
    ]
    assert roadmap.stages[0].events[1].title == "Положение"
    assert roadmap.stages[0].events[1].deadline_text == "сентябрь"


def test_rows_naming_a_stage_start_stages():
    rows = [
        ["№", "Мероприятие", "Срок", "Ответственный"],
        ["1.", "Организационный этап", "", ""],
        ["1.1.", "Приказ", "сентябрь", "Директор"],
        ["II", "Работа пар", "октябрь – май", ""],
        ["2.1.", "Подготовка ко второму этапу", "октябрь", "Куратор"],
        ["", "III. Итоги", "", "Куратор"],
        ["3.1.", "Конференция", "май", "Куратор"],
    ]
    roadmap = read_bytes(csv_bytes(rows, "utf-8", ";"), "roadmap.csv")

    assert [(stage.number, stage.title, len(stage.events)) for stage in roadmap.stages] == [
        ("1", "Организационный этап", 1),
        ("II", "Работа пар", 1),
        ("III", "Итоги", 1),
    ]


def first_stage_doubts(rows):
    """The doubts of each event of a CSV roadmap's first stage, in English; `rows` are its
    lines below «№;Мероприятие;Срок;Ответственный», as a text editor shows them."""
    text = "№;Мероприятие;Срок;Ответственный\n" + "".join(f"{row}\n" for row in rows)
    with translation.override("en"):
        roadmap = read_bytes(text.encode(), "roadmap.csv")
    return [event.doubts for event in roadmap.stages[0].events]


def test_doubts_name_missing_and_odd_numbers():
    doubts = first_stage_doubts(
        [
            "1.;Первое;сентябрь;Куратор",
            "2.;Второе;сентябрь;Куратор",
            "2.;Ещё второе;сентябрь;Куратор",
            "5.;Пятое;октябрь;Куратор",
            ";Без номера;;Куратор",
        ]
    )

    assert doubts == [
        [],
        [],
        ["Number “2.” is repeated in this stage."],
        ["Number “5.” does not follow “2.”."],
        ["No deadline.", "No number."],
    ]


def test_a_row_naming_a_person_is_doubtful_and_one_naming_a_position_is_not():
    """Real roadmaps name the staff responsible («… по УМР Макарова Т.А.»): published as
    is, a person would be named without their consent."""
    doubts = first_stage_doubts(
        [
            "1.;Совещание;сентябрь 2025;Заместитель директора по УМР Макарова Т.А.",
            "2.;Встреча с Т.А. Макаровой;сентябрь 2025;Куратор",
            "3.;Отчёт;октябрь 2025;Заместитель директора по УМР",
            "4.;Приказ;октябрь 2025;Директор МАКАРОВА Т.А",
            "5.;Совещание;ноябрь 2025;Заместитель директора по УВР Т.А. Макарова",
            "6.;Итоги ГИА. В Совет школы;ноябрь 2025;Куратор",
        ]
    )

    named = "looks like a person's name: a public page may name someone only with their "
    assert doubts == [
        [f"“Макарова Т.А.” {named}written consent. Write the position instead."],
        [f"“Т.А. Макаровой” {named}written consent. Write the position instead."],
        [],
        [f"“МАКАРОВА Т.А” {named}written consent. Write the position instead."],
        [f"“Т.А. Макарова” {named}written consent. Write the position instead."],
        [],
    ]


# --- A Word document as curators make it ------------------------------------------------------


def order_with_roadmap():
    document = docx.Document()
    for text in [
        "ПРИКАЗ",
        "01.09.2024 № 45",
        "1. Утвердить план мероприятий (дорожную карту) по внедрению наставничества.",
        "2. Контроль за исполнением приказа оставляю за собой.",
        "Директор школы",
        "",
        "Приложение к приказу от 01.09.2024 № 45",
        "План мероприятий (дорожная карта)",
        "по внедрению целевой модели наставничества",
    ]:
        document.add_paragraph(text)
    header = ["№ п/п", "Наименование мероприятия", "Срок исполнения", "Ожидаемый результат",
              "Показатели", "Ответственные исполнители"]  # fmt: skip
    rows = [
        header,
        ["1", "2", "3", "4", "5", "6"],
        "I этап. Организационный",
        ["1.", "1.1. Издание приказа\n1.2. Утверждение положения", "сентябрь 2024",
         "Приказ, положение", "2 документа", "Директор"],
        ["2.", "Создание рабочей группы", "сентябрь 2024", "Рабочая группа", "", "Директор"],
        header,
        "II этап. Работа наставнических пар",
        ["3.", "1) Встреча-знакомство\n2) Встреча-планирование", "октябрь 2024",
         "Планы пар", "", "Куратор"],
    ]  # fmt: skip
    table = document.add_table(rows=len(rows), cols=6)
    for row, values in zip(table.rows, rows, strict=True):
        if isinstance(values, str):
            merged = row.cells[0].merge(row.cells[5])
            merged.text = values
        else:
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    document.add_paragraph("Лист ознакомления")
    participants = document.add_table(rows=2, cols=3)
    for cell, value in zip(participants.rows[0].cells, ["№", "ФИО", "Подпись"], strict=True):
        cell.text = value
    return document


def test_docx_with_an_order_repeated_header_and_a_second_table():
    roadmap = read_bytes(docx_bytes(order_with_roadmap()), "приказ.docx")

    assert (
        roadmap.title
        == "План мероприятий (дорожная карта) по внедрению целевой модели наставничества"
    )
    assert [(stage.number, stage.title) for stage in roadmap.stages] == [
        ("I", "Организационный"),
        ("II", "Работа наставнических пар"),
    ]
    first_stage, second_stage = roadmap.stages
    assert [(event.number, event.title) for event in first_stage.events] == [
        ("1.1.", "Издание приказа"),
        ("1.2.", "Утверждение положения"),
        ("2.", "Создание рабочей группы"),
    ]
    assert first_stage.events[1].expected_result == "Приказ, положение"
    assert first_stage.events[1].indicator == "2 документа"
    assert first_stage.events[1].responsible == "Директор"
    assert [(event.number, event.title) for event in second_stage.events] == [
        ("1)", "Встреча-знакомство"),
        ("2)", "Встреча-планирование"),
    ]


def test_docx_table_continued_after_a_page_break():
    document = order_with_roadmap()
    continuation = document.add_table(rows=2, cols=6)
    header = document.tables[0].rows[0].cells
    for cell, value in zip(continuation.rows[0].cells, header, strict=True):
        cell.text = value.text
    for cell, value in zip(
        continuation.rows[1].cells, ["4.", "Итоги", "май 2025", "", "", ""], strict=True
    ):
        cell.text = value
    # Move the continuation right after the roadmap table, as Word keeps a split table.
    document.tables[0]._tbl.addnext(continuation._tbl)

    roadmap = read_bytes(docx_bytes(document), "roadmap.docx")

    assert roadmap.stages[-1].events[-1].title == "Итоги"
    assert roadmap.event_count == 6


def with_document_xml(data, old, new):
    """The .docx `data` with the first `old` in its document.xml replaced by `new`, as a
    damaged or hostile file may have it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for member in source.infolist():
            content = source.read(member)
            if member.filename == "word/document.xml":
                assert old.encode() in content
                content = content.replace(old.encode(), new.encode(), 1)
            target.writestr(member, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('<w:gridSpan w:val="6"/>', '<w:gridSpan w:val="1000000"/>'),
        ("<w:tr>", '<w:tr><w:trPr><w:gridBefore w:val="1000000"/></w:trPr>'),
        # Within Word's limit alone, but the row is then wider than any table of Word's.
        ("<w:tr>", '<w:tr><w:trPr><w:gridBefore w:val="60"/></w:trPr>'),
    ],
)
def test_a_docx_whose_cells_span_more_columns_than_word_allows_is_damaged(old, new):
    """A tiny file spanning millions of columns took gigabytes to read."""
    data = with_document_xml(docx_bytes(order_with_roadmap()), old, new)

    assert import_error(data, "roadmap.docx") == (
        "The file is damaged or is not really a .docx file."
    )


# --- Files that cannot be read ----------------------------------------------------------------


def test_empty_file():
    assert import_error(b"", "roadmap.docx") == "The file is empty."


def test_file_over_the_size_limit(settings):
    settings.ROADMAP_IMPORT_MAX_BYTES = 1000
    assert import_error(ROADMAP_000.read_bytes(), "roadmap.docx").startswith(
        "The file is too large: the limit is 1000"
    )


@pytest.mark.parametrize("filename", ["roadmap.pdf", "roadmap.doc", "roadmap", "roadmap.docx.txt"])
def test_unsupported_extension(filename):
    assert import_error(b"text", filename).startswith("This file type is not supported.")


@pytest.mark.parametrize("filename", ["roadmap.docx", "roadmap.xlsx", "roadmap.csv"])
def test_encrypted_or_old_office_file(filename):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    assert import_error(ole, filename).startswith(
        "The file is password-protected or saved in an old format (.doc, .xls)."
    )


def broken_document_xml():
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(ROADMAP_000.read_bytes())) as source,
        zipfile.ZipFile(buffer, "w") as target,
    ):
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "word/document.xml":
                data = data[: len(data) // 2]
            target.writestr(member, data)
    return buffer.getvalue()


def xlsx_bytes():
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (b"PK\x03\x04 not really a zip", "roadmap.docx"),
        (ROADMAP_000.read_bytes()[:20000], "roadmap.docx"),
        (broken_document_xml(), "roadmap.docx"),
        (b"plain text", "roadmap.xlsx"),
        (xlsx_bytes(), "roadmap.docx"),
        (ROADMAP_000.read_bytes(), "roadmap.xlsx"),
        (ROADMAP_000.read_bytes(), "roadmap.csv"),
        (b"\x98\x98\x98", "roadmap.csv"),
        ("№;Мероприятие;Срок\n1.;Встреча\x00;май".encode(), "roadmap.csv"),
    ],
)
def test_damaged_or_mismatched_file(data, filename):
    extension = Path(filename).suffix
    assert import_error(data, filename) == (
        f"The file is damaged or is not really a {extension} file."
    )


def test_zip_bomb(monkeypatch):
    monkeypatch.setattr(roadmap_reader, "MAX_UNPACKED_BYTES", 100_000)
    assert import_error(ROADMAP_000.read_bytes(), "roadmap.docx").startswith(
        "The file unpacks to more than 97.7"
    )


def test_a_zip_bomb_is_refused_before_anything_is_inflated():
    """A 60 KB file whose one part unpacks to more than the limit: refused on the sizes its
    package declares, without the server holding the unpacked part in memory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", bytes(roadmap_reader.MAX_UNPACKED_BYTES + 1))
    tracemalloc.start()
    try:
        message = import_error(buffer.getvalue(), "roadmap.docx")
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert message.startswith("The file unpacks to more than 50")
    assert peak < 5 * 1024 * 1024


def no_roadmap_table_files():
    only_text = docx.Document()
    only_text.add_paragraph("План мероприятий будет утверждён позже.")
    signatures = docx.Document()
    signatures.add_table(rows=2, cols=3).rows[0].cells[0].text = "Подпись"
    return [
        (docx_bytes(only_text), "roadmap.docx"),
        (docx_bytes(signatures), "roadmap.docx"),
        (xlsx_bytes(), "roadmap.xlsx"),
        ("Мероприятие;Ответственный\nВстреча;Куратор".encode(), "roadmap.csv"),
    ]


@pytest.mark.parametrize(("data", "filename"), no_roadmap_table_files())
def test_no_roadmap_table(data, filename):
    assert import_error(data, filename).startswith(
        "The file has no table with an event column and a deadline column."
    )


def test_roadmap_table_without_events():
    rows = [["№", "Мероприятие", "Срок"], ["1", "2", "3"], ["I этап. Подготовка", "", ""]]
    assert import_error(csv_bytes(rows, "utf-8", ";"), "roadmap.csv") == (
        "The roadmap table has no events."
    )


@pytest.mark.parametrize("offset", range(200, 40000, 2500))
def test_corrupted_bytes_give_only_the_import_error(offset):
    data = bytearray(ROADMAP_003.read_bytes())
    data[offset : offset + 8] = b"\xff" * 8
    with contextlib.suppress(RoadmapImportError):
        read_bytes(bytes(data), "roadmap.docx")
