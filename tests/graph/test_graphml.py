"""The streamed GraphML writer gives the document NetworkX's GraphML writer gives."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from graph.graphml import graphml_lines, write_graphml, xml_safe

HOSTILE = "a&b<c>\"d'\r\ne\rf\x85g\u2028h\u2029i\x00j\x0bk\x1fl\ufffem\uffffn\tq\n \n\r"


def _networkx_document(view: nx.MultiDiGraph) -> str:
    """What NetworkX writes for ``view`` with lists joined and XML-safe text."""
    safe: nx.MultiDiGraph = nx.MultiDiGraph()
    for node, data in view.nodes(data=True):
        safe.add_node(xml_safe(node), **{k: xml_safe(v) for k, v in data.items()})
    for u, v, key, data in view.edges(keys=True, data=True):
        safe.add_edge(xml_safe(u), xml_safe(v), key=xml_safe(key),
                      **{k: xml_safe(x) for k, x in data.items()})
    return "\n".join(nx.generate_graphml(safe)) + "\n"


def _hostile_view() -> nx.MultiDiGraph:
    view: nx.MultiDiGraph = nx.MultiDiGraph()
    node = "https://x.org/é/" + HOSTILE
    view.add_node(node, label=HOSTILE, flag=True, mentions=3, score=1.5,
                  aliases=["Łódź", HOSTILE], empty="", same_as=[])
    view.add_node("plain")
    view.add_edge(node, "plain", key="st/" + HOSTILE, confidence=0.25, sentence=HOSTILE,
                  negated=False)
    view.add_edge("plain", "plain", key="loop")
    view.add_edge("plain", node, key=7, sentence=5)
    return view


@pytest.mark.parametrize("view", [_hostile_view(), nx.MultiDiGraph()],
                         ids=["hostile", "empty"])
def test_same_document_as_networkx(view: nx.MultiDiGraph) -> None:
    assert "".join(graphml_lines(view)) == _networkx_document(view)


def test_written_file_reads_back(tmp_path: Path) -> None:
    view = _hostile_view()
    back = nx.read_graphml(write_graphml(view, tmp_path / "g.graphml"))
    node = xml_safe("https://x.org/é/" + HOSTILE)  # attribute values keep their line breaks
    assert back.nodes[node]["aliases"].startswith("Łódź; ")
    assert back.nodes[node]["mentions"] == 3
    assert back.number_of_edges() == 3


def test_unsupported_value_is_refused() -> None:
    view: nx.MultiDiGraph = nx.MultiDiGraph()
    view.add_node("a", value=None)
    with pytest.raises(nx.NetworkXError, match="does not support"):
        "".join(graphml_lines(view))
