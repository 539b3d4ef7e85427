"""Posts held before: a statement with ng:postEnded true and no direct holdsPost triple."""

from __future__ import annotations

from rdflib import RDF, XSD, Graph, Literal

from extract.facts import Article, ArticleFacts, Entity, Relation
from graph.export import serialize
from graph.netx import to_networkx
from graph.rdf.build import build_graph
from graph.rdf.namespaces import NG
from graph.validate import validate

BASE = "https://example.org/id/"


def _facts(*, ended: bool) -> ArticleFacts:
    ents = (Entity(key="p", type="PERSON", name="Mary Lanford", mentions=1),
            Entity(key="country:TD", type="GPE", name="Chad", mentions=1))
    rel = Relation("p", "holdsPost", "country:TD", "Former minister Mary Lanford of Chad spoke.",
                   0, 43, "minister", "post-former" if ended else "post-title",
                   value="Minister", confidence=0.85, ended=ended)
    return ArticleFacts(article=Article(id="a1", text="", title="Title"), entities=ents,
                        relations=(rel,))


def _graph(*, ended: bool) -> Graph:
    kg = build_graph([_facts(ended=ended)], base=BASE)
    return Graph().parse(data=serialize(kg, "nt"), format="nt")


def test_a_post_held_before_is_a_statement_without_a_direct_triple() -> None:
    g = _graph(ended=True)
    (st,) = list(g.subjects(RDF.predicate, NG.holdsPost))
    assert (st, NG.postEnded, Literal(True, datatype=XSD.boolean)) in g
    assert not list(g.subject_objects(NG.holdsPost))
    assert validate(g).conforms


def test_a_current_post_has_its_direct_triple_and_no_end() -> None:
    g = _graph(ended=False)
    (st,) = list(g.subjects(RDF.predicate, NG.holdsPost))
    assert not list(g.objects(st, NG.postEnded))
    assert len(list(g.subject_objects(NG.holdsPost))) == 1


def test_the_networkx_view_marks_the_post_held_before() -> None:
    view = to_networkx(build_graph([_facts(ended=True)], base=BASE).rdf)
    (attrs,) = [d for _s, _o, d in view.edges(data=True) if d["predicate"] == "holdsPost"]
    assert attrs["post_ended"] is True
