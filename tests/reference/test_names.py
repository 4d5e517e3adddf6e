"""Name normalisation used by every matcher."""
import pytest

from etl.reference.names import fold_g, keys, normalise


@pytest.mark.parametrize("text, expected", [
    ("Львівська міська територіальна громада", "львівська"),
    ("м. Львів", "львів"),
    ("Лозівська ТГ", "лозівська"),
    ("смт Високий", "високий"),
    ("Pivdenne city council", "pivdenne"),
    ("Кам’янець-Подільська  міська рада", "кам'янець подільська"),
    ("Кам`янець-Подільська", "кам'янець подільська"),
    ("КамʼЯнЕць", "кам'янець"),
])
def test_normalise_drops_status_words_and_unifies_apostrophes(text, expected):
    assert normalise(text) == expected


def test_status_words_alone_are_kept_rather_than_emptied():
    assert normalise("Громада") == "громада"


def test_keys_include_the_g_fold_and_apostrophe_free_forms():
    assert fold_g("ґалаґан") == "галаган"
    assert {"ґорґани", "горгани"} <= keys("Ґорґани")
    assert "камянка" in keys("Кам'янка")
