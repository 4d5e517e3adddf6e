"""Article readers: .txt, .html/.htm and .jsonl files (or folders of them) -> Documents without page chrome.

API
---
``iter_documents(paths, rejects=None, progress=False) -> Iterator[Document]``
    Walks files and folders (recursively, sorted), decodes UTF-8 / UTF-8 with BOM / Windows-1251,
    strips page chrome and yields each distinct document once (same normalised text = same
    ``document_id``). A file or jsonl line that cannot be read is never raised: a ``Reject``
    (source_file, row_number, reason, raw_record) is appended to ``rejects`` when a list is given.
``read_documents(paths) -> (list[Document], list[Reject])`` collects both.
"""
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser
from tqdm import tqdm

from etl.extract.data import toml
from etl.extract.dates import MONTHS, find_dates, parse_date

SUFFIXES = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
ENCODINGS = ("utf-8-sig", "cp1251")
_CHROME = toml("chrome")
_TAIL = tuple(_CHROME["tail_starts"])
_DROP = frozenset(_CHROME["drop_lines"])
_DROP_RE = [re.compile(p) for p in _CHROME["drop_patterns"]]
_HEADLINE_RE = [re.compile(p) for p in _CHROME["headline_patterns"]]
INLINE_LINK_PARAGRAPH = 150  # characters: a line this long after an inline "Read also:" is the article going on
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_DATELINE = re.compile(r"^[^\W\d][\w'’ -]{1,40},\s+(?:\d{1,2}[./]\d{1,2}[./]\d{4}|\d{1,2}\s+[^\W\d]+\s+\d{4}"
                       r"|[^\W\d]+\s+\d{1,2},\s+\d{4})(?:\s*(?:року|р\.))?\s*[—–.-]\s+")
_DATE_TOKENS = re.compile(r"\d+[./]\d+[./]\d+|\d+")
_WORDS = re.compile(r"[^\W\d_]{2,}")
_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f]+")
_CYRILLIC = re.compile(r"[а-яіїєґ]", re.I)
_LATIN = re.compile(r"[a-z]", re.I)
_STRIP_TAGS = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, button, select, textarea, input"
_CHROME_CLASS = re.compile(
    r"share|social|cookie|comment|related|breadcrumb|menu|sidebar|subscribe|banner|advert|popular|"
    r"read-?also|readmore|widget|navbar|pagination|tags", re.I)
_BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, div, br, blockquote, tr, figcaption, section, article, time"


@dataclass
class Document:
    document_id: str
    source: str
    title: str | None
    published_date: date | None
    lang: str
    format: str
    text: str
    url: str | None = None

    def to_row(self) -> dict:
        return asdict(self)


@dataclass
class Reject:
    source_file: str
    reason: str
    row_number: int | None = None
    raw_record: str | None = None
    column_name: str | None = None
    value: str | None = None


@dataclass
class _Cleaned:
    text: str
    title: str | None
    published: date | None
    meta: list[str] = field(default_factory=list)


def normalise_text(text: str) -> str:
    """NFC, unified line ends, collapsed spaces, no blank-line runs."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def document_id(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def detect_lang(text: str) -> str:
    cyr, lat = len(_CYRILLIC.findall(text)), len(_LATIN.findall(text))
    if cyr and lat and min(cyr, lat) / max(cyr, lat) > 0.25:
        return "uk+en"
    return "en" if lat > cyr else "uk"


def _is_tail(low: str) -> bool:
    """A line opening the page tail: the label alone, the label and a colon ('Read also: …'), or a short line."""
    for t in _TAIL:
        if low == t or (low.startswith(t) and not t[-1].isalpha()):
            return True
        if low.startswith(t) and len(low) > len(t):
            after = low[len(t)]
            if after in ":(|" or (after == " " and len(low) < len(t) + 25):
                return True
    return False


def _inline_link(line: str, rest: list[str]) -> bool:
    """A related-headline line with its headline on it ('Read also: Lutsk and Lublin sign …') that the article's
    body goes on after: the next non-empty line is a full paragraph."""
    label, colon, headline = line.partition(":")
    if not colon or len(headline.strip()) < 15:
        return False
    following = next((other for other in rest if other.strip()), "")
    return len(following) >= INLINE_LINK_PARAGRAPH and not any(p.match(following) for p in _HEADLINE_RE)


def _dateline(line: str) -> tuple[str, date | None]:
    """A byline or dateline: ('', date) for a short metadata line, (rest, date) for a 'Place, date — text' opening."""
    found = [d for d in find_dates(_TIME.sub(" ", line)) if len(d.value) == 10]
    if not found:
        return line, None
    m = _DATELINE.match(line)
    if m and find_dates(m.group(0)):
        return line[m.end():], date.fromisoformat(find_dates(m.group(0))[0].value)
    # the date's own month name is no word of the line ('Posted 15 October 2025 by the … team · 4 min read')
    words = [w for w in _WORDS.findall(_DATE_TOKENS.sub(" ", _TIME.sub(" ", line))) if w.lower() not in MONTHS]
    if len(line) <= 100 and len(words) <= 8:
        return "", date.fromisoformat(found[0].value)
    return line, None


def strip_chrome(raw: str) -> _Cleaned:
    """Cut the page tail (related news, comments, tags), drop chrome and metadata lines, dedupe repeated lines."""
    lines = normalise_text(raw).split("\n")
    kept: list[str] = []
    meta: list[str] = []
    seen: set[str] = set()
    published: date | None = None
    for number, line in enumerate(lines):
        low = line.casefold()
        if kept and _is_tail(low):
            if _inline_link(line, lines[number + 1:]):
                continue  # "Read also: …" between two paragraphs of the article, not the start of its tail
            break
        if low in _DROP or any(p.match(line) for p in _DROP_RE):
            if "cookie" not in low and "кукі" not in low:
                meta.append(line)
            continue
        if kept and sum(1 for k in kept if k) <= 8 and published is None and line:
            rest, found = _dateline(line)
            if found is not None:  # the byline under the headline, before any related-news list
                published = found
                if not rest:
                    continue
                line, low = rest, rest.casefold()
        if sum(1 for k in kept if k) > 2 and any(p.match(line) for p in _HEADLINE_RE):
            continue
        if len(line) > 20 and low in seen:
            continue
        seen.add(low)
        kept.append(line)
    text = normalise_text("\n".join(kept))
    title = next((line for line in text.split("\n") if line), None)
    return _Cleaned(text, title, _published_from(meta) or published, meta)


def _published_from(meta: list[str]) -> date | None:
    joined = _TIME.sub(" ", " ".join(meta))
    for found in find_dates(joined):
        if len(found.value) == 10:
            return date.fromisoformat(found.value)
    return None


def decode(data: bytes) -> str:
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnicodeDecodeError("cp1251", data, 0, 1, "neither UTF-8 nor Windows-1251")


def html_to_text(html: str) -> tuple[str, str | None, date | None]:
    """Article text (chrome stripped), title and published date from an HTML page."""
    tree = LexborHTMLParser(html)
    title = _meta(tree, 'meta[property="og:title"]') or _node_text(tree, "h1") or _node_text(tree, "title")
    published = parse_date(
        _meta(tree, 'meta[property="article:published_time"]') or _meta(tree, 'meta[itemprop="datePublished"]')
        or _meta(tree, 'meta[name="pubdate"]') or _meta(tree, 'meta[name="date"]'))
    for node in tree.css(_STRIP_TAGS):
        node.decompose()
    for node in tree.css("[class], [id]"):
        marker = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if _CHROME_CLASS.search(marker) and node.tag not in ("html", "body", "article", "main"):
            node.decompose()
    root = _article_root(tree)
    if root is None:
        return "", title, published
    # a <time> of the article itself, once the related-news lists with their own dates are gone
    published = published or parse_date(_attr(root, "time[datetime]", "datetime"))
    for node in root.css(_BLOCKS):
        node.insert_after("\n")
    text = root.text(separator="")
    if title and not text.lstrip().startswith(title.strip()):
        text = title + "\n" + text
    return text, title, published


def _article_root(tree):
    candidates = tree.css("article, [itemprop=articleBody], main")
    if candidates:
        return max(candidates, key=lambda n: len(n.text(separator=" ")))
    return tree.body or tree.root


def _meta(tree, selector: str) -> str | None:
    return _attr(tree, selector, "content")


def _attr(tree, selector: str, name: str) -> str | None:
    node = tree.css_first(selector)
    value = node.attributes.get(name) if node is not None else None
    return value.strip() if value else None


def _node_text(tree, selector: str) -> str | None:
    node = tree.css_first(selector)
    text = node.text(separator=" ").strip() if node is not None else ""
    return _SPACE.sub(" ", text) or None


def _document(source: str, fmt: str, body: str, title=None, published=None, url=None) -> Document | None:
    cleaned = strip_chrome(body)
    if not cleaned.text:
        return None
    return Document(
        document_id=document_id(cleaned.text), source=source, title=title or cleaned.title,
        published_date=published or cleaned.published, lang=detect_lang(cleaned.text), format=fmt,
        text=cleaned.text, url=url)


def _read_file(path: Path, rejects: list) -> Iterator[Document]:
    fmt = SUFFIXES[path.suffix.lower()]
    try:
        raw = decode(path.read_bytes())
    except (OSError, UnicodeDecodeError) as error:
        rejects.append(Reject(str(path), f"unreadable file: {error}"))
        return
    if fmt == "jsonl":
        yield from _read_jsonl(path, raw, rejects)
        return
    if fmt == "html":
        body, title, published = html_to_text(raw)
    else:
        body, title, published = raw, None, None
    doc = _document(str(path), fmt, body, title, published)
    if doc is None:
        rejects.append(Reject(str(path), "no article text", raw_record=raw[:500]))
    else:
        yield doc


def _read_jsonl(path: Path, raw: str, rejects: list) -> Iterator[Document]:
    for number, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        source = f"{path}#{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            rejects.append(Reject(str(path), f"invalid JSON: {error.msg}", number, line[:500]))
            continue
        if not isinstance(record, dict):
            rejects.append(Reject(str(path), "line is not a JSON object", number, line[:500]))
            continue
        if "agreements" in record and not (record.get("text") or record.get("html")):
            rejects.append(Reject(str(path), "a gold-label file (id/agreements), not articles", number, line[:500]))
            return
        text, html = record.get("text"), record.get("html")
        title, published = record.get("title"), None
        if record.get("published"):
            published = parse_date(record["published"])
            if published is None:
                rejects.append(Reject(str(path), "unparseable published date", number, line[:500],
                                      "published", str(record["published"])))
                continue
        if isinstance(html, str) and html.strip() and not (isinstance(text, str) and text.strip()):
            text, html_title, html_published = html_to_text(html)
            title, published = title or html_title, published or html_published
        if not isinstance(text, str) or not text.strip():
            rejects.append(Reject(str(path), "no text or html field", number, line[:500], "text"))
            continue
        if title and not text.lstrip().startswith(str(title).strip()):
            text = f"{title}\n{text}"
        doc = _document(source, "jsonl", text, title, published, record.get("url"))
        if doc is None:
            rejects.append(Reject(str(path), "no article text", number, line[:500]))
        else:
            yield doc


def iter_files(paths: Iterable) -> Iterator[Path]:
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


def iter_documents(paths: Iterable, rejects: list | None = None, progress: bool = False) -> Iterator[Document]:
    """Yield every distinct article under the paths; unreadable input goes to ``rejects`` as Reject records."""
    rejects = [] if rejects is None else rejects
    seen: set[str] = set()
    bar = tqdm(unit="article", desc="articles", disable=not progress)
    try:
        for path in iter_files(paths):
            if not path.exists():
                rejects.append(Reject(str(path), "no such file"))
                continue
            if path.suffix.lower() not in SUFFIXES:
                rejects.append(Reject(str(path), f"unsupported file type {path.suffix or '(none)'}"))
                continue
            for doc in _read_file(path, rejects):
                if doc.document_id in seen:
                    continue
                seen.add(doc.document_id)
                bar.update(1)
                yield doc
    finally:
        bar.close()


def read_documents(paths: Iterable, progress: bool = False) -> tuple[list[Document], list[Reject]]:
    rejects: list[Reject] = []
    return list(iter_documents(paths, rejects, progress)), rejects
