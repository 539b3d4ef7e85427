"""The RDF model: vocabulary (`namespaces`, `ontology`, shapes), IRIs, cross-article entity
resolution (`resolve`), the graph build from facts (`build`) and its named-graph views
(`datasets`)."""
