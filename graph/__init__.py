"""newsgraph graph layer: `ArticleFacts` in, one RDF graph and its exports out."""
