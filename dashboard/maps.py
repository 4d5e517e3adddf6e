"""pydeck map builders from our own geometry (no basemap token): oblast choropleth, world arcs, an agreement's two parties."""
from __future__ import annotations

import json
import math
import os
from collections.abc import Callable

import polars as pl
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from dashboard import fmt
from dashboard.i18n import lang, t

BASEMAP_ENV = "PARTNERSHIPS_BASEMAP"  # e.g. "light" or a MapLibre style URL; unset = no basemap, works offline
OBLAST_LAYER, COUNTRY_LAYER, ARC_LAYER, POINT_LAYER = "oblasts", "countries", "arcs", "parties"

# viridis (sequential, colour-blind safe), light to dark so that more reads darker
VIRIDIS_RGB = [[253, 231, 37], [160, 218, 57], [74, 193, 109], [31, 161, 135],
               [39, 127, 142], [54, 92, 141], [70, 50, 126], [68, 1, 84]]
CIVIDIS_RGB = [[254, 232, 56], [166, 157, 117], [138, 135, 121], [112, 113, 115],
               [87, 93, 109], [59, 73, 108], [18, 53, 112], [0, 34, 78]]
EMPTY_RGB, NA_RGB = [225, 225, 225], [246, 246, 246]
LAND_RGB, BORDER_RGB = [238, 238, 238], [200, 200, 200]
HROMADA_RGB, PARTNER_RGB = [54, 92, 141], [253, 191, 17]
SELECTED_RGB, TERMINATED_RGB = [20, 20, 20], [160, 160, 160]
# the pixels a map is laid out in at a 1440-px wide window, to fit its first view: the oblast map and the card's
# map fill three fifths of the page, beside a column
UKRAINE_MAP_PX, CARD_MAP_PX = (540, 430), (520, 300)


def colour(value: float | None, top: float, scale: list[list[int]]) -> list[int]:
    """The scale's colour for value on 0..top; zero is light grey, a value that is not defined paler still."""
    if value is None:
        return NA_RGB
    if not value or not top:
        return EMPTY_RGB
    step = min(int(value / top * len(scale)), len(scale) - 1)
    return scale[step]


def legend(top: float, percent: bool = False, scale: list[list[int]] = VIRIDIS_RGB, undefined: bool = False) -> str:
    """An HTML strip of the scale's colours, each with the least value drawn in it, for the metric's 0..top range
    (and the colour of "n/a" when some area has no value)."""
    steps: dict[str, list[int]] = {t("n_a"): NA_RGB} if undefined else {}
    steps["0"] = EMPTY_RGB
    for index, rgb in enumerate(scale):
        low = top * index / len(scale)
        text = "&gt;0" if index == 0 else (fmt.pct(low, 0) if percent else fmt.num(math.ceil(low))) + "+"
        steps.pop(text, None)  # whole numbers: several steps can share a least value; the last one is drawn
        steps[text] = rgb
    swatch = '<span style="background:rgb{};padding:0 .6em;border-radius:2px">&nbsp;</span> {}'
    cells = "".join(f"<span>{swatch.format(tuple(rgb), text)}</span>" for text, rgb in steps.items())
    return f'<div style="font-size:.8em;display:flex;flex-wrap:wrap;gap:.8em">{cells}</div>'


def _basemap() -> dict:
    """A street basemap only when PARTNERSHIPS_BASEMAP names one. Without it no map provider is given and pydeck's
    map_style stays at its "__MAP_STYLE__" default, the one value Streamlit reads as "no basemap": map_style=None
    or "" makes Streamlit fetch a Carto style from basemaps.cartocdn.com instead."""
    style = os.environ.get(BASEMAP_ENV)
    return {"map_provider": "carto", "map_style": style} if style else {"map_provider": None}


class _Deck(pdk.Deck):
    """pydeck writes its JSON indented, one number a line, which makes a world map several times its size on the
    wire; the same spec without the whitespace."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def _mercator_y(lat: float) -> float:
    """Web-Mercator y of a latitude, 0 at the top of the world and 1 at the bottom."""
    clamped = max(-85.0, min(85.0, lat))
    return (1 - math.log(math.tan(math.pi / 4 + math.radians(clamped) / 2)) / math.pi) / 2


def fitted_view(lons: list[float], lats: list[float], size_px: tuple[int, int], max_zoom: float = 8.0,
                padding: float = 0.05) -> pdk.ViewState:
    """The view that shows every given point inside a map of `size_px` (width, height), with `padding` of it spare
    on each side (deck.gl's world is 512 px wide at zoom 0)."""
    width, height = size_px
    west, east = min(lons), max(lons)
    top, bottom = _mercator_y(max(lats)), _mercator_y(min(lats))
    span_x, span_y = max((east - west) / 360, 1e-6), max(bottom - top, 1e-6)
    zoom = math.log2(min(width / (512 * span_x), height / (512 * span_y)) * (1 - 2 * padding))
    middle = (top + bottom) / 2
    lat = math.degrees(2 * math.atan(math.exp(math.pi * (1 - 2 * middle))) - math.pi / 2)
    return pdk.ViewState(latitude=lat, longitude=(west + east) / 2, zoom=max(0.3, min(max_zoom, zoom)))


def _bounds(shapes: dict[str, list]) -> tuple[list[float], list[float]]:
    """The longitudes and latitudes of the areas' exterior rings."""
    points = [point for area in shapes.values() for polygon in area for point in polygon[0]]
    return [p[0] for p in points], [p[1] for p in points]


def _deck(layers: list[pdk.Layer], view: pdk.ViewState) -> pdk.Deck:
    return _Deck(layers=layers, initial_view_state=view, tooltip={"text": "{tooltip}"}, **_basemap())


def _parts(frame: pl.DataFrame, code: str, shapes: dict[str, list], tip: Callable[[dict], str],
           fill: Callable[[dict], list[int]]) -> list[dict]:
    """One row per polygon of each area's shape, carrying the area's code, tooltip and fill."""
    rows = []
    for row in frame.iter_rows(named=True):
        shared = {"code": row[code], "tooltip": tip(row), "fill": fill(row)}
        rows.extend({**shared, "polygon": polygon} for polygon in shapes.get(row[code], []))
    return rows


def _areas(layer_id: str, parts: list[dict], selected: set[str]) -> list[pdk.Layer]:
    """Filled areas, their outlines, and a darker outline round the selected ones. SolidPolygonLayer, not GeoJsonLayer:
    st.pydeck_chart selects only from primitive layers (a click on a GeoJsonLayer's sub-layer returns no selection
    in Streamlit 1.67)."""
    outlines = [{"path": ring} for part in parts for ring in part["polygon"]]
    chosen = [{"path": ring} for part in parts if part["code"] in selected for ring in part["polygon"]]
    return [
        pdk.Layer("SolidPolygonLayer", id=layer_id, data=parts, get_polygon="polygon", get_fill_color="fill",
                  pickable=True, auto_highlight=True),
        pdk.Layer("PathLayer", id=f"{layer_id}_outline", data=outlines, get_path="path", get_color=[255, 255, 255],
                  width_min_pixels=1, get_width=1),
        pdk.Layer("PathLayer", id=f"{layer_id}_selected", data=chosen, get_path="path", get_color=SELECTED_RGB,
                  width_min_pixels=3, get_width=3),
    ]


def oblast_choropleth(oblasts: pl.DataFrame, shapes: dict[str, list], metric: str, selected: set[str]) -> pdk.Deck:
    """The oblasts coloured by `metric`, the `selected` ones outlined. Rows go in code order whatever the figures,
    so a clicked row means the same oblast on every run."""
    top = oblasts[metric].max() or 0
    name = f"name_{lang()}"
    tip = lambda r: t("tt_oblast", name=r[name], agreements=fmt.num(r["agreement_count"]),  # noqa: E731
                      as_partner=fmt.num(r["domestic_as_partner_count"]),
                      share=fmt.share(r["hromadas_with_international_pct"]), countries=fmt.num(r["partner_country_count"]))
    parts = _parts(oblasts.sort("oblast_code"), "oblast_code", shapes, tip, lambda r: colour(r[metric], top, VIRIDIS_RGB))
    return _deck(_areas(OBLAST_LAYER, parts, selected), fitted_view(*_bounds(shapes), UKRAINE_MAP_PX))


def _country_layer(countries: pl.DataFrame, shapes: dict[str, list]) -> pdk.Layer:
    """Every country's light shape in one layer: those with agreements filled by their count, the rest as pale land,
    all with a thin border (one copy of the coordinates: PolygonLayer strokes what it fills)."""
    top = countries["agreement_count"].max() or 0
    name = f"name_{lang()}"
    tip = lambda r: t("tt_country", name=r[name], agreements=fmt.num(r["agreement_count"]),  # noqa: E731
                      hromadas=fmt.num(r["hromada_count"])) + (
        t("tt_terminated", count=fmt.num(r["terminated_count"])) if r["terminated_count"] else "")
    fill = lambda r: colour(r["agreement_count"], top, CIVIDIS_RGB) if r["agreement_count"] else LAND_RGB  # noqa: E731
    return pdk.Layer("PolygonLayer", id=COUNTRY_LAYER, data=_parts(countries, "country_code", shapes, tip, fill),
                     get_polygon="polygon", get_fill_color="fill", get_line_color=BORDER_RGB, stroked=True,
                     line_width_min_pixels=0.5, get_line_width=0, pickable=True, auto_highlight=True)


def _arc_layer(arcs: list[dict]) -> pdk.Layer:
    """Arcs from hromada (blue) to partner (yellow); a terminated tie in grey."""
    records = [
        {"from": [row["hromada_lon"], row["hromada_lat"]], "to": [row["partner_lon"], row["partner_lat"]],
         "source": TERMINATED_RGB if row.get("status") == "terminated" else HROMADA_RGB,
         "target": TERMINATED_RGB if row.get("status") == "terminated" else PARTNER_RGB,
         "tooltip": t("tt_arc", hromada=row[f"hromada_name_{lang()}"] or row["hromada_name_uk"],
                      partner=row[f"partner_name_{lang()}"] or row["partner_name_uk"] or "")}
        for row in arcs
    ]
    return pdk.Layer(
        "ArcLayer", id=ARC_LAYER, data=records, pickable=True, get_width=2,
        get_source_position="from", get_target_position="to", get_source_color="source", get_target_color="target",
    )


def world(countries: pl.DataFrame, arcs: pl.DataFrame, shapes: dict[str, list], size_px: tuple[int, int]) -> pdk.Deck:
    """Partner countries filled by their agreements and arcs from the hromadas to their partners, in a view that
    shows every arc (Europe when there are none)."""
    records = arcs.to_dicts()
    lons = [r[k] for r in records for k in ("hromada_lon", "partner_lon")] or [-10.0, 40.0]
    lats = [r[k] for r in records for k in ("hromada_lat", "partner_lat")] or [35.0, 60.0]
    view = fitted_view(lons, lats, size_px, max_zoom=5.0)
    return _deck([_country_layer(countries, shapes), _arc_layer(records)], view)


def parties(agreement: dict, ukraine: list) -> pdk.Deck:
    """Both parties of one agreement as points joined by an arc, over no more than Ukraine's outline."""
    name = lang()
    points = [
        {"lon": agreement["hromada_lon"], "lat": agreement["hromada_lat"], "colour": HROMADA_RGB,
         "tooltip": agreement[f"hromada_name_{name}"] or agreement["hromada_name_uk"]},
        {"lon": agreement["partner_lon"], "lat": agreement["partner_lat"], "colour": PARTNER_RGB,
         "tooltip": agreement[f"partner_name_{name}"] or agreement["partner_name_uk"] or ""},
    ]
    points = [p for p in points if p["lon"] is not None and p["lat"] is not None]
    layers = [pdk.Layer("PathLayer", id=COUNTRY_LAYER, data=[{"path": ring} for polygon in ukraine for ring in polygon],
                        get_path="path", get_color=BORDER_RGB, width_min_pixels=1, get_width=0)]
    layers.append(pdk.Layer("ScatterplotLayer", id=POINT_LAYER, data=points, get_position=["lon", "lat"],
                            get_fill_color="colour", get_radius=2000, radius_min_pixels=5, radius_max_pixels=9, pickable=True))
    if len(points) == 2:
        layers.append(_arc_layer([agreement]))
    lons, lats = [p["lon"] for p in points], [p["lat"] for p in points]
    return _deck(layers, fitted_view(lons or [22.1, 40.2], lats or [44.4, 52.4], CARD_MAP_PX, max_zoom=7.0, padding=0.1))
