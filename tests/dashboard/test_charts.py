"""Chart axes read cleanly: date ticks never repeat a label, whatever the span."""
import datetime as dt

import pytest

from dashboard import charts


def _labels(first: dt.date, count: int) -> list[str]:
    """The tick labels plotly draws over `count` months from `first` with the ticks charts.month_ticks chooses."""
    ticks = charts.month_ticks(first, count)
    step, day = int(ticks["dtick"][1:]), dt.date.fromisoformat(ticks["tick0"])
    last = (first.year * 12 + first.month - 1) + count - 1
    labels, index = [], day.year * 12 + day.month - 1
    while index <= last:
        year, month = divmod(index, 12)
        if index >= first.year * 12 + first.month - 1:
            labels.append(dt.date(year, month + 1, 1).strftime(ticks["tickformat"]))
        index += step
    return labels


@pytest.mark.parametrize("first, count", [
    (dt.date(2023, 5, 1), 8), (dt.date(2022, 11, 1), 30), (dt.date(2021, 3, 1), 40),
    (dt.date(2019, 1, 1), 70), (dt.date(1954, 12, 1), 865),
])
def test_time_ticks_never_repeat_a_label_and_stay_few(first, count):
    labels = _labels(first, count)
    assert len(labels) == len(set(labels))
    assert 2 <= len(labels) <= 13
