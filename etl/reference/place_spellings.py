"""How Ukrainian spells foreign place names: Latin spellings of Ukrainian letters, by the place's language."""
from functools import cache

# Ukrainian letter or letter group -> Latin spellings (accents stripped) it may stand for in any language.
COMMON = {
    "а": "a", "б": "b", "в": "v w", "г": "g h", "ґ": "g", "д": "d", "е": "e", "є": "ye ie je e",
    "ж": "zh j z", "з": "z s", "и": "y i", "і": "i y", "ї": "yi ji i", "й": "y i j", "к": "k c",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s c", "т": "t th", "у": "u ou",
    "ф": "f ph", "х": "kh h ch", "ц": "ts c z tz", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ъ": "",
    "ю": "yu iu ju u", "я": "ya ia ja",
    "кс": "x", "дж": "dzh j dj", "ья": "ia ja ya", "ія": "ia ja ya iya ija", "ьо": "io yo jo o",
    "йо": "yo jo io", "ай": "ai ay", "ей": "ei ey ay", "ой": "oi oy",
}

# extra spellings a language's own orthography uses (ö, ü, ł… are already folded to o, u, l)
LANGUAGE = {
    "de": {"х": "ch", "ц": "z tz", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ж": "sch", "з": "s", "с": "ss",
           "ф": "v", "ю": "u", "е": "o", "к": "ck", "ай": "ei ey", "ой": "eu au", "шт": "st",
           "шп": "sp", "ве": "we", "ві": "wi"},
    "nl": {"г": "h g", "х": "ch", "ф": "v", "у": "oe", "ю": "u", "ей": "ij ei", "ай": "ij ei"},
    "pl": {"ч": "cz", "ш": "sz", "щ": "szcz", "ж": "rz", "р": "rz", "в": "w", "е": "ie", "у": "o",
           "ль": "l", "нь": "n ni", "сь": "s si", "ць": "c ci", "зь": "z zi", "шч": "szcz", "ця": "ca"},
    "cs": {"ч": "c", "ш": "s", "ж": "z", "рж": "r", "є": "e je", "й": "j", "я": "ja", "ю": "ju", "ця": "ca"},
    "hu": {"ш": "s", "с": "sz", "ж": "zs", "ч": "cs", "дь": "gy", "нь": "ny", "ль": "ly", "ть": "ty",
           "е": "o", "ю": "u", "й": "j", "ай": "aj", "ей": "ej", "ой": "oj"},
    "lt": {"ш": "s", "ч": "c", "ж": "z", "й": "j", "я": "ia", "ю": "iu", "ьо": "io"},
    "fi": {"г": "h", "ю": "y", "я": "a", "е": "a", "й": "j"},
    "sv": {"ю": "y", "е": "o", "й": "j", "ш": "sj sk", "х": "h", "у": "o"},
    "fr": {"ш": "ch", "ж": "j", "к": "c qu", "у": "ou", "ю": "u", "о": "au eau", "е": "ai", "с": "c ss",
           "ей": "ey ai", "ьє": "ie", "і": "y"},
    "es": {"х": "j g", "к": "c qu", "с": "z c", "нь": "n", "ньї": "ni", "ль": "l ll", "й": "y", "б": "v"},
    "pt": {"ш": "x ch s", "ж": "j", "к": "c qu", "нь": "nh", "ль": "lh"},
    "it": {"ч": "c ci", "дж": "g gi", "к": "c ch", "ц": "z zz", "ш": "sc", "нь": "gn", "ль": "gl"},
    "ro": {"ш": "s", "ц": "t", "ч": "c ci", "дж": "g gi", "и": "a i", "е": "a ea", "я": "ia ea",
           "к": "c ch", "г": "g gh h"},
    "tr": {"дж": "c", "ч": "c", "ш": "s", "ж": "j", "й": "y", "х": "h", "ю": "u", "ьо": "o"},
    "en": {"х": "h", "ж": "j", "дж": "j g", "ей": "ay a ai", "і": "ee ea", "у": "oo", "ю": "u", "к": "ck ch",
           "а": "u"},
    "he": {"х": "ch kh h", "ц": "tz z", "ія": "iya"},
    "ja": {"г": "h", "й": "y", "дз": "z j"},
    "el": {"у": "ou", "і": "i"},
    "sh": {"ч": "c", "ш": "s", "ж": "z", "ць": "c", "дж": "dz", "й": "j", "я": "ja", "ю": "ju", "є": "je",
           "ль": "lj", "нь": "nj", "х": "h", "ця": "ca"},
}

# country (ISO alpha-2) -> languages whose spellings its place names follow
COUNTRY_LANGUAGES = {
    "DE": "de", "AT": "de", "CH": "de fr it", "LU": "de fr", "LI": "de", "NL": "nl", "BE": "nl fr",
    "PL": "pl", "CZ": "cs", "SK": "cs", "HU": "hu", "LT": "lt", "LV": "lt", "EE": "fi", "FI": "fi sv",
    "SE": "sv", "NO": "sv", "DK": "sv", "IS": "sv", "FR": "fr", "MC": "fr", "ES": "es", "MX": "es",
    "AR": "es", "CL": "es", "CO": "es", "CU": "es", "PT": "pt", "BR": "pt", "IT": "it", "MT": "it en",
    "RO": "ro", "MD": "ro", "TR": "tr", "AZ": "tr", "US": "en", "GB": "en", "CA": "en fr", "IE": "en",
    "AU": "en", "NZ": "en", "IN": "en", "KE": "en", "ZA": "en", "IL": "he en", "JP": "ja", "GR": "el",
    "CY": "el", "HR": "sh", "RS": "sh", "SI": "sh", "BA": "sh", "ME": "sh", "MK": "sh",
}


@cache
def spellings(country_code: str | None) -> dict[str, tuple[str, ...]]:
    """Latin spellings of each Ukrainian letter group for place names in that country."""
    merged = {src: set(targets.split(" ")) if targets else {""} for src, targets in COMMON.items()}
    for language in COUNTRY_LANGUAGES.get(country_code or "", "").split():
        for src, targets in LANGUAGE[language].items():
            merged.setdefault(src, set()).update(targets.split(" "))
    return {src: tuple(sorted(targets, key=len, reverse=True)) for src, targets in merged.items()}
