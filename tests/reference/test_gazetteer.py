"""The Gazetteer's lookups, loaded from the warehouse and from the packages."""
import pytest

from etl.reference.gazetteer import Gazetteer

KHARKIV_OBLAST = "UA63000000000041885"
KYIV = "UA80000000000093317"


@pytest.fixture(scope="module", params=["warehouse", "packages"])
def gaz(request, gazetteer):
    return gazetteer if request.param == "warehouse" else Gazetteer.load(None)


def names(found):
    return [(h["name_uk"], h["oblast_code"]) for h in found]


def test_izium_is_found_in_kharkiv_oblast(gaz):
    found = gaz.find_hromadas("Ізюмська")
    assert names(found) == [("Ізюмська міська громада", KHARKIV_OBLAST)]


def test_a_council_name_with_an_oblast_resolves_to_one_code(gaz):
    found = gaz.find_hromadas("Кременецька міська рада", "Тернопільська")
    assert [h["hromada_code"] for h in found] == ["UA61020070000092368"]


def test_a_centre_name_is_looked_up_within_the_oblast(gaz):
    found = gaz.find_hromadas("Південне", "Харківська")
    assert [h["hromada_code"] for h in found] == ["UA63120190000093717"]


def test_an_english_council_name_may_be_ambiguous_across_oblasts(gaz):
    found = gaz.find_hromadas("Pivdenne city council")
    assert {h["oblast_code"][:4] for h in found} == {"UA51", "UA63"}
    assert [h["hromada_code"] for h in gaz.find_hromadas("Pivdenne", "Kharkiv Oblast")] == ["UA63120190000093717"]


@pytest.mark.parametrize("text", [
    "Львівська міська територіальна громада", "Львівська", "м. Львів", "Львів", "Lviv", "ЛЬВІВСЬКА МІСЬКА РАДА",
    "Львівської міської ради",
])
def test_the_usual_forms_of_a_hromada_name_resolve(gaz, text):
    found = gaz.find_hromadas(text)
    assert found and found[0]["hromada_code"] == "UA46060250000025047"


def test_apostrophe_forms_and_g_fold_do_not_matter(gaz):
    forms = ["Кам’янець-Подільська", "Кам'янець-Подільська", "КамʼЯнець-Подільський"]
    codes = {tuple(h["hromada_code"] for h in gaz.find_hromadas(f)) for f in forms}
    assert len(codes) == 1 and codes != {()}


def test_repeated_names_come_back_city_first(gaz):
    found = gaz.find_hromadas("Іванівка")
    assert len(found) > 3
    ranks = [{"M": 0, "X": 1, "C": 2}[h["centre_category"]] for h in found]
    assert ranks == sorted(ranks)


def test_kyiv_is_a_special_status_unit(gaz):
    found = gaz.find_hromadas("Київ")
    assert found[0]["hromada_code"] == KYIV
    assert found[0]["hromada_type"] == "місто зі спеціальним статусом"
    assert gaz.hromada_by_code(KYIV)["unit_category"] == "K"
    assert gaz.hromada_by_code("UA00000000000000000") is None


@pytest.mark.parametrize("text, code", [
    ("Харківська", KHARKIV_OBLAST), ("Харківська область", KHARKIV_OBLAST), ("Kharkiv Oblast", KHARKIV_OBLAST),
    ("Харківської області", KHARKIV_OBLAST), ("Харківщина", KHARKIV_OBLAST), ("UA-63", KHARKIV_OBLAST),
    (KHARKIV_OBLAST, KHARKIV_OBLAST), ("Kyiv", KYIV), ("м. Київ", KYIV), ("Kyiv Oblast", "UA32000000000030281"),
    ("Київська обл.", "UA32000000000030281"), ("Луганська", "UA44000000000018893"), ("UA-09", "UA44000000000018893"),
    ("Крим", "UA01000000000013043"), ("Атлантида", None), ("", None),
])
def test_oblast_names_codes_and_forms_resolve(gaz, text, code):
    assert gaz.oblast_code(text) == code


def test_oblast_adjective(gaz):
    assert gaz.oblast_adjective(KHARKIV_OBLAST) == "Харківська"
    assert gaz.oblast_adjective(KYIV) is None


def test_country_codes_resolve_through_the_gazetteer(gaz):
    assert gaz.country_code("Республіка Польща") == "PL"
    assert gaz.country_code("the Netherlands") == "NL"


@pytest.mark.parametrize("text", ["Lublin", "Люблін", "LUBLIN", "Люблин"])
def test_foreign_places_resolve_by_latin_or_cyrillic_name(gaz, text):
    found = gaz.find_places(text, country="PL")
    assert found[0]["geonameid"] == 765876
    assert found[0]["name_uk"] == "Люблін"


def test_foreign_places_come_most_populous_first(gaz):
    found = gaz.find_places("Krakow")
    assert found[0]["name"] == "Kraków"
    populations = [p["population"] or 0 for p in found]
    assert populations == sorted(populations, reverse=True)


def test_a_country_filter_narrows_the_places(gaz):
    assert all(p["country_code"] == "US" for p in gaz.find_places("Paris", "США"))
    assert gaz.find_places("Paris", "FR")[0]["country_code"] == "FR"


def test_settlements_map_names_to_hromadas(gaz):
    entries = gaz.settlements[gaz.settlement_key("Ізюм")]
    assert ("UA63040090000021240", "M", KHARKIV_OBLAST) in entries
    assert all(category in {"M", "X", "C"} for values in gaz.settlements.values() for _, category, _ in values)
