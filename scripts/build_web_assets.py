"""Rebuild the dashboard's vendored assets in `src/truce/web/static/` from the npm registry.

    python scripts/build_web_assets.py

The dashboard loads nothing from the network, so what it draws with is committed:

- Leaflet (`leaflet` on npm, BSD-2-Clause): `leaflet.js`, `leaflet.css`, `LICENSE-leaflet`.
- Supercluster (`supercluster` on npm, ISC; its UMD build bundles kdbush 3, ISC), which
  clusters the offline file's markers: `supercluster.js`, `LICENSE-supercluster`. (7.x:
  the last line with a browser build that needs no bundler.)
- Country outlines from `world-atlas` (Natural Earth 1:50m, public domain; package ISC),
  converted from TopoJSON to GeoJSON, clipped to a box around Ukraine, western Russia and
  their neighbours, coordinates rounded to 0.01°: `outlines.json`.
- Region labels (no shapes): the population-weighted centre of the gazetteer's places
  in each first-level region of Ukraine and Russia, added to `outlines.json` as points.

Needs `npm` (only `npm pack`, into a temporary folder) and network access to the npm
registry. Neither `make test` nor `make demo` runs this; its outputs are committed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "src" / "truce" / "web" / "static"
PACKAGES = {"leaflet": "1.9.4", "world-atlas": "2.0.2", "supercluster": "7.1.5"}
# lon_min, lat_min, lon_max, lat_max: Ukraine, Russia west of the Urals, neighbours.
BOX = (14.0, 40.0, 60.0, 62.0)
DIGITS = 2


def _pack(name: str, version: str, into: Path) -> Path:
    """Fetch one package's tarball with `npm pack` and unpack it; returns its folder."""
    out = subprocess.run(
        ["npm", "pack", f"{name}@{version}", "--silent"],
        cwd=into,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    folder = into / name
    with tarfile.open(into / out.splitlines()[-1]) as tar:
        tar.extractall(folder, filter="data")
    return folder / "package"


def _arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Decode TopoJSON's delta-encoded, quantised arcs into absolute coordinates."""
    scale = topology["transform"]["scale"]
    translate = topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        decoded.append(points)
    return decoded


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def _clip(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Sutherland–Hodgman clipping of a ring to BOX (fine for drawing outlines)."""
    x0, y0, x1, y1 = BOX
    Point = tuple[float, float]
    edges: tuple[tuple[Callable[[Point], bool], Callable[[Point, Point], Point]], ...] = (
        (lambda p: p[0] >= x0, lambda a, b: _at_x(a, b, x0)),
        (lambda p: p[0] <= x1, lambda a, b: _at_x(a, b, x1)),
        (lambda p: p[1] >= y0, lambda a, b: _at_y(a, b, y0)),
        (lambda p: p[1] <= y1, lambda a, b: _at_y(a, b, y1)),
    )
    out = ring
    for inside, cut in edges:
        if not out:
            break
        source, out = out, []
        previous = source[-1]
        for point in source:
            if inside(point):
                if not inside(previous):
                    out.append(cut(previous, point))
                out.append(point)
            elif inside(previous):
                out.append(cut(previous, point))
            previous = point
    return out


def _at_x(a: tuple[float, float], b: tuple[float, float], x: float) -> tuple[float, float]:
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _at_y(a: tuple[float, float], b: tuple[float, float], y: float) -> tuple[float, float]:
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def _rounded(ring: list[tuple[float, float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in ring:
        point = [round(x, DIGITS), round(y, DIGITS)]
        if not out or out[-1] != point:
            out.append(point)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def countries(world_atlas: Path) -> list[dict[str, Any]]:
    """GeoJSON features of every country that reaches into BOX, clipped to it."""
    topology = json.loads((world_atlas / "countries-50m.json").read_text("utf-8"))
    arcs = _arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("type") == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry.get("type") == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        kept = []
        for polygon in polygons:
            rings = [_rounded(_clip(_ring(r, arcs))) for r in polygon]
            if len(rings[0]) >= 4:
                kept.append([r for r in rings if len(r) >= 4])
        if kept:
            features.append(
                {
                    "type": "Feature",
                    "properties": {"name": geometry["properties"]["name"]},
                    "geometry": {"type": "MultiPolygon", "coordinates": kept},
                }
            )
    return features


def label_points() -> tuple[list[dict[str, Any]], dict[str, list[float]]]:
    """Where to write each first-level region's name (UA and RU, inside BOX) and where
    to put an incident known only to its country or region: the plain mean of the
    gazetteer's places there (points, not shapes: no open outlines of regions exist)."""
    sys.path.insert(0, str(ROOT / "src"))
    from truce.geo import gazetteer

    regions: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    countries: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for place in gazetteer().places:
        if place.lat is None or place.lon is None or not place.country:
            continue
        if not (BOX[0] <= place.lon <= BOX[2] and BOX[1] <= place.lat <= BOX[3]):
            continue
        sums = [countries[place.country]]
        if place.region and place.country in ("UA", "RU"):
            sums.append(regions[(place.country, place.region)])
        for total in sums:
            total[0] += place.lat
            total[1] += place.lon
            total[2] += 1
    labels = [
        {
            "type": "Feature",
            "properties": {"name": name, "country": country},
            "geometry": {
                "type": "Point",
                "coordinates": [round(lon / n, 3), round(lat / n, 3)],
            },
        }
        for (country, name), (lat, lon, n) in sorted(regions.items())
    ]
    centres = {
        code: [round(lat / n, 3), round(lon / n, 3)]
        for code, (lat, lon, n) in sorted(countries.items())
        if n >= 20
    }
    return labels, centres


def main() -> None:
    STATIC.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folders = {name: _pack(name, v, Path(tmp)) for name, v in PACKAGES.items()}
        leaflet = folders["leaflet"]
        shutil.copy(leaflet / "dist" / "leaflet.js", STATIC / "leaflet.js")
        shutil.copy(leaflet / "dist" / "leaflet.css", STATIC / "leaflet.css")
        shutil.copy(leaflet / "LICENSE", STATIC / "LICENSE-leaflet")
        cluster = folders["supercluster"]
        shutil.copy(cluster / "dist" / "supercluster.min.js", STATIC / "supercluster.js")
        (STATIC / "LICENSE-supercluster").write_text(
            f"supercluster {PACKAGES['supercluster']} (npm), dist/supercluster.min.js, which"
            " bundles kdbush 3 (ISC,\nCopyright (c) 2018, Vladimir Agafonkin).\n\n"
            + (cluster / "LICENSE").read_text("utf-8"),
            "utf-8",
        )
        atlas = folders["world-atlas"]
        shutil.copy(atlas / "LICENSE", STATIC / "LICENSE-world-atlas")
        licences = {
            name: json.loads((folder / "package.json").read_text("utf-8")).get("license")
            for name, folder in folders.items()
        }
        outlines: dict[str, Any] = {
            "type": "FeatureCollection",
            "bbox": list(BOX),
            "source": (
                f"world-atlas {PACKAGES['world-atlas']} countries-50m (Natural Earth, public"
                " domain); region label points from truce's GeoNames gazetteer (CC BY 4.0)"
            ),
            "features": countries(atlas),
        }
        outlines["labels"], outlines["centres"] = label_points()
    text = json.dumps(outlines, separators=(",", ":"), ensure_ascii=False)
    (STATIC / "outlines.json").write_text(text + "\n", "utf-8")
    manifest = {
        "packages": {n: {"version": v, "license": licences[n]} for n, v in PACKAGES.items()},
        "outlines": {"bbox": list(BOX), "digits": DIGITS, "bytes": len(text.encode())},
        "command": "python scripts/build_web_assets.py",
    }
    (STATIC / "assets.json").write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    print(json.dumps(manifest, indent=2))


if __name__ == "__main__":
    main()
