"""The extractor against the five real seed articles and the development set, through etl.evaluate."""
import pytest

from etl.evaluate import evaluate, format_report, load_gold, names_match

from .conftest import (BATCH_1600, BATCH_1800, BATCH_2000, BATCH_2200, BATCH_2400, BATCH_2600, BATCH_2800, BATCH_3000,
                       DECEMBER_BATCH, DEV_SET, HELD_OUT, LAST_BATCH, SEEDS)


@pytest.fixture(scope="module")
def seed_report(extractor):
    if not (SEEDS / "gold.jsonl").exists():
        pytest.skip("../shared/seeds is absent")
    return evaluate(SEEDS / "gold.jsonl", SEEDS, extractor)


@pytest.mark.seeds
def test_every_seed_agreement_is_found_with_its_hromada_partner_country_and_status(seed_report):
    assert seed_report["articles_read"] == len(load_gold(SEEDS / "gold.jsonl"))
    for doc in seed_report["documents"]:
        assert doc["missing"] == [], format_report(seed_report)
        for pair in doc["mismatches"]:
            gold, got = pair["gold"], pair["predicted"]
            assert names_match(gold["ua_party"], got["ua_party"]) and gold["ua_oblast"] == got["ua_oblast"]
            assert (gold["partner_country"], gold["status"]) == (got["partner_country"], got["status"])


@pytest.mark.seeds
def test_no_seed_article_yields_an_extra_pair(seed_report):
    assert [doc["extra"] for doc in seed_report["documents"] if doc["extra"]] == [], format_report(seed_report)


def test_dev_set_pair_f1_and_status_accuracy_meet_the_targets(extractor):
    report = evaluate(DEV_SET / "gold.jsonl", DEV_SET, extractor)
    assert report["terminated_scored"] is True
    assert report["all"]["strict"]["f1"] >= 0.95, format_report(report)
    assert report["all"]["accuracy"]["status"] >= 0.90, format_report(report)


# first-look scores on the held-out set (38 articles, 131 agreements): strict pair F1 0.790, status 0.93;
# the last blind batch (30 articles, 90 agreements) after three general fixes: F1 0.791, status 0.92; the December
# batch (25 articles, 44 agreements): first look 0.857/0.773 (uk/en), 0.899 after five fixes; batch 1600 (26 articles,
# 47 agreements): first look 0.849, status 0.83, then 0.957 and 0.98 after the fixes its README lists; batch 1800
# (22 articles, 42 agreements, not tuned on): first look 0.837, status 0.94; batch 2000 (22 articles, 43 agreements):
# first look 0.829, status 0.79, then 1.000 and 0.98 after the fixes its README lists; batch 2200 (22 articles,
# 37 agreements): first look 0.857, status 0.93, 0.889 after four fixes; batch 2400 (22 articles, 40 agreements):
# first look 0.840, status 0.86 (0.94 after three fixes); batch 2600 (22 articles, 61 agreements): first look 0.760,
# status 0.96, then 0.912 after the fixes its README lists; batch 2800 (22 articles, 62 agreements, not tuned on):
# first look 0.776, status 0.89; batch 3000 (22 articles, 62 agreements): first look 0.796, status 0.86, then 0.862
# and 0.92 after the fixes its README lists
FLOORS = {"held-out": (HELD_OUT, 0.77, 0.90), "last batch": (LAST_BATCH, 0.80, 0.89),
          "december batch": (DECEMBER_BATCH, 0.90, 0.90), "batch 1600": (BATCH_1600, 0.93, 0.93),
          "batch 1800": (BATCH_1800, 0.80, 0.90), "batch 2000": (BATCH_2000, 0.95, 0.95),
          "batch 2200": (BATCH_2200, 0.85, 0.90), "batch 2400": (BATCH_2400, 0.81, 0.90),
          "batch 2600": (BATCH_2600, 0.88, 0.93), "batch 2800": (BATCH_2800, 0.75, 0.86),
          "batch 3000": (BATCH_3000, 0.83, 0.89)}


@pytest.mark.parametrize("name", FLOORS)
def test_blind_articles_score_at_least_their_recorded_floor(extractor, name):
    folder, f1_floor, status_floor = FLOORS[name]
    report = evaluate(folder / "gold.jsonl", folder, extractor)
    assert report["articles_read"] == len(load_gold(folder / "gold.jsonl"))
    assert report["all"]["strict"]["f1"] >= f1_floor, format_report(report)
    assert report["all"]["accuracy"]["status"] >= status_floor, format_report(report)
