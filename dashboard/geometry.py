"""Lighter polygons for small-scale maps: the committed boundaries thinned (Douglas–Peucker) and rounded."""
from __future__ import annotations

import json

Ring = list[list[float]]
Polygon = list[Ring]


def _thin(ring: Ring, tolerance: float) -> Ring:
    """The ring's points that lie farther than `tolerance` (degrees) from the line the kept points make."""
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    spans, limit = [(0, len(ring) - 1)], tolerance * tolerance
    while spans:
        first, last = spans.pop()
        (ax, ay), (bx, by) = ring[first][:2], ring[last][:2]
        dx, dy = bx - ax, by - ay
        length = dx * dx + dy * dy
        farthest, index = -1.0, -1
        for i in range(first + 1, last):
            px, py = ring[i][:2]
            along = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length)) if length else 0.0
            distance = (ax + along * dx - px) ** 2 + (ay + along * dy - py) ** 2
            if distance > farthest:
                farthest, index = distance, i
        if farthest > limit:
            keep[index] = True
            spans += [(first, index), (index, last)]
    return [point for point, kept in zip(ring, keep) if kept]


def _rounded(ring: Ring, digits: int) -> Ring:
    out: Ring = []
    for point in ring:
        rounded = [round(point[0], digits), round(point[1], digits)]
        if not out or out[-1] != rounded:
            out.append(rounded)
    return out


def polygons(geometry_json: str | None) -> list[Polygon]:
    """The polygons of a GeoJSON Polygon or MultiPolygon, as lists of rings."""
    if not geometry_json:
        return []
    geometry = json.loads(geometry_json)
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def light(geometry_json: str | None, tolerance: float, digits: int) -> list[Polygon]:
    """The area's polygons thinned to `tolerance` degrees and rounded to `digits` decimals. Rings that collapse
    are dropped (a polygon goes with its exterior), but an area never vanishes: when nothing of it survives, its
    largest exterior ring is kept, merely rounded."""
    parts = polygons(geometry_json)
    kept = []
    for exterior, *holes in parts:
        rings = [_rounded(_thin(ring, tolerance), digits) for ring in (exterior, *holes)]
        if len(rings[0]) >= 4:
            kept.append([rings[0], *(ring for ring in rings[1:] if len(ring) >= 4)])
    if kept or not parts:
        return kept
    return [[_rounded(max((polygon[0] for polygon in parts), key=len), digits)]]
