"""Thinned shapes keep what a small-scale map needs: closed rings, far fewer points, and every area."""
import json

from dashboard import geometry


def _square_with_wobbles(size: float, steps: int) -> list[list[float]]:
    """A closed square ring whose sides carry `steps` points each, bent by at most a thousandth of a degree."""
    corners = [(0, 0), (size, 0), (size, size), (0, size), (0, 0)]
    ring = []
    for (x0, y0), (x1, y1) in zip(corners, corners[1:]):
        for i in range(steps):
            wobble = 0.001 if i % 2 else 0.0
            ring.append([x0 + (x1 - x0) * i / steps + wobble, y0 + (y1 - y0) * i / steps + wobble])
    return [*ring, ring[0]]


def test_thinning_drops_wobbles_under_the_tolerance_and_keeps_the_ring_closed():
    shape = json.dumps({"type": "Polygon", "coordinates": [_square_with_wobbles(10.0, 50)]})
    [[ring]] = geometry.light(shape, tolerance=0.1, digits=2)
    assert ring[0] == ring[-1]
    assert 5 <= len(ring) <= 8


def test_an_area_smaller_than_the_tolerance_is_kept_rather_than_lost():
    tiny = [[12.45, 41.9], [12.458, 41.901], [12.457, 41.907], [12.45, 41.9]]
    shape = json.dumps({"type": "MultiPolygon", "coordinates": [[tiny]]})
    assert geometry.light(shape, tolerance=0.1, digits=3) == [[[[12.45, 41.9], [12.458, 41.901], [12.457, 41.907], [12.45, 41.9]]]]


def test_no_geometry_gives_no_polygons():
    assert geometry.light(None, tolerance=0.1, digits=2) == []
