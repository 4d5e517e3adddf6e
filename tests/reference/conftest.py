"""One reference warehouse per session, built by the real build from the real packages."""
import duckdb
import pytest

from etl.reference.build import build_reference
from etl.reference.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def reference_build():
    con = duckdb.connect(":memory:")
    counts = build_reference(con, progress=False)
    yield con, counts
    con.close()


@pytest.fixture(scope="session")
def reference_db(reference_build):
    return reference_build[0]


@pytest.fixture(scope="session")
def gazetteer(reference_db):
    return Gazetteer.load(reference_db)


def rows(con, sql, params=None):
    """All rows of a query as dicts."""
    cur = con.cursor()
    result = cur.execute(sql, params or {})
    names = [d[0] for d in result.description]
    return [dict(zip(names, r)) for r in result.fetchall()]
