"""GraphML of the entity network, written element by element as it is generated.

The file is the one NetworkX's GraphML writer gives for the same graph (same keys, key ids,
order, indentation and escaping), without building an XML tree of the whole graph in memory
first. Lists are joined with ``; ``; characters that XML 1.0 cannot carry become U+FFFD.

>>> import networkx as nx
>>> view = nx.MultiDiGraph()
>>> view.add_edge("a", "b", key="s1", confidence=0.5, tags=["x", "y"])
's1'
>>> root, *body = graphml_lines(view)
>>> root.startswith('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"')
True
>>> print("".join(body), end="")
  <key id="d1" for="edge" attr.name="tags" attr.type="string" />
  <key id="d0" for="edge" attr.name="confidence" attr.type="double" />
  <graph edgedefault="directed">
    <node id="a" />
    <node id="b" />
    <edge source="a" target="b" id="s1">
      <data key="d0">0.5</data>
      <data key="d1">x; y</data>
    </edge>
  </graph>
</graphml>
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import networkx as nx
from networkx.readwrite.graphml import GraphML

from extract.atomic import atomic_write

__all__ = ["graphml_lines", "write_graphml", "xml_safe"]

# Characters XML 1.0 cannot carry, even escaped.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Carriage returns in text, read as line breaks (the document's lines end with "\n").
_LINE_BREAK = re.compile("\r\n?")
_XML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
_ROOT = (f'<graphml xmlns="{GraphML.NS_GRAPHML}" xmlns:xsi="{GraphML.NS_XSI}" '
         f'xsi:schemaLocation="{GraphML.SCHEMALOCATION}">\n')
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                            "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"})


def xml_safe(value: Any) -> Any:
    """``value`` with lists joined by ``; `` and characters XML cannot carry as U+FFFD."""
    if isinstance(value, str):
        return _XML_INVALID.sub("\ufffd", value)
    if isinstance(value, list | tuple | set):
        return _XML_INVALID.sub("\ufffd", "; ".join(map(str, value)))
    return value


def _ascii(text: str) -> str:
    """``text`` with each character outside ASCII as a character reference (``&#233;``)."""
    return text if text.isascii() else text.encode("ascii", "xmlcharrefreplace").decode("ascii")


def _attribute(value: object) -> str:
    return _ascii(str(xml_safe(value)).translate(_ATTRIBUTE))


def _xml_type(value: object) -> str:
    try:
        return _XML_TYPES[type(value)]
    except KeyError:
        raise nx.NetworkXError(
            f"GraphML writer does not support {type(value)} as data values.") from None


def _keys(view: nx.MultiDiGraph) -> dict[tuple[str, str, str], str]:
    """Key id per (attribute, type, scope), numbered in the order they first occur."""
    keys: dict[tuple[str, str, str], str] = {}
    items: Iterable[tuple[str, Mapping[str, Any]]] = (
        *(("node", data) for _n, data in view.nodes(data=True)),
        *(("edge", data) for *_e, data in view.edges(keys=True, data=True)),
    )
    for scope, data in items:
        for name, value in data.items():
            keys.setdefault((str(name), _xml_type(xml_safe(value)), scope), f"d{len(keys)}")
    return keys


def _element(tag: str, attributes: str, data: Mapping[str, Any], scope: str,
             keys: dict[tuple[str, str, str], str]) -> str:
    """One indented node or edge element with its data."""
    if not data:
        return f"    <{tag} {attributes} />\n"
    parts = [f"    <{tag} {attributes}>\n"]
    for name, raw in data.items():
        value = xml_safe(raw)
        key = keys[(str(name), _xml_type(value), scope)]
        text = _ascii(_LINE_BREAK.sub("\n", str(value).translate(_TEXT)))
        parts.append(f'      <data key="{key}">{text}</data>\n' if text
                     else f'      <data key="{key}" />\n')
    parts.append(f"    </{tag}>\n")
    return "".join(parts)


def graphml_lines(view: nx.MultiDiGraph) -> Iterator[str]:
    """The GraphML document of ``view``, a chunk of whole lines at a time."""
    keys = _keys(view)
    yield _ROOT
    for (name, xml_type, scope), key in reversed(keys.items()):
        yield (f'  <key id="{key}" for="{scope}" attr.name="{_attribute(name)}" '
               f'attr.type="{xml_type}" />\n')
    if view.number_of_nodes() == 0:
        yield '  <graph edgedefault="directed" />\n</graphml>\n'
        return
    yield '  <graph edgedefault="directed">\n'
    for node, data in view.nodes(data=True):
        yield _element("node", f'id="{_attribute(node)}"', data, "node", keys)
    for u, v, key, data in view.edges(keys=True, data=True):
        ends = f'source="{_attribute(u)}" target="{_attribute(v)}" id="{_attribute(key)}"'
        yield _element("edge", ends, data, "edge", keys)
    yield "  </graph>\n</graphml>\n"


def write_graphml(view: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the NetworkX view as GraphML (lists joined with ``; ``, XML-safe text)."""
    with atomic_write(path) as out:
        out.writelines(graphml_lines(view))
    return Path(path)
