"""Lists read in the alphabetical order of the chosen language, and profiles open on the busiest entity."""
import pytest

COUNTRIES_WITH_AGREEMENTS = """
    select {name} from dim_country
    where country_code in (select partner_country_code from fct_agreements where not is_domestic)
    order by {name} collate {collation}
"""


@pytest.mark.parametrize("lang, name, collation", [("uk", "name_uk", "uk"), ("en", "name_en", "en")])
def test_country_options_follow_the_languages_alphabet(open_page, sql, lang, name, collation):
    at = open_page("views/explore.py", lang=lang)
    expected = [row[0] for row in sql(COUNTRIES_WITH_AGREEMENTS.format(name=name, collation=collation))]
    assert at.sidebar.multiselect(key="country").options == expected


def test_ukrainian_oblast_list_puts_letters_in_ukrainian_order(open_page):
    options = open_page("views/overview.py").sidebar.multiselect(key="oblast").options
    assert options[0] == "Автономна Республіка Крим"
    ivano, zhytomyr, kyiv = (options.index(n) for n in ("Івано-Франківська область", "Житомирська область",
                                                         "Київська область"))
    assert zhytomyr < ivano < kyiv


def test_status_options_follow_the_lifecycle(open_page):
    options = open_page("views/explore.py", lang="en").sidebar.multiselect(key="status").options
    lifecycle = ["planned", "negotiating", "intent", "signed", "terminated"]
    assert options == [status for status in lifecycle if status in options]


def test_a_profile_opens_on_the_oblast_with_most_agreements(open_page, sql):
    name = sql("""
        with touched as (
            select oblast_code, agreement_id from fct_agreements
            union select partner_oblast_code, agreement_id from fct_agreements where partner_oblast_code is not null
        )
        select any_value(name_uk) from touched join dim_oblast using (oblast_code)
        group by oblast_code order by count(*) desc, any_value(name_uk) collate uk limit 1
    """)[0][0]
    assert open_page("views/profiles.py").header[0].value == name
