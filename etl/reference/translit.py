"""Ukrainian-to-Latin transliteration per KMU Resolution No. 55 of 27 January 2010."""
import re

# letter -> (word-initial form, elsewhere form)
_POSITIONAL = {"є": ("ye", "ie"), "ї": ("yi", "i"), "й": ("y", "i"), "ю": ("yu", "iu"), "я": ("ya", "ia")}
_PLAIN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ъ": "", "ы": "y", "э": "e", "ё": "io",
}
_APOSTROPHES = "'’ʼ`′‘"
_WORD = re.compile(r"[^\W\d_]+(?:[" + _APOSTROPHES + r"][^\W\d_]+)*")


def _word(word: str) -> str:
    out: list[str] = []
    initial = True
    letters = [c for c in word if c not in _APOSTROPHES]
    for i, ch in enumerate(letters):
        low = ch.lower()
        if low == "г" and i > 0 and letters[i - 1].lower() == "з":
            latin = "gh"
        elif low in _POSITIONAL:
            latin = _POSITIONAL[low][0 if initial else 1]
        else:
            latin = _PLAIN.get(low, ch)
        if ch != low and latin:
            upper_next = i + 1 < len(letters) and letters[i + 1].isupper()
            latin = latin.upper() if upper_next or len(letters) == 1 else latin.capitalize()
        out.append(latin)
        initial = False
    return "".join(out)


def transliterate(text: str) -> str:
    """Transliterate Ukrainian text; non-Cyrillic characters pass through unchanged."""
    if not text:
        return text
    return _WORD.sub(lambda m: _word(m.group(0)), text)
