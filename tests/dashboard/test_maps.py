"""The maps stay light enough to load fast: thinned shapes, compact JSON, no world under an agreement's two points."""
import json

from tests.dashboard.conftest import map_specs

MEGABYTE = 1_000_000


def test_overview_maps_weigh_less_than_three_megabytes(open_page):
    specs = map_specs(open_page("views/overview.py"))
    assert len(specs) == 2
    assert sum(len(spec) for spec in specs) < 3 * MEGABYTE


def test_world_map_draws_each_country_once(open_page):
    world = json.loads(map_specs(open_page("views/overview.py"))[1])
    country_layers = [layer for layer in world["layers"] if "Polygon" in layer["@@type"] or layer["@@type"] == "PathLayer"]
    assert [layer["@@type"] for layer in country_layers] == ["PolygonLayer"]


def test_agreement_card_map_shows_the_parties_without_the_world(open_page, sql):
    agreement_id = sql("""
        select agreement_id from fct_agreements where not is_domestic and partner_lat is not null
        order by agreement_id limit 1
    """)[0][0]
    card = json.loads(map_specs(open_page("views/explore.py", agreement=agreement_id))[0])
    assert not [layer for layer in card["layers"] if "Polygon" in layer["@@type"]]
    assert len(json.dumps(card)) < 0.1 * MEGABYTE
