"""Foreign place names matched across scripts: exact and folded keys, curated aliases, spelling-tolerant distance."""
import csv
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from threading import Lock

import polars as pl

from etl.memory import settle_long_lived
from etl.reference.place_spellings import spellings

ALIASES_CSV = Path(__file__).resolve().parent.parent / "data" / "place_aliases.csv"
MAX_EDIT_SHARE = 0.125  # one edit per eight letters of the name in a spelling-tolerant match; none below eight
# words naming the kind of unit rather than the place; dropped when the whole name matches nothing
GENERIC_WORDS = frozenset("гміна гмина gmina місто м city of town комуна commune муніципалітет municipality".split())
# Latin letters NFKD leaves whole, and the Russian/Ukrainian letter folds used for Cyrillic comparisons
_LATIN_FOLDS = {"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ı": "i", "ħ": "h", "þ": "th", "ð": "d"}
_FOLDS = _LATIN_FOLDS | {"ґ": "г", "є": "е", "э": "е", "і": "и", "ы": "и", "ь": "", "ъ": ""}
_APOSTROPHES = r"['’ʼ`′‘ʹ´]"
_SEPARATORS = r"[\-‐‑‒–—.,()/\"«»]+"
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_VOWELS = frozenset("aeiouy")


def _key(column: pl.Expr, accented: str, folds: dict[str, str], separators: str) -> pl.Expr:
    """Lower case, the marks of accented letters and apostrophes dropped, folds applied, single spaces."""
    return (
        column.str.normalize("NFKD").str.to_lowercase()
        .str.replace_all(accented, "$1")
        .str.replace_many(list(folds), list(folds.values()))
        .str.replace_all(_APOSTROPHES, "")
        .str.replace_all(separators, " ")
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
    )


def _place_key(column: pl.Expr) -> pl.Expr:
    """Exact match key: accents stripped from Latin letters only (й, ї stay), ł→l, ß→ss…, ґ→г."""
    return _key(column, r"([a-z])\p{Mn}+", _LATIN_FOLDS | {"ґ": "г"}, _SEPARATORS)


def _folded_key(column: pl.Expr) -> pl.Expr:
    """Script-neutral key: no accents or punctuation, ё/є/э→е, и/і/ї/ы/й alike, ь dropped, ґ→г."""
    return _key(column, r"(\pL)\p{Mn}+", _FOLDS, r"[\W_]+")


def _text_key(text: str, marks_after, folds: dict[int, str], separators: re.Pattern | None) -> str:
    """_key for one string, in Python (a polars query per name costs more than the name's whole lookup)."""
    kept, drop = [], False
    for ch in unicodedata.normalize("NFKD", text).lower():
        if unicodedata.category(ch) == "Mn":
            if not drop:
                kept.append(ch)
            continue
        kept.append(ch)
        drop = marks_after(ch)
    text = _APOSTROPHES_RE.sub("", "".join(kept).translate(folds))
    if separators is None:  # regex \W as polars (Rust) reads it: marks, letter numbers and connectors are word
        text = "".join(ch if ch.isalpha() or unicodedata.category(ch)[0] == "M" or (
            unicodedata.category(ch) in ("Nd", "Nl", "Pc") and ch != "_") else " " for ch in text)
    else:
        text = separators.sub(" ", text)
    return _SPACES_RE.sub(" ", text).strip()


_APOSTROPHES_RE, _SPACES_RE = re.compile(_APOSTROPHES), re.compile(r"\s+")
_PLACE_FOLDS = str.maketrans(_LATIN_FOLDS | {"ґ": "г"})
_ALL_FOLDS = str.maketrans(_FOLDS)
_SEPARATORS_RE = re.compile(_SEPARATORS)


def place_key(text: str) -> str:
    """_place_key of one name: Latin letters' accents dropped."""
    return _text_key(text or "", lambda ch: "a" <= ch <= "z", _PLACE_FOLDS, _SEPARATORS_RE)


def folded_key(text: str) -> str:
    """_folded_key of one name: every letter's marks dropped."""
    return _text_key(text or "", str.isalpha, _ALL_FOLDS, None)


def is_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text or ""))


def without_generic_words(name: str) -> str:
    """'гміна Цедри-Вельке' -> 'Цедри-Вельке'; a name made only of such words is kept."""
    words = name.split()
    kept = [w for w in words if w.casefold().strip(".") not in GENERIC_WORDS]
    return " ".join(kept or words)


def edit_distance(a: str, b: str, limit: int) -> int | None:
    """Levenshtein distance of a and b, or None when it exceeds limit."""
    if abs(len(a) - len(b)) > limit:
        return None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return None
        previous = current
    return previous[-1] if previous[-1] <= limit else None


def spelled_length(word: str, rules: dict[str, tuple[str, ...]]) -> tuple[int, int]:
    """Shortest and longest Latin spelling of a Ukrainian word (doubled consonants included)."""
    shortest, longest = [0] * (len(word) + 1), [0] * (len(word) + 1)
    for i in range(len(word) - 1, -1, -1):
        options = [(len(t), size) for size in (1, 2, 3) if i + size <= len(word)
                   for t in rules.get(word[i:i + size], ())] or [(1, 1)]
        shortest[i] = min(n + shortest[i + size] for n, size in options)
        longest[i] = max(n + 1 + longest[i + size] for n, size in options)
    return shortest[0], longest[0]


def spelling_distance(word: str, latin: str, rules: dict[str, tuple[str, ...]], limit: int) -> int | None:
    """Fewest letter edits between latin and any spelling of the Ukrainian word under rules; None above limit.

    A letter group spelt by one of its rules costs nothing (a doubled final consonant too); a Latin letter
    left over, a Ukrainian letter not spelt or spelt by some other letter costs one."""
    n, m, over = len(word), len(latin), limit + 1
    table = [[over] * (m + 1) for _ in range(n + 1)]
    table[0][0] = 0
    for i in range(n + 1):
        row = table[i]
        for j in range(m + 1):
            cost = row[j]
            if cost > limit:
                continue
            if j < m and cost + 1 < row[j + 1]:
                row[j + 1] = cost + 1
            if i == n:
                continue
            below = table[i + 1]
            below[j] = min(below[j], cost + 1)
            if j < m:
                below[j + 1] = min(below[j + 1], cost + 1)
            for size in (1, 2, 3):
                if i + size > n:
                    break
                target_row = table[i + size]
                for spelt in rules.get(word[i:i + size], ()):
                    if not latin.startswith(spelt, j):
                        continue
                    end = j + len(spelt)
                    target_row[end] = min(target_row[end], cost)
                    if spelt and spelt[-1] not in _VOWELS and end < m and latin[end] == spelt[-1]:
                        target_row[end + 1] = min(target_row[end + 1], cost)
        if i < n and min(min(table[k]) for k in range(i + 1, min(i + 4, n + 1))) > limit:
            return None
    return table[n][m] if table[n][m] <= limit else None


_LAST = "\U0010ffff"


def _branches(keys: list[str], prefix: str, low: int, high: int):
    """(prefix + letter, low, high) for each next letter among sorted keys[low:high], all longer than prefix."""
    k = len(prefix)
    while low < high:
        child = prefix + keys[low][k]
        end = bisect_left(keys, child + _LAST, low, high)
        yield child, low, end
        low = end


class SpellingTrie:
    """Latin names of one country's places, sorted, walked as a letter tree, so that spelling_distance against
    all of them shares the work of common beginnings and gives up on a branch as soon as no name under it can
    come close.

    Column k of the distance table (the word's letters against the first k Latin letters) depends only on
    those k letters, so it is computed once per branch rather than once per name. A branch is the run of
    sorted names sharing its letters, found by bisection; nothing is built beyond the sort. The names are kept
    apart by the edits their length allows (none below eight letters, one up to fifteen, …), so that each walk
    gives up on a branch at that one allowance rather than at the allowance of the longest name under it."""

    def __init__(self, names):
        by_allowance: dict[int, list] = defaultdict(list)
        for entry in names:
            by_allowance[int(MAX_EDIT_SHARE * len(entry[0]))].append(entry)
        self.groups = {}
        for allowance, entries in sorted(by_allowance.items()):
            entries.sort()
            keys = [key for key, _, _ in entries]
            self.groups[allowance] = (keys, [(row, alt) for _, row, alt in entries], min(map(len, keys)),
                                      max(map(len, keys)))

    def closest(self, word: str, rules: dict[str, tuple[str, ...]], firsts, lengths: tuple[int, int]):
        """(row, is_alternate, edits, length) for every name within MAX_EDIT_SHARE edits per letter of the word's
        spellings, as spelling_distance counts them, among names starting with one of firsts and whose length
        lies within the word's shortest and longest spelling (each widened by the name's own edit allowance)."""
        n = len(word)
        groups = [(i, i + size, spelt) for i in range(n) for size in (1, 2, 3) if i + size <= n
                  for spelt in rules.get(word[i:i + size], ())]
        # the letter groups ending at each position: those spelt by nothing (silent), and the others by the
        # Latin letter their spelling ends in, since only those can end (or be doubled) at that letter
        silent: list[list[int]] = [[] for _ in range(n + 1)]
        by_last: list[dict[str, list]] = [defaultdict(list) for _ in range(n + 1)]
        for start, end, spelt in groups:
            if spelt:
                by_last[end][spelt[-1]].append((start, spelt, len(spelt), spelt[-1] not in _VOWELS))
            else:
                silent[end].append(start)
        # spellings that may still be under way at a node, as (start, letters written so far, how many): a
        # branch whose cheapest cell and cheapest unfinished spelling exceed the allowance is left
        unfinished: dict[str, list[int]] = defaultdict(list)  # letters written so far -> where those spellings start
        for start, _, spelt in groups:
            for j in range(1, len(spelt)):
                unfinished[spelt[:j]].append(start)
            if spelt and spelt[-1] not in _VOWELS:
                for j in range(1, len(spelt) + 1):
                    unfinished[(spelt + spelt[-1])[:j]].append(start)
        longest_unfinished = max(map(len, unfinished), default=0)
        first = [0] * (n + 1)
        for i in range(1, n + 1):
            first[i] = min([first[i - 1] + 1] + [first[start] for start in silent[i]])
        shortest, longest = lengths
        found = []
        columns = [first]

        # a Latin letter that no spelling of any of the word's letter groups holds costs an edit wherever it
        # stands, so a branch whose letters hold more of them than the allowance is left at once
        spelt_letters = frozenset(ch for _, _, spelt in groups for ch in spelt)

        # for each Latin letter, at each position: the silent letter groups ending there and those spelt with a
        # spelling ending in that letter, or None where there are neither
        ending = {ch: [(silent[i], by_last[i].get(ch, ())) if silent[i] or by_last[i].get(ch) else None
                       for i in range(n + 1)] for ch in spelt_letters}
        silent_only = [(starts, ()) if starts else None for starts in silent]

        def visit(keys, places, allowance, prefix, low, high, strangers=0):
            k, letter = len(prefix), prefix[-1]
            if letter not in spelt_letters:
                strangers += 1
                if strangers > allowance:
                    return
            prev, latin = columns[-1], prefix[-8:]
            before = latin[:-1]
            extras = ending.get(letter, silent_only)
            column = [prev[0] + 1]
            for i in range(1, n + 1):
                # a letter left over, a Ukrainian letter not spelt or spelt by another letter: one edit more
                best, left = prev[i], column[i - 1]
                if prev[i - 1] < best:
                    best = prev[i - 1]
                best = (left if left < best else best) + 1
                extra = extras[i]
                if extra is not None:  # a letter group spelt by its rule costs nothing (a doubled consonant too)
                    silent_starts, spelt_here = extra
                    for start in silent_starts:
                        if column[start] < best:
                            best = column[start]
                    for start, spelt, length, doubles in spelt_here:
                        if length <= k and latin.endswith(spelt) and columns[k - length][start] < best:
                            best = columns[k - length][start]
                        if doubles and length < k and before.endswith(spelt) and columns[k - 1 - length][start] < best:
                            best = columns[k - 1 - length][start]
                column.append(best)
            columns.append(column)
            while low < high and len(keys[low]) == k:  # the names that end here sort first
                if shortest - allowance <= k <= longest + allowance and column[n] <= allowance:
                    found.append((*places[low], column[n], k))
                low += 1
            if low < high and k < longest + allowance and (min(column) <= allowance or any(
                    columns[k - j][start] <= allowance for j in range(1, min(k, longest_unfinished) + 1)
                    for start in unfinished.get(latin[-j:], ()))):
                for child, child_low, child_high in _branches(keys, prefix, low, high):
                    visit(keys, places, allowance, child, child_low, child_high, strangers)
            columns.pop()

        for allowance, (keys, places, least, most) in self.groups.items():
            if most < shortest - allowance or least > longest + allowance:
                continue  # no name of this allowance has a length the word's spellings can come close to
            for letter in sorted(firsts):
                low, high = bisect_left(keys, letter), bisect_left(keys, letter + _LAST)
                if low < high:
                    visit(keys, places, allowance, letter, low, high)
        return found


@cache
def aliases() -> dict[str, tuple[tuple[str, str], ...]]:
    """Folded Ukrainian name -> ((country_code, GeoNames name or id), ...) from place_aliases.csv."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with ALIASES_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            found[folded_key(row["ukrainian_name"])].append((row["country_code"], row["geonames_name_or_id"]))
    return {key: tuple(targets) for key, targets in found.items()}


class _KeyIndex:
    """Rows by key over a (key, row) frame, kept as two sorted lists rather than a dict of lists."""

    def __init__(self, frame: pl.DataFrame):
        frame = frame.unique().sort("key", "row")
        self.keys, self.rows = frame["key"].to_list(), frame["row"].to_list()

    def get(self, key: str) -> list[int]:
        return self.rows[bisect_left(self.keys, key):bisect_right(self.keys, key)]


def _names(places: pl.DataFrame, column: str, key: Callable[[pl.Expr], pl.Expr]) -> pl.DataFrame:
    """(key, row) for every name in the list column of a frame numbered by with_row_index("row")."""
    return (places.select("row", pl.col(column).alias("name"))
            .explode("name").drop_nulls("name").select(key(pl.col("name")).alias("key"), "row")
            .filter(pl.col("key") != ""))


class PlaceMatcher:
    """Row numbers of a GeoNames places frame (ref_place) that a written name stands for."""

    def __init__(self, places: pl.DataFrame):
        self.places = places
        self._numbered = places.with_row_index("row")
        self._country = places["country_code"].to_list()
        self._population = [p or 0 for p in places["population"].to_list()]
        self._row_of_id = {gid: i for i, gid in enumerate(places["geonameid"].to_list())}
        self._lock = Lock()
        self._exact: _KeyIndex | None = None
        self._folded: _KeyIndex | None = None
        self._by_country: dict[str, tuple[SpellingTrie, dict, dict]] = {}
        self._similar = lru_cache(maxsize=20_000)(self._score_similar)

    def rows(self, name: str, country_code: str | None = None) -> list[int]:
        """Exact, aliased or folded matches, most populous first; failing those and given a country, the
        places of that country whose name is a close spelling of it, closest first."""
        for variant in dict.fromkeys([name, without_generic_words(name)]):
            found = self._aliased(variant, country_code) or self._exact_rows(variant, country_code)
            if not found and country_code:
                found = self._similar(variant, country_code)
            if found:
                return found
        return []

    # ---- exact ---------------------------------------------------------------------------------------
    def _exact_index(self) -> _KeyIndex:
        with self._lock:
            if self._exact is None:
                self._exact = _KeyIndex(pl.concat([_names(self._numbered, "names_latin", _place_key),
                                                   _names(self._numbered, "names_cyrillic", _place_key)]))
                settle_long_lived()
            return self._exact

    def _folded_index(self) -> _KeyIndex:
        with self._lock:
            if self._folded is None:
                self._folded = _KeyIndex(_names(self._numbered, "names_cyrillic", _folded_key))
                settle_long_lived()
            return self._folded

    def _by_population(self, rows, country_code: str | None) -> list[int]:
        kept = [r for r in rows if country_code is None or self._country[r] == country_code]
        return sorted(kept, key=lambda r: -self._population[r])

    def _exact_rows(self, name: str, country_code: str | None) -> list[int]:
        found = self._by_population(self._exact_index().get(place_key(name)), country_code)
        if not found and is_cyrillic(name):
            found = self._by_population(self._folded_index().get(folded_key(name)), country_code)
        return found

    def _aliased(self, name: str, country_code: str | None) -> list[int]:
        found: list[int] = []
        for code, target in aliases().get(folded_key(name), ()):
            if country_code not in (None, code):
                continue
            if target.isdigit():
                found += [self._row_of_id[int(target)]] if int(target) in self._row_of_id else []
            else:
                found += self._by_population(self._exact_index().get(place_key(target)), code)[:1]
        return sorted(dict.fromkeys(found), key=lambda r: -self._population[r])

    # ---- spelling-tolerant -----------------------------------------------------------------------------
    def _country_names(self, country_code: str) -> tuple["SpellingTrie", dict, dict]:
        """A country's Latin names in a SpellingTrie, and its (Latin, Cyrillic) names as (folded key without
        spaces, row, is_alternate) grouped by first letter; a place's own name is the first of its Latin names."""
        with self._lock:
            if country_code not in self._by_country:
                places = self._numbered.filter(pl.col("country_code") == country_code).with_columns(
                    pl.col("names_latin").list.first().alias("own_name"))
                indexes = []
                for column in ("names_latin", "names_cyrillic"):
                    grouped: dict[str, list[tuple[str, int, bool]]] = defaultdict(list)
                    names = (places.select("row", "own_name", pl.col(column).alias("name")).explode("name")
                             .drop_nulls("name").select(
                                 _folded_key(pl.col("name")).str.replace_all(" ", "").alias("key"), "row",
                                 (pl.col("name") != pl.col("own_name")).fill_null(True).alias("is_alternate"))
                             .filter(pl.col("key") != "")
                             .group_by("key", "row").agg(pl.col("is_alternate").all()))
                    for key, row, is_alternate in names.iter_rows():
                        grouped[key[0]].append((key, row, is_alternate))
                    indexes.append(dict(grouped))
                latin_tree = SpellingTrie(entry for group in indexes[0].values() for entry in group)
                self._by_country[country_code] = (latin_tree, indexes[0], indexes[1])
                settle_long_lived()
            return self._by_country[country_code]

    def _score_similar(self, name: str, country_code: str) -> list[int]:
        """Closest spellings first: fewest edits per letter, then a place's own name before its alternates,
        then population. Remembered per instance (as self._similar), the extractor asking again for the same names."""
        latin, latin_by_letter, cyrillic = self._country_names(country_code)
        key = folded_key(name).replace(" ", "")
        if not key:
            return []
        scores: dict[int, tuple[float, bool]] = {}

        def keep(row: int, edits: int | None, length: int, is_alternate: bool) -> None:
            if edits is not None:
                scores[row] = min(scores.get(row, (1.0, True)), (edits / length, is_alternate))

        if is_cyrillic(name):
            word = "".join(ch for ch in unicodedata.normalize("NFC", name.casefold()) if ch.isalpha())
            rules = spellings(country_code)
            firsts = {t[0] for size in (1, 2, 3) for t in rules.get(word[:size], ()) if t}
            for row, is_alternate, edits, length in latin.closest(word, rules, firsts, spelled_length(word, rules)):
                keep(row, edits, length, is_alternate)
        for candidate, row, is_alternate in (cyrillic if is_cyrillic(name) else latin_by_letter).get(key[0], ()):
            length = max(len(candidate), len(key))
            keep(row, edit_distance(key, candidate, int(MAX_EDIT_SHARE * length)), length, is_alternate)
        if not scores:
            return []
        best = min(scores.values())
        return sorted((r for r, s in scores.items() if s == best), key=lambda r: -self._population[r])
