"""Looser match keys for Ukrainian settlement names: Russian and older spellings folded onto one form."""
import re
import unicodedata
from functools import cache

from etl.reference.names import APOSTROPHE, normalise

# Each rule is (pattern, replacement), applied in order to every word of a normalised name, to the Ukrainian
# name and to GeoNames' Cyrillic names alike, so that both spellings of one place meet in the same key.
SOFT_ENDINGS = (
    # і for е/о before a soft ending: Білопілля ~ Белополье, Запоріжжя ~ Запорожье, Білозір'я ~ Белозорье
    (r"[іиыеєоё](?=(?:([бвгджзклмнпрстфхцчшщ])\1|[бвгджзклмнпрстфхцчшщ]['ь])[яе]$)", "о"),
    (r"'я$", "е"),                                       # Зимогір'я ~ Зимогорье (ь itself is dropped below)
    (r"([бвгджзклмнпрстфхцчшщ])\1я$", r"\1е"),           # Прибужжя ~ Прибужье
)
# the letters after the soft endings: ґ/г, є/е/э/ё, і/ї/и/ы alike, soft sign and apostrophe dropped
LETTERS = str.maketrans({"ґ": "г", "є": "е", "э": "е", "ё": "е", "і": "и", "ї": "и", "ы": "и",
                         "ь": None, "ъ": None, APOSTROPHE: None})
WORD_RULES = (
    (r"(?:ое|ее)$", "е"),                                # Широкое ~ Широке, Подгородное ~ Підгороднє
    (r"ая$", "а"),                                       # Великая Добронь ~ Велика Добронь
    (r"яя$", "я"),                                       # Нижняя Дуванка ~ Нижня Дуванка
    (r"ие$", "и"),                                       # Великие, Мурованые ~ Великі, Муровані
    (r"ой$", "ий"),                                      # Кривой ~ Кривий
    (r"([вн])о$", r"\1е"),                               # Апостолово ~ Апостолове, Ширяево ~ Ширяєве
    (r"[иео]{1,2}вка$", "ивка"),                         # Макеевка ~ Макіївка, Юрьевка ~ Юріївка
    # і for о/е in a closed syllable: Немиров ~ Немирів, Тывров ~ Тиврів, Подволочиск ~ Підволочиськ
    (r"[иео]([вглнр])(?=[бвгджзклмнпрстфхцчшщ]|$)", r"о\1"),
)
# word stems that Ukrainian and Russian spell apart (applied after LETTERS, before WORD_RULES)
STEMS = (
    (r"^пид", "под"),                                    # Підгайці ~ Подгайцы
    (r"^бил", "бел"),                                    # Білозерка ~ Белозерка
    (r"камян", "камен"),                                 # Кам'янське ~ Каменское
    (r"^микол", "никол"),                                # Миколаїв ~ Николаев
    (r"^олекс", "алекс"),                                # Олександрія ~ Александрия
)
_SOFT = [(re.compile(p), r) for p, r in SOFT_ENDINGS]
_WORD = [(re.compile(p), r) for p, r in STEMS + WORD_RULES]
_LATIN_APOSTROPHES = re.compile(r"['’ʼ`′‘ʹ´]")


def _fold_word(word: str) -> str:
    for pattern, replacement in _SOFT:
        word = pattern.sub(replacement, word)
    word = word.translate(LETTERS)
    for pattern, replacement in _WORD:
        word = pattern.sub(replacement, word)
    return word


@cache
def cyrillic_fold(name: str | None) -> str:
    """One key for the Ukrainian, Russian and older Cyrillic spellings of a settlement name."""
    return " ".join(_fold_word(w) for w in normalise(name).split(" ") if w)


@cache
def latin_fold(name: str | None) -> str:
    """One key for romanisations of a name: accents and apostrophes dropped, y read as i, ii as i
    ('Shyryayeve' ~ 'Shyriaieve', 'Velykyy' ~ 'Velykyi')."""
    text = unicodedata.normalize("NFKD", normalise(name, strip_status=False))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _LATIN_APOSTROPHES.sub("", text).replace(APOSTROPHE, "").replace("y", "i")
    return re.sub(r"i{2,}", "i", text)
