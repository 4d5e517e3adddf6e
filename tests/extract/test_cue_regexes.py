"""The cue lists are compiled into faster regexes than their patterns as written: the two must match alike."""
import re
from pathlib import Path

import pytest

from etl.extract.cues import STATUS_ORDER, LabelledCues, _lean, _opening_letter, _spread, cues, prepare
from etl.extract.data import toml
from etl.extract.text import sentences
from etl.sources.articles import read_documents
from tests.extract.conftest import REPO_ROOT


@pytest.mark.parametrize(("written", "word_start", "lean"), [
    (r"\b(sister|twin) (cities|towns)\b", True, r"(?:sister|twin) (?:cities|towns)\b"),
    (r"\b(sister|twin) (cities|towns)\b", False, r"\b(?:sister|twin) (?:cities|towns)\b"),  # not at word starts
    (r"\b\d+ (years|років)", True, r"\d+ (?:years|років)"),
    (r"\b(«|the )?pairs", True, r"\b(?:«|the )?pairs"),  # may open with «: the \b still says something
    (r"\bпар(и|ами) громад", True, r"пар(?:и|ами) громад"),
    (r"\(([^)(]+)\) [(]x(?=y)(?!z)(?P<n>w)", True, r"\((?:[^)(]+)\) [(]x(?=y)(?!z)(?P<n>w)"),  # escapes, classes, (? kept
])
def test_lean_cue_drops_only_what_says_nothing(written, word_start, lean):
    assert _lean(written, word_start) == lean


def _written(patterns, word_start=True) -> re.Pattern:
    prefix = r"(?<!\w)" if word_start else ""
    return re.compile(prefix + "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")")


def _fixture_texts() -> list[str]:
    docs, _ = read_documents([REPO_ROOT / "tests" / "fixtures" / "articles"])
    texts = [prepare(s.text) for doc in docs for s in sentences(doc.text)]
    return texts + [t[offset:] for t in texts for offset in (3, 11)]  # cues starting anywhere in a word too


def test_compiled_cues_match_what_their_patterns_as_written_match():
    data, c = toml("cues"), cues()
    written = {"relation_re": _written(data["relation"]),
               "background_sentence_re": _written(data["background_sentence"]),
               "background_paragraph_re": _written(data["background_paragraph"], word_start=False),
               "unnamed_partners_re": _written(data["unnamed_partners"]),
               "any_type_re": _written([p for rule in data["type"] for p in rule["patterns"]])}
    labelled = {"status_cues": {s: data["status"][s] for s in STATUS_ORDER}, "theme_cues": toml("themes")}
    texts = _fixture_texts()
    assert len(texts) > 5000
    for name, pattern in written.items():
        compiled = getattr(c, name)
        for text in texts:
            assert [(m.span(), m.lastgroup) for m in compiled.finditer(text)] == \
                [(m.span(), m.lastgroup) for m in pattern.finditer(text)], (name, text)
    for name, lists in labelled.items():
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(
            f"(?P<{label}>{'|'.join(f'(?:{p})' for p in patterns)})" for label, patterns in lists.items()) + ")")
        for text in texts:
            assert getattr(c, name).find(text) == [(m.lastgroup, m.start()) for m in pattern.finditer(text)], (name, text)


@pytest.mark.parametrize(("pattern", "letter"), [
    ("підпис", "п"), (r"п\w+", "п"), ("п*ідпис", None), ("ab|cd", None), ("a(b|c)d", "a"), (r"\bab", None),
    ("(ab)", None), ("[ab]c", None), ("a", "a")])
def test_opening_letter_only_where_every_match_starts_with_it(pattern, letter):
    assert _opening_letter(pattern) == letter


def test_labelled_cues_keep_the_earlier_of_two_cues_at_one_place():
    cues_ = LabelledCues({"first": ["sign", "x"], "second": ["signed", r"(?:s)igned by"], "third": ["sig"]})
    assert cues_.find("signed by x") == [("first", 0), ("first", 10)]
    cues_ = LabelledCues({"first": [r"(?:s)igned by"], "second": ["signed"]})
    assert cues_.find("signed by") == [("first", 0)]


@pytest.mark.parametrize(("pattern", "spread"), [
    ("(?:is|are) (?:also )?a", ["is (?:also )?a", "are (?:also )?a"]),
    ("(?:(?:a|b)c|d)e", ["ace", "bce", "de"]),
    ("(?:a[|)]|b)c", ["a[|)]c", "bc"]),
    ("(?:a|b)?c", ["(?:a|b)?c"]),      # a repeated group stays whole
    ("(?:a|b)|c", ["(?:a|b)|c"]),      # so does one beside a bar at the top level
    ("x(?:a|b)", ["x(?:a|b)"]),
])
def test_a_cue_opening_with_choices_spreads_into_alternatives_in_order(pattern, spread):
    assert _spread(pattern) == spread
