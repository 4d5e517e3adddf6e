"""The maps stay light enough to load fast: thinned shapes, compact JSON, no world under an agreement's two points."""
import json
import math

from dashboard import maps
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


def _oblast_layers(at) -> dict[str, list]:
    return {layer["id"]: layer["data"] for layer in json.loads(map_specs(at)[0])["layers"]}


def _busiest_oblast(sql) -> str:
    return sql("select oblast_code from fct_agreements group by all order by count(*) desc, oblast_code limit 1")[0][0]


def test_oblast_map_rows_mean_the_same_oblast_whatever_the_filter_and_metric(open_page, sql):
    """deck.gl keeps a clicked object by its row number, so row n must be the same oblast on every run."""
    at = open_page("views/overview.py")
    codes = [row["code"] for row in _oblast_layers(at)["oblasts"]]
    at.selectbox(key="overview_oblast").set_value(_busiest_oblast(sql)).run()
    at.segmented_control(key="map_metric").set_value("partner_country_count").run()
    at.sidebar.multiselect(key="status").set_value(["signed"]).run()
    assert [row["code"] for row in _oblast_layers(at)["oblasts"]] == codes


def test_choosing_an_oblast_outlines_it_and_keeps_every_oblasts_colour(open_page, sql):
    oblast = _busiest_oblast(sql)
    at = open_page("views/overview.py")
    fills = [row["fill"] for row in _oblast_layers(at)["oblasts"]]
    at.selectbox(key="overview_oblast").set_value(oblast).run()
    layers = _oblast_layers(at)
    assert [row["fill"] for row in layers["oblasts"]] == fills
    outlined = {json.dumps(row["path"]) for row in layers["oblasts_selected"]}
    assert outlined == {json.dumps(ring) for row in layers["oblasts"] if row["code"] == oblast for ring in row["polygon"]}


def _pixels_from_centre(view: dict, lon: float, lat: float) -> tuple[float, float]:
    """Where (lon, lat) falls in a deck.gl map opened at `view`, in pixels from its centre (web Mercator)."""
    def y(latitude: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2)) / (2 * math.pi)
    scale = 512 * 2 ** view["zoom"]
    return (lon - view["longitude"]) / 360 * scale, (y(view["latitude"]) - y(lat)) * scale


def _fits(view: dict, points: list[tuple[float, float]], size_px: tuple[int, int]) -> bool:
    width, height = size_px
    return all(abs(x) <= width / 2 and abs(y) <= height / 2 for x, y in (_pixels_from_centre(view, *p) for p in points))


def test_the_map_of_ukraine_opens_with_every_oblast_in_view(open_page, sql):
    """At a 1440-px window the oblast map is about 540 × 430 px; Luhansk and Zakarpattia must both be inside."""
    spec = json.loads(map_specs(open_page("views/overview.py"))[0])
    points = [tuple(point) for row in spec["layers"][0]["data"] for point in row["polygon"][0]]
    assert _fits(spec["initialViewState"], points, maps.UKRAINE_MAP_PX)


def test_the_world_map_opens_with_every_arc_in_view(open_page):
    spec = json.loads(map_specs(open_page("views/overview.py"))[1])
    arcs = next(layer for layer in spec["layers"] if layer["@@type"] == "ArcLayer")["data"]
    assert arcs
    assert _fits(spec["initialViewState"], [tuple(arc[end]) for arc in arcs for end in ("from", "to")], (960, 460))


def test_the_share_of_kyiv_reads_n_a_on_the_map_and_in_the_table(open_page, sql):
    kyiv = sql("select name_uk from dim_oblast where hromada_count = 0 and not is_occupied_crimea")[0][0]
    at = open_page("views/overview.py")
    at.segmented_control(key="map_metric").set_value("hromadas_with_international_pct").run()
    rows = [row for row in _oblast_layers(at)["oblasts"] if row["tooltip"].startswith(kyiv + "\n")]
    assert rows and all("громад з міжнародним партнером: н/д" in row["tooltip"] for row in rows)
    assert all(row["fill"] == maps.NA_RGB for row in rows)
    assert "н/д" in next(m.value for m in at.markdown if "background:rgb" in m.value)
    table = next(f.value for f in open_page("views/explore.py").dataframe if "oblast_code" in f.value.columns)
    assert table.loc[table["oblast"] == kyiv, "hromadas_with_international_pct"].item() == "н/д"
