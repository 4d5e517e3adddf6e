"""Name normalisation shared by every matcher: case, apostrophes, ґ, hyphens and status words."""
import re
import unicodedata

APOSTROPHE = "'"
_APOSTROPHE_RE = re.compile(r"[’ʼ`′‘ʹ´]")
_DASH_RE = re.compile(r"[\-‐‑‒–—]+")
_SPACE_RE = re.compile(r"\s+")
_PUNCT_RE = re.compile(r"[\"«»“”„.,;:()\[\]/\\!?№#]+")

# words that describe the kind of unit rather than name it (casefolded, apostrophes unified)
STATUS_WORDS = frozenset(
    """
    громада громади громаду громадою громаді тг отг об'єднана об'єднаної
    територіальна територіальної територіальну територіальній
    міська міської міську міській сільська сільської сільську сільській
    селищна селищної селищну селищній рада ради раду радою раді
    міський сільський селищний голова м с смт сел пгт
    місто міста село селище селища
    city town village council hromada community territorial urban rural settlement municipality
    of the
    """.split()
)


def _base(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "").casefold()
    text = _APOSTROPHE_RE.sub(APOSTROPHE, text)
    text = _PUNCT_RE.sub(" ", text)
    text = _DASH_RE.sub(" ", text)
    return _SPACE_RE.sub(" ", text).strip()


def normalise(text: str | None, strip_status: bool = True) -> str:
    """Casefold, unify apostrophes, turn hyphens into spaces, drop status words (громада, рада, city…)."""
    if text is None:
        return ""
    words = _base(text).split(" ")
    if strip_status:
        kept = [w for w in words if w not in STATUS_WORDS]
        words = kept or words
    return " ".join(w for w in words if w)


def fold_g(text: str) -> str:
    """The ґ→г variant of an already normalised string."""
    return text.replace("ґ", "г")


def keys(text: str | None) -> set[str]:
    """All match keys of a name: normalised, its ґ→г fold, and with apostrophes removed."""
    n = normalise(text)
    if not n:
        return set()
    g = fold_g(n)
    return {n, g, n.replace(APOSTROPHE, ""), g.replace(APOSTROPHE, "")}
