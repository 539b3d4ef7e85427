"""Given names and their usual gender, from the US census lists of the `names` package.

Two uses: a two- or three-word name that NER typed as an organisation or place but starts with a
common given name ("Margaret Hodge") is more likely a person; and "he" / "she" should not
resolve to a person whose given name is clearly of the other gender. The lists are American
and miss many names from elsewhere: they only ever add evidence, never remove it.

>>> given_name_gender("Margaret"), given_name_gender("Robert"), given_name_gender("Nato")
('f', 'm', None)
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["given_name_gender", "is_given_name", "is_surname"]

#: Share of the population a name must reach to count (drops rare names that are also words).
_MIN_PERCENT = 0.005


@lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    share: dict[str, dict[str, float]] = {}
    data = resources.files("names")
    for gender, filename in (("m", "dist.male.first"), ("f", "dist.female.first")):
        for line in data.joinpath(filename).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) >= 2 and float(parts[1]) >= _MIN_PERCENT:
                share.setdefault(parts[0].lower(), {})[gender] = float(parts[1])
    out: dict[str, str] = {}
    for name, by_gender in share.items():
        m, f = by_gender.get("m", 0.0), by_gender.get("f", 0.0)
        out[name] = "m" if m > 10 * f else "f" if f > 10 * m else "fm"  # one clearly dominates
    return out


def given_name_gender(name: str) -> str | None:
    """"m", "f", "fm" (both) for a known given name, else None."""
    return _genders().get(name.lower())


def is_given_name(name: str) -> bool:
    """Whether ``name`` is a known given name."""
    return name.lower() in _genders()


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    text = resources.files("names").joinpath("dist.all.last").read_text(encoding="ascii")
    return frozenset(line.split()[0].lower() for line in text.splitlines() if line.strip())


def is_surname(name: str) -> bool:
    """Whether ``name`` is a surname of the US census list ("Glass" is, "Glyphosate" is not)."""
    return name.lower() in _surnames()
