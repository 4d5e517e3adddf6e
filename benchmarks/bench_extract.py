"""Extractor speed: articles per second on one core for ~3 KB articles (index load reported apart).

Timed in process CPU time, so that other work on a shared machine does not count against the extractor.
Per-word morphology stays cached across rounds (a long ingest warms it the same way); per-text cue answers are
cleared before each round, since real articles do not repeat sentences.
The index load is timed once, from its on-disk cache when one is present (a cold build takes ~30 s).
"""
import time

import pytest

from etl.extract.cues import prepare
from etl.extract.dates import find_dates
from etl.extract.pipeline import Extractor
from etl.sources.articles import Document, document_id, read_documents
from tests.extract.conftest import DEV_SET, SEEDS

TARGET_BYTES = 3 * 1024


def _three_kb_articles() -> list[Document]:
    """Every dev-set and seed article, each padded with its own body to about 3 KB of text."""
    docs, _ = read_documents([p for p in (DEV_SET, SEEDS) if p.exists()])
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


@pytest.mark.benchmark(timer=time.process_time)
def test_extract_three_kb_articles(benchmark, timed_extractor):
    extractor, load_seconds = timed_extractor
    articles = _three_kb_articles()
    extractor.extract(articles[0])  # warm the per-word morphology cache the way a long run would

    def forget_texts():
        # per-text answers would be free on a second round; new articles never repeat a sentence
        for method in ("is_relation", "opens_background", "is_background_sentence", "type_of", "statuses", "themes",
                       "programme", "status_matches", "unnamed_partners"):
            getattr(extractor.cues, method).cache_clear()
        extractor.finder._fuzzy.cache_clear()
        find_dates.cache_clear()
        prepare.cache_clear()

    def run():
        return sum(len(extractor.extract(doc)) for doc in articles)

    mentions = benchmark.pedantic(run, setup=forget_texts, rounds=5, iterations=1, warmup_rounds=1)
    per_second = len(articles) / benchmark.stats.stats.mean
    benchmark.extra_info.update({"articles": len(articles), "articles_per_second": round(per_second, 1),
                                 "index_load_seconds": round(load_seconds, 2), "mentions": mentions})
    print(f"\n{len(articles)} articles of ~3 KB: {per_second:.0f} articles/s; index load {load_seconds:.2f} s")
    assert mentions > 0
