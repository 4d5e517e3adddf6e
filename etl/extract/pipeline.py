"""Article → agreement mentions: the Extractor, the Mention record and its raw_mentions row.

API
---
``Extractor(gazetteer=None)``: loads (or reads from cache) the lookup index once.
``Extractor.extract(document) -> list[Mention]``: ``document`` has ``text``, ``source``, ``published_date``,
``lang`` and ``document_id`` (an ``etl.sources.articles.Document``).
``Mention.to_json() -> dict``: the ``python -m etl extract --format jsonl`` contract.
``mention_to_raw_row(mention, document, row_number) -> dict``: a raw_mentions row (docs/CONTRACT.md).
"""
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from etl.extract.cues import cues
from etl.extract.dates import find_dates
from etl.extract.index import PlaceIndex
from etl.extract.pairs import PairBuilder
from etl.extract.text import sentences
from etl.extract.toponyms import ToponymFinder
from etl.memory import settle_long_lived

_CLAUSE_PUNCTUATION = re.compile(r"[,;:]")
_SINCE = re.compile(r"(?i)\b(since|з|від)\s+((19|20)\d{2}|[^\W\d]+\s+(19|20)\d{2})")
_BARE_YEAR = re.compile(r"(?<![\d./-])((?:19|20)\d{2})(?![\d/]|\.\d)")  # "in 2023." ends a sentence; "2023.05" is a date
CONTRACT_FIELDS = (
    "source", "ua_hromada_code", "ua_party", "ua_oblast", "partner", "partner_name_en", "partner_country",
    "partner_hromada_code", "partner_oblast", "partner_lat", "partner_lon", "type", "status", "date", "published",
    "themes", "programme", "mentioned_in_passing", "confidence", "evidence",
)


@dataclass
class Mention:
    source: str
    ua_hromada_code: str
    ua_party: str
    ua_oblast: str | None
    partner: str
    partner_name_en: str | None
    partner_country: str
    partner_hromada_code: str | None
    partner_oblast: str | None
    partner_lat: float | None
    partner_lon: float | None
    type: str
    status: str
    date: str | None
    published: str | None
    themes: list[str] = field(default_factory=list)
    programme: str | None = None
    mentioned_in_passing: bool = False
    confidence: float = 0.5
    evidence: str = ""
    partner_geonameid: int | None = None
    document_id: str | None = None
    index: int = 0  # position among the document's mentions (raw_mentions.row_number)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {name: getattr(self, name) for name in CONTRACT_FIELDS}

    @property
    def partner_kind(self) -> str:
        return "domestic" if self.partner_country == "UA" else "foreign"


def mention_to_raw_row(mention: Mention, document, row_number: int | None = None) -> dict:
    """One raw_mentions row (docs/CONTRACT.md) for a mention of an article; loaded_at is now (UTC).
    row_number defaults to the mention's position among its document's mentions."""
    row_number = mention.index if row_number is None else row_number
    partner_key = mention.partner_hromada_code or mention.partner_geonameid or mention.partner
    mention_id = hashlib.sha256(
        f"{document.document_id}|{mention.ua_hromada_code}|{partner_key}|{mention.status}".encode()).hexdigest()[:32]
    published = document.published_date
    if isinstance(published, str):
        published = date.fromisoformat(published)
    url = getattr(document, "url", None)
    return {
        "mention_id": mention_id, "source_kind": "article", "source_id": document.document_id,
        "source_ref": url or document.source, "row_number": row_number,
        "source_url": url if url and url.startswith(("http://", "https://")) else None,
        "ua_hromada_code": mention.ua_hromada_code, "partner_kind": mention.partner_kind,
        "partner_name_uk": mention.partner, "partner_name_en": mention.partner_name_en,
        "partner_country_code": mention.partner_country, "partner_geonameid": mention.partner_geonameid,
        "partner_hromada_code": mention.partner_hromada_code, "partner_lat": mention.partner_lat,
        "partner_lon": mention.partner_lon, "type": mention.type, "status": mention.status,
        "event_date": mention.date, "published_date": published, "themes": list(mention.themes),
        "programme": mention.programme, "mentioned_in_passing": mention.mentioned_in_passing,
        "confidence": mention.confidence, "evidence": mention.evidence, "notes": list(mention.notes),
        "loaded_at": datetime.now(timezone.utc).replace(tzinfo=None),
    }


SHORT_LEAD = 5  # words: a lead this short ('Нові пари:', 'The new pairs are:') reads the event told before it,
SHORT_LEAD_REACH = 3  # in one of the sentences this close before it


class Extractor:
    """Finds agreement mentions in one document at a time; all lookups are precomputed at construction."""

    def __init__(self, gazetteer=None, index: PlaceIndex | None = None) -> None:
        self.index = index or PlaceIndex.load(gazetteer)
        self.finder = ToponymFinder(self.index, gazetteer)
        self.cues = cues()
        settle_long_lived(collect=True)

    def extract(self, document) -> list[Mention]:
        sents = sentences(document.text)
        if not sents:
            return []
        leads = {s.lead: self._lead_cues(sents, s.lead) for s in sents if s.lead is not None}
        for s in sents:
            if s.lead is not None:
                s.lead_text = leads[s.lead]
        published = document.published_date
        if isinstance(published, str):
            published = date.fromisoformat(published)
        countries_by_sentence = [self.finder.countries_in(s) for s in sents]
        doc_countries = {code for found in countries_by_sentence for _, code in found}
        toponyms = []
        self.finder.start_document(sents)
        for s in sents:
            lang = "en" if _latin_share(s.text) > 0.5 else "uk"
            toponyms.append(self.finder.find(s, doc_countries, lang, countries_by_sentence[s.index],
                                             relation=self.cues.is_relation(s.cue_text)))
        self._mark_background(sents, toponyms, published or _latest_date(sents))
        self._choose(sents, toponyms, countries_by_sentence)
        builder = PairBuilder(self.index, self.cues, sents, toponyms, published)
        mentions = [self._mention(document, published, pair) for pair in builder.pairs()]
        for number, mention in enumerate(mentions):
            mention.index = number
        return mentions

    def _lead_cues(self, sents, lead: int) -> str:
        """The text a list item reads its cues from besides its own: its lead when the lead reports an event
        ("Меморандуми підписали:") or speaks of ties ("The new pairs are:"), after the signing told just before a
        bare lead ("… підписали меморандуми з громадами заходу. <…> Нові пари:"); else nothing."""
        text = sents[lead].text
        if self.cues.reports_event(text):
            return text
        if not (self.cues.type_of(text) or self.cues.is_relation(text)):
            return ""
        if len(text.split()) <= SHORT_LEAD:
            told = next((sents[i].text for i in range(lead - 1, max(-1, lead - 1 - SHORT_LEAD_REACH), -1)
                         if self.cues.reports_event(sents[i].text)), None)
            if told:
                return f"{told} {text}"
        return text

    # --- background ----------------------------------------------------------------------------
    def _mark_background(self, sents, toponyms, published: date | None) -> None:
        in_background = False
        current = -1
        for s in sents:
            if s.paragraph != current:
                current = s.paragraph
                if self.cues.opens_background(s.text):
                    in_background = True
                elif in_background and any(t.kind in ("hromada", "foreign") for t in toponyms[s.index]):
                    in_background = False
            elif self.cues.opens_background(s.text):
                in_background = True
            s.is_background = (in_background and not s.is_title) or (
                s.lead is not None and sents[s.lead].is_background) or self.cues.is_background_sentence(s.text)
            if published and not s.is_background and not s.is_title and _BARE_YEAR.search(s.text) \
                    and self._names_agreement(s.text):  # an earlier event needs a year in the sentence
                # the old date and the signing in one clause: "підписав ще в травні 1996 року", not
                # "яка 2022 року пережила окупацію, отримала партнерів"
                s.is_background = not _has_recent_date(s.text, published) and any(
                    self._names_agreement(part) and _reports_earlier_event(part, published)
                    for part in _CLAUSE_PUNCTUATION.split(s.text))

    def _names_agreement(self, text: str) -> bool:
        """A signing, a named document or a standing twinning: what an earlier date would date."""
        hit = self.cues.type_of(text)
        return "signed" in self.cues.statuses(text) or bool(hit and hit[1] == "document") or bool(_SINCE.search(text))

    # --- disambiguation ------------------------------------------------------------------------
    def _choose(self, sents, toponyms, countries_by_sentence) -> None:
        claimed: set[int] = set()
        for found in toponyms:
            oblasts = [o for o in found if o.kind == "oblast"]
            if oblasts:
                for t in found:
                    if t.kind == "hromada":
                        claimed.update(id(o) for o in oblasts if t.last <= o.first <= t.last + 8)
        oblast_counts = Counter(t.candidates[0] for found in toponyms for t in found
                                if t.kind == "oblast" and id(t) not in claimed)
        raion_counts = Counter(code for found in toponyms for t in found if t.kind == "raion" for code in t.candidates)
        support = Counter(c for found in toponyms for t in found if t.kind in ("hromada", "foreign")
                          for c in set(t.candidates))
        doc_countries = Counter(code for found in countries_by_sentence for _, code in found)
        # a shared name placed by the oblast or raion named with it is that hromada everywhere in the text
        placed = {}
        for found in toponyms:
            for t in found:
                if t.kind == "hromada" and len(t.candidates) > 1:
                    near = self._placed_by_region(t, found)
                    if near:
                        placed.setdefault(tuple(t.candidates), near)
        for s, found in zip(sents, toponyms):
            sentence_countries = [code for _, code in countries_by_sentence[s.index]]
            for t in found:
                if t.kind == "hromada":
                    t.choice = self._placed_by_region(t, found) or next(
                        (code for code in placed.values() if code in t.candidates), None) \
                        or self._choose_hromada(t, oblast_counts, raion_counts, support)
                elif t.kind == "foreign":
                    before = [code for at, code in countries_by_sentence[s.index] if at < t.first]
                    ordered = before[-1:] + [c for c in sentence_countries if c not in before[-1:]]
                    t.choice = self._choose_place(t, ordered, doc_countries, support)
                else:
                    t.choice = t.candidates[0]

    def _placed_by_region(self, t, found) -> str | None:
        """The candidate in the raion or oblast named right after the name ('Городок Львівського району')."""
        hromadas = self.index.hromadas
        if len(t.candidates) == 1:
            return t.candidates[0]
        for o in found:
            between = [x for x in found if x.kind == "hromada" and t.last <= x.first < o.first]
            if o.kind in ("oblast", "raion") and t.last <= o.first <= t.last + 8 and not between:
                if o.kind == "oblast":
                    match = [c for c in t.candidates if hromadas[c].oblast_code == o.candidates[0]]
                else:
                    match = [c for c in t.candidates if hromadas[c].raion_code in o.candidates]
                if match:
                    return match[0]
        return None

    def _choose_hromada(self, t, oblast_counts, raion_counts, support) -> str:
        """Without a raion or oblast beside it: the reading other mentions support; else the text's raions and
        oblasts; else prominence."""
        hromadas = self.index.hromadas
        return max(t.candidates, key=lambda c: (support[c], raion_counts.get(hromadas[c].raion_code, 0),
                                                oblast_counts.get(hromadas[c].oblast_code, 0), hromadas[c].prominence))

    def _choose_place(self, t, sentence_countries, doc_countries, support) -> int:
        """The finder's ranking, within the country named nearest before it, else in the sentence or the text;
        among equals the reading other mentions of the name support ('Westport, Connecticut' vs 'Westport')."""
        places = self.index.places
        rank = {g: i for i, g in enumerate(t.candidates)}
        for pool in ([g for g in t.candidates if places[g].country_code == code] for code in sentence_countries):
            if pool:
                return max(pool, key=lambda g: (support[g], -rank[g]))
        pool = [g for g in t.candidates if doc_countries.get(places[g].country_code)] or t.candidates
        return max(pool, key=lambda g: (support[g], -rank[g]))

    # --- output --------------------------------------------------------------------------------
    def _mention(self, document, published, pair) -> Mention:
        ua = self.index.hromadas[pair.ua_code]
        common = dict(
            source=document.source, ua_hromada_code=ua.code, ua_party=_ascii_apostrophe(ua.name_uk),
            ua_oblast=ua.oblast_adjective,
            type=pair.type, status=pair.status, date=pair.date, published=published.isoformat() if published else None,
            themes=pair.themes, programme=pair.programme, mentioned_in_passing=pair.in_passing,
            confidence=pair.confidence, evidence=pair.evidence, document_id=getattr(document, "document_id", None),
            notes=list(pair.notes),
        )
        if pair.partner_kind == "domestic":
            partner = self.index.hromadas[pair.partner]
            return Mention(partner=_ascii_apostrophe(partner.name_uk), partner_name_en=self.index.translit(partner.name_uk),
                           partner_country="UA", partner_hromada_code=partner.code,
                           partner_oblast=partner.oblast_adjective, partner_lat=partner.lat, partner_lon=partner.lon,
                           **common)
        place = self.index.places[pair.partner]
        return Mention(partner=_ascii_apostrophe(pair.partner_name_uk or place.name_uk or place.name), partner_name_en=place.name,
                       partner_country=place.country_code, partner_hromada_code=None, partner_oblast=None,
                       partner_lat=place.lat, partner_lon=place.lon, partner_geonameid=place.geonameid, **common)


def _latest_date(sents) -> date | None:
    """Without a publication date, the latest full date of the body stands for 'now' (roundups of old ties)."""
    found = [d.value for s in sents if not s.is_title for d in find_dates(s.text) if len(d.value) == 10]
    return date.fromisoformat(max(found)) if found else None


def _has_recent_date(text: str, published: date) -> bool:
    return any(-30 <= (published - date.fromisoformat(d.value)).days <= 90
               for d in find_dates(text) if len(d.value) == 10)


def _reports_earlier_event(text: str, published: date) -> bool:
    """A sentence dated well before publication (a full date over 90 days earlier, or an earlier bare year)."""
    found = find_dates(text)
    recent = False
    old = False
    for d in found:
        value = d.value if len(d.value) == 10 else d.value + "-01"
        age = (published - date.fromisoformat(value)).days
        recent |= -30 <= age <= 90
        old |= age > (90 if len(d.value) == 10 else 120)
    taken = [range(d.start, d.start + 20) for d in found]
    for m in _BARE_YEAR.finditer(text):
        if any(m.start() in r for r in taken):
            continue
        year = int(m.group(1))
        old |= year < published.year and (published.month > 3 or year < published.year - 1)
    return old and not recent


_APOSTROPHES = str.maketrans({c: "'" for c in "’ʼ`′‘"})


def _ascii_apostrophe(name: str) -> str:
    return name.translate(_APOSTROPHES)


_LATIN_RE = re.compile(r"[a-zA-Z]+")
_CYRILLIC_RE = re.compile(r"[а-яА-ЯіїєґІЇЄҐ]+")


def _letters(pattern: re.Pattern, text: str) -> int:
    """How many letters of the pattern's script the text holds (counted run by run, not letter by letter)."""
    return sum(map(len, pattern.findall(text)))


def _latin_share(text: str) -> float:
    latin, cyrillic = _letters(_LATIN_RE, text), _letters(_CYRILLIC_RE, text)
    return latin / (latin + cyrillic) if latin + cyrillic else 0.0
