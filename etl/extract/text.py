"""Paragraphs, sentences and tokens of an article, with character offsets."""
import re
from dataclasses import dataclass, field

# letters, joined by single apostrophes and hyphens ("Кам'янець-Подільський"), each part starting and ending in a letter
_WORD = r"[^\W\d_]+(?:['’ʼ`][^\W\d_]+)*(?:-[^\W\d_]+(?:['’ʼ`][^\W\d_]+)*)*"
TOKEN = re.compile(rf"({_WORD})|(\d+)|(\S)")
# a sentence ends at . ! ? … (optionally closed by quotes) before a capital letter, quote or digit
_BOUNDARY = re.compile(r"(?<=[.!?…])[»\"”)]*\s+(?=[«\"„“(]?[A-ZА-ЯІЇЄҐ0-9])")
# a list item line: a bullet or a number opens it ("– Снігурівська громада та Калуська громада;", "2) …")
_BULLET = re.compile(r"^\s*(?:[–—\-•·*▪●►✓]|\d{1,2}[.)])\s*")
ITEM_LENGTH = 120  # an unmarked line this short after a lead is a list item ("Роганська — Смілянська (Черкаська обл.)")
_ABBREVIATIONS = frozenset(
    "м с смт сел вул просп пл обл р рр ім т д див стор тис млн грн ст проф доц акад пп mr mrs ms dr st"
    " prof gen jan feb mar apr jun jul aug sep sept oct nov dec no"
    # languages before a name in its own spelling ('муніципій Радівці (рум. Rădăuți)')
    " рум пол польськ угор нім англ фр франц словац слов чес лит латис молд груз італ ісп".split())


class Token:
    """A word, number or punctuation mark with its character offsets; the derived flags are computed once."""
    __slots__ = ("text", "start", "end", "is_word", "lower", "is_capitalised", "is_cyrillic")

    def __init__(self, text: str, start: int, end: int, is_word: bool) -> None:
        self.text, self.start, self.end, self.is_word = text, start, end, is_word
        self.lower = text.lower()
        self.is_capitalised = is_word and text[0].isupper()
        self.is_cyrillic = is_word and "\u0400" <= text[0] <= "\u04ff"  # a word's script is its first letter's

    def __eq__(self, other) -> bool:
        return isinstance(other, Token) and (self.text, self.start, self.end) == (other.text, other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


@dataclass
class Sentence:
    index: int
    paragraph: int
    text: str
    start: int
    tokens: list[Token] = field(default_factory=list)
    is_title: bool = False
    is_background: bool = False
    lead: int | None = None        # a list item: the index of the sentence that introduced the list with ':'
    lead_text: str = ""

    @property
    def cue_text(self) -> str:
        """The text cues are read from: a list item carries its lead ('Меморандуми підписали:') after it."""
        return f"{self.text} {self.lead_text}" if self.lead_text else self.text


def tokenize(text: str, offset: int = 0) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    for m in TOKEN.finditer(text):
        start, end = m.span()
        append(Token(m.group(), offset + start, offset + end, m.lastindex == 1))  # group 1: a word
    return tokens


def _last_word(text: str) -> str:
    """The run of word characters (as re's \\w) the text ends with."""
    start = len(text)
    while start and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return text[start:]


def split_sentences(paragraph: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; no split after abbreviations and initials ('м. Херсон', 'І. Терехов')."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in _BOUNDARY.finditer(paragraph):
        before = paragraph[start:m.start()].rstrip("»\"”)")
        last = _last_word(before[:-1]) if before.endswith(".") else ""
        if last and (last.lower() in _ABBREVIATIONS or (len(last) == 1 and last.isupper())):
            continue
        out.append((start, paragraph[start:m.start()].strip()))
        start = m.end()
    if paragraph[start:].strip():
        out.append((start, paragraph[start:].strip()))
    return [(o, s) for o, s in out if s]


def sentences(text: str) -> list[Sentence]:
    """Every sentence of the text; the first non-empty line is the title. Lines listed after a line ending
    with ':' (bulleted, numbered or ';'-terminated) are items of that lead."""
    result: list[Sentence] = []
    offset = 0
    paragraph = 0
    lead: Sentence | None = None
    for line in text.split("\n"):
        if line.strip():
            stripped = line.strip()
            is_item = lead is not None and (_BULLET.match(stripped) is not None or stripped.endswith((";", ","))
                                            or (len(stripped) <= ITEM_LENGTH and not stripped.endswith((".", "!", "?"))))
            if not is_item:
                lead = None
            for rel, sentence in split_sentences(line):
                s = Sentence(len(result), paragraph, sentence, offset + rel)
                s.tokens = tokenize(sentence, s.start)
                s.is_title = paragraph == 0
                if lead is not None:
                    s.lead, s.lead_text = lead.index, lead.text
                result.append(s)
            if lead is None and result and result[-1].text.endswith(":") and not result[-1].is_title:
                lead = result[-1]
            paragraph += 1
        offset += len(line) + 1
    return result
