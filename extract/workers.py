"""Running extraction on many articles: in this process, a local process pool, or Dask.

All three yield `ArticleFacts` in input order, so a build's output does not depend on where
the NLP ran. Articles travel in batches; at most a few batches are in flight at once, so memory
stays bounded however long the input is.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from extract.facts import Article, ArticleFacts

__all__ = ["BATCH", "extract_all"]

#: Articles per task sent to a worker process.
BATCH = 32

def _extract_batch(
    batch: list[Article], model: str | None, kb: tuple[str, ...]
) -> list[ArticleFacts]:
    """Facts of ``batch`` in a worker process (the pipeline is loaded once per process)."""
    from extract.nlp import load_nlp
    from extract.pipeline import extract_facts

    return list(extract_facts(batch, load_nlp(model, kb)))


def extract_batch(batch: list[Article], model: str | None, kb: tuple[str, ...]) -> list[str]:
    """Facts of ``batch`` as JSON lines: the task a Dask worker runs."""
    from extract.facts import dumps_facts

    return [dumps_facts(f) for f in _extract_batch(batch, model, kb)]


def _ignore_interrupts() -> None:
    """In a worker process: Ctrl-C is the main process's to handle (it stops the pool)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _in_order(futures: Iterator[Future[Any]], window: int) -> Iterator[Any]:
    """Results of ``futures`` in order, keeping at most ``window`` of them pending."""
    pending: list[Future[Any]] = []
    for fut in futures:
        pending.append(fut)
        if len(pending) >= window:
            yield pending.pop(0).result()
    for fut in pending:
        yield fut.result()


def extract_all(
    articles: Iterable[Article], *, model: str | None = None, kb: Sequence[str] = (),
    workers: int = 1, scheduler: str | None = None, batch: int = BATCH,
    on_chunk: Callable[[int], None] | None = None,
) -> Iterator[ArticleFacts]:
    """Facts for every article, in input order.

    Args:
        articles: the articles, read lazily.
        model: spaCy pipeline name (see :func:`extract.nlp.resolve_model`).
        kb: extra knowledge-base files.
        workers: local processes; 1 runs in this process.
        scheduler: address of a Dask distributed scheduler (``tcp://host:8786``); when given,
            batches run as tasks on that cluster instead of local processes.
        batch: articles per task.
        on_chunk: told the length of each piece of text done, when the NLP runs in this
            process (progress inside a long article).
    """
    kb_paths = tuple(str(p) for p in kb)
    if scheduler is None:
        from extract.nlp import resolve_model

        model = resolve_model(model)  # a missing model is reported here, not in a worker
    if scheduler is not None:
        yield from _on_dask(articles, scheduler, model, kb_paths, batch)
    elif workers <= 1:
        from extract.nlp import load_nlp
        from extract.pipeline import extract_facts

        yield from extract_facts(articles, load_nlp(model, kb_paths), on_chunk=on_chunk)
    else:
        with ProcessPoolExecutor(workers, initializer=_ignore_interrupts) as pool:
            futures = (pool.submit(_extract_batch, b, model, kb_paths)
                       for b in _batches(articles, batch))
            try:
                for facts in _in_order(futures, 2 * workers):
                    yield from facts
            except KeyboardInterrupt:  # stop now: the batches in flight are extracted again
                _stop(pool)
                raise


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the pool's worker processes without waiting for the batches they are running."""
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()


def _on_dask(
    articles: Iterable[Article], scheduler: str, model: str | None, kb: tuple[str, ...],
    batch: int,
) -> Iterator[ArticleFacts]:
    from dask.distributed import Client

    from extract.facts import loads_facts

    with Client(scheduler) as client:  # type: ignore[no-untyped-call]
        window = 2 * max(1, len(client.scheduler_info().get("workers", {})))
        futures = (client.submit(extract_batch, b, model, kb, pure=False)
                   for b in _batches(articles, batch))
        for lines in _in_order(futures, window):
            for line in lines:
                yield loads_facts(line)
