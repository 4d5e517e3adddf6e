"""Extractor speed: articles per second on one core for ~3 KB articles it has not read (index load reported apart).

Timed in process CPU time, so that other work on a shared machine does not count against the extractor.
Before each round every cache the extractor keeps (per word, per name, per text) is emptied and then warmed by
reading the held-out articles, as a long ingest would have read other articles first; the timed articles (the
development set and the seeds) share no text with those, so their new words, names and sentences are paid for.
The index load is timed once, from its on-disk cache when one is present (a cold build takes ~30 s).
"""
import functools
import gc
import inspect
import time

import pytest

from etl.extract.pipeline import Extractor
from etl.sources.articles import Document, document_id, read_documents
from tests.extract.conftest import DEV_SET, HELD_OUT, SEEDS

TARGET_BYTES = 3 * 1024


def _three_kb_articles(*folders) -> list[Document]:
    """Every article of the folders, each padded with its own body to about 3 KB of text."""
    docs, _ = read_documents([p for p in folders if p.exists()])
    sized = []
    for doc in docs:
        body = doc.text.split("\n", 1)[-1]
        text = doc.text
        while len(text.encode()) < TARGET_BYTES:
            text += "\n" + body
        text = text.encode()[:TARGET_BYTES].decode(errors="ignore")
        sized.append(Document(document_id(text), doc.source, doc.title, doc.published_date, doc.lang, doc.format, text))
    return sized


@pytest.fixture(scope="module")
def timed_extractor():
    started = time.process_time()
    extractor = Extractor()
    return extractor, time.process_time() - started


def _holds_answers(wrapper) -> bool:
    """A cache of a function taking arguments (a word, a name, a sentence) holds answers; one of a function
    taking none (morphology(), cues()) holds the one object a process builds, which a long ingest keeps:
    emptying it would have the next caller build a second, with caches of its own, as no ingest does."""
    try:
        return bool(inspect.signature(wrapper.__wrapped__).parameters)
    except (TypeError, ValueError):
        return True


def _forget_everything() -> None:
    """Empty every functools cache of answers in the process: the extractor's per-word, per-name and per-text
    ones. The caches may sit among the objects the extractor froze out of the collector's way, which
    gc.get_objects() does not list: they are unfrozen to be found, and frozen again after."""
    gc.unfreeze()
    for wrapper in (o for o in gc.get_objects() if isinstance(o, functools._lru_cache_wrapper)):
        if _holds_answers(wrapper):
            wrapper.cache_clear()
    gc.freeze()


@pytest.mark.benchmark(timer=time.process_time)
def test_extract_three_kb_articles(benchmark, timed_extractor):
    """The timed rounds follow one first pass, timed and reported apart: in a fresh process that pass also
    builds, once, the spelling index of each partner country the articles name (tens of milliseconds a
    country), as the first articles of a long ingest do."""
    extractor, load_seconds = timed_extractor
    articles, warm_up = _three_kb_articles(DEV_SET, SEEDS), _three_kb_articles(HELD_OUT)

    def read_other_articles_first():
        _forget_everything()
        for doc in warm_up:
            extractor.extract(doc)

    def run():
        return sum(len(extractor.extract(doc)) for doc in articles)

    read_other_articles_first()
    started = time.process_time()
    run()
    first_pass = len(articles) / (time.process_time() - started)
    mentions = benchmark.pedantic(run, setup=read_other_articles_first, rounds=5, iterations=1)
    per_second = len(articles) / benchmark.stats.stats.mean
    benchmark.extra_info.update({"articles": len(articles), "articles_per_second": round(per_second, 1),
                                 "first_pass_articles_per_second": round(first_pass, 1),
                                 "warm_up_articles": len(warm_up), "index_load_seconds": round(load_seconds, 2),
                                 "mentions": mentions})
    print(f"\n{len(articles)} unseen articles of ~3 KB: {per_second:.0f} articles/s (first pass in this process "
          f"{first_pass:.0f}/s); index load {load_seconds:.2f} s")
    assert mentions > 0


@pytest.mark.benchmark(timer=time.process_time)
def test_extract_three_kb_articles_read_again(benchmark, timed_extractor):
    """The same articles read a second time: every word, name and sentence already answered (an upper bound)."""
    extractor, _ = timed_extractor
    articles = _three_kb_articles(DEV_SET, SEEDS)

    def run():
        return sum(len(extractor.extract(doc)) for doc in articles)

    mentions = benchmark.pedantic(run, rounds=5, iterations=1, warmup_rounds=1)
    per_second = len(articles) / benchmark.stats.stats.mean
    benchmark.extra_info.update({"articles": len(articles), "articles_per_second": round(per_second, 1)})
    print(f"\n{len(articles)} articles of ~3 KB read again: {per_second:.0f} articles/s")
    assert mentions > 0
