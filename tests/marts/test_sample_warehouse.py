"""The warehouse `make run` serves, built from the embedded sample data by `python -m etl build`."""
from __future__ import annotations

import csv

from tests.conftest import REPO_ROOT


def scalar(con, sql):
    return con.execute(sql).fetchone()[0]


def test_reference_layer_has_every_unit(sample):
    assert scalar(sample, "select count(*) from dim_oblast") == 27
    assert scalar(sample, "select count(*) from dim_hromada where is_hromada and not is_crimea") == 1469
    assert scalar(sample, "select count(*) from dim_hromada where is_hromada and is_crimea") == 303
    assert scalar(sample, "select count(*) from dim_raion") == 136
    assert scalar(sample, "select count(*) from dim_country where name_uk is not null") >= 249


def test_at_least_99_percent_of_hromadas_have_coordinates(sample):
    share = scalar(
        sample,
        "select avg(has_coordinates::int) from dim_hromada where is_hromada and not is_crimea",
    )
    assert share >= 0.99


def test_sample_register_loads_without_rejects(sample):
    assert scalar(sample, "select count(*) from raw_rejects") == 0
    runs = sample.execute(
        "select read_count, loaded_count, rejected_count from raw_ingest_runs where source_kind = 'registry'"
    ).fetchall()
    assert runs and all(read == loaded + rejected and rejected == 0 for read, loaded, rejected in runs)


def test_per_oblast_mart_sums_to_the_fact_table(sample):
    assert scalar(sample, "select count(*) from agreements_by_oblast") == 27
    assert scalar(sample, "select sum(agreement_count) from agreements_by_oblast") == scalar(
        sample, "select count(*) from fct_agreements"
    )


def test_sample_covers_the_promised_breadth(sample):
    assert scalar(sample, "select count(*) from agreements_by_oblast where agreement_count > 0") >= 20
    assert scalar(sample, "select count(distinct partner_country_code) from fct_agreements where not is_domestic") >= 30
    assert scalar(sample, "select count(*) from fct_agreements where is_domestic") >= 30
    assert scalar(sample, "select count(*) from fct_agreements") >= 300


def test_every_sample_register_link_reaches_the_agreement_sources(sample):
    with (REPO_ROOT / "data" / "sample" / "registry.csv").open(encoding="utf-8") as register:
        links = {row["Джерело"] for row in csv.DictReader(register) if row["Джерело"].startswith("http")}
    shown = sample.execute(
        "select distinct source_url from fct_agreement_sources "
        "where source_kind = 'registry' and source_url is not null"
    ).fetchall()
    assert {url for (url,) in shown} == links
