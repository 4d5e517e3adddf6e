"""One Extractor per test session: the lookup index is built (or read from its cache) once."""
from pathlib import Path

import pytest

from etl.extract.pipeline import Extractor
from etl.sources.articles import Document, document_id

REPO_ROOT = Path(__file__).resolve().parents[2]
SEEDS = REPO_ROOT.parent / "shared" / "seeds"
DEV_SET = REPO_ROOT / "tests" / "fixtures" / "articles"
HELD_OUT = REPO_ROOT / "tests" / "fixtures" / "articles_heldout"
LAST_BATCH = REPO_ROOT / "tests" / "fixtures" / "articles_last_batch"
DECEMBER_BATCH = REPO_ROOT / "tests" / "fixtures" / "articles_batch_1400"
BATCH_1600 = REPO_ROOT / "tests" / "fixtures" / "articles_batch_1600"
BATCH_1800 = REPO_ROOT / "tests" / "fixtures" / "articles_batch_1800"
BATCH_2000 = REPO_ROOT / "tests" / "fixtures" / "articles_batch_2000"
BATCH_2200 = REPO_ROOT / "tests" / "fixtures" / "articles_batch_2200"
BATCH_2400 = REPO_ROOT / "tests" / "fixtures" / "articles_batch_2400"
BATCH_2600 = REPO_ROOT / "tests" / "fixtures" / "articles_batch_2600"
BATCH_2800 = REPO_ROOT / "tests" / "fixtures" / "articles_batch_2800"
BATCH_3000 = REPO_ROOT / "tests" / "fixtures" / "articles_batch_3000"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def extract(extractor):
    """Extract mentions from a text as a txt article published on the given date."""
    from datetime import date

    def run(text: str, published: str | None = None) -> list[dict]:
        doc = Document(document_id(text), "inline.txt", None, date.fromisoformat(published) if published else None,
                       "uk", "txt", text)
        return [m.to_json() for m in extractor.extract(doc)]

    return run
