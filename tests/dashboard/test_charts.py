"""Chart axes read cleanly: date ticks never repeat a label, whatever the span."""
import datetime as dt
import json

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


def _series_colours(at) -> dict[str, str]:
    timeline = json.loads(next(c.proto.spec for c in at.get("plotly_chart") if '"yaxis2"' in c.proto.spec))
    return {trace["name"]: trace["marker"]["color"] for trace in timeline["data"] if trace["type"] == "bar"}


def test_a_status_keeps_its_colour_in_every_filtered_timeline(open_page, sql):
    everything = _series_colours(open_page("views/overview.py"))
    dated = [row[0] for row in sql("select distinct status from fct_agreements where reference_date is not null")]
    assert len(dated) >= 3
    for status in dated:
        alone = _series_colours(open_page("views/overview.py", status=status))
        assert len(alone) == 1 and all(everything[name] == colour for name, colour in alone.items())
