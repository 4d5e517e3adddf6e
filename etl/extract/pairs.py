"""Agreement pairs of one article: which hromada with which partner (attributes in etl.extract.attributes)."""
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations

from etl.extract.attributes import AttributeRules
from etl.extract.cues import Cues
from etl.extract.index import PlaceIndex
from etl.extract.morphology import morphology

# preposition -> the case that makes the next name a venue ("latin": any English name after it)
_VENUE_PREPOSITIONS = {"у": "loct", "в": "loct", "поблизу": "gent", "біля": "gent", "неподалік": "gent",
                       "під": "ablt", "in": "latin", "near": "latin", "outside": "latin"}
_NO_NEWS_OF_PAIRS = frozenset({"terminated", "planned"})  # statuses of a general sentence that date no named pair
_PART_OF = frozenset({"district", "suburb", "outskirts", "edge", "part", "centre", "center", "район", "околиці",
                      "передмістя", "околиця", "мікрорайон", "east", "west", "north", "south", "north-east", "north-west",
                      "south-east", "south-west", "bank", "banks", "shore"})  # "east of the Vistula"
_WITH = frozenset({"з", "із", "зі", "with"})
_RELATIVE = re.compile(r",\s*(?:which|who|що|який|яка|яке|які)\b")
_ASIDE_TO_COMMA = re.compile(r"^(?:,?\s*[A-ZА-ЯІЇЄҐ][\w'’.-]*)*\s*$")  # "Lawrence, Kansas": a state or country between
_VISITED = re.compile(r"(по|пере)бува|відвіда|прибу|приїха|завіта")
_BETWEEN = frozenset({"між", "поміж", "between", "among"})
_LIST_DASH = re.compile(r"\s[—–]\s")
_INSTRUMENTAL = ("ською", "цькою", "зькою", "ою", "ею", "єю", "ом", "ем", "єм", "ами", "ями")
ANNOUNCED_REACH = 2  # partners announced unnamed are named within the next two sentences
_CLAUSE_SPLIT = re.compile(r",\s+(?:and|а|while|whereas|і|й)\s|;\s|\s[—–]\s")


@dataclass
class Pair:
    ua_code: str
    partner: object                 # hromada code (domestic) or geonameid (foreign)
    partner_kind: str               # domestic | foreign
    partner_name_uk: str | None = None
    relation_sentences: list[int] = field(default_factory=list)
    type: str = "other"
    status: str = "signed"
    date: str | None = None
    themes: list[str] = field(default_factory=list)
    programme: str | None = None
    in_passing: bool = False
    confidence: float = 0.5
    evidence: str = ""
    notes: list[str] = field(default_factory=list)


class PairBuilder(AttributeRules):
    def __init__(self, index: PlaceIndex, cues: Cues, sents, toponyms, published) -> None:
        self.index, self.cues, self.sents, self.toponyms, self.published = index, cues, sents, toponyms, published
        self._parties_of: dict[int, tuple[list[str], list[int]]] = {}
        self.morph = morphology()
        self.relation = [self.cues.is_relation(s.cue_text) for s in sents]
        self.partner_keys: list[list[tuple]] = []          # per sentence: partner keys mentioned (venues included)
        self.positions: list[dict[tuple, list[int]]] = []  # per sentence: partner key -> char offsets
        for s, found in zip(sents, toponyms):
            keys: list[tuple] = []
            where: dict[tuple, list[int]] = defaultdict(list)
            for t in found:
                k = self._key(t)
                if k is None:
                    continue
                where[k].append(s.tokens[t.first].start - s.start)
                if k not in keys:
                    keys.append(k)
            self.partner_keys.append(keys)
            self.positions.append(where)
        self.home = self._home()
        self.foreign_home = self._foreign_home()

    @cached_property
    def multi_party(self) -> bool:
        """The article tells of a document of three or more parties (read only when three hromadas meet)."""
        return self.cues.multi_party(self.sents)

    @cached_property
    def domestic_ok(self) -> bool:
        """Pairs of hromadas may be read: the article speaks of domestic partnerships, or names no foreign town
        outside its background (read only when a sentence offers such a pair)."""
        return not any(t.kind == "foreign" for s, found in zip(self.sents, self.toponyms) if not s.is_background
                       for t in found) or self.cues.domestic_context(self.sents)

    # --- parties -------------------------------------------------------------------------------
    @staticmethod
    def _key(t) -> tuple | None:
        if t.kind == "hromada":
            return ("H", t.choice)
        if t.kind == "foreign":
            return ("F", t.choice)
        return None

    def _is_venue(self, sentence, t) -> bool:
        """Named as a place where something happens or lies ('у Львові', 'near Kyiv', 'a district of Prague')."""
        if t.first == 0:
            return False
        tokens = sentence.tokens
        start = t.first - 1 if tokens[t.first - 1].lower != "the" or t.first < 2 else t.first - 2
        if start > 0 and tokens[start].is_cyrillic and not tokens[start].is_capitalised \
                and tokens[start - 1].lower in ("у", "в") and self._locative_adjective(tokens[start]) \
                and not (start > 1 and _VISITED.match(tokens[start - 2].lower)):
            # "у румунській Сучаві відбулося засідання": an adjective between; not where a delegation went
            # ("делегація побувала в чеському Тршебічі: там обговорили співпрацю")
            start -= 1
        before = tokens[start].lower
        if before == "of" and start > 0:
            return tokens[start - 1].lower in _PART_OF  # "a district of Prague", "east of the Vistula"
        if before in _PART_OF:
            return True
        if before in ("до", "to") and t.first > 1 and self.cues.is_destination_word(tokens[t.first - 2].text):
            # "під час візиту до Львова", "travelled to Warsaw"
            return not tokens[t.first].is_cyrillic or "gent" in self.morph.analyse(tokens[t.first].text).cases
        if before in (",", "та", "і", "й") and tokens[t.first].is_cyrillic:
            # "у Дніпрі, Запоріжжі, на Львівщині": listed after a venue in the same case
            previous = next((p for p in self.toponyms[t.sentence] if p.last == t.first - 1), None)
            return previous is not None and self._is_venue(sentence, previous) and "loct" in \
                self.morph.analyse(tokens[t.first].text).cases and t.surface.lower() != t.nominative
        case = _VENUE_PREPOSITIONS.get(before)
        if case is None:
            return False
        if not tokens[t.first].is_cyrillic:
            return case == "latin"
        analysis = self.morph.analyse(tokens[t.first].text)
        return case in analysis.cases and t.surface.lower() != t.nominative

    def _locative_adjective(self, token) -> bool:
        analysis = self.morph.analyse(token.text)
        return analysis.is_adjective and "loct" in analysis.cases

    def _home(self) -> str | None:
        """The article's own hromada: most mentioned, named (not as a venue) in the title, the lead or a cue sentence."""
        scores: Counter = Counter()
        eligible: set[str] = set()
        for s, found in zip(self.sents, self.toponyms):
            site_name = s.is_title and (" | " in s.text or s.text.isupper())  # "ХЕРСОН.ЖИВЕ | Новини Херсонщини"
            weight = 1 if site_name else 3 if s.is_title else 2 if s.paragraph <= 2 else 1
            if s.is_background:
                weight = 0.1
            for t in found:
                if t.kind == "hromada":
                    scores[t.choice] += weight
                    if not self._is_venue(s, t) and (s.is_title or self.relation[s.index]):
                        eligible.add(t.choice)
        scores = Counter({code: score for code, score in scores.items() if code in eligible})
        if not scores:
            return None
        return scores.most_common(1)[0][0]

    def _foreign_home(self) -> tuple | None:
        """A foreign town's own page: the first body sentence naming a place opens with that town and names no
        hromada ("Göttingen has a new partner in Ukraine.", "Regina, Saskatchewan, has been building friendships")."""
        for s, found in zip(self.sents, self.toponyms):
            named = [t for t in found if t.kind in ("hromada", "foreign")]
            if s.is_title or not named:
                continue
            if s.is_background or named[0].kind != "foreign" or named[0].first != 0 \
                    or any(t.kind == "hromada" for t in named):
                return None
            return self._key(named[0])
        return None

    def _parties(self, s) -> tuple[list[str], list[int]]:
        """The hromadas and foreign towns a sentence names as parties (not venues), read once per sentence: the
        paragraph's later sentences ask again for those before them."""
        if s.index not in self._parties_of:
            self._parties_of[s.index] = self._read_parties(s)
        return self._parties_of[s.index]

    def _read_parties(self, s) -> tuple[list[str], list[int]]:
        hromadas: list[str] = []
        foreign: list[int] = []
        owned = self._foreign_towns_own_ties(s)
        for t in self.toponyms[s.index]:
            if t.kind == "hromada" and t.choice not in hromadas and not self._is_venue(s, t):
                hromadas.append(t.choice)
            elif t.kind == "foreign" and t.choice not in foreign and not self._is_venue(s, t) and id(t) not in owned:
                foreign.append(t.choice)
        return hromadas, foreign

    def _foreign_towns_own_ties(self, s) -> set[int]:
        """The foreign towns of a relative clause about another foreign town: '… sister city for Lawrence, which
        has kept up ties with Eutin, Germany, and Hiratsuka, Japan' names Lawrence's ties, not the hromada's."""
        owned: set[int] = set()
        for m in _RELATIVE.finditer(s.text):
            at = s.start + m.start()
            before = [t for t in self.toponyms[s.index] if s.tokens[t.last - 1].end <= at]
            if not before or before[-1].kind != "foreign" or not _ASIDE_TO_COMMA.match(
                    s.text[s.tokens[before[-1].last - 1].end - s.start:m.start()]):
                continue
            owned |= {id(t) for t in self.toponyms[s.index] if t.kind == "foreign" and s.tokens[t.first].start > at
                      and t.choice != before[-1].choice}
        return owned

    def _collect(self, continuation: list[tuple | None]) -> dict[tuple, Pair]:
        pairs: dict[tuple, Pair] = {}

        explicit: set[tuple] = set()
        announcing: dict[str, tuple[int, ...]] = {}  # hromada -> the sentences that announced its partners

        def add(ua: str, partner, kind: str, s, named: bool = True, also: tuple[int, ...] = ()) -> None:
            if kind == "domestic" and ua == partner:
                return
            also = also + announcing.get(ua, ())
            if named:
                explicit.add((ua, partner))
            k = (ua, kind, partner)
            if kind == "domestic" and (partner, kind, ua) in pairs:
                k = (partner, kind, ua)
            pair = pairs.get(k)
            if pair is None:
                pair = pairs[k] = Pair(k[0], k[2], kind)
            for i in (s.index, *also):
                if i not in pair.relation_sentences:
                    pair.relation_sentences.append(i)

        # a hromada whose partners sentences announced unnamed ("… з п'ятьма громадами"), and those sentences
        announced: tuple[str, tuple[int, ...]] | None = None
        for s in self.sents:
            subject = announced
            hromadas, foreign = self._parties(s)
            if announced and not (hromadas or foreign) and self._announces_partners(s):
                announced = (announced[0], announced[1] + (s.index,))  # "… підписав меморандуми з усіма п'ятьма"
                subject = None
            elif announced and (hromadas or foreign or s.index - announced[1][-1] > ANNOUNCED_REACH):
                announced = None  # named in this sentence, or too far back
            home = self._owner(s)
            if not self.relation[s.index]:
                if subject and (foreign or [h for h in hromadas if h != subject[0]]):
                    # "Громада отримала чотирьох партнерів. Це Боярська, Гайворонська ... громади."
                    for gid in foreign:
                        add(subject[0], gid, "foreign", s, also=subject[1])
                    if self.domestic_ok:
                        for other in hromadas:
                            add(subject[0], other, "domestic", s, also=subject[1])
                continue
            announcing.clear()
            if subject:
                announcing[subject[0]] = subject[1]  # the partners named now are the ones announced
            if len(hromadas) == 1 and not foreign and self._announces_partners(s):
                announced = (hromadas[0], (s.index,))
            owner = continuation[s.index]
            if owner is not None and not hromadas:
                home = self._paragraph_subject(s) or home
            if owner is not None and home and not foreign and not [h for h in hromadas if h != home]:
                named = home in hromadas  # a continuation names the home hromada at most, not the partner with it
                if owner[0] == "F":
                    add(home, owner[1], "foreign", s, named=named)
                elif self.domestic_ok:
                    add(home, owner[1], "domestic", s, named=named)
                continue
            if foreign:
                owner_of_list = self._twin_list_owner(s)
                if owner_of_list is not None and owner_of_list[0] == "F":
                    # "Sister cities of Yokohama (Shanghai, Lyon, …, Odesa)": the others are the foreign city's twins
                    for ua in hromadas:
                        add(ua, owner_of_list[1], "foreign", s)
                    continue
                listed = self._listed_partners(s, hromadas) if len(hromadas) >= 2 else []
                if listed:  # "у Чорткова два нові партнери: місто Жовква на Львівщині та канадський Вайтгорс"
                    for ua in [h for h in hromadas if h not in listed]:
                        for gid in foreign:
                            add(ua, gid, "foreign", s)
                        for other in listed:
                            add(ua, other, "domestic", s)
                    continue
                if hromadas and home and home not in hromadas and self._all_instrumental(s):
                    # "співпрацю з Жовквою та Вайтгорсом": both are the unnamed home hromada's partners
                    for gid in foreign:
                        add(home, gid, "foreign", s, named=False)
                    for other in hromadas:
                        add(home, other, "domestic", s, named=False)
                    continue
                recalled = s.is_background and self.cues.type_of(s.cue_text) is not None  # "Its sister cities include …"
                parties = hromadas
                if not parties:  # the hromada the sentence before names, else the article's own
                    subject = self._paragraph_subject(s) or home
                    parties = [subject] if subject and (self._tells_event(s, continuation) or recalled) else []
                by_clause = (self._respective_pairs(s, hromadas, foreign)
                             or (self._alternating_pairs(s) if len(foreign) >= 2 else None)
                             or self._clause_pairs(s)) if len(hromadas) >= 2 else None
                for ua, gid in by_clause or [(ua, gid) for ua in parties for gid in foreign]:
                    add(ua, gid, "foreign", s, named=bool(hromadas))
            elif not self.domestic_ok:
                continue
            elif len(hromadas) >= 2:
                mutual = self._between(s)
                partners = [] if mutual else self._listed_partners(s, hromadas) or self._with_partners(s)
                if mutual:
                    for a, b in combinations(mutual, 2):
                        add(a, b, "domestic", s)
                elif partners:
                    subjects = [h for h in hromadas if h not in partners] or ([home] if home else [])
                    for ua in subjects:
                        for other in partners:
                            add(ua, other, "domestic", s)
                elif not self.cues.unnamed_partners(s.text):
                    hromadas = [h for h in hromadas if not self._named_as_origin(s, h)] or hromadas
                    if len(hromadas) < 2:
                        continue
                    if len(hromadas) >= 3 and (self.multi_party or home not in hromadas):
                        for a, b in combinations(hromadas, 2):  # "Ізюм, Самбір і Городок підписали …"
                            add(a, b, "domestic", s)
                    else:
                        first = home if home in hromadas else hromadas[0]
                        for other in hromadas:
                            add(first, other, "domestic", s)
            elif len(hromadas) == 1 and home and hromadas[0] != home and announced is None:
                add(home, hromadas[0], "domestic", s)
        # a partner paired with the unnamed home in a headline, but with another named hromada in the text
        named_with = defaultdict(set)
        for ua, partner in explicit:
            named_with[partner].add(ua)
        return {k: p for k, p in pairs.items()
                if (p.ua_code, p.partner) in explicit or not (named_with[p.partner] - {p.ua_code})}

    def _paragraph_subject(self, s) -> str | None:
        """The one hromada the sentences before it in its paragraph name (not as a venue): whose partner a
        sentence naming no hromada tells of ('Для Барвінківської громади все лише починається. … зустріч з
        бургомістром Фельдбаха'; a digest's 'Володимирська громада. … делегація Грубешова. Сторони підписали …')."""
        if s.lead is not None:
            return None
        named: list[str] = []
        for j in range(s.index - 1, -1, -1):
            if self.sents[j].paragraph != s.paragraph:
                break
            named += [h for h in self._parties(self.sents[j])[0] if h not in named]
        return named[0] if len(named) == 1 else None

    def _twin_list_owner(self, s) -> tuple | None:
        """The place whose twins a sentence lists: 'sister cities of X', "X's other twin towns", 'побратими X'
        (X in the genitive)."""
        for t in self.toponyms[s.index]:
            k = self._key(t)
            if k is None:
                continue
            start, end = s.tokens[t.first].start - s.start, s.tokens[t.last - 1].end - s.start
            token = s.tokens[t.first]
            genitive = not token.is_cyrillic or "gent" in self.morph.analyse(token.text).cases
            possessive = s.tokens[t.last - 1].text.endswith(("'s", "’s"))
            if (genitive and self.cues.owns_twin_list(s.text[:start], "")) or (
                    possessive and self.cues.owns_twin_list("", s.text[end:].lstrip())):
                return k
        if self.foreign_home is not None and s.lead is None and self.cues.names_generic_owner(s.text) and (
                s.is_background or self.cues.type_of(s.cue_text) is not None):
            return self.foreign_home  # on Göttingen's page, "The city is already twinned with Cheltenham, Pau …"
        named = [t for t in self.toponyms[s.index] if t.kind in ("hromada", "foreign")]
        if named and named[0].kind == "foreign" and named[0].first <= 1 and all(t.kind == "foreign" for t in named) \
                and s.lead is None:  # a list item ("• Нови-Сонч (Польща) — з 1996 року") is one of the lead's twins
            return self._key(named[0])  # "York already has sister city relationships with Dijon, Münster …"
        return None

    def _owner(self, s) -> str | None:
        """Whose partners a sentence names when it does not say: a list item's, the one hromada of its lead (the
        article's home hromada when the lead names no place); any other sentence's, the article's home hromada."""
        if s.lead is None:
            return self.home
        named = list(dict.fromkeys(t.choice for t in self.toponyms[s.lead]
                                   if t.kind == "hromada" and not self._is_venue(self.sents[s.lead], t)))
        if not self.toponyms[s.lead]:
            return self.home  # "Серед ухвалених рішень:": a lead naming no place lists the article's own
        return named[0] if len(named) == 1 else None

    def _between(self, s) -> list[str]:
        """'меморандум між Новгород-Сіверською та Яготинською громадами': the hromadas after 'між' are each
        other's partners."""
        at = next((t.start for t in s.tokens if t.lower in _BETWEEN), None)
        if at is None:
            return []
        named = list(dict.fromkeys(t.choice for t in self.toponyms[s.index] if t.kind == "hromada"
                                   and s.tokens[t.first].start > at and not self._is_venue(s, t)))
        return named if len(named) >= 2 else []

    def _alternating_pairs(self, s) -> list[tuple[str, int]] | None:
        """'Житомир — з Любліном, Бердичів — з Ченстоховою': hromada, partner, hromada, partner … in turn (or
        partner first, then its hromada)."""
        sequence: list[tuple[str, object]] = []
        for t in self.toponyms[s.index]:
            if t.kind in ("hromada", "foreign") and not self._is_venue(s, t):
                item = ("H" if t.kind == "hromada" else "F", t.choice)
                if not sequence or sequence[-1] != item:
                    sequence.append(item)
        if len(sequence) < 4 or len(sequence) % 2:
            return None
        first = sequence[0][0]  # "Rochdale is twinned with Lviv, Barnsley with Horlivka …" opens with the partner
        if any(kind != (first if n % 2 == 0 else ("F" if first == "H" else "H")) for n, (kind, _) in enumerate(sequence)):
            return None
        pairs = [(sequence[n][1], sequence[n + 1][1]) for n in range(0, len(sequence), 2)]
        return pairs if first == "H" else [(ua, gid) for gid, ua in pairs]

    def _respective_pairs(self, s, hromadas: list[str], foreign: list[int]) -> list[tuple[str, int]] | None:
        """'Sokal and Busk signed memoranda with Tomaszów Lubelski and Jarosław respectively': as many hromadas as
        partners, paired in the order they are named."""
        if len(hromadas) != len(foreign) or not self.cues.pairs_in_order(s.text):
            return None
        return list(zip(hromadas, foreign))

    def _clause_pairs(self, s) -> list[tuple[str, int]] | None:
        """'Lyman signed with Westport, and Sviatohirsk signed with Easton': pairs inside each clause, when at least
        two clauses each name a hromada and a partner, or one does and another ('…, while Korosten said …') names
        only hromadas; partners of a clause without hromadas go to the first clause's. None otherwise."""
        splits = list(_CLAUSE_SPLIT.finditer(s.text))
        bounds = [m.start() for m in splits]
        clauses: dict[int, tuple[list[str], list[int]]] = defaultdict(lambda: ([], []))
        for t in self.toponyms[s.index]:
            if t.kind not in ("hromada", "foreign") or self._is_venue(s, t):
                continue
            at = s.tokens[t.first].start - s.start
            slot = clauses[sum(1 for b in bounds if b < at)]
            (slot[0] if t.kind == "hromada" else slot[1]).append(t.choice)
        full = [(u, f) for u, f in clauses.values() if u and f]
        # "…, while the mayor of Korosten said …" stands apart; "— після Львова та Луцька" only goes on
        alone = [u for n, (u, f) in clauses.items() if u and not f and n and not _LIST_DASH.fullmatch(splits[n - 1].group())]
        if not full or (len(full) < 2 and not alone):
            return None
        orphans = [gid for u, f in clauses.values() if f and not u for gid in f]  # "…, а також з Ольштином"
        pairs = [(ua, gid) for u, f in full for ua in dict.fromkeys(u) for gid in dict.fromkeys(f)]
        return pairs + [(ua, gid) for ua in dict.fromkeys(full[0][0]) for gid in dict.fromkeys(orphans)]

    def _listed_partners(self, s, hromadas: list[str]) -> list[str]:
        """'Савинська громада має шість партнерів: Боярську, Гайворонську …': the hromadas after the colon (or
        after a dash that follows partners spoken of unnamed), when those before it are not named again after it."""
        colon = s.text.find(":")
        dash = next((m.start() for m in _LIST_DASH.finditer(s.text) if self.cues.unnamed_partners(s.text[:m.start()])), -1)
        if colon < 0 or 0 <= dash < colon:
            colon = dash  # "… з п'ятьма громадами Західної України — Чортківською, Кіцманською …"
        if colon < 0:
            return []
        before, after = [], []
        for t in self.toponyms[s.index]:
            if t.kind == "hromada" and not self._is_venue(s, t):
                (before if s.tokens[t.first].start - s.start < colon else after).append(t.choice)
        if not before or not after or set(before) & set(after):
            return []
        return list(dict.fromkeys(after))

    def _with_partners(self, s) -> list[str]:
        """Hromadas named as the other side: in the instrumental case ('з Кременецькою ... громадами') or after 'with'."""
        partners: list[str] = []
        for t in self.toponyms[s.index]:
            if t.kind != "hromada" or t.choice in partners or self._is_venue(s, t):
                continue
            token = s.tokens[t.first]
            cases = self.morph.analyse(token.text).cases if token.is_cyrillic else frozenset()
            # 'з' + instrumental is 'with'; 'з Житомира' (genitive) is 'from'
            marked = t.first > 0 and s.tokens[t.first - 1].lower in _WITH and (not cases or "ablt" in cases)
            # listed after a marked partner in the instrumental: "з Чортківською (…), Кіцманською (…) та Жовківською"
            listed = bool(partners) and token.is_cyrillic and ("ablt" in cases or token.lower.endswith(_INSTRUMENTAL))
            if marked or listed or cases == {"ablt"}:
                partners.append(t.choice)
        return partners

    def _announces_partners(self, s) -> bool:
        """'… отримала чотирьох партнерів.' / '… has new partners:' — the partners follow in the next sentence."""
        return bool(self.cues.unnamed_partners(s.text))

    # --- attributes ----------------------------------------------------------------------------
    def pairs(self) -> list[Pair]:
        continuation = self._continuations()
        collected = self._collect(continuation)
        partner_set = {("F" if p.partner_kind == "foreign" else "H", p.partner) for p in collected.values()}
        partner_set |= {("H", p.ua_code) for p in collected.values() if p.partner_kind == "domestic" and p.partner == self.home}
        generic = [s.index for s in self.sents
                   if not s.is_background and not any(k in partner_set for k in self.partner_keys[s.index])
                   and continuation[s.index] is None]
        programme = next((p for s in self.sents if not s.is_background and (p := self.cues.programme(s.text))), None)
        result: list[Pair] = []
        keyed = []
        sides = defaultdict(set)  # foreign partner -> the hromadas paired with it
        for p in collected.values():
            if p.partner_kind == "foreign":
                sides[p.partner].add(p.ua_code)
        for pair in collected.values():
            pkey = ("F" if pair.partner_kind == "foreign" else "H", pair.partner)
            if pair.partner_kind == "domestic" and pair.partner == self.home:
                pkey = ("H", pair.ua_code)
            mention = [s.index for s in self.sents if pkey in self.partner_keys[s.index]]
            mention += [i for i, owner in enumerate(continuation) if owner == pkey]
            if len(sides[pair.partner]) > 1:
                # a partner of several hromadas: its sentences about another are not this pair's, and one naming
                # none (or continuing the partner's) is the pair's of the side named last before it
                mention = [i for i in mention if ("H", pair.ua_code) in self.partner_keys[i]
                           or (not any(k[0] == "H" for k in self.partner_keys[i])
                               and self._side_before(i, sides[pair.partner]) in (None, pair.ua_code))]
            mention = sorted(set(mention) | set(pair.relation_sentences))
            own = [i for i in set(pair.relation_sentences) | set(mention)
                   if not self.sents[i].is_background and self._reports_event(i)]
            pair.in_passing = not own  # only recalled: earlier events, or a standing tie with no news
            keyed.append((pair, pkey, mention))
        current = [pair for pair, _, mention in keyed if any(not self.sents[i].is_background for i in mention)]
        if current and all(pair.in_passing for pair, _, _ in keyed) \
                and any(self._reports_event(i) and not self.cues.statuses(self.sents[i].cue_text) & _NO_NEWS_OF_PAIRS
                        for i in generic if not self.sents[i].is_title):
            # the article's current pairs, their signing told without their names; a tie ended with a city left
            # unnamed ('Угоду з російським містом-побратимом розірвали') or a plan ('Пропозиції … можна надсилати'
            # under a roundup of old ties) tells nothing of them
            for pair in current:
                pair.in_passing = False
        sole = sum(not pair.in_passing for pair, _, _ in keyed) == 1
        for pair, pkey, mention in keyed:
            scope = mention if pair.in_passing else [i for i in mention if not self.sents[i].is_background] or mention
            self._settle(pair, pkey, scope, [] if pair.in_passing else generic, sole and not pair.in_passing,
                         recalled=tuple(i for i in mention if i not in scope))
            if not pair.in_passing:
                pair.programme = programme
            else:
                pair.programme = next((p for i in scope if (p := self.cues.programme(self.sents[i].text))), None)
            pair.partner_name_uk = self._partner_name(pkey, mention)
            pair.notes = self._notes(pair, pkey, mention)
            result.append(pair)
        return result

    def _side_before(self, i: int, sides: set[str]) -> str | None:
        """The hromada among sides that the sentences up to i name last."""
        for j in range(i, -1, -1):
            named = [k[1] for k in self.partner_keys[j] if k[0] == "H" and k[1] in sides]
            if named:
                return named[-1]
        return None

    def _tells_event(self, s, continuation: list[tuple | None]) -> bool:
        """A sentence that may pair its partners with the article's hromada unnamed in it: the title, or one
        telling of a signing, talks or a named document (itself or in the sentence that continues it)."""
        if s.is_title or self._reports_event(s.index):
            return True
        follower = s.index + 1
        return follower < len(self.sents) and continuation[follower] is not None and self._reports_event(follower)

    def _continuations(self) -> list[tuple | None]:
        """For a sentence naming no partner: the single partner the previous sentence of its paragraph was about."""
        owner: list[tuple | None] = [None] * len(self.sents)
        named = [self._named_keys(s) for s in self.sents]
        for s in self.sents[1:]:
            prev = self.sents[s.index - 1]
            if prev.paragraph != s.paragraph or s.is_title or named[s.index]:
                continue
            keys = named[prev.index]  # not "the consulate in San Francisco"
            foreign = [k for k in keys if k[0] == "F"]
            if len(keys) == 2 and len(foreign) == 1:
                keys = foreign  # "Zwolle has delivered … to Nova Odesa. The two municipalities have agreed …"
            if len(keys) == 1 and not (keys[0][0] == "H" and self._named_as_subject(prev, keys[0][1])):
                owner[s.index] = keys[0]
            elif not keys and owner[prev.index] is not None:
                owner[s.index] = owner[prev.index]
        return owner

    def _named_keys(self, s) -> list[tuple]:
        """The parties a sentence names other than the home hromada, not as a venue ('… will sign in Zwolle')."""
        return [k for k in dict.fromkeys(self._key(t) for t in self.toponyms[s.index] if not self._is_venue(s, t))
                if k is not None and k != ("H", self.home)]

    def _all_instrumental(self, s) -> bool:
        """Every party of the sentence stands in the instrumental ('з Жовквою та Вайтгорсом'): all are partners."""
        parties = [t for t in self.toponyms[s.index] if t.kind in ("hromada", "foreign") and not self._is_venue(s, t)]
        return bool(parties) and all(s.tokens[t.first].is_cyrillic and "ablt" in self.morph.analyse(
            s.tokens[t.first].text).cases for t in parties)

    def _named_as_origin(self, s, code: str) -> bool:
        """'організацією … з Рівного': the hromada is where someone comes from ('з' with the genitive), not a party."""
        for t in self.toponyms[s.index]:
            if t.kind == "hromada" and t.choice == code and t.first > 0 and s.tokens[t.first].is_cyrillic \
                    and s.tokens[t.first - 1].lower in _WITH:
                cases = self.morph.analyse(s.tokens[t.first].text).cases
                return "gent" in cases and "ablt" not in cases
        return False

    def _named_as_subject(self, s, code: str) -> bool:
        """The hromada stands in the nominative in the sentence: a signer, not the other side."""
        for t in self.toponyms[s.index]:
            if t.kind == "hromada" and t.choice == code and s.tokens[t.first].is_cyrillic \
                    and "nomn" in self.morph.analyse(s.tokens[t.first].text).cases:
                return True
        return False
