"""Cue matching from the data files: relation words, background markers, type, status, themes, programmes."""
import re
from functools import cache, lru_cache

from etl.extract.data import toml
from etl.extract.morphology import APOSTROPHES

# alternation order: where two cues start at one place, the more specific (earlier) status wins
STATUS_ORDER = ("terminated", "signed", "intent", "planned_firm", "negotiating", "planned")


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{_lean(p, word_start=False)})" for p in patterns)


def _compile(patterns: list[str], word_start: bool = True) -> re.Pattern:
    """One regex for a cue list; texts are lower-cased by prepare(), so no IGNORECASE (much faster)."""
    if word_start:
        return re.compile(_at_word_starts([_lean(p, word_start=True) for p in patterns]))
    return re.compile(f"(?:{_alternation(patterns)})")


def _at_word_starts(leans: list[str]) -> str:
    """A regex of lean cues matched at word starts. At each word re tries the alternatives in turn, skipping
    at once only those that open with a letter not the word's; so cues opening with a letter are grouped by
    it, and a word is tried against those of its own first letter only. Just neighbouring such cues are
    grouped: of two cues that match at one place the one listed earlier still wins."""
    alternatives: list[str] = []
    by_letter: dict[str, list[str]] = {}
    for lean in (alternative for lean in leans for alternative in _spread(lean)):
        letter = _opening_letter(lean)
        if letter is None:
            alternatives.extend(f"{first}(?:{'|'.join(rests)})" for first, rests in by_letter.items())
            by_letter.clear()
            alternatives.append(f"(?:{lean})")
        else:
            by_letter.setdefault(letter, []).append(f"(?:{lean[1:]})")
    alternatives.extend(f"{first}(?:{'|'.join(rests)})" for first, rests in by_letter.items())
    return r"(?<!\w)(?:" + "|".join(alternatives) + ")"


_ESCAPE_OR_CLASS = r"\\.|\[(?:\\.|[^\]])*\]"
_CAPTURING = re.compile(_ESCAPE_OR_CLASS + r"|\((?!\?)")  # an escape, a class, or a '(' that opens a capturing group


def _lean(pattern: str, word_start: bool) -> str:
    """The cue as a regex that matches the same text sooner. re skips an alternative at a place at once only
    when it opens with a letter or a class; one opening with a group or an anchor costs a full attempt at
    every word of every sentence (the longest cue lists took twice as long for it). So groups are made non-capturing (no cue
    refers to one), and where the cue list is matched at word starts (after (?<!\\w)) a leading \\b before a
    letter or digit says nothing more and is dropped."""
    lean = _CAPTURING.sub(lambda m: "(?:" if m.group() == "(" else m.group(), pattern)
    if word_start and lean.startswith(r"\b") and _opens_with_word_character(lean[2:]):
        lean = lean[2:]
    return lean


_STRUCTURE = re.compile(_ESCAPE_OR_CLASS + r"|[()|]")  # an escape, a class, a group's bracket or a bar
_QUANTIFIERS = ("*", "+", "?", "{")


def _spread(pattern: str, limit: int = 16) -> list[str]:
    """The pattern as alternatives tried in the same order: one opening with a group of choices, '(?:a|b)c',
    is 'ac' then 'bc', each opening with a letter of its own (up to limit alternatives)."""
    if not pattern.startswith("(?:"):
        return [pattern]
    depth, bars, close = 0, [], None
    for m in _STRUCTURE.finditer(pattern):
        depth += {"(": 1, ")": -1}.get(m.group(), 0)
        if m.group() == "|" and depth < 2:
            if depth == 0:
                return [pattern]  # 'x|y' at the top level: not one group and what follows it
            if close is None:
                bars.append(m.start())
        if depth == 0 and close is None:
            close = m.start()
    if close is None or pattern[close + 1:close + 2] in _QUANTIFIERS:
        return [pattern]
    bounds = [3] + [b + 1 for b in bars]
    ends = bars + [close]
    rest = pattern[close + 1:]
    spread = [alternative for start, end in zip(bounds, ends) for alternative in _spread(pattern[start:end] + rest, limit)]
    return spread if len(spread) <= limit else [pattern]


def _opening_letter(pattern: str) -> str | None:
    """The letter every match of the pattern starts with, when it is written first and unrepeated, and no
    bar at the top level offers another way."""
    if len(pattern) < 1 or pattern[0] in "\\()[].^$*+?{|" or pattern[1:2] in _QUANTIFIERS:
        return None
    depth = 0
    for m in _STRUCTURE.finditer(pattern):
        depth += {"(": 1, ")": -1}.get(m.group(), 0)
        if m.group() == "|" and depth == 0:
            return None
    return pattern[0]


class LabelledCues:
    """Labelled cue lists (statuses, themes) as one regex matched at word starts (see _at_word_starts), each
    match telling its label: that of the first cue, in the lists' order, matching at its place (re took it)."""

    def __init__(self, lists: dict[str, list[str]]) -> None:
        labelled = [(label, _lean(pattern, word_start=True)) for label, patterns in lists.items() for pattern in patterns]
        self.regex = re.compile(_at_word_starts([lean for _, lean in labelled]))
        # (label, opening letter, cue)
        self.cues = [(label, _opening_letter(lean), re.compile(rf"(?<!\w)(?:{lean})")) for label, lean in labelled]
        # the cues that may match at a word opening with each letter, in the lists' order
        self._by_letter = {letter: [(label, cue) for label, opening, cue in self.cues if opening in (None, letter)]
                           for letter in {opening for _, opening, _ in self.cues if opening}}
        self._unlettered = [(label, cue) for label, opening, cue in self.cues if opening is None]

    def find(self, text: str) -> list[tuple[str, int]]:
        """(label, offset) of each cue in the text, left to right."""
        found = []
        for m in self.regex.finditer(text):
            at = m.start()
            candidates = self._by_letter.get(text[at], self._unlettered)
            found.append((next(label for label, cue in candidates if cue.match(text, at)), at))
        return found


def _opens_with_word_character(pattern: str) -> bool:
    """Every text the pattern matches starts with a letter, digit or underscore."""
    try:
        parsed = re._parser.parse(pattern)
    except (AttributeError, re.error):
        return False
    return _items_open_with_word(list(parsed))


def _items_open_with_word(items) -> bool:
    if not items:
        return False
    op, value = items[0]
    constants = re._constants
    if op is constants.LITERAL:
        return bool(re.match(r"\w", chr(value)))
    if op is constants.IN:
        return all((kind is constants.LITERAL and re.match(r"\w", chr(arg)))
                   or (kind is constants.CATEGORY and arg in (constants.CATEGORY_WORD, constants.CATEGORY_DIGIT))
                   for kind, arg in value)
    if op is constants.SUBPATTERN:
        return _items_open_with_word(list(value[3]))
    if op is constants.BRANCH:
        return all(_items_open_with_word(list(alternative)) for alternative in value[1])
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT) and value[0] >= 1:
        return _items_open_with_word(list(value[2]))
    return False


_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|що|який|яка|яке|які)\b")


@lru_cache(maxsize=16384)
def prepare(text: str) -> str:
    return APOSTROPHES.sub("'", text).lower()


class Cues:
    def __init__(self) -> None:
        data = toml("cues")
        self.relation_re = _compile(data["relation"])
        self.negated_relation_re = _compile(data["negated_relation"])
        self.background_paragraph_re = _compile(data["background_paragraph"], word_start=False)
        self.background_sentence_re = _compile(data["background_sentence"])
        self.type_rules = [(rule["type"], rule["strength"], _compile(rule["patterns"])) for rule in data["type"]]
        self.any_type_re = _compile([p for rule in data["type"] for p in rule["patterns"]])  # one pass for most texts
        self.status_res = {status: _compile(data["status"][status]) for status in STATUS_ORDER}
        self.rank = data["rank"]
        self.type_status = data["type_status"]
        self.default_status = data["default_status"]
        self.alias = data.get("alias", {})
        self.domestic_re = _compile(data["domestic_context"])
        self.unnamed_partners_re = _compile(data["unnamed_partners"])
        self.multi_party_re = _compile(data["multi_party"])
        self.respectively_re = _compile(data["respectively"])
        self.relative_day_res = [(int(days), _compile(patterns)) for days, patterns in data["relative_days"].items()]
        self.twin_list_before_re = re.compile(f"(?:{_alternation(data['twin_list_before'])})$")
        self.twin_list_after_re = re.compile(_alternation(data["twin_list_after"]))
        self.generic_owner_re = _compile(data["generic_owner"], word_start=False)
        self.destination_re = re.compile(f"^(?:{_alternation(data['destination'])})$")
        self.terminated_countries = frozenset(data["terminated_countries"])
        self.theme_cues = LabelledCues(toml("themes"))
        self.status_cues = LabelledCues({status: data["status"][status] for status in STATUS_ORDER})
        self.programme_res = {name: _compile(patterns) for name, patterns in toml("programmes").items()}
        self.any_programme_re = _compile([p for patterns in toml("programmes").values() for p in patterns])
        # sentences are asked about once per pair: answer each text once
        for name in ("is_relation", "opens_background", "is_background_sentence", "type_of", "statuses", "themes",
                     "programme", "status_matches", "unnamed_partners", "_unsigned"):
            setattr(self, name, lru_cache(maxsize=8192)(getattr(self, name)))

    def domestic_context(self, sentences) -> bool:
        """The article is about partnerships between Ukrainian hromadas (Пліч-о-Пліч and the like)."""
        return any(self.domestic_re.search(prepare(s.text)) for s in sentences)

    def multi_party(self, sentences) -> bool:
        """The article tells of a document of three or more parties."""
        return any(self.multi_party_re.search(prepare(s.text)) for s in sentences)

    def pairs_in_order(self, text: str) -> bool:
        """'… with Tomaszów Lubelski and Jarosław respectively': the sentence pairs its parties in turn."""
        return bool(self.respectively_re.search(prepare(text)))

    def owns_twin_list(self, before: str, after: str) -> bool:
        """The text around a place makes it the one whose twins are listed (before it, or after its 's)."""
        return bool(self.twin_list_before_re.search(prepare(before)) or self.twin_list_after_re.match(prepare(after)))

    def names_generic_owner(self, text: str) -> bool:
        """The sentence opens with 'the city' or 'місто': the page's own city, unnamed."""
        return bool(self.generic_owner_re.search(prepare(text).lstrip("«\"„ ")))

    def relative_days(self, text: str) -> int | None:
        """Days from the publication date that a word like 'сьогодні' or 'yesterday' names."""
        low = prepare(text)
        return next((days for days, pattern in self.relative_day_res if pattern.search(low)), None)

    def is_destination_word(self, word: str) -> bool:
        return bool(self.destination_re.match(word.lower()))

    def unnamed_partners(self, text: str) -> bool:
        """Partners spoken of without names, outside a relative clause about something else ('… under the project,
        which pairs frontline communities with partners in safer parts')."""
        return bool(self.unnamed_partners_re.search(_RELATIVE_CLAUSE.split(prepare(text))[0]))

    def is_relation(self, text: str) -> bool:
        """A cue of a partnership outside any 'no agreement was signed' phrase ('провела переговори …, проте
        жодних документів не підписано' still tells of talks)."""
        return bool(self.relation_re.search(self._unsigned(text)))

    def _unsigned(self, text: str) -> str:
        """The prepared text with its 'no agreement was signed' phrases blanked out, offsets kept."""
        return self.negated_relation_re.sub(lambda m: " " * len(m.group()), prepare(text))

    def opens_background(self, text: str) -> bool:
        return bool(self.background_paragraph_re.search(prepare(text).lstrip("«\"„ ")))

    def is_background_sentence(self, text: str) -> bool:
        return bool(self.background_sentence_re.search(prepare(text)))

    def type_of(self, text: str, exclude: tuple[str, ...] = ()) -> tuple[str, str] | None:
        """(type, strength) of the first matching rule, most specific rules first; a council decision told
        together with a signing of another document gives way to that document ('signed shortly after the
        council approved')."""
        low = prepare(text)
        if not self.any_type_re.search(low):
            return None
        first = None
        for type_, strength, pattern in self.type_rules:
            if type_ in exclude or not pattern.search(low):
                continue
            if first is None:
                first = (type_, strength)
                if type_ != "council_decision" or "signed" not in self.statuses(text):
                    return first
            elif strength == "document":
                return type_, strength
            else:
                break
        return first

    def reports_event(self, text: str) -> bool:
        """A text that tells of something happening: a status cue or a named document."""
        hit = self.type_of(text)
        return bool(self.statuses(text)) or bool(hit and hit[1] == "document")

    def statuses(self, text: str) -> frozenset[str]:
        return frozenset(status for status, _ in self.status_matches(text))

    def themes(self, text: str) -> frozenset[str]:
        return frozenset(label for label, _ in self.theme_cues.find(prepare(text)))

    def status_matches(self, text: str) -> tuple[tuple[str, int], ...]:
        """(status, offset) of every status cue in the text, none in a 'no document was signed' phrase."""
        return tuple(self.status_cues.find(self._unsigned(text)))

    def programme(self, text: str) -> str | None:
        low = prepare(text)
        if not self.any_programme_re.search(low):
            return None
        for name, pattern in self.programme_res.items():
            if pattern.search(low):
                return name
        return None

    def best_status(self, statuses: set[str]) -> str | None:
        if "terminated" in statuses:
            return "terminated"
        ranked = [s for s in statuses if s in self.rank]
        return max(ranked, key=lambda s: self.rank[s]) if ranked else None

    def settle(self, type_: str, status: str | None) -> str:
        """Apply the type/status rules and the default status."""
        if status is None:
            status = self.default_status.get(type_, self.default_status["any"])
        status = self.alias.get(status, status)
        for rule in self.type_status:
            if type_ in rule["types"] and status in rule["from"]:
                status = rule["to"]
        return status


@cache
def cues() -> Cues:
    return Cues()
