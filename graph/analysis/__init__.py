"""Entity and statement tables (pandas) read from a built graph by SPARQL."""
