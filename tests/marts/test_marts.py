"""Each mart's grain, and at least one figure per mart asserted against the hand-computed fixture world."""
from __future__ import annotations

import pytest

GRAINS = {
    "dim_oblast": ["oblast_code"],
    "dim_raion": ["raion_code"],
    "dim_hromada": ["hromada_code"],
    "dim_settlement": ["settlement_code"],
    "dim_country": ["country_code"],
    "dim_place": ["geonameid"],
    "dim_theme": ["theme"],
    "dim_vocabulary": ["kind", "code"],
    "fct_agreements": ["agreement_id"],
    "fct_agreement_events": ["mention_id"],
    "fct_agreement_sources": ["agreement_id", "source_kind", "source_id"],
    "agreements_by_oblast": ["oblast_code"],
    "agreements_by_country": ["country_code"],
    "agreements_by_theme": ["theme"],
    "agreements_by_oblast_theme": ["oblast_code", "theme"],
    "agreements_by_month": ["month", "status", "type"],
    "domestic_pairs_by_oblast_pair": ["oblast_a_code", "oblast_b_code"],
    "partners_by_hromada": ["hromada_code"],
}

LVIV, KHARKIV, VOLYN = "UA46000000000026241", "UA63000000000041885", "UA07000000000024379"


def scalar(con, sql, params=None):
    return con.execute(sql, params or {}).fetchone()[0]


def hromada(con, centre: str, oblast_code: str) -> str:
    return scalar(
        con,
        "select hromada_code from dim_hromada where centre_name_uk = $centre and oblast_code = $oblast",
        {"centre": centre, "oblast": oblast_code},
    )


@pytest.mark.parametrize("mart, key", GRAINS.items())
def test_mart_has_one_row_per_grain_key(world, mart, key):
    columns = ", ".join(key)
    duplicates = scalar(
        world, f"select count(*) from (select {columns} from {mart} group by all having count(*) > 1)"
    )
    assert duplicates == 0
    assert scalar(world, f"select count(*) from {mart}") > 0


def test_world_has_seven_agreements_two_of_them_domestic(world):
    assert scalar(world, "select count(*) from fct_agreements") == 7
    assert scalar(world, "select count(*) from fct_agreements where is_domestic") == 2


def test_partner_spelled_two_ways_merges_into_one_agreement_with_lifecycle(world):
    rows = world.execute(
        """
        select a.status, a.type, a.source_count, a.first_event_date::varchar, a.signed_date::varchar,
               list(e.status order by e.event_order)
        from fct_agreements a join fct_agreement_events e using (agreement_id)
        where a.partner_country_code = 'PL' and a.hromada_name_uk = 'Львів'
        group by all
        """
    ).fetchall()
    assert rows == [("signed", "twinning_agreement", 2, "2023-03-01", "2023-11-21", ["negotiating", "signed"])]


def test_per_oblast_counts_sum_to_the_fact_table_and_match_hand_counts(world):
    assert scalar(world, "select count(*) from agreements_by_oblast") == 27
    assert scalar(world, "select sum(agreement_count) from agreements_by_oblast") == 7
    counts = dict(world.execute("select oblast_code, agreement_count from agreements_by_oblast where agreement_count > 0").fetchall())
    assert counts == {LVIV: 2, KHARKIV: 3, VOLYN: 2}
    kharkiv = world.execute(
        "select signed_count, intent_count, negotiating_count, hromadas_with_international_count, "
        "domestic_count, partner_country_count from agreements_by_oblast where oblast_code = $code",
        {"code": KHARKIV},
    ).fetchone()
    assert kharkiv == (1, 1, 1, 2, 1, 2)


def test_per_country_figures_for_poland(world):
    row = world.execute(
        "select agreement_count, hromada_count, oblast_count, first_agreement_date::varchar, "
        "latest_agreement_date::varchar, name_uk from agreements_by_country where country_code = 'PL'"
    ).fetchone()
    assert row == (2, 2, 2, "2015-05-01", "2023-11-21", "Польща")
    singles = world.execute(
        "select country_code from agreements_by_country where agreement_count = 1 order by 1"
    ).fetchall()
    assert [code for (code,) in singles] == ["DE", "FR", "US"]


def test_agreement_without_a_date_is_kept_but_stays_off_the_timeline(world):
    undated = world.execute(
        "select status, reference_date from fct_agreements where partner_country_code = 'FR'"
    ).fetchall()
    assert undated == [("negotiating", None)]
    assert scalar(world, "select max(cumulative_total_count) from agreements_by_month") == 5


def test_theme_counts(world):
    culture = scalar(world, "select agreement_count from agreements_by_theme where theme = 'culture'")
    recovery = scalar(world, "select agreement_count from agreements_by_theme where theme = 'recovery'")
    assert (culture, recovery) == (2, 2)
    assert scalar(world, "select count(*) from agreements_by_theme") == 23
    assert scalar(
        world,
        "select agreement_count from agreements_by_oblast_theme where oblast_code = $o and theme = 'recovery'",
        {"o": KHARKIV},
    ) == 2


def test_domestic_matrix_is_unordered(world):
    pairs = world.execute(
        "select oblast_a_code, oblast_b_code, pair_count from domestic_pairs_by_oblast_pair order by 1, 2"
    ).fetchall()
    assert pairs == [(VOLYN, LVIV, 1), (VOLYN, KHARKIV, 1)]


def test_partners_by_hromada_counts_domestic_ties_on_both_sides(world):
    lutsk = hromada(world, "Луцьк", VOLYN)
    row = world.execute(
        "select partner_count, international_partner_count, domestic_partner_count, country_codes "
        "from partners_by_hromada where hromada_code = $code",
        {"code": lutsk},
    ).fetchone()
    assert row == (2, 1, 1, ["PL"])
    vovchansk = hromada(world, "Вовчанськ", KHARKIV)
    assert scalar(world, "select partner_count from partners_by_hromada where hromada_code = $c", {"c": vovchansk}) == 0


def test_monthly_timeline_cumulates(world):
    rows = world.execute(
        "select month::varchar, sum(agreement_count), max(cumulative_total_count) "
        "from agreements_by_month group by month order by month"
    ).fetchall()
    assert rows[0] == ("1989-01-01", 1, 1)
    assert rows[-1][2] == 5


def test_a_register_row_with_a_link_gives_its_agreement_a_source_url(world):
    sources = world.execute(
        "select a.partner_name_uk, s.source_ref, s.source_url, s.is_link "
        "from fct_agreement_sources s join fct_agreements a using (agreement_id) "
        "where a.partner_country_code in ('DE', 'US') order by 1"
    ).fetchall()
    register = "tests/fixtures/world/register_main.csv"
    assert sources == [
        ("Альбукерке", register, None, False),
        ("Фрайбург", register, "https://example.org/lviv-freiburg", False),
    ]
    assert scalar(world, "select count(*) from fct_agreement_sources where source_url is not null") == 1


def test_every_foreign_partner_is_a_place_of_its_country(world):
    # GeoNames' Cyrillic name of Chennevières has no apostrophe, the register writes ’: the place is found all the same
    places = world.execute(
        "select a.partner_name_uk, p.name, p.country_code, list_contains(p.names_cyrillic, a.partner_name_uk) "
        "from fct_agreements a join dim_place p on p.geonameid = a.partner_geonameid order by 1"
    ).fetchall()
    assert places == [
        ("Альбукерке", "Albuquerque", "US", True),
        ("Вроцлав", "Wrocław", "PL", True),
        ("Люблін", "Lublin", "PL", True),
        ("Фрайбург", "Freiburg", "DE", True),
        ("Шеннв’єр-сюр-Марн", "Chennevières-sur-Marne", "FR", False),
    ]


def test_a_world_hromada_has_its_settlements_and_one_centre(world):
    izium = hromada(world, "Ізюм", KHARKIV)
    row = world.execute(
        "select count(*), list(name_uk) filter (where is_centre) from dim_settlement where hromada_code = $code",
        {"code": izium},
    ).fetchone()
    assert row == (16, ["Ізюм"])


def test_themes_and_vocabulary_carry_the_taxonomy_labels(world):
    assert scalar(world, "select count(*) from dim_theme") == 23
    assert world.execute("select label_uk, label_en from dim_theme where theme = 'recovery'").fetchone() == (
        "Відбудова", "Recovery")
    kinds = dict(world.execute("select kind, count(*) from dim_vocabulary group by kind").fetchall())
    assert kinds == {"type": 7, "status": 5, "theme": 23}
    statuses = world.execute("select code from dim_vocabulary where kind = 'status' order by sort_order").fetchall()
    assert [code for (code,) in statuses] == ["planned", "negotiating", "intent", "signed", "terminated"]
    unlabelled = scalar(
        world,
        "select count(*) from fct_agreements a, unnest(a.themes) as t(theme) "
        "where t.theme not in (select theme from dim_theme) "
        "or a.type not in (select code from dim_vocabulary where kind = 'type')",
    )
    assert unlabelled == 0


def test_agreement_sources_list_each_register_that_reports_an_agreement(world):
    assert world.execute("select count(*), sum(mention_count) from fct_agreement_sources").fetchone() == (8, 8)
    wroclaw = world.execute(
        "select s.source_ref, s.mention_count, s.evidence from fct_agreement_sources s "
        "join fct_agreements a using (agreement_id) where a.partner_name_uk = 'Вроцлав' order by 1"
    ).fetchall()
    assert [(ref, count) for ref, count, _ in wroclaw] == [
        ("tests/fixtures/world/register_1251_semicolon.csv", 1), ("tests/fixtures/world/register_main.csv", 1)]
    assert wroclaw[0][2].startswith("register_1251_semicolon.csv, row 2: Громада: ЛЬВІВСЬКА")
