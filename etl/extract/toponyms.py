"""Toponyms in a sentence: hromadas (centre names, adjective + council), oblasts, countries, foreign places."""
import re
from dataclasses import dataclass, field
from functools import lru_cache
from difflib import SequenceMatcher
from itertools import product

import polars as pl

from etl.extract.index import PlaceIndex, adjective_stem
from etl.extract.morphology import cyrillic_skeleton, key, latin_fold, latin_skeleton, morphology
from etl.extract.text import Sentence, Token
from etl.reference import places
from etl.reference.katottg import CRIMEAN_PREFIXES
from etl.reference.place_names import PlaceMatcher

MAX_SPAN = 4
_WITH = frozenset({"з", "із", "зі", "with"})
_COORDINATION = frozenset({",", "та", "і", "й", "and", "&", "також", "а", "the"})
_STREET_WORDS = frozenset({"вулиця", "вул", "проспект", "просп", "площа", "бульвар", "провулок", "street", "avenue",
                           "st", "square", "набережна"})
LIST_LEAD_REACH = 8  # words before a list's colon that may hold its community word
_SLOT_JOINERS = frozenset({"та", "і", "й", "and", "&"})
_SLOT_VERBS = frozenset({"twinned", "partnered", "twinning", "побратималися", "поріднилися"})
_LIST_OPENERS = frozenset({"—", "–", ":"})
_QUOTES = frozenset({'"', "«", "“", "„", "'"})
_PLURAL_MARKERS = frozenset({"міст", "містах", "містами", "містам", "громад", "громадах", "громадами", "громадам", "cities",
                             "towns", "municipalities", "communities"})  # "з містами Росії": the country, not a town
_UNIT_QUALIFIERS = frozenset({"district", "city", "town", "borough", "rural"})  # not "county": a county council is a region's
_UNIT_NOUNS = frozenset({"municipality", "municipalities", "commune", "gmina", "council", "kommune", "kommun"})
_COMMUNITY_HEADS = frozenset({"голова", "head"})
_SMALL_NUMERALS = frozenset({"два", "дві", "три", "чотири", "двох", "трьох", "two", "three", "four"})
_POSSESSIVE = re.compile(r"['’]s$")  # "Kyiv's", "Yokohama’s"
_ABBREVIATED = frozenset({"st", "ste", "mt", "ft"})  # "St. Petersburg", "Mt. Vernon"
# a relative adjective standing for "X-ська громада" with the noun left out ("Немішаївською з Київщини")
_ELIDED_ADJECTIVE = re.compile(r"(ськ|цьк|зьк)(а|ої|ій|у|ою|і|их|им|ими)$")
_ELIDED_NEXT = frozenset({",", "(", ")", ";", ":", "—", "–", ".", "з", "із", "зі", "та", "і", "й", "а", "на", "у", "в"})
_COMMUNITY_WORD = re.compile(r"громад|\bрад[аиіуо]|communit|hromad|municipalit|council")
_LATIN_COMMUNITY_NOUNS = ("community", "hromada", "council")
_LATIN_COMMUNITY = re.compile(r"\b([A-Z][a-z]+(?:[- ][A-Z][a-z]+)?) (?:(?:city|town|village|settlement|rural|urban|"
                              r"territorial) )*(?:" + "|".join(_LATIN_COMMUNITY_NOUNS) + r")\b")
_OBLIQUE_IV = re.compile(r"^([а-яіїєґ'’-]+[^аеєиіїоуюя'’-])([оеє])(?:ва|ву|вом|ві)$")
_PLURAL_COMMUNITY = re.compile(r"громад(?:и|ами|ам|ах)?(?![а-яіїєґ'])|communities|hromadas")
FUZZY_RATIO = 0.78
SLOT_POPULATION = 1_000
GLOBAL_POPULATION = 50_000
WORLD_CITY = 1_000_000


@dataclass
class Toponym:
    kind: str                      # hromada | foreign | oblast | country
    sentence: int
    first: int                     # token positions [first, last)
    last: int
    surface: str
    nominative: str                # the matched nominative form (lower case)
    candidates: list = field(default_factory=list)   # hromada codes or geonameids, best first
    via: str = ""                  # adjective | centre | latin | cyrillic | fuzzy | name
    foreign_hint: bool = False     # a foreign country word stands right before or after it
    ua_alternatives: list = field(default_factory=list)
    choice: object = None


def _similarity(a: str, b: str) -> float:
    """SequenceMatcher's ratio, skipped (0) where its cheap upper bounds already fall short of FUZZY_RATIO."""
    matcher = SequenceMatcher(None, a, b)
    if matcher.real_quick_ratio() < FUZZY_RATIO or matcher.quick_ratio() < FUZZY_RATIO:
        return 0.0
    return matcher.ratio()


class ToponymFinder:
    def __init__(self, index: PlaceIndex, gazetteer=None) -> None:
        self.index = index
        self._gazetteer = gazetteer
        self._matcher = None
        self.morph = morphology()
        words = index.words
        self.community = frozenset(words["community_nouns"])
        self.community_adj = frozenset(words["community_adjectives"])
        self.region_nouns = frozenset(words["region_nouns"])
        self.feature_nouns = frozenset(words["feature_nouns"])
        self.institution_nouns = frozenset(words["institution_nouns"])
        self.raion_nouns = frozenset(words["raion_nouns"])
        self.settlement_markers = frozenset(words["settlement_markers"])
        self.region_markers = frozenset(words["region_markers"])
        self.person_markers = frozenset(words["person_markers"])
        self.office_words = frozenset(words["office_words"])
        self.regional_bodies = frozenset(words["regional_bodies"])
        self.regional_body_adjectives = frozenset(words["regional_body_adjectives"])
        self.particles = frozenset(words["name_particles"])
        self.usual_countries = frozenset(words["usual_partner_countries"])
        self.country_homonyms = frozenset(words["country_homonyms"])
        self.unit_countries = dict(words["unit_countries"])
        self.organisation_words = frozenset(words["organisation_words"])
        self.memo: dict[str, tuple[list[int], str]] = {}
        self.accepted: set[int] = set()
        self.community_document = False
        self.named_communities: set[str] = set()
        self._fuzzy = lru_cache(maxsize=20_000)(self._fuzzy)
        self._spelled = lru_cache(maxsize=20_000)(self._spelled)
        self._variants_of = lru_cache(maxsize=100_000)(self._variants_of)
        self._country_pair = lru_cache(maxsize=100_000)(self._country_pair)
        self._country_token = lru_cache(maxsize=100_000)(self._country_token)

    # --- helpers -------------------------------------------------------------------------------
    def lemmas(self, token: Token) -> tuple[str, ...]:
        return self.morph.lemma_variants(token.text)

    def _lemma_in(self, token: Token, words: frozenset) -> bool:
        return token.lower in words or not words.isdisjoint(self.lemmas(token))

    def countries_in(self, sentence: Sentence) -> list[tuple[int, str]]:
        """(token position, country code) for country names and adjectives ('французьким', 'США', 'Болгарія')."""
        found: list[tuple[int, str]] = []
        tokens = sentence.tokens
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if not tok.is_word:
                i += 1
                continue
            hit = None
            if tok.is_capitalised and i + 1 < len(tokens) and tokens[i + 1].is_word:
                code = self._country_pair(tok.text, tokens[i + 1].text)
                hit = (code, 2) if code else None
            if hit is None:
                code = self._country_token(tok.text)
                hit = (code, 1) if code else None
            if hit and hit[0] != "UA":
                found.append((i, hit[0]))
                i += hit[1]
            else:
                i += 1
        return found

    def _country_pair(self, first: str, second: str) -> str | None:
        if not (self.index.country_first_stems.begin(key(first))
                and self.index.country_second_stems.begin(key(second))):
            return None
        for a, b in product(self.morph.lemma_variants(first)[:3], self.morph.lemma_variants(second)[:3]):
            code = self.index.country_of(key(f"{a} {b}"))
            if code:
                return code
        return None

    def _country_token(self, text: str) -> str | None:
        """Country named by one token: a code ('США'), a capitalised name or a country adjective."""
        if text.endswith(("'s", "’s")):
            text = text[:-2]  # "Georgia's Batumi"
        if text.isupper() and len(text) <= 4:
            return self.index.country_of(key(text)) if len(text) > 1 else None
        capitalised = text[:1].isupper()
        word = key(text)
        if not self.index.country_stems.begin(word) or word in self.country_homonyms:
            return None  # most words cannot name a country: spare the morphology
        for variant in self.morph.lemma_variants(text):
            code = self.index.country_of(key(variant))
            if code and (capitalised or variant.endswith(("ський", "цький", "зький", "ий"))
                         or variant in ("гміна", "ґміна", "штат", "штати")):
                return code
        return None

    # --- spans ---------------------------------------------------------------------------------
    def _runs(self, tokens: list[Token]) -> list[tuple[int, int]]:
        runs: list[tuple[int, int]] = []
        i = 0
        while i < len(tokens):
            if not tokens[i].is_capitalised:
                i += 1
                continue
            j = i + 1
            script = tokens[i].is_cyrillic
            while j < len(tokens):
                t = tokens[j]
                if t.is_capitalised and t.is_cyrillic == script:
                    j += 1
                elif (t.text == "." and tokens[j - 1].lower in _ABBREVIATED and j + 1 < len(tokens)
                      and tokens[j + 1].is_capitalised and tokens[j + 1].is_cyrillic == script):
                    j += 1
                elif t.is_word and t.lower in self.particles:
                    k = j + 1  # "Bruck an der Mur", "Castelnau-de-Médoc": one or two particles, then a name
                    while k < len(tokens) and k - j < 2 and tokens[k].is_word and tokens[k].lower in self.particles:
                        k += 1
                    if k < len(tokens) and tokens[k].is_capitalised and tokens[k].is_cyrillic == script:
                        j = k + 1
                    else:
                        break
                else:
                    break
            runs.append((i, j))
            i = j
        return runs

    def _is_person_run(self, tokens: list[Token], first: int, last: int) -> bool:
        analysis = self.morph.analyse(tokens[first].text)
        if last - first >= 2 and analysis.is_person:
            return True
        if last - first == 2 and tokens[first].is_cyrillic and analysis.maybe_person and (
                self.morph.analyse(tokens[first + 1].text).maybe_person or not self.morph.is_known_name(tokens[first + 1].text)) \
                and not self._two_word_place(tokens[first:last]):
            return True  # "Богдан Андріїв", "Ярослав Димчак": a first name and a surname, though both are also towns
        if last - first == 2 and tokens[first].is_cyrillic and "nomn" in analysis.cases \
                and self.morph.analyse(tokens[first + 1].text).is_person \
                and not (first > 0 and self._lemma_in(tokens[first - 1], self.settlement_markers)):
            return True  # "Володимир Лисенко": a town's name as a first name, before a word that is only a surname
        if last - first >= 2 and first > 0 and tokens[first - 1].is_word \
                and self._lemma_in(tokens[first - 1], self.person_markers):
            return True
        return False

    def _two_word_place(self, span: list[Token]) -> bool:
        """Two Cyrillic words that together name a place in some case ('Стальовою Волею', 'Білій Церкві')."""
        return any(key(v) in self.index.place_by_cyr or key(v) in self.index.by_centre for v in self._variants(span))

    def start_document(self, sentences=()) -> None:
        """Forget the previous article's transliteration matches and the places it was read to name; note whether
        the new article speaks of hromadas (its list items may then name them by adjective alone)."""
        self.community_document = any(_PLURAL_COMMUNITY.search(s.text.lower()) for s in sentences)
        # Latin names the article gives a community word somewhere ('the Hoshcha community'): a village hromada
        # named so once is that hromada in the article's other sentences ('Zutphen and Hoshcha sign …')
        self.named_communities = {latin_fold(m.group(1)) for s in sentences
                                  if any(noun in s.text for noun in _LATIN_COMMUNITY_NOUNS)  # a faster first look
                                  for m in _LATIN_COMMUNITY.finditer(s.text)}
        self.memo: dict[str, tuple[list[int], str]] = {}
        self.accepted: set[int] = set()  # places this article named as partners: later bare mentions are them too

    def find(self, sentence: Sentence, doc_countries: set[str], lang: str,
             sentence_countries: list[tuple[int, str]] | None = None, relation: bool = False) -> list[Toponym]:
        """Toponyms of the sentence, left to right. In a sentence about a partnership (relation), a name joined
        to a hromada ('Accrington and Khust', 'twinned with X') is read as the partner even when small."""
        tokens = sentence.tokens
        found: list[Toponym] = []
        unresolved: list[tuple[int, int]] = []
        self._sentence_countries = self.countries_in(sentence) if sentence_countries is None else sentence_countries
        low = sentence.cue_text.lower()
        # a list item ("• Куп'янська — Самбірська (Львівська обл.)") speaks of hromadas when its article does
        listed = sentence.lead is not None and self.community_document
        self._community_here = bool(_COMMUNITY_WORD.search(low)) or listed
        self._plural_community_here = bool(_PLURAL_COMMUNITY.search(low)) or listed
        skip_until = 0
        for first, last in self._runs(tokens):
            if first < skip_until:
                continue
            if self._is_person_run(tokens, first, last):
                # "мер Вінниці Сергій Моргунов", "голова Великого Любеня Роман Дзюбан": the town before the name
                # and surname is still a town
                for length in (2, 1) if last - first >= 4 else (1,) if last - first >= 3 else ():
                    head = self._resolve(sentence, first, first + length, doc_countries, lang)
                    if head is not None and head.kind in ("hromada", "foreign"):
                        found.append(head)
                        break
                continue
            i = first
            while i < last:
                if not tokens[i].is_cyrillic and tokens[i].lower in self.person_markers:
                    if i + 1 < last:
                        break  # "Mayor Dana Whitfield", "President Olsen": a title, then a person's name
                    i += 1  # "Khmelnytskyi's Secretary of the City Council": a title, not a place
                    continue
                hit = None
                # a span stops where a person's name and surname begin ("Тельч Ярослав Дворжак")
                longest = next((p - i for p in range(i + 1, min(i + MAX_SPAN, last - 1))
                                if self._is_person_run(tokens, p, last)), min(MAX_SPAN, last - i))
                for length in range(longest, 0, -1):
                    if length == 1 and self._latin_person(tokens, i, last):
                        unresolved.append((i, last))  # a partner slot may still read it ('Bad Nauheim and Bucha')
                        i = last  # "Scott Gillingham", "Andriy Sadovyi": a name and surname, not places
                        break
                    if length > 1 and not self._may_name(tokens, i, i + length):
                        continue
                    hit = self._resolve(sentence, i, i + length, doc_countries, lang)
                    if hit:
                        break
                if hit:
                    found.append(hit)
                    i = hit.last
                    if hit.kind == "foreign":
                        skip_until = max(skip_until, self._us_state_after(tokens, hit.last)[1],
                                         self._region_in_brackets(tokens, hit.last))
                    if i < last and self._is_person_run(tokens, i, last):
                        break  # "міста Тельч Ярослав Дворжак": the town, then its mayor's name and surname
                elif i < last:
                    if not unresolved or unresolved[-1][1] != i:
                        unresolved.append((i, i + 1))
                    else:
                        unresolved[-1] = (unresolved[-1][0], i + 1)
                    i += 1
        if relation and unresolved and any(t.kind == "hromada" for t in found):
            found = self._fill_slots(sentence, found, unresolved, doc_countries, lang)
        return found

    def _fill_slots(self, sentence: Sentence, found: list[Toponym], unresolved: list[tuple[int, int]],
                    doc_countries: set[str], lang: str) -> list[Toponym]:
        """Names next to a hromada in a partnership sentence: 'Accrington and Khust', 'Звягель і Бяла-Підляська',
        'twinned with X'; read as foreign places without the usual population and country requirements."""
        tokens = sentence.tokens
        starts = {t.first for t in found if t.kind == "hromada"}
        ends = {t.last for t in found if t.kind == "hromada"}
        added: list[Toponym] = []
        for first, last in unresolved:
            before = tokens[first - 1].lower if first > 0 else ""
            after = tokens[last].lower if last < len(tokens) else ""
            joined = (after in _SLOT_JOINERS and last + 1 in starts) or (
                before in _SLOT_JOINERS | _WITH and first - 1 in ends) or (
                before == "with" and first > 1 and tokens[first - 2].lower in _SLOT_VERBS)
            if not joined:
                continue
            for length in range(min(MAX_SPAN, last - first), 0, -1):
                hit = self._resolve(sentence, first, first + length, doc_countries, lang, slot=True)
                if hit and hit.kind == "foreign":
                    added.append(hit)
                    break
        return sorted(found + added, key=lambda t: t.first) if added else found

    def _may_name(self, tokens: list[Token], first: int, last: int) -> bool:
        """A Latin span of several words is worth resolving only when its words together are a known name."""
        if tokens[first].is_cyrillic:
            return True
        return latin_fold(_POSSESSIVE.sub("", " ".join(t.text for t in tokens[first:last]))) in self.index.latin_phrases

    def _latin_person(self, tokens: list[Token], i: int, last: int) -> bool:
        """Two capitalised Latin words that are not a place together and not common words: a person's name."""
        if i + 1 >= last or tokens[i].is_cyrillic or tokens[i + 1].is_cyrillic:
            return False
        if tokens[i].lower.endswith(("'s", "’s")) or self._country_token(tokens[i].text):
            return False  # "Georgia's Batumi", "Polish Rzeszów"
        if self._after_marker_of(tokens, i):
            return False  # "the municipality of Anykščiai Kęstutis Tubis": the place, then its mayor
        second = _POSSESSIVE.sub("", tokens[i + 1].lower)
        if tokens[i].lower in self.settlement_markers or second in self.region_nouns or second in self.community \
                or second in self.settlement_markers:  # "Gmina Cedry Wielkie", "Donetsk Oblast's Lyman"
            return False  # "Donetsk Oblast's Lyman", "Lviv Mayor …", "Irpin City Council"
        return all(t.is_capitalised and t.lower not in self.index.english_common and t.lower not in self.particles
                   for t in tokens[i:i + 2])

    def _office_before(self, before: Token, span: list[Token]) -> bool:
        """'з мером Ширвінтоса': a town official's title before one Cyrillic name in the genitive that is no
        person's name (not 'мер Сергій')."""
        if len(span) != 1 or not span[0].is_cyrillic or not self._lemma_in(before, self.office_words):
            return False
        analysis = self.morph.analyse(span[0].text)
        return not analysis.is_person and (not analysis.cases or "gent" in analysis.cases)

    def _regional_body_before(self, tokens: list[Token], first: int) -> bool:
        """'Повітова рада Сучави', 'обласної ради Підкарпаття': a region's council or administration just before."""
        return first > 1 and self._lemma_in(tokens[first - 1], self.regional_bodies) and tokens[first - 2].is_word \
            and self._lemma_in(tokens[first - 2], self.regional_body_adjectives)

    def _after_marker_of(self, tokens: list[Token], i: int) -> bool:
        """The token at i follows a settlement word and 'of' ('the city of Rzeszów', 'municipality of Anykščiai')."""
        return i > 1 and tokens[i - 1].lower == "of" and tokens[i - 2].lower in self.settlement_markers

    def _variants(self, tokens: list[Token]) -> list[str]:
        return list(self._variants_of(tuple(t.text for t in tokens)))

    def _variants_of(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """Nominative readings of a span's words, each word's lemmas combined (remembered per span of words)."""
        options = [self.morph.lemma_variants(w)[:6 if "-" in w else 4] for w in words]  # both parts of 'Прущем-Гданським
        alternation = _OBLIQUE_IV.match(words[-1].lower())
        if alternation:  # "Василькова", "Гайсином": the і of a closing -ів/-їв turns to о/е in the other cases
            stem, vowel = alternation.group(1), alternation.group(2)
            options[-1] = options[-1] + (stem + ("їв" if vowel == "є" else "ів"),)
        combos = [" ".join(c) for c in product(*options)]
        return tuple(dict.fromkeys(combos))[:24]

    def _next_noun(self, tokens: list[Token], start: int, names: bool = False) -> Token | None:
        """The first token after start that is not a community adjective, a coordination, a bracketed aside
        or another capitalised adjective (with names, any capitalised word: 'Kharkiv, Sumy and Chernihiv oblasts')."""
        j = start
        while j < len(tokens) and j < start + 16:
            t = tokens[j]
            low = t.lower
            if t.text == "(":
                close = next((k for k in range(j + 1, min(len(tokens), j + 8)) if tokens[k].text == ")"), None)
                if close is None:
                    return None
                j = close + 1
                continue
            if low in _COORDINATION or (t.is_word and (self._lemma_in(t, self.community_adj) or (t.is_capitalised and (
                    names or self.morph.analyse(t.text).is_adjective)))):
                j += 1
                continue
            return t if t.is_word else None
        return None

    def _resolve(self, sentence: Sentence, first: int, last: int, doc_countries: set[str], lang: str,
                 slot: bool = False) -> Toponym | None:
        tokens = sentence.tokens
        span = tokens[first:last]
        surface = " ".join(t.text for t in span)
        before = tokens[first - 1] if first > 0 else None
        if before is not None and before.is_word and before.lower in _STREET_WORDS:
            return None
        if before is not None and before.text == "." and first > 1 and tokens[first - 2].lower in _STREET_WORDS:
            return None
        if not span[0].is_cyrillic and (last < len(tokens) and tokens[last].lower in self.institution_nouns or (
                before is not None and before.lower == "of" and first > 1 and tokens[first - 2].lower in self.institution_nouns)):
            return None  # "Vilnius University", "National University of Kyiv": an institution's name, not its town

        # adjective + community/region noun: "Ізюмської міської ради", "Тернопільської області", "Бучанського району"
        if last - first == 1 and span[0].is_cyrillic:
            stem = adjective_stem(span[0].text)
            if stem in self.index.by_adjective or stem in self.index.oblast_by_stem or stem in self.index.raion_by_stem:
                noun = self._next_noun(tokens, last)
                if noun is not None and self._lemma_in(noun, self.raion_nouns):
                    raions = self.index.raion_by_stem.get(stem)
                    return Toponym("raion", sentence.index, first, last, surface, stem, list(raions),
                                   "adjective") if raions else None
                if noun is not None and self._lemma_in(noun, self.region_nouns) and stem in self.index.oblast_by_stem:
                    return Toponym("oblast", sentence.index, first, last, surface, stem,
                                   [self.index.oblast_by_stem[stem]], "adjective")
                if noun is not None and self._is_community(noun) and stem in self.index.by_adjective:
                    return Toponym("hromada", sentence.index, first, last, surface, stem,
                                   list(self.index.by_adjective[stem]), "adjective")
                if stem in self.index.by_adjective and self._elided_community(tokens, last, stem):
                    return Toponym("hromada", sentence.index, first, last, surface, stem,
                                   list(self.index.by_adjective[stem]), "elided")
        if not span[0].is_word:
            return None
        if last - first == 1 and self.morph.analyse(span[0].text).is_function_word:
            return None  # "Від", "Серед", "Також" opening a sentence
        if last - first == 1 and span[0].is_cyrillic and last < len(tokens) and tokens[last].is_word \
                and self.morph.analyse(span[0].text).is_adjective and self._lemma_in(tokens[last], self.region_nouns):
            return None  # "(Курська область)", "Гомельської області": a foreign region, not its centre
        cyrillic = span[0].is_cyrillic
        variants = self._variants(span) if cyrillic else [latin_fold(_POSSESSIVE.sub("", surface))]
        before_marker = before is not None and before.is_word and (
            self._lemma_in(before, self.settlement_markers) or self._hyphenated_marker(before)
            or self._office_before(before, span))
        if not cyrillic:
            if any(_POSSESSIVE.sub("", t.lower) in self.index.english_common for t in (span[0], span[-1])) and not (
                    last - first >= 2 and self._known_latin_phrase(variants[0])):
                return None
            if self._after_marker_of(tokens, first):
                before_marker = True
            after = tokens[last] if last < len(tokens) else None
            after_word = _POSSESSIVE.sub("", after.lower) if after is not None and after.is_word else ""
            if after_word in self.raion_nouns and variants[0] in self.index.raion_by_latin:
                return Toponym("raion", sentence.index, first, last, surface, variants[0],
                               list(self.index.raion_by_latin[variants[0]]), "name")
            if after_word in self.feature_nouns:
                return None  # "the Dnipro River", "Lake Constance" is not a town
            if self._marker_after(tokens, last):
                before_marker = True  # "Šakiai District Municipality", "Accrington Town Council"
            if after_word in self.region_nouns and not before_marker:  # "Kyiv Oblast", "the Doubs department"
                code = self.index.oblast_by_latin.get(variants[0])
                return Toponym("oblast", sentence.index, first, last, surface, variants[0], [code], "name") if code else None
            head = self._next_noun(tokens, last, names=True) if (
                variants[0] in self.index.raion_by_latin or variants[0] in self.index.oblast_by_latin) else None
            if head is not None and head.lower in self.raion_nouns and variants[0] in self.index.raion_by_latin:
                return Toponym("raion", sentence.index, first, last, surface, variants[0],
                               list(self.index.raion_by_latin[variants[0]]), "name")
            if head is not None and head.lower in self.region_nouns and variants[0] in self.index.oblast_by_latin:
                return Toponym("oblast", sentence.index, first, last, surface, variants[0],
                               [self.index.oblast_by_latin[variants[0]]], "name")
        if before is not None and before.is_word and (self._lemma_in(before, self.region_markers)
                                                      or self._regional_body_before(tokens, first)):
            return None
        if self._organisation_named(tokens, first):
            return None  # 'the French association "Narbonne-Ukraine"', 'фонд «Львів»' 

        for v in variants:
            k = key(v)
            if k in self.index.oblast_by_name and cyrillic:
                return Toponym("oblast", sentence.index, first, last, surface, k, [self.index.oblast_by_name[k]], "name")
            code = self.index.country_of(k)
            if code and (code == "UA" or not before_marker or (before is not None and before.lower in _PLURAL_MARKERS)):
                # "місто Вашингтон" is a town, "мерів міст Франції" a country
                return Toponym("country", sentence.index, first, last, surface, k, [code], "name")

        ua: list[str] = []
        ua_form = ""
        for v in variants:
            k = key(v) if cyrillic else v
            codes = self.index.by_centre.get(k) if cyrillic else (self.index.by_latin.get(k) or self.index.by_exonym.get(k))
            if codes:
                ua, ua_form = list(codes), v
                break
        forms: dict[int, str] = {}
        for v in variants:
            k = key(v) if cyrillic else v
            for gid in (self.index.place_by_cyr if cyrillic else self.index.place_by_latin).get(k, ()):
                forms.setdefault(gid, v)
        foreign = sorted(forms, key=lambda g: -self.index.places[g].population)
        foreign_form = forms[foreign[0]] if foreign else ""
        if not cyrillic and not ua and not foreign and variants[0] in self.index.oblast_by_latin:
            return Toponym("oblast", sentence.index, first, last, surface, variants[0],  # "Volyn's Liubeshiv"
                           [self.index.oblast_by_latin[variants[0]]], "name")
        via = "cyrillic" if cyrillic else "latin"
        remembered = next((self.memo[key(v)] for v in variants[:3] if key(v) in self.memo), None) if cyrillic else None
        if remembered and not ua:  # read earlier in this article ("гміни Орли" … "між громадою Орли")
            (foreign, foreign_form), via = (list(remembered[0]), remembered[1]), "fuzzy"
        unit_country = self._unit_country(before) if before_marker and before is not None else None
        if unit_country:  # "гміни Орли" is a Polish gmina, not Oryol: only that country's places
            foreign = [g for g in foreign if self.index.places[g].country_code == unit_country]
            ua = []
            if not foreign and cyrillic:
                found_ids, foreign_form = self._spelled(tuple(variants[:3]), frozenset({unit_country}), unit_country)
                foreign, via = list(found_ids), "fuzzy"
            foreign_form = forms.get(foreign[0], foreign_form) if foreign else foreign_form
        state = self._us_state_after(tokens, last)[0]
        hint = self._foreign_hint(tokens, first, last) or bool(state)
        latin_in_cyrillic_text = not cyrillic and lang != "en"
        if not cyrillic and ua and foreign and all(c.startswith(CRIMEAN_PREFIXES) for c in ua):
            ua = []  # "Sebastopol, Calif." in an American article is the Californian town, not occupied Sevastopol
        if ua and not (hint or latin_in_cyrillic_text):
            if not any(self.index.hromadas[c].is_city for c in ua) and not before_marker:
                ua = [c for c in ua if self.index.hromadas[c].is_city] or (
                    ua if self._village_ok(sentence, first, last) or self._listed_after_communities(tokens, first) else [])
            if ua:
                return Toponym("hromada", sentence.index, first, last, surface, ua_form, ua,
                               "centre" if cyrillic else "latin", ua_alternatives=foreign)
        if ua and hint and cyrillic and not foreign and any(self.index.hromadas[c].is_city for c in ua):
            # "з містами Румунії: Сторожинець і Радівці": no Romanian town of that name (a close spelling of one
            # would not do), so the Ukrainian town it names
            return Toponym("hromada", sentence.index, first, last, surface, ua_form, ua, "centre")
        partner_marked = slot or (before is not None and before.lower in _WITH)
        if not foreign and (hint or before_marker or partner_marked) and doc_countries \
                and (before_marker or not self.morph.analyse(span[0].text).is_person) \
                and (hint or before_marker or len(span[0].text) > 5):
            # a spelling-tolerant reading; after a bare 'з' only of a longer word (not 'Із Днем міста'); in the
            # country of the name when the sentence gives one ('делегація з Норвегії … з мером Саннеса' is not
            # Cannes), else in any country of the text
            nearest = self._name_country(tokens, first, last)
            pool = frozenset({nearest} if nearest in doc_countries else doc_countries)
            found_ids, foreign_form = self._fuzzy(tuple(variants[:6]), cyrillic, pool, nearest)
            words = [t for t in span if t.is_word]
            if not found_ids and cyrillic and len(words) <= 2 and self._may_be_spelled(
                    words, tokens[last] if last < len(tokens) else None) and (
                    before_marker or not all(self.morph.analyse(t.text).is_common_word for t in words)):
                # a reading by the country's spelling rules, of a one- or two-word name; of words the dictionary
                # knows as common ones ('Польщі', 'Федерації', 'Сервісної') only after a settlement word ('гміни
                # Орли'): a country's adjective before a common word ('німецької Сервісної служби') names no place
                found_ids, foreign_form = self._spelled(tuple(variants[:3]), pool, nearest)
            foreign = list(found_ids)
            via = "fuzzy"
        if foreign and via == "fuzzy":
            self.memo.update({key(v): (foreign, foreign_form) for v in variants[:6]})
        elif not foreign and not ua:
            remembered = next((self.memo[key(v)] for v in variants[:6] if key(v) in self.memo), None)
            if remembered:  # read by transliteration in an earlier sentence of the same article
                (foreign, foreign_form), via = (list(remembered[0]), remembered[1]), "fuzzy"
        if not foreign:
            return None
        places = self.index.places
        if state:
            foreign = [g for g in foreign if places[g].admin1_code == state and places[g].country_code == "US"] or foreign
        main = latin_fold(surface) if not cyrillic else None
        nearest = self._name_country(tokens, first, last)
        in_context = [g for g in foreign if places[g].country_code in doc_countries]
        biggest = max(foreign, key=lambda g: places[g].population)
        if in_context and biggest not in in_context and nearest not in {places[g].country_code for g in in_context} \
                and (places[biggest].population >= WORLD_CITY or places[biggest].country_code in self.usual_countries) \
                and places[biggest].population >= GLOBAL_POPULATION \
                and places[biggest].population > 20 * max(places[g].population for g in in_context):
            in_context = [biggest]  # Moscow is Moscow, York is York even in an article that also names the USA
        if in_context:
            foreign = sorted(in_context, key=lambda g: (places[g].country_code != nearest,
                                                        latin_fold(places[g].name) != main, -places[g].population))
            foreign_form = forms.get(foreign[0], foreign_form)
        elif foreign[0] in self.accepted:
            pass  # "Bad Nauheim's other twin towns …" after "Bad Nauheim and Bucha seal town partnership"
        elif via == "fuzzy" or (places[foreign[0]].population < (SLOT_POPULATION if slot else GLOBAL_POPULATION)
                                and not before_marker):
            return None
        elif places[foreign[0]].country_code not in self.usual_countries and places[foreign[0]].population < WORLD_CITY:
            return None  # a town of an unusual partner country, and the text does not name that country
        if last - first == 1 and self.morph.analyse(span[0].text).is_person and not (hint or before_marker):
            return None
        self.accepted.add(foreign[0])
        return Toponym("foreign", sentence.index, first, last, surface, foreign_form, foreign, via,
                       foreign_hint=hint, ua_alternatives=ua)

    def _us_state_after(self, tokens: list[Token], last: int) -> tuple[str | None, int]:
        """'Westport, Connecticut' / 'Odessa (Texas)': the US state code named right after a place, and the
        token position after the state's name."""
        if last + 1 >= len(tokens) or tokens[last].text not in (",", "("):
            return None, last
        words = [t.lower for t in tokens[last + 1:last + 3]]
        for size in (2, 1):
            if len(words) >= size and all(t.is_word for t in tokens[last + 1:last + 1 + size]):
                code = self.index.us_states.get(" ".join(words[:size]))
                if code:
                    return code, last + 1 + size
        for size in (3, 1):  # "N . Y", "Calif" — each followed by its dot
            end = last + 1 + size
            if end < len(tokens) and tokens[end].text == ".":
                code = self.index.us_state_abbreviations.get("".join(t.lower for t in tokens[last + 1:end]))
                if code:
                    return code, end + 1
        return None, last

    def _region_in_brackets(self, tokens: list[Token], last: int) -> int:
        """'Hallein (Salzburg)', 'Кимпулунг-Молдовенеск (повіт Сучава)': the token position after a bracketed
        region named right after a foreign place in its script (names, with a region word or not), else last; a
        name in the other script is the place's own spelling ('Росдорф (Roßdorf)') and is read."""
        if last >= len(tokens) or tokens[last].text != "(":
            return last
        close = next((k for k in range(last + 1, min(len(tokens), last + 6)) if tokens[k].text == ")"), None)
        inside = tokens[last + 1:close] if close else []
        script = tokens[last - 1].is_cyrillic
        if not inside or not any(t.is_capitalised for t in inside) or not all(
                t.is_word and t.is_cyrillic == script and (
                    t.is_capitalised or self._lemma_in(t, self.region_nouns) or self._lemma_in(t, self.region_markers))
                for t in inside):
            return last
        return close + 1

    def _organisation_named(self, tokens: list[Token], first: int) -> bool:
        """The name stands in quotes after an organisation word: an association's, a fund's name, not a place."""
        if first == 0 or tokens[first - 1].text not in _QUOTES:
            return False
        return any(t.is_word and self._lemma_in(t, self.organisation_words) for t in tokens[max(0, first - 4):first - 1])

    def _unit_country(self, token: Token) -> str | None:
        """The country a unit word belongs to ('гміна' -> PL)."""
        return next((code for word, code in self.unit_countries.items() if word in self.lemmas(token)), None)

    def _marker_after(self, tokens: list[Token], last: int) -> bool:
        """A municipality word after a Latin name, past 'District', 'City' or 'Town' ('Šakiai District Municipality')."""
        j = last
        while j < len(tokens) and j < last + 2 and tokens[j].lower in _UNIT_QUALIFIERS:
            j += 1
        return j < len(tokens) and tokens[j].lower in _UNIT_NOUNS

    def _known_latin_phrase(self, name: str) -> bool:
        """'Bad Nauheim', 'New Haven': several words that together name a sizeable place or a hromada."""
        return name in self.index.by_latin or any(
            self.index.places[g].population >= 10_000 for g in self.index.place_by_latin.get(name, ()))

    def _is_community(self, token: Token) -> bool:
        """'громади', 'council', and compounds opening with one: 'громада-форпост', 'громади-партнери'."""
        if self._lemma_in(token, self.community):
            return True
        head = token.text.split("-")[0]
        return "-" in token.text and any(v in self.community for v in self.morph.lemma_variants(head))

    def _hyphenated_marker(self, token: Token) -> bool:
        """'громадою-форпостом Кириківкою', 'місто-побратим Х': a settlement word opening a compound."""
        head = token.text.split("-")[0]
        return "-" in token.text and any(v in self.settlement_markers for v in self.morph.lemma_variants(head))

    def _elided_community(self, tokens: list[Token], last: int, stem: str) -> bool:
        """'Немішаївською з Київщини', 'Боярську (Київщина)', 'Смілянську та Великобичківську': a hromada
        adjective whose noun is left out, in a sentence that speaks of hromadas."""
        if not self._community_here or not _ELIDED_ADJECTIVE.search(tokens[last - 1].lower):
            return False
        if stem in self.index.oblast_by_stem and not self._plural_community_here:
            return False  # "Полтавську" alone is more likely the oblast
        after = tokens[last] if last < len(tokens) else None
        return after is None or after.lower in _ELIDED_NEXT or after.is_capitalised

    def _village_ok(self, sentence: Sentence, first: int, last: int) -> bool:
        # "Hostomel and Stryi communities"; Cyrillic names are not skipped ("Богдан Андріїв і мер …")
        tokens = sentence.tokens
        noun = self._next_noun(tokens, last, names=not tokens[last - 1].is_cyrillic)
        if noun is not None and self._is_community(noun):
            return True
        if noun is not None and last < len(tokens) and tokens[last].is_word and self._lemma_in(
                tokens[last], self.community_adj) and self._lemma_in(noun, _COMMUNITY_HEADS):
            return True  # "Kuty settlement head Vasyl Hrytsiuk"
        if first > 1 and tokens[first - 1].is_word and tokens[first - 2].is_word and self._lemma_in(
                tokens[first - 1], _COMMUNITY_HEADS) and self._lemma_in(tokens[first - 2], self.community_adj):
            return True  # "селищний голова Димера": the head of that settlement's hromada
        return not tokens[first].is_cyrillic and latin_fold(" ".join(t.text for t in tokens[first:last])) \
            in self.named_communities

    def _listed_after_communities(self, tokens: list[Token], first: int) -> bool:
        """'three communities of Ternopil Oblast: Pidhaitsi, Kozova and Pidvolochysk': a name in a list opened by a
        colon after a community word."""
        j = first - 1
        while j >= 0 and (tokens[j].lower in _COORDINATION or tokens[j].is_capitalised):
            j -= 1
        return j > 0 and tokens[j].text == ":" and any(
            t.is_word and self._is_community(t) for t in tokens[max(0, j - LIST_LEAD_REACH):j])

    def _foreign_hint(self, tokens: list[Token], first: int, last: int) -> bool:
        """A foreign country word right before the span ('техаською Одесою', 'американського міста Odessa')
        or in brackets right after it ('Бургас (Республіка Болгарія)')."""
        j = first - 1
        # "два іспанські міста — Герніку …": past a dash or colon, a settlement word and a numeral
        while j >= 0 and first - j <= 4 and (tokens[j].text in _LIST_OPENERS or (tokens[j].is_word and (
                self._lemma_in(tokens[j], self.settlement_markers) or tokens[j].lower in _SMALL_NUMERALS))):
            j -= 1
        if j >= 0 and tokens[j].is_word and self._country_word(tokens[j]):
            return True
        after = tokens[last:last + 4]
        if after and after[0].text == "(":
            inside = [t for t in after[1:] if t.is_word]
            if any(not t.is_cyrillic and latin_fold(t.text) in self.index.oblast_by_latin for t in inside):
                return False  # "Nizhyn (Chernihiv region)": a Ukrainian oblast in the brackets
            return any(self._country_word(t) or self._lemma_in(t, self.region_markers) for t in inside)
        return False

    def _country_word(self, token: Token) -> bool:
        code = self._country_token(token.text)
        return bool(code) and code != "UA"

    def _name_country(self, tokens: list[Token], first: int, last: int) -> str | None:
        """The country the sentence gives a name: in brackets after it, else the one named nearest before it."""
        return self._bracketed_country(tokens, last) or self._nearest_country(first)

    def _bracketed_country(self, tokens: list[Token], last: int) -> str | None:
        """The country named in brackets right after a name ('Мілевсько (Чехія)'), which outweighs the one named
        before it ('Кедайняй (Литва), Мілевсько (Чехія)')."""
        if last + 2 >= len(tokens) or tokens[last].text != "(" or not tokens[last + 1].is_word:
            return None
        code = self._country_token(tokens[last + 1].text)
        return code if code and code != "UA" and tokens[last + 2].text == ")" else None

    def _nearest_country(self, position: int) -> str | None:
        """The country named last before the token position in the current sentence ('з російськими містами X')."""
        before = [code for at, code in self._sentence_countries if at < position]
        return before[-1] if before else None

    def _spelled(self, variants: tuple[str, ...], countries: frozenset[str],
                 preferred: str | None = None) -> tuple[tuple[int, ...], str]:
        """A Ukrainian spelling of a foreign name read by the register's rules for the country's language
        ('Караваджо' -> Caravaggio, 'Отач' -> Otaci), in the country named nearest, else in the text's countries."""
        matcher = self._place_matcher()
        ids = matcher.places["geonameid"]
        for country in ([preferred] if preferred in countries else []) + sorted(countries - {preferred}):
            for v in variants:
                rows = matcher.rows(v, country)
                found = [ids[r] for r in rows if ids[r] in self.index.places]
                if found:
                    return (found[0],), v
        return (), ""

    def _may_be_spelled(self, words: list[Token], after: Token | None) -> bool:
        """Words worth reading by a country's spelling rules: not with a country's name among them or right after
        them ('Литви', 'Західної України'), nor opened by a settlement word or a function word ('Ґміною Барцін',
        'Це Ліппштадт'), nor closed by a region's adjective ('Новомосковськ Тульської області')."""
        if any(self._country_token(t.text) for t in words) or (
                after is not None and after.is_word and self._country_token(after.text)):
            return False
        if len(words) > 1 and after is not None and after.is_word and self._lemma_in(after, self.region_nouns) \
                and self.morph.analyse(words[-1].text).is_adjective:
            return False  # "Новомосковськ Тульської області": a town, then its region
        return len(words) == 1 or not (self._lemma_in(words[0], self.settlement_markers)
                                       or self.morph.analyse(words[0].text).is_function_word)

    def _place_matcher(self):
        """The register's place matcher, over the gazetteer's places or, without one, GeoNames' (built once)."""
        if self._matcher is None:
            frame = getattr(self._gazetteer, "places", None)
            if isinstance(frame, pl.DataFrame) and "names_cyrillic" in frame.columns:
                self._matcher = self._gazetteer.place_matcher()
            else:
                self._matcher = PlaceMatcher(places.foreign_places())
        return self._matcher

    def _fuzzy(self, variants: tuple[str, ...], cyrillic: bool, countries: frozenset[str],
               preferred: str | None = None) -> tuple[tuple[int, ...], str]:
        """Ukrainian exonym → GeoNames place in a country named in the text: skeleton lookup, then a ratio check."""
        best: tuple[float, int, str] | None = None
        for v in variants:
            if cyrillic:
                k = key(v)
                probes = [(self.index.place_skel_cyr, cyrillic_skeleton(k), k, self.index.place_cyr_names),
                          (self.index.place_skel_latin, latin_skeleton(self.index.translit_key(v)),
                           self.index.translit_key(v), self.index.place_latin_names)]
            else:
                k = latin_fold(v)
                probes = [(self.index.place_skel_latin, latin_skeleton(k), k, self.index.place_latin_names)]
            for table, skeleton, text, names in probes:
                if len(skeleton) < 2:
                    continue
                for country in sorted(countries):
                    for gid in table.get((country, skeleton), [])[:20]:
                        ratio = max((_similarity(text, n) for n in names[gid]), default=0.0)
                        if ratio >= FUZZY_RATIO and country == preferred:
                            ratio += 0.1
                        if ratio >= FUZZY_RATIO and (best is None or ratio > best[0]):
                            best = (ratio, gid, v)
        if best is None:
            return (), ""
        return (best[1],), best[2]
