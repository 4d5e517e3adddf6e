"""Dates read from sentences: forms, case, offsets, and the year a bare day and month take."""
import pytest

from etl.extract.dates import find_dates, lower_in_place


@pytest.mark.parametrize("text, default_year, expected", [
    ("Меморандум підписали 21 листопада 2023 року.", None, ["2023-11-21"]),
    ("МЕМОРАНДУМ ПІДПИСАЛИ 21 ЛИСТОПАДА 2023 РОКУ", None, ["2023-11-21"]),
    ("The memorandum was signed on March 3RD, 2021 in Rzeszów.", None, ["2021-03-03"]),
    ("У Серпні 2019 року міста уклали угоду, а у вересні того ж року — протокол.", None, ["2019-08", "2019-09"]),
    ("Зустріч відбулася 5 травня.", 2024, ["2024-05-05"]),
    ("Зустріч відбулася 5 травня.", None, []),
    ("Сесія 31.02.2024 не відбулася, а 01.03.2024 відбулася.", None, ["2024-03-01"]),
])
def test_dates_in_any_letter_case(text, default_year, expected):
    assert [d.value for d in find_dates(text, default_year)] == expected


def test_offsets_stay_those_of_the_text_when_a_letter_lowers_to_two():
    text = "İzmir, 12 травня 2024: підписано угоду"  # 'İ'.lower() is two characters long
    assert len(lower_in_place(text)) == len(text)
    (found,) = find_dates(text)
    assert (found.value, text[found.start:found.start + 2]) == ("2024-05-12", "12")
