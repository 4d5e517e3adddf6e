"""Registers as ministry staff produce them: encodings, delimiters, headers, XLSX, and the rows they reject."""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from openpyxl import Workbook

from etl.load import http_url
from etl.reference.gazetteer import Gazetteer
from etl.sources.registry import RegistryFileError, read_registry
from etl.sources.registry_vocab import lexicon, parse_date, parse_themes, programme_name

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "registry"
SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample" / "registry.csv"
HEADER_UK = ["Громада", "Область", "Партнер", "Країна", "Область партнера", "Тип документа", "Статус",
             "Дата підписання", "Сфери співпраці", "Програма", "Джерело"]
VINNYTSIA = "UA05020030000031457"
LVIV = "UA46060250000025047"
LUTSK = "UA07080170000013585"
ZHYTOMYR = "UA18040190000029215"
POLTAVA = "UA53080370000025447"
KYIV = "UA80000000000093317"
KHARKIV = "UA63120270000028556"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def by_row(read) -> dict[int, dict]:
    return {m["row_number"]: m for m in read.mentions}


def reconciles(read) -> bool:
    return read.read_count == len(read.mentions) + len({r["row_number"] for r in read.rejects})


def write_csv(tmp_path: Path, rows: list[list[str]], name: str = "register.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(",".join(r) for r in [HEADER_UK, *rows]) + "\n", encoding="utf-8")
    return path


def test_clean_utf8_comma_register_loads_every_row(gazetteer):
    path = FIXTURES / "clean_utf8_comma.csv"
    read = read_registry(path, gazetteer)
    assert (read.read_count, len(read.mentions), read.rejects) == (5, 5, [])
    rows = by_row(read)
    first = rows[2]
    assert first["source_kind"] == "registry"
    assert first["source_id"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert first["source_ref"] == "tests/fixtures/registry/clean_utf8_comma.csv"
    assert first["ua_hromada_code"] == VINNYTSIA
    assert (first["partner_kind"], first["partner_country_code"]) == ("foreign", "PL")
    assert first["partner_name_uk"] == "Кельце"
    assert first["partner_name_en"] == "Kielce" and first["partner_geonameid"] is not None
    assert first["partner_lat"] == pytest.approx(50.87, abs=0.1)
    assert (first["type"], first["status"], first["event_date"]) == ("memorandum", "signed", "2023-11-21")
    assert (first["themes"], first["programme"]) == (["education", "culture"], "Пліч-о-Пліч")
    assert (first["confidence"], first["mentioned_in_passing"], first["published_date"]) == (1.0, False, None)
    assert first["evidence"].startswith("clean_utf8_comma.csv, row 2: Громада: Вінницька міська громада; ")
    assert [rows[n]["ua_hromada_code"] for n in range(2, 7)] == [VINNYTSIA, LVIV, LUTSK, ZHYTOMYR, KYIV]


def test_dates_keep_the_precision_the_register_gives(gazetteer):
    rows = by_row(read_registry(FIXTURES / "clean_utf8_comma.csv", gazetteer))
    assert [rows[n]["event_date"] for n in range(2, 7)] == ["2023-11-21", "2023", "2023-11", None, "2023-05-17"]


def test_domestic_partner_resolves_to_a_hromada_of_its_oblast(gazetteer):
    domestic = by_row(read_registry(FIXTURES / "clean_utf8_comma.csv", gazetteer))[5]
    assert (domestic["partner_kind"], domestic["partner_country_code"]) == ("domestic", "UA")
    assert (domestic["partner_hromada_code"], domestic["partner_geonameid"]) == (POLTAVA, None)
    assert domestic["partner_name_uk"] == "Полтавська міська громада"
    assert (domestic["status"], domestic["themes"], domestic["programme"]) == (
        "negotiating", ["education", "youth"], "Мости довіри")


def test_empty_type_is_other_and_empty_status_follows_the_date(gazetteer, tmp_path):
    path = write_csv(tmp_path, [
        ["Луцька", "Волинська", "Люблін", "Польща", "", "", "", "2021", "", "", ""],
        ["Луцька", "Волинська", "Кельце", "Польща", "", "", "", "", "", "", ""],
    ])
    rows = by_row(read_registry(path, gazetteer))
    assert (rows[2]["type"], rows[2]["status"]) == ("other", "signed")
    assert (rows[3]["type"], rows[3]["status"]) == ("other", "intent")


def test_partner_with_a_bracketed_remark_still_resolves_to_its_place(gazetteer, tmp_path):
    path = write_csv(tmp_path, [["Луцька", "Волинська", "Люблін (Польща)", "PL", "", "", "", "", "", "", ""]])
    mention = read_registry(path, gazetteer).mentions[0]
    assert (mention["partner_name_en"], mention["partner_name_uk"]) == ("Lublin", "Люблін")
    assert mention["partner_geonameid"] is not None and mention["notes"] == []


def test_windows_1251_semicolon_register_reads_like_utf8(gazetteer):
    read = read_registry(FIXTURES / "cp1251_semicolon.csv", gazetteer)
    assert (read.read_count, len(read.mentions), read.rejects, read.warnings) == (3, 3, [], [])
    rows = by_row(read)
    assert rows[2]["partner_name_uk"] == "Жешув" and rows[2]["partner_country_code"] == "PL"
    assert (rows[2]["event_date"], rows[2]["themes"]) == ("2022-06-05", ["culture", "tourism"])  # taxonomy order
    assert rows[3]["type"] == "twinning_agreement"
    assert (rows[4]["partner_hromada_code"], rows[4]["status"], rows[4]["event_date"]) == (LUTSK, "intent", None)


def test_bom_english_headers_and_katottg_code_read_and_extra_column_warns_once(gazetteer):
    read = read_registry(FIXTURES / "bom_english.csv", gazetteer)
    assert (read.read_count, len(read.mentions), read.rejects) == (3, 3, [])
    assert read.warnings == ["column 'Contact person' is not a register field and is ignored"]
    rows = by_row(read)
    assert [rows[n]["ua_hromada_code"] for n in (2, 3, 4)] == [LUTSK, LVIV, KHARKIV]
    assert [rows[n]["type"] for n in (2, 3, 4)] == ["memorandum", "twinning_agreement", "cooperation_agreement"]
    assert [rows[n]["status"] for n in (2, 3, 4)] == ["signed", "signed", "negotiating"]
    assert [rows[n]["programme"] for n in (2, 3, 4)] == ["Пліч-о-Пліч", "Мости довіри", "U-LEAD"]
    assert rows[2]["themes"] == ["education", "culture"] and rows[3]["themes"] == ["tourism", "sport"]
    assert (rows[4]["partner_kind"], rows[4]["partner_hromada_code"]) == ("domestic", LVIV)


def test_xlsx_register_reads_the_named_sheet_with_date_cells(gazetteer, tmp_path):
    book = Workbook()
    book.active.title = "Інструкція"
    book.active.append(["Заповнюйте аркуш «Реєстр»"])
    sheet = book.create_sheet("Реєстр громад")
    sheet.append(["Реєстр партнерств станом на 01.01.2025"])
    sheet.append([f" {h.upper()} " for h in HEADER_UK])
    sheet.append(["Вінницька", "Вінницька", "Кельце", "Польща", None, "Меморандум", "Підписано",
                  dt.datetime(2023, 11, 21), "освіта", None, None])
    sheet.append(["Луцька", "Волинська", "Люблін", "PL", None, None, None, 2019, None, None, None])
    sheet.append([None] * 11)
    sheet.append(["Львівська", "Львівська", "Вроцлав", "Польща", None, None, "Намір", "11.2024", None, None, None])
    path = tmp_path / "register.xlsx"
    book.save(path)
    read = read_registry(path, gazetteer)
    assert (read.read_count, len(read.mentions), read.rejects) == (3, 3, [])
    rows = by_row(read)
    assert sorted(rows) == [3, 4, 6]
    assert [rows[n]["event_date"] for n in (3, 4, 6)] == ["2023-11-21", "2019", "2024-11"]
    assert [rows[n]["ua_hromada_code"] for n in (3, 4, 6)] == [VINNYTSIA, LUTSK, LVIV]
    assert read.warnings == ["the header is row 2; 1 row(s) above it are skipped"]


def test_title_line_above_the_header_is_skipped_and_rows_keep_their_sheet_numbers(gazetteer):
    read = read_registry(FIXTURES / "title_above_header_semicolon.csv", gazetteer)
    assert (read.read_count, len(read.mentions), read.rejects) == (2, 2, [])
    rows = by_row(read)
    assert sorted(rows) == [4, 5]
    assert (rows[4]["ua_hromada_code"], rows[5]["ua_hromada_code"]) == (LUTSK, LUTSK)
    assert rows[5]["notes"] == ["Область: 'Львівська' is not the oblast of UA07080170000013585; the code is followed"]
    assert read.warnings[0] == "the header is row 3; 1 row(s) above it are skipped"


def test_malformed_register_rejects_each_bad_row_and_loads_the_good_ones(gazetteer):
    read = read_registry(FIXTURES / "malformed.csv", gazetteer)
    problems = [(r["row_number"], r["column_name"], r["value"], r["reason"]) for r in read.rejects]
    assert problems == [
        (3, "Громада", "Неіснуюча громада", "no hromada of that name in that oblast (Громада)"),
        (4, "Дата підписання", "31.02.2023", "not a date: write DD.MM.YYYY, MM.YYYY or YYYY (Дата підписання)"),
        (5, "Країна", "Атлантида", "unknown country (Країна)"),
        (6, "Громада", "Іванівська", "hromada name in several oblasts, give the oblast: Автономна Республіка Крим, "
                                     "Вінницька, Одеська, Тернопільська, Херсонська, Чернігівська (Громада)"),
        (7, "Партнер", "Неіснуюче", "no hromada of that name (Партнер)"),
        (8, "Громада", "Неіснуюча громада", "no hromada of that name in that oblast (Громада)"),
        (8, "Дата підписання", "32.13.2023", "not a date: write DD.MM.YYYY, MM.YYYY or YYYY (Дата підписання)"),
        (10, "Статус", "скоро", "unknown status: write Підписано, Переговори, Намір, Заплановано or Розірвано "
                                "(Статус)"),
    ]
    assert (read.read_count, len(read.mentions), read.rejected_count) == (9, 2, 7)
    assert reconciles(read)
    assert {r["source_file"] for r in read.rejects} == {"tests/fixtures/registry/malformed.csv"}
    assert all(r["raw_record"].startswith('{"Громада": ') for r in read.rejects)


def test_rows_with_unknown_theme_type_or_foreign_place_still_load_with_notes(gazetteer):
    rows = by_row(read_registry(FIXTURES / "malformed.csv", gazetteer))
    assert sorted(rows) == [2, 11]
    assert rows[2]["themes"] == ["education"]
    assert rows[2]["notes"] == ["Сфери співпраці: unknown theme 'космос' left out"]
    gmina = rows[11]
    assert (gmina["type"], gmina["status"], gmina["partner_name_uk"]) == ("other", "intent", "Гміна Малі Ляшки")
    assert (gmina["partner_geonameid"], gmina["partner_lat"], gmina["partner_lon"]) == (None, None, None)
    assert gmina["notes"] == [
        "Партнер: 'Гміна Малі Ляшки' is not a known place in PL; loaded without coordinates",
        "Тип документа: unknown document type 'Декларація'; loaded as 'other'",
    ]


def test_source_column_gives_a_row_its_http_link_and_other_text_stays_evidence(gazetteer, tmp_path):
    row = ["Луцька", "Волинська", "Люблін", "Польща", "", "", "", "", "", ""]
    path = write_csv(tmp_path, [
        [*row, "https://lutsk.gov.ua/news/lublin"], [*row, "сайт міської ради"], [*row, ""],
        [*row, "див. http://rada.lutsk.ua/1.html; https://lublin.eu/x"],
    ])
    rows = by_row(read_registry(path, gazetteer))
    assert [rows[n]["source_url"] for n in (2, 3, 4, 5)] == [
        "https://lutsk.gov.ua/news/lublin", None, None, "http://rada.lutsk.ua/1.html"]
    assert rows[3]["evidence"].endswith("Джерело: сайт міської ради") and rows[3]["notes"] == []


@pytest.mark.parametrize("value, expected", [
    ("https://kyiv24.news/news/x/amp", "https://kyiv24.news/news/x/amp"),
    ("HTTP://Rada.gov.ua/a.", "HTTP://Rada.gov.ua/a"),
    ("(https://lviv.ua/n)", "https://lviv.ua/n"), ("www.rada.gov.ua", None), ("http_notes.txt", None),
    ("https://localhost/x", None), ("ftp://files.example.org/a", None), ("", None), (None, None),
])
def test_only_http_links_with_a_dotted_host_count_as_links(value, expected):
    assert http_url(value) == expected


def test_row_with_more_fields_than_the_header_is_rejected(gazetteer, tmp_path):
    row = ["Луцька", "Волинська", "Люблін", "Польща", "", "", "", "", "освіта", "культура", "", "", "туризм"]
    path = write_csv(tmp_path, [row])
    read = read_registry(path, gazetteer)
    assert [(r["row_number"], r["column_name"], r["reason"]) for r in read.rejects] == [
        (2, None, "row has 13 fields, the header 11: an unquoted delimiter inside a value?")]


def test_wrongly_declared_delimiter_is_a_file_error_not_one_wide_column(gazetteer):
    with pytest.raises(RegistryFileError, match="looks semicolon-separated but was read as comma-separated") as err:
        read_registry(FIXTURES / "semicolon_one_line.csv", gazetteer, delimiter=",")
    assert err.value.reject["row_number"] is None
    assert err.value.reject["source_file"] == "tests/fixtures/registry/semicolon_one_line.csv"


def test_sniffed_delimiter_reads_the_same_file_correctly(gazetteer):
    read = read_registry(FIXTURES / "semicolon_one_line.csv", gazetteer)
    assert (read.read_count, len(read.mentions)) == (1, 1)


def test_excel_sep_line_names_the_delimiter_and_is_not_counted_as_a_row(gazetteer):
    read = read_registry(FIXTURES / "excel_sep_line.csv", gazetteer)
    assert (read.read_count, [m["row_number"] for m in read.mentions], read.warnings) == (1, [2], [])


def test_rows_split_by_another_delimiter_than_the_header_are_a_file_error(gazetteer):
    with pytest.raises(RegistryFileError, match="rows look semicolon-separated, the header comma-separated"):
        read_registry(FIXTURES / "header_comma_rows_semicolon.csv", gazetteer)


def test_missing_required_column_rejects_the_whole_file(gazetteer):
    with pytest.raises(RegistryFileError) as err:
        read_registry(FIXTURES / "missing_country.csv", gazetteer)
    assert err.value.message == (
        "required column missing: Країна (country); the header has 'Громада', 'Область', 'Партнер', 'Тип документа'"
    )


def test_reading_the_same_bytes_twice_gives_the_same_mention_ids(gazetteer, tmp_path):
    copy = tmp_path / "copy.csv"
    copy.write_bytes((FIXTURES / "clean_utf8_comma.csv").read_bytes())
    first = [m["mention_id"] for m in read_registry(FIXTURES / "clean_utf8_comma.csv", gazetteer).mentions]
    assert first == [m["mention_id"] for m in read_registry(copy, gazetteer).mentions]
    assert len(set(first)) == len(first)


def test_read_unpacks_as_the_contract_tuple(gazetteer):
    mentions, rejects, read_count = read_registry(FIXTURES / "cp1251_semicolon.csv", gazetteer)
    assert (len(mentions), rejects, read_count) == (3, [], 3)


def test_sample_register_reads_without_rejects(gazetteer):
    read = read_registry(SAMPLE, gazetteer)
    assert [(r["row_number"], r["column_name"], r["value"], r["reason"]) for r in read.rejects] == []
    assert read.read_count == len(read.mentions) > 0


@pytest.mark.parametrize("value, expected", [
    ("21.11.2023", "2023-11-21"), ("21/11/2023", "2023-11-21"), ("2023-11-21", "2023-11-21"),
    ("11.2023", "2023-11"), ("2023", "2023"), ("2023 р.", "2023"), ("21 листопада 2023 р.", "2023-11-21"),
    ("листопад 2023", "2023-11"), ("2023-11-21 00:00:00", "2023-11-21"), (dt.date(2023, 11, 21), "2023-11-21"),
    (45251, "2023-11-21"), (2023, "2023"), ("31.02.2023", None), ("13.2023", None), ("скоро", None),
])
def test_date_formats_keep_precision_and_impossible_dates_fail(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("kind, value, expected", [
    ("type", "Меморандум про співпрацю", "memorandum"), ("type", "Memorandum of understanding", "memorandum"),
    ("type", "Договір про побратимство", "twinning_agreement"), ("type", "twinning", "twinning_agreement"),
    ("type", "Угода про співпрацю", "cooperation_agreement"),
    ("type", "cooperation agreement", "cooperation_agreement"),
    ("type", "Протокол про наміри", "protocol_of_intent"), ("type", "Лист про наміри", "letter_of_intent"),
    ("type", "Рішення ради", "council_decision"), ("type", "Інше", "other"),
    ("status", "Підписано", "signed"), ("status", "чинний", "signed"), ("status", "нечинний", "terminated"),
    ("status", "Переговори", "negotiating"), ("status", "Намір", "intent"), ("status", "Заплановано", "planned"),
    ("status", "припинено", "terminated"), ("status", "Розірвано", "terminated"),
    ("status", "не підписано", "negotiating"),
])
def test_type_and_status_vocabularies_accept_ukrainian_and_english(kind, value, expected):
    assert lexicon(kind).lookup(value) == expected


def test_theme_labels_split_on_every_separator_and_unknown_words_are_returned():
    assert parse_themes("Освіта | Культура; IT, житло/космос") == (
        ["education", "culture", "housing", "digital"], ["космос"])
    assert parse_themes("Охорона здоров’я | Humanitarian aid") == (["health", "humanitarian"], [])


@pytest.mark.parametrize("value, expected", [
    ("Пліч-о-пліч", "Пліч-о-Пліч"), ("Side by Side", "Пліч-о-Пліч"),
    ("Cities4Cities | United4Ukraine", "Cities4Cities"),
    ("Bridges of Trust", "Мости довіри"), ("U-LEAD with Europe", "U-LEAD"), ("Власна програма", "Власна програма"),
    ("", None),
])
def test_programme_names_are_normalised_and_unknown_ones_kept(value, expected):
    assert programme_name(value) == expected
