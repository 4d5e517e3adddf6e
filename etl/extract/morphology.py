"""Ukrainian morphology for toponym matching: cached pymorphy3 lemmas and match keys."""
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pymorphy3

APOSTROPHES = re.compile(r"[’ʼ`′‘ʹ´]")
_VOWELS_CYR = str.maketrans("", "", "аеєиіїоуюяыэёьй'")
_PERSON_TAGS = {"Name", "Surn", "Patr"}
_NAME_TAGS = _PERSON_TAGS | {"Geox", "Orgn", "Abbr"}
_CYRILLIC_LETTER = re.compile(r"[а-яіїєґ]")
_FUNCTION_POS = {"PREP", "CONJ", "PRCL", "NPRO", "ADVB", "VERB", "INFN", "NUMR", "PRED", "INTJ", "GRND", "PRTF", "PRTS"}


@lru_cache(maxsize=500_000)
def key(text: str) -> str:
    """Match key of a name: casefolded, ґ→г, apostrophes dropped, hyphens and spaces unified to one space."""
    text = unicodedata.normalize("NFC", text).casefold().replace("ґ", "г")
    text = APOSTROPHES.sub("'", text).replace("'", "")
    return " ".join(re.split(r"[\s\-‐‑–—]+", text)).strip()


@lru_cache(maxsize=200_000)
def latin_fold(text: str) -> str:
    """ASCII-folded lower-case Latin (diacritics dropped, ł→l, ß→ss), hyphens to spaces."""
    text = text.replace("ł", "l").replace("Ł", "L").replace("ß", "ss").replace("ø", "o").replace("æ", "ae")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"['’ʼ`.]", "", text)
    return " ".join(re.split(r"[\s\-‐‑–—]+", text)).strip()


def cyrillic_skeleton(text: str) -> str:
    """Consonant skeleton of a Cyrillic key, tolerant of vowel and apostrophe spelling variants."""
    out = key(text).replace(" ", "").translate(_VOWELS_CYR)
    return re.sub(r"(.)\1+", r"\1", out)


_LATIN_RULES = [("tsch", "ch"), ("sch", "sh"), ("sz", "sh"), ("cz", "ch"), ("kh", "h"), ("ck", "k"), ("ph", "f"),
                ("qu", "k"), ("ts", "c"), ("tz", "c"), ("w", "v"), ("x", "ks"), ("g", "h"), ("j", "i"), ("y", "i")]


def latin_skeleton(text: str) -> str:
    """Consonant skeleton of a Latin name (after latin_fold) for Ukrainian-transliteration fuzzy matching."""
    out = latin_fold(text).replace(" ", "")
    for old, new in _LATIN_RULES:
        out = out.replace(old, new)
    out = re.sub(r"[aeiou]", "", out)
    return re.sub(r"(.)\1+", r"\1", out)


_LATIN_TO_CYRILLIC = [
    ("szcz", "щ"), ("tsch", "ч"), ("yo", "йо"), ("ya", "я"), ("yu", "ю"), ("ye", "є"), ("ee", "і"), ("oo", "у"), ("ay", "ей"), ("sch", "ш"), ("rz", "ж"), ("sz", "ш"), ("cz", "ч"), ("ch", "х"), ("sh", "ш"),
    ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ja", "я"), ("ju", "ю"), ("je", "є"), ("jo", "йо"), ("ś", "сь"),
    ("ć", "ць"), ("ź", "зь"), ("ż", "ж"), ("ł", "л"), ("ń", "нь"), ("š", "ш"), ("č", "ч"), ("ž", "ж"), ("ą", "он"),
    ("ę", "ен"), ("ř", "рж"), ("ě", "є"), ("ů", "у"), ("ď", "дь"), ("ť", "ть"), ("ó", "у"), ("ö", "е"),
    ("ü", "ю"), ("ä", "е"), ("x", "кс"), ("q", "к"), ("w", "в"), ("y", "и"),
]
_FINAL_EY = re.compile(r"ey\b")
_LATIN_LETTERS = str.maketrans("abcdefghijklmnoprstuvz", "абцдефггійклмнопрстувз")


def latin_to_cyrillic(text: str, languages: tuple[str, ...] = ()) -> str:
    """A rough Ukrainian reading of a Latin name ('Rzeszów' → 'жешув'), for choosing among Cyrillic exonyms;
    with the languages of the place's country, their spelling rules first ('Tlajomulco' (es) → 'тлахомулько')."""
    out = _FINAL_EY.sub("і", text.casefold())  # "Swanley", "Barnsley": a final -ey reads as і
    for language in languages[:1]:
        for pattern, replacement in _readings().get(language, ()):
            out = pattern.sub(replacement, out)
    for old, new in _LATIN_TO_CYRILLIC:
        out = out.replace(old, new)
    return "".join(map(_latin_base, out)).translate(_LATIN_LETTERS)


@lru_cache(maxsize=1)
def _readings() -> dict[str, list[tuple[re.Pattern, str]]]:
    from etl.extract.data import toml
    return {language: [(re.compile(p), r) for p, r in rules] for language, rules in toml("readings").items()}


def _latin_base(letter: str) -> str:
    """'é' -> 'e'; Cyrillic letters keep their marks ('й', 'ї')."""
    base = unicodedata.normalize("NFKD", letter)[0]
    return base if "a" <= base <= "z" else letter


@dataclass(frozen=True)
class Analysis:
    lemmas: tuple[str, ...]       # distinct normal forms, best first (lower case)
    is_adjective: bool
    is_person: bool               # every parse is a first name, surname or patronymic
    cases: frozenset[str]
    is_function_word: bool = False  # a known preposition, conjunction, pronoun, adverb or verb
    maybe_person: bool = False    # some parse is a first name, surname or patronymic
    is_common_word: bool = False  # a dictionary word that no parse reads as a place or a person's name


class Morphology:
    """pymorphy3 (lang='uk') with a per-word cache: a word is analysed once per process."""

    def __init__(self) -> None:
        self._morph = pymorphy3.MorphAnalyzer(lang="uk")
        self.analyse = lru_cache(maxsize=200_000)(self._analyse)
        self.lemma_variants = lru_cache(maxsize=200_000)(self.lemma_variants)

    def _analyse(self, word: str) -> Analysis:
        low = APOSTROPHES.sub("'", word.lower())
        if not _CYRILLIC_LETTER.search(low):
            return Analysis((low,), False, False, frozenset())
        parses = self._morph.parse(low)[:6]
        if not parses:
            return Analysis((), False, False, frozenset())
        lemmas: list[str] = []
        for p in parses:
            form = APOSTROPHES.sub("'", p.normal_form)
            if form not in lemmas:
                lemmas.append(form)
        tags = [p.tag for p in parses]
        grammemes = [tag.grammemes for tag in tags]  # a frozenset per parse, read once
        for p, tag, marks in zip(parses[:2], tags, grammemes):  # plural town names ("Кавадарцями" → "кавадарці")
            if "plur" in marks and "NOUN" in marks and "nomn" not in marks and tag.case is not None:
                plural = p.inflect({"nomn"})
                if plural is not None and plural.word not in lemmas:
                    lemmas.append(APOSTROPHES.sub("'", plural.word))
        known = self._morph.word_is_known(low)
        adjective = any("ADJF" in marks for marks in grammemes[:3])
        maybe = any(_PERSON_TAGS & marks for marks in grammemes)
        person = maybe and known and all(_PERSON_TAGS & marks for marks in grammemes)
        cases = frozenset(c for c in (tag.case for tag in tags) if c)
        first_pos = tags[0].POS
        # a personal pronoun before a surname ('Вона', 'Вони'); a pronoun opening a sentence though also read as a
        # surname's case ('Усі три громади …'), unless some reading is a place
        pronoun = any({"NPRO", "pers"} <= marks for marks in grammemes) or (
            known and any("NPRO" in marks for marks in grammemes[:2]) and not any("Geox" in marks for marks in grammemes))
        function = (first_pos in _FUNCTION_POS and known and (
            first_pos in ("CONJ", "PREP") or not any(tag.POS == "NOUN" for tag in tags))) or pronoun
        common = known and not any(_NAME_TAGS & marks for marks in grammemes)
        return Analysis(tuple(lemmas), adjective, person, cases, function, maybe, common)

    def lemma_variants(self, token: str, limit: int = 4) -> tuple[str, ...]:
        """Surface form and normal forms of a token; hyphenated tokens are lemmatised part by part."""
        low = APOSTROPHES.sub("'", token.lower())
        variants = [low]
        whole = self.analyse(token).lemmas
        variants += [w for w in whole if w not in variants]
        if "-" in low:
            parts = low.split("-")
            per_part = [[p] + [w for w in self.analyse(p).lemmas[:2] if w != p] if len(p) > 3 else [p] for p in parts]
            combos = [""]
            for options in per_part:
                combos = [f"{c}-{o}" if c else o for c in combos for o in options][:8]
            variants += [c for c in combos if c not in variants]
        return tuple(variants[:limit + 2])

    def is_known_name(self, name: str) -> bool:
        """Every word of the name is a Ukrainian dictionary word ('Кіото', 'Сан-Дієго'; not 'Киото')."""
        low = APOSTROPHES.sub("'", name.lower())
        if self._morph.word_is_known(low):
            return True
        parts = [p for p in re.split(r"[\s\-]+", low) if p]
        return len(parts) > 1 and all(self._morph.word_is_known(p) for p in parts)


@lru_cache(maxsize=1)
def morphology() -> Morphology:
    return Morphology()
