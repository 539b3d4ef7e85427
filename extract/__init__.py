"""newsgraph extraction: articles in, `ArticleFacts` out. Knows spaCy, knows nothing of RDF."""
