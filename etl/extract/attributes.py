"""A pair's attributes from its sentences: type, status, event date, themes, evidence, partner name."""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from etl.extract.dates import find_dates
from etl.extract.morphology import key

if TYPE_CHECKING:
    from etl.extract.pairs import Pair

EVIDENCE_LIMIT = 600
LIST_GAP = 35  # characters between two partners that still read as one list ("з Москвою, Бєлгородом і Курськом")
_PAST_STATUSES = frozenset({"signed", "terminated", "intent"})
_SAME_DAY = re.compile(r"(?i)\b(the same day|that same day|того ж дня|того самого дня|цього ж дня|у той же день)\b")
_ASIDE = re.compile(r"\([^)]*\)")
_CLAUSE_BREAK = re.compile(r"(?:,\s*а\s(?!також)|\s[—–]\s|;|\bwhile\b|,\s*and later)")


class AttributeRules:
    """Mixed into PairBuilder: needs self.sents, self.toponyms, self.positions, self.cues, self.index, self.published."""

    def _reports_event(self, i: int) -> bool:
        """A sentence that tells of something happening: a status cue or a named document."""
        return self.cues.reports_event(self.sents[i].cue_text)

    def _settle(self, pair: Pair, pkey: tuple, scope: list[int], generic: list[int], sole: bool = False,
                recalled: tuple[int, ...] = ()) -> None:
        """Type, status, date, themes, evidence and confidence of a pair from its own sentences (scope) and the
        article's sentences about no particular pair (generic). The article's only own-event pair (sole) also
        takes the statuses of those generic sentences ('On the same day, the mayors signed a memorandum').
        Sentences recalling the pair's earlier events (recalled) give its type when nothing else does."""
        body = [i for i in scope if not self.sents[i].is_title]
        title = [i for i in scope if self.sents[i].is_title]
        # type: a named document beats a relationship word; body beats title; own sentences beat generic ones,
        # and those beat the pair's recalled ones ('The twinning agreement with Jasło was signed in 2003')
        found_type = self._first_type(body + title, "document") or self._first_type(body + title) \
            or self._first_type(generic, "document") or self._first_type(recalled, "document")
        pair.type = found_type or "other"
        # status: the cue nearest the partner in each sentence; highest lifecycle rank over sentences
        statuses: set[str] = set()
        for i in scope:
            nearest = self._nearest_status(i, pkey, _other_side(pair, pkey), _PAST_STATUSES if pair.in_passing else None)
            if nearest:
                statuses.add(nearest)
        if not statuses or sole:
            for i in generic:
                # beside the pair's own cues, only a sentence about an agreement ('Того ж дня мери підписали
                # меморандум'), not the session's other business ('затвердили програму підтримки …')
                # nor an interviewer's question ('— Чи плануєте нових партнерів?')
                if not self.sents[i].is_title and not self.sents[i].text.rstrip().endswith("?") and (
                        not statuses or self._about_agreement(i)):
                    # a termination told of no pair ("розірвали зв'язки з містами Росії") ends only the ties
                    # with the countries it names: added below, for partners in terminated_countries
                    statuses |= self.cues.statuses(self.sents[i].cue_text) - {"terminated"}
        if not pair.in_passing and "terminated" not in statuses and pkey[0] == "F" \
                and self.index.places[pkey[1]].country_code in self.cues.terminated_countries \
                and any("terminated" in self.cues.statuses(self.sents[i].cue_text) for i in generic):
            statuses.add("terminated")  # "Харків розірвав зв'язки з російськими містами. … з Москвою, Бєлгородом …"
        best = self.cues.best_status(statuses)
        if best in ("terminated", "signed") and pair.type == "council_decision":
            # the decision led to (or ended) a document: 'рада ухвалила рішення … Голова підписав меморандум'
            other = next((hit[0] for i in body + title + (generic if not pair.in_passing else [])
                          if (hit := self.cues.type_of(self.sents[i].cue_text, exclude=("council_decision",)))
                          and (hit[1] == "document" or best == "terminated")), None)
            pair.type = other or ("other" if best == "terminated" else pair.type)
        if best is None and pair.in_passing:
            best = "signed"  # an existing tie recalled in passing
        pair.status = self.cues.settle(pair.type, best)
        pair.date = self._date(pkey, scope, generic, _other_side(pair, pkey), best)
        themes: set[str] = set()
        for i in scope + generic:
            themes |= self.cues.themes(self.sents[i].cue_text)
        pair.themes = sorted(themes)
        evidence_ids = [i for i in scope if i in pair.relation_sentences] or scope
        pair.evidence = " ".join(self.sents[i].text for i in evidence_ids[:2])[:EVIDENCE_LIMIT]
        confidence = 0.55
        confidence += 0.15 if found_type and found_type != "other" else 0
        confidence += 0.1 if statuses else 0
        confidence += 0.1 if any(self.sents[i].is_title for i in scope) else 0
        confidence -= 0.2 if pair.in_passing else 0
        pair.confidence = round(max(0.05, min(0.99, confidence)), 2)

    def _about_agreement(self, i: int) -> bool:
        text = self.sents[i].cue_text
        return self.cues.is_relation(text) or self.cues.type_of(text) is not None

    def _first_type(self, sentences: Sequence[int], strength: str | None = None) -> str | None:
        for i in sentences:
            hit = self.cues.type_of(self.sents[i].cue_text)
            if hit and (strength is None or hit[1] == strength):
                return hit[0]
        return None

    def _nearest_status(self, i: int, pkey: tuple, own: tuple, allowed: frozenset | None = None) -> str | None:
        """The status cue nearest the partner in sentence i (a termination anywhere before others), leaving out
        cues that another partner stands between, past more than a list joiner: in 'припинили угоду з Гомелем
        і надали повноваження підписати угоду з Жешувом' the termination is Gomel's, not Rzeszów's."""
        anchors = self.positions[i].get(pkey) or []
        best: tuple[int, int, str] | None = None
        for status, start in self.cues.status_matches(self.sents[i].cue_text):
            if allowed is not None and status not in allowed:
                continue
            if anchors and self._cue_blocked(i, (pkey, own), start, anchors[0]):
                continue
            if status == "terminated":
                return "terminated"
            distance = min((abs(start - a) for a in anchors), default=0)
            rank = self.cues.rank.get(status, 0)
            if best is None or (distance, -rank) < (best[0], -best[1]):
                best = (distance, rank, status)
        return best[2] if best else None

    def _cue_blocked(self, i: int, keys: tuple[tuple, tuple], cue: int, anchor: int) -> bool:
        """Another partner (not either side of this pair) stands between the cue and the anchor, past more
        than a list joiner."""
        pkey = keys[0]
        sentence = self.sents[i]
        if cue >= len(sentence.text):
            return False  # a cue of the list's lead
        spans = {}  # toponym start -> (end, key), offsets within the sentence
        for t in self.toponyms[i]:
            if self._key(t) is not None and self._key(t)[0] == pkey[0] and not self._is_venue(sentence, t):
                spans[sentence.tokens[t.first].start - sentence.start] = (
                    sentence.tokens[t.last - 1].end - sentence.start, self._key(t))
        own_end = spans.get(anchor, (anchor, pkey))[0]
        lo, hi = sorted((cue, anchor))
        inside = sorted((a, end) for a, (end, k) in spans.items() if k not in keys and lo < a < hi)
        if not inside:
            return False
        gap = sentence.text[inside[-1][1]:anchor] if cue < anchor else sentence.text[own_end:inside[0][0]]
        gap = _ASIDE.sub("", gap)  # "з Чортківською (Тернопільська область) та Жовківською"
        return len(gap) > LIST_GAP or bool(_CLAUSE_BREAK.search(gap))

    def _date(self, pkey: tuple, scope: list[int], generic: list[int], own: tuple | None = None,
              status: str | None = None) -> str | None:
        """The date nearest the partner in the pair's sentences (another partner of the same kind in between,
        past a clause break, blocks it; the pair's own hromada does not); sentences that report the pair's
        status come first."""
        default_year = self.published.year if self.published else None
        ordered = [j for j in scope if not self.sents[j].is_title] + generic + [j for j in scope if self.sents[j].is_title]
        if status:
            ordered.sort(key=lambda j: status not in self.cues.statuses(self.sents[j].cue_text))
        for i in ordered:
            text = self.sents[i].text
            found = find_dates(text, default_year)
            if not found and _SAME_DAY.search(text):
                for j in range(i - 1, 0, -1):
                    earlier = find_dates(self.sents[j].text, default_year)
                    if earlier and not self.sents[j].is_title:
                        return earlier[-1].value
            if not found:
                continue
            anchors = self.positions[i].get(pkey)
            if not anchors:
                if i in generic and not (self.cues.statuses(text) or self.cues.type_of(text)):
                    continue
                return found[0].value
            others = [p for k, ps in self.positions[i].items() if k not in (pkey, own) and k[0] == pkey[0] for p in ps]
            usable = []
            for d in found:
                lo, hi = sorted((d.start, anchors[0]))
                between = any(lo < o < hi for o in others)
                # '… Гросуплє, а 23 лютого 2023 року угоду підписали з Каушанами': the date is the other's
                nearer_other = any(abs(o - d.start) < hi - lo and not _CLAUSE_BREAK.search(text[min(o, d.start):max(o, d.start)])
                                   for o in others)
                crosses = bool(_CLAUSE_BREAK.search(text[lo:hi]))
                if not ((between or nearer_other) and crosses):
                    usable.append((crosses, abs(d.start - anchors[0]), d.value))  # the partner's own clause first
            if usable:
                return min(usable)[-1]
        return self._relative_date([j for j in ordered if not self.sents[j].is_title][:3])

    def _relative_date(self, sentences: list[int]) -> str | None:
        """'Сьогодні', 'на сьогоднішній сесії', 'вчора', 'yesterday': a day counted from the publication date."""
        if self.published is None:
            return None
        for i in sentences:
            days = self.cues.relative_days(self.sents[i].text)
            if days is not None:
                return (self.published + timedelta(days=days)).isoformat()
        return None

    def _notes(self, pair: Pair, pkey: tuple, mention: list[int]) -> list[str]:
        """What a reviewer should know about how the pair was read (raw_mentions.notes)."""
        notes: list[str] = []
        forms = [t for i in mention for t in self.toponyms[i] if self._key(t) == pkey]
        if forms and all(t.via == "fuzzy" for t in forms):
            notes.append("partner matched by transliteration to a GeoNames name")
        ua = [t for found in self.toponyms for t in found if t.kind == "hromada" and t.choice == pair.ua_code]
        if ua and all(len(t.candidates) > 1 for t in ua):
            notes.append("hromada name shared by several hromadas; chosen by oblast context or prominence")
        place = self.index.places.get(pkey[1]) if pkey[0] == "F" else self.index.hromadas.get(pkey[1])
        if place is not None and place.lat is None:
            notes.append("partner not geocoded")
        return notes

    def _partner_name(self, pkey: tuple, mention: list[int]) -> str | None:
        if pkey[0] == "H":
            return None
        place = self.index.places[pkey[1]]
        forms = [t for i in mention for t in self.toponyms[i] if t.kind == "foreign" and t.choice == pkey[1]]
        for t in forms:
            if t.via in ("cyrillic", "fuzzy") and t.surface and t.surface[0].isupper() and t.nominative[:1].isalpha() \
                    and not t.nominative.isascii():
                unread = key(t.nominative) == key(t.surface) and self._oblique(t.surface)  # no lemma found for it
                return (self._listed_stem(pkey[1], t.nominative) if unread else None) \
                    or _capitalise(t.nominative, t.surface)
        if forms:
            return self.index.ukrainian_name(pkey[1], forms[0].surface)
        return place.name_uk

    def _oblique(self, surface: str) -> bool:
        """Every reading of the (one-word) form is in a case other than the nominative ('Тельтова', 'Жаганню')."""
        cases = self.morph.analyse(surface).cases if " " not in surface else frozenset()
        return bool(cases) and "nomn" not in cases

    def _listed_stem(self, gid: int, form: str) -> str | None:
        """The place's own Cyrillic name that the form read only adds an ending to ('Кимпулунг-Молдовенеска', a
        genitive the dictionary does not know, is 'Кимпулунг-Молдовенеск')."""
        folded = key(form)
        return next((name for name in self.index.place_cyr_display.get(gid, ())
                     if folded != key(name) and folded.startswith(key(name)) and len(folded) - len(key(name)) <= 2
                     and folded[len(key(name)):].isalpha()), None)


def _capitalise(nominative: str, surface: str) -> str:
    """'шеннв'єр-сюр-марн' shaped like 'Шеннв’єр-сюр-Марн': capitals where the text had them."""
    nominative = nominative.replace("’", "'").replace("ʼ", "'")
    surface_parts = re.split(r"([\s\-])", surface)
    parts = re.split(r"([\s\-])", nominative)
    out = []
    for n, part in enumerate(parts):
        original = surface_parts[n] if n < len(surface_parts) else ""
        out.append(part[:1].upper() + part[1:] if original[:1].isupper() else part)
    return "".join(out)


def _other_side(pair: Pair, pkey: tuple) -> tuple:
    """The key of the pair's side that pkey is not (the hromada whose partner pkey is)."""
    return ("H", pair.partner) if pkey == ("H", pair.ua_code) else ("H", pair.ua_code)
