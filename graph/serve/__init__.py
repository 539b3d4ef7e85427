"""The read-only SPARQL endpoint: HTTP protocol (`graph.serve.endpoint`) over a query worker
process (`graph.serve.worker`)."""

from graph.serve.endpoint import DEFAULT_PORT, DEFAULT_TIMEOUT, Endpoint, serve, start

__all__ = ["DEFAULT_PORT", "DEFAULT_TIMEOUT", "Endpoint", "serve", "start"]
