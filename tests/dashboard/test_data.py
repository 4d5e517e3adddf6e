"""The shared connection is swapped for a newly published build without breaking a query that is still running."""
import os
import shutil
import threading
import time

import duckdb

from dashboard import data

COUNT = "select count(*) from fct_agreements"


def _publish_one_fewer(source, live) -> None:
    """The next build, one agreement fewer, swapped in the way etl publishes (a rename over the live file)."""
    build = live.with_name("build.duckdb")
    shutil.copy2(source, build)
    with duckdb.connect(str(build)) as con:
        con.execute("delete from fct_agreements where agreement_id = (select min(agreement_id) from fct_agreements)")
    os.replace(build, live)
    os.utime(live, (time.time() + 5, time.time() + 5))


def test_a_query_running_on_the_old_build_finishes_before_the_new_build_is_opened(dashboard_db, tmp_path):
    live = tmp_path / "live.duckdb"
    shutil.copy2(dashboard_db, live)
    with duckdb.connect(str(dashboard_db), read_only=True) as con:
        total = con.execute(COUNT).fetchone()[0]
    builds = data.Builds()
    answers, errors = {}, []
    started, finish = threading.Event(), threading.Event()

    def read(name: str, version: float, hold: bool = False) -> None:
        try:
            with builds.cursor(str(live), version) as cursor:
                started.set()
                if hold:
                    finish.wait()
                answers[name] = cursor.execute(COUNT).fetchone()[0]
        except duckdb.Error as error:
            errors.append(error)

    old = threading.Thread(target=read, args=("old", live.stat().st_mtime, True))
    old.start()
    started.wait()
    _publish_one_fewer(dashboard_db, live)
    new = threading.Thread(target=read, args=("new", live.stat().st_mtime))
    new.start()
    new.join(timeout=1.0)  # a swap that closed the old connection at once would be done by now
    finish.set()
    old.join()
    new.join()
    assert errors == []
    assert answers == {"old": total, "new": total - 1}
