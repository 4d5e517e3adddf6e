"""The extractor on short hand-written texts: morphology, partners, status, dates and negatives."""
import pytest

from etl.extract.text import sentences


def _pairs(mentions: list[dict]) -> set[tuple]:
    return {(m["ua_party"], m["ua_oblast"], m["partner"], m["partner_country"]) for m in mentions}


@pytest.mark.parametrize("text, party, oblast", [
    ("Меморандум про співпрацю між Херсоном та Бургасом підписали 21 листопада 2023 року.", "Херсон", "Херсонська"),
    ("Мер Вроцлава та міський голова Харкова підписали угоду про партнерство.", "Харків", "Харківська"),
    ("Делегація Ізюмської громади підписала меморандум з польським містом Ярослав.", "Ізюм", "Харківська"),
    ("Представники Кременецької міської ради підписали меморандум з польським містом Ярослав.",
     "Кременець", "Тернопільська"),
    ("Pivdenne city council (Odesa Oblast) and the Bulgarian town of Balchik signed a letter of intent.",
     "Південне", "Одеська"),
])
def test_inflected_and_adjectival_hromada_names_resolve_to_the_centre(extract, text, party, oblast):
    [mention] = extract(text)
    assert (mention["ua_party"], mention["ua_oblast"]) == (party, oblast)
    assert mention["ua_hromada_code"].startswith("UA")


def test_ukrainian_forms_of_latin_names_resolve_within_the_named_country(extract):
    [gernika] = extract("Бородянська громада підписала меморандум з іспанським містом Ґерніка.")
    assert (gernika["partner_name_en"], gernika["partner_country"]) == ("Gernika-Lumo", "ES")
    [chennevieres] = extract("Ізюмська громада обговорила побратимство з французьким містом Шеннев'єр-сюр-Марн.")
    assert chennevieres["partner_name_en"] == "Chennevières-sur-Marne"
    assert chennevieres["status"] == "negotiating" and chennevieres["type"] == "twinning_agreement"
    assert chennevieres["partner_lat"] == pytest.approx(48.8, abs=0.1)


def test_a_protocol_of_intent_is_status_intent_and_a_council_decision_too(extract):
    [protocol] = extract("Чортківська міська рада та місто Кросно (Польща) підписали протокол про наміри.")
    assert (protocol["type"], protocol["status"]) == ("protocol_of_intent", "intent")
    [decision] = extract("Депутати Дубенської міської ради ухвалили рішення про встановлення побратимських "
                         "відносин з польським містом Тарнів.")
    assert (decision["type"], decision["status"]) == ("council_decision", "intent")


def test_ending_a_twinning_with_a_russian_city_is_terminated(extract):
    [mention] = extract("Полтавська міська рада 3 березня 2022 року розірвала побратимські відносини "
                        "з російським містом Орел.", published="2022-03-04")
    assert (mention["partner_country"], mention["status"], mention["date"]) == ("RU", "terminated", "2022-03-03")


def test_cities_of_a_country_name_the_country_not_a_town_in_it(extract):
    mentions = extract("Прилуки розірвали побратимські зв'язки з містами Росії та Білорусі.\n"
                       "Угоду з російським містом Ковров депутати припинили 15 березня 2022 року.", published="2022-03-16")
    assert {(m["partner_name_en"], m["status"]) for m in mentions} == {("Kovrov", "terminated")}


def test_a_termination_told_of_no_pair_does_not_end_a_tie_in_another_country(extract):
    mentions = extract("Прилуки розірвали побратимські зв'язки з містами Росії\n"
                       "15 березня міська рада припинила дію угоди про побратимство з російським містом Ковров.\n"
                       "Угода з латвійським містом Лімбажі, підписана 5 вересня 2017 року, залишається чинною.",
                       published="2022-03-16")
    [limbazi] = [m for m in mentions if m["partner_country"] == "LV"]
    assert (limbazi["status"], limbazi["date"], limbazi["mentioned_in_passing"]) == ("signed", "2017-09-05", True)


@pytest.mark.parametrize("text, status", [
    ("Домовленість про партнерство між Дубном та польським містом Любартів підписана 12 травня.", "signed"),
    ("Домовленість про партнерство між Дубном та польським містом Любартів має бути підписана восени.", "planned"),
])
def test_a_signed_participle_is_a_signing_unless_it_is_still_to_be(extract, text, status):
    [mention] = extract(text, published="2011-05-20")
    assert (mention["status"], mention["mentioned_in_passing"]) == (status, False)  # news, not a tie recalled

@pytest.mark.parametrize("text", [
    "Львівська обласна рада підписала угоду про партнерство з Підкарпатським воєводством.",
    "Міський голова Бучі відвідав Краків і зустрівся з волонтерами.",
    "The Polish city of Gdańsk and the German city of Bremen celebrated 48 years of town partnership.",
    "Україна та Литва підписали міжурядову угоду про співпрацю.",
    "Вінницька міська рада оголосила конкурс на ремонт доріг.",
])
def test_texts_without_a_municipal_agreement_yield_nothing(extract, text):
    assert extract(text) == []


def test_dates_in_page_chrome_are_not_event_dates(extract):
    text = ("Чернігів і Меммінген підписали меморандум\n\n"
            "Місто Чернігів та німецьке місто Меммінген підписали меморандум про співпрацю 5 травня 2024 року.\n\n"
            "Читайте також:\n12.09.2023 — Чернігів отримав автобуси\n")
    from etl.sources.articles import strip_chrome
    [mention] = extract(strip_chrome(text).text, published="2024-05-06")
    assert mention["date"] == "2024-05-05"


def test_three_hromadas_and_three_gminas_in_one_memorandum_make_nine_pairs(extract):
    mentions = extract("Ковельська, Володимирська та Любомльська міські громади 12 вересня 2024 року підписали "
                       "меморандум з польськими містами Хелм, Грубешів і Влодава.", published="2024-09-13")
    assert len(mentions) == 9
    assert {m["ua_party"] for m in mentions} == {"Ковель", "Володимир", "Любомль"}
    assert {m["partner_country"] for m in mentions} == {"PL"} and {m["date"] for m in mentions} == {"2024-09-12"}


def test_an_earlier_agreement_recalled_in_passing_is_marked_so(extract):
    mentions = extract("Луцький міський голова та президент міста Люблін 14 травня 2024 року підписали меморандум.\n"
                       "Нагадаємо, раніше Луцьк уклав угоду про партнерство з польським Ольштином.",
                       published="2024-05-16")
    by_partner = {m["partner_name_en"]: m for m in mentions}
    assert by_partner["Lublin"]["mentioned_in_passing"] is False
    assert by_partner["Olsztyn"]["mentioned_in_passing"] is True
    assert by_partner["Olsztyn"]["type"] == "cooperation_agreement"


def test_domestic_partners_carry_their_hromada_code_and_oblast(extract):
    [mention] = extract("Оріхівська міська військова адміністрація Запорізької області та Долинська міська рада "
                        "Івано-Франківської області підписали меморандум у межах проєкту «Пліч-о-Пліч».")
    parties = {(mention["ua_party"], mention["ua_oblast"]), (mention["partner"], mention["partner_oblast"])}
    assert parties == {("Оріхів", "Запорізька"), ("Долина", "Івано-Франківська")}
    assert mention["partner_country"] == "UA" and mention["partner_hromada_code"].startswith("UA")
    assert mention["programme"] == "Пліч-о-Пліч"


def test_mentions_follow_the_output_contract(extractor, extract):
    from etl.extract.pipeline import CONTRACT_FIELDS
    [mention] = extract("Меморандум про співпрацю між Херсоном та Бургасом підписали 21 листопада 2023 року.")
    assert tuple(mention) == CONTRACT_FIELDS
    assert 0 <= mention["confidence"] <= 1 and mention["evidence"]


def test_each_ended_twinning_takes_the_country_named_nearest_before_it(extract):
    mentions = extract("Житомирська міська рада 2 березня 2022 року ухвалила рішення про розірвання побратимських "
                       "відносин з російськими містами Подольськ та Курськ, а також з білоруським Бобруйськом.")
    countries = {m["partner_name_en"]: m["partner_country"] for m in mentions}
    assert countries == {"Podolsk": "RU", "Kursk": "RU", "Bobruysk": "BY"}
    assert {m["status"] for m in mentions} == {"terminated"} and {m["date"] for m in mentions} == {"2022-03-02"}


def test_cities_merely_present_at_an_event_elsewhere_are_not_partners(extract):
    mentions = extract("Біла Церква підписала угоду з литовським Паневежисом\n"
                       "15 вересня 2023 року мер Паневежиса та міський голова Білої Церкви підписали угоду про "
                       "співпрацю.\nУ Львові тим часом пройшов форум міст-партнерів, на якому були присутні "
                       "представники Кракова та Вроцлава.")
    assert _pairs(mentions) == {("Біла Церква", "Київська", "Паневежис", "LT")}


def test_english_personal_names_are_not_taken_for_towns(extract):
    mentions = extract("LVIV, 4 June 2024 — Lviv Mayor Andriy Sadovyi and the Mayor of Winnipeg, Scott Gillingham, "
                       "signed a friendship agreement between the two cities.")
    assert {(m["ua_party"], m["partner_name_en"]) for m in mentions} == {("Львів", "Winnipeg")}


def test_each_hromada_is_paired_with_the_partner_of_its_own_clause(extract):
    mentions = extract("On 21 May 2023 the Lyman city community signed a twinning agreement with Westport, Connecticut, "
                       "and the Sviatohirsk city community signed a twinning agreement with Easton, Connecticut.")
    assert {(m["ua_party"], m["partner_name_en"]) for m in mentions} == {("Лиман", "Westport"),
                                                                         ("Святогірськ", "Easton")}


def test_co_signing_hromadas_are_not_each_others_partners(extract):
    mentions = extract("Роганська та Савинська селищні громади Харківської області підписали меморандуми про "
                       "співпрацю з громадами з інших регіонів України в межах проєкту «Пліч-о-Пліч».\n"
                       "Роганська громада уклала меморандуми з трьома партнерами: Смілянською міською громадою "
                       "Черкаської області та Немішаївською селищною громадою Київщини.\n"
                       "Савинська громада отримала двох партнерів. Це Боярська міська громада Київської області "
                       "та Шепетівська міська громада Хмельниччини.")
    pairs = {(m["ua_party"], m["partner"]) for m in mentions}
    assert pairs == {("Рогань", "Сміла"), ("Рогань", "Немішаєве"), ("Савинці", "Боярка"), ("Савинці", "Шепетівка")}
    assert {m["type"] for m in mentions} == {"memorandum"}


def test_a_standing_twin_named_without_news_of_an_agreement_is_in_passing(extract):
    [mention] = extract("Люблін передав Луцьку два автобуси\n"
                        "Делегація з міста-побратима Люблін привезла гуманітарну допомогу до Луцька.")
    assert (mention["partner"], mention["mentioned_in_passing"], mention["status"]) == ("Люблін", True, "signed")


def test_english_exonyms_and_a_us_state_after_the_name_resolve_each_side(extract):
    [mention] = extract("The mayor of Odessa and the mayor of Odessa, Texas, signed a friendship agreement on 5 June 2023.")
    assert (mention["ua_party"], mention["partner_country"], mention["partner_name_en"]) == ("Одеса", "US", "Odessa")
    assert mention["partner_lat"] == pytest.approx(31.85, abs=0.1)


def test_raw_rows_carry_every_raw_mentions_column(extractor):
    import re

    from etl.extract.pipeline import mention_to_raw_row
    from etl.sources.articles import Document, document_id

    from .conftest import REPO_ROOT
    schema = (REPO_ROOT / "warehouse" / "schema.sql").read_text(encoding="utf-8")
    block = schema.split("create table if not exists raw_mentions", 1)[1].split(");", 1)[0]
    columns = {m.group(1) for m in re.finditer(r"^\s+(\w+)\s", block, re.M)}
    text = "Меморандум про співпрацю між Херсоном та Бургасом підписали 21 листопада 2023 року."
    doc = Document(document_id(text), "a.txt", None, None, "uk", "txt", text)
    rows = [mention_to_raw_row(m, doc) for m in extractor.extract(doc)]
    assert rows and set(rows[0]) == columns
    assert rows[0]["source_kind"] == "article" and rows[0]["partner_kind"] == "foreign" and rows[0]["row_number"] == 0


def test_hromadas_and_partners_named_in_turn_pair_in_order(extract):
    mentions = extract("Три міста Житомирщини підписали меморандуми з польськими містами\n"
                       "Під час форуму в Любліні Житомир підписав меморандум з Любліном, Бердичів — з Ченстоховою, "
                       "а Коростень — з Олецьком.")
    assert {(m["ua_party"], m["partner_name_en"]) for m in mentions} == {
        ("Житомир", "Lublin"), ("Бердичів", "Częstochowa"), ("Коростень", "Olecko")}


def test_an_anniversary_of_an_old_twinning_is_in_passing(extract):
    [mention] = extract("Вінниця та Кельце: 30 років партнерства\nЦього року виповнюється 30 років відтоді, як Вінниця "
                        "та польське місто Кельце підписали угоду про побратимство.")
    assert (mention["partner"], mention["mentioned_in_passing"]) == ("Кельце", True)


def test_a_town_of_an_unusual_partner_country_needs_its_country_named(extract):
    assert extract("Литовезька сільська рада та місто Ханна підписали угоду про транскордонну співпрацю.") == []


def test_a_gmina_is_a_polish_municipality(extract):
    [mention] = extract("Литовезька сільська рада та гміна Ханна підписали угоду про транскордонну співпрацю.")
    assert (mention["partner_name_en"], mention["partner_country"]) == ("Hanna", "PL")


def test_former_names_of_renamed_cities_resolve_to_the_current_hromada(extract):
    [mention] = extract("Кіровоградська міська рада та шведська комуна Кальмар уклали угоду про партнерство.")
    assert (mention["ua_party"], mention["ua_oblast"], mention["partner_country"]) == ("Кропивницький",
                                                                                      "Кіровоградська", "SE")


def test_a_pronoun_or_adjective_spelt_as_a_country_names_no_country(extractor):
    from etl.extract.text import sentences
    [first, second] = sentences("Того ж дня академія уклала меморандум з політехнікою. Малі громади Полісся "
                                "співпрацюють із польськими гмінами.")
    assert extractor.finder.countries_in(first) == []
    assert [code for _, code in extractor.finder.countries_in(second)] == ["PL", "PL"]  # польськими, гмінами


def test_a_tie_ended_with_an_unnamed_city_leaves_a_roundup_of_old_ties_in_passing(extract):
    mentions = extract("Міста-партнери Дубна\n"
                       "Кросно-Оджанське (Польща)\n"
                       "Угоду про побратимство між Дубном і Кросном-Оджанським підписано 12 травня 2011 року.\n"
                       "Любартів (Польща)\n"
                       "Угоду про співпрацю з Любартовом укладено у 2016 році.\n"
                       "Угоду з російським містом-побратимом міська рада розірвала у березні 2022 року.",
                       published="2025-08-11")
    found = {m["partner_name_en"]: (m["status"], m["date"], m["mentioned_in_passing"]) for m in mentions}
    assert found == {"Krosno Odrzańskie": ("signed", "2011-05-12", True), "Lubartów": ("signed", None, True)}


def test_a_single_name_after_a_mayor_is_the_mayor_s_town(extract):
    mentions = extract("Хорольська громада шукає партнерів у Литві.\n"
                       "3 червня відбулася онлайн-зустріч із мером Ширвінтоса Вайдасом Юркусом. "
                       "Учасники обговорили можливість підписання меморандуму про співпрацю.", published="2025-06-06")
    assert [(m["ua_party"], m["partner_name_en"], m["status"]) for m in mentions] == [
        ("Хорол", "Širvintos", "negotiating")]
    assert extract("Мер Сергій Моргунов зустрівся з литовськими колегами й обговорив співпрацю.") == []


def test_a_name_read_by_its_spelling_is_looked_for_in_the_country_named_just_before_it(extract):
    mentions = extract("Буча уклала угоду про співпрацю з французьким містом Авранш.\n"
                       "Згодом до Бучі приїхала делегація з Норвегії на чолі з мером Саннеса Стенлі Віраком, "
                       "і міста уклали угоду про співпрацю.", published="2023-12-20")
    assert "Cannes" not in {m["partner_name_en"] for m in mentions}


@pytest.mark.parametrize("text, expected", [
    ("Мер польського Свідника зустрівся з міським головою Коростеня, проте жодних угод між містами не підписували.",
     set()),
    ("The mayor of Rzeszów met the mayor of Lutsk, but no agreements were signed.", set()),
    ("Сарненська громада провела переговори з представниками литовських Біржай, проте жодних документів поки не "
     "підписано.", {("Сарни", "Birzai", "negotiating")}),
])
def test_a_meeting_where_no_agreement_was_signed_is_no_partnership_unless_talks_are_told(extract, text, expected):
    assert {(m["ua_party"], m["partner_name_en"], m["status"]) for m in extract(text, published="2025-07-04")} == expected


def test_a_signing_set_for_later_is_planned(extract):
    [mention] = extract("Ще одним партнером Борівської громади має стати Галицька міська громада: підписання "
                        "меморандуму з Галичем заплановано на осінь.", published="2025-07-02")
    assert (mention["ua_party"], mention["partner"], mention["status"]) == ("Борова", "Галич", "planned")


def test_a_council_agreeing_to_establish_a_tie_is_a_council_decision(extract):
    [mention] = extract("Окремим рішенням рада погодила встановлення партнерських відносин між Збаразькою міською "
                        "громадою та словацьким містом Ґелніца.", published="2025-03-03")
    assert (mention["ua_party"], mention["type"], mention["status"]) == ("Збараж", "council_decision", "intent")


def test_a_two_word_town_in_the_instrumental_is_no_first_name_and_surname(extract):
    text = ("Жовква підписала меморандум\n\n"
            "Жовківська міська громада 3 березня 2025 року уклала меморандум про співпрацю з польською Стальовою Волею.")
    assert [m["partner"] for m in extract(text, published="2025-03-05")] == ["Стальова Воля"]


def test_a_personal_pronoun_opening_a_sentence_is_no_place(extractor):
    [sentence] = sentences("Вона передбачає спільні заявки на програми транскордонного співробітництва з Ряшевом.")
    found = extractor.finder.find(sentence, {"PL"}, "uk", relation=True)
    assert [t.surface for t in found if t.kind == "foreign"] == ["Ряшевом"]


def test_a_hromada_listed_after_a_foreign_country_is_still_the_hromada_when_no_foreign_town_has_its_name(extractor):
    [sentence] = sentences("Громади Волині поглиблюють співпрацю з містами Польщі: Ковель і Ленчна стали партнерами")
    found = extractor.finder.find(sentence, {"PL"}, "uk", relation=True)
    assert [(t.kind, t.surface) for t in found if t.kind in ("hromada", "foreign")] == [
        ("hromada", "Ковель"), ("foreign", "Ленчна")]


@pytest.mark.parametrize("text", [
    "Сторожинецька громада та муніципій Радівці (рум. Rădăuți) уклали угоду про побратимство.",
    "Громада підписала меморандум з гміною Старе Място (пол. Stare Miasto) у Підкарпатті.",
    "Мер м. Херсон і І. Терехов підписали меморандум.",
])
def test_a_language_or_place_abbreviation_before_a_capital_does_not_end_the_sentence(text):
    assert [s.text for s in sentences(text)] == [text]


@pytest.mark.parametrize(("text", "count"), [
    ("Угоду підписали в Ізюмі. Наступна зустріч у травні.", 2),
    ("Угоду підписано 2024 р. Наступна зустріч у травні.", 1),      # 'р.' closing a year
    ("Приїхав мер м.Херсон. Наступна зустріч у травні.", 2),        # 'м.Херсон' is one word, then a full stop
    ("Зустрілися о 10:30. Обговорили співпрацю.", 2),               # digits end no abbreviation
    ("Підписали «меморандум». Далі буде.", 2),
])
def test_a_sentence_ends_at_a_full_stop_after_a_word_that_is_no_abbreviation(text, count):
    assert len(sentences(text)) == count


def _toponyms(extractor, text: str, countries=frozenset(), lang: str = "uk") -> list[tuple[str, str]]:
    """(kind, surface) of the toponyms the finder reads in a one-sentence article, in a partnership sentence."""
    [sentence] = sentences(text)
    extractor.finder.start_document([sentence])
    return [(t.kind, t.surface) for t in extractor.finder.find(sentence, set(countries), lang, relation=True)]


@pytest.mark.parametrize(("text", "lang"), [
    ("Також Чернівецька ОВА та Повітова рада Сучави підписали додаткову угоду про міжрегіональне співробітництво.", "uk"),
    ("Делегація Чернівецької області 16 липня перебувала з робочим візитом у повіті Сучава (Румунія).", "uk"),
    ("The forum was supported by the Tulcea County Council and the Danube Euroregion secretariat.", "en"),
    ("The two towns face each other across the Danube's Chilia branch and will restore the ferry.", "en"),
])
def test_a_romanian_county_its_council_or_a_river_branch_is_no_partner_town(extractor, text, lang):
    assert not [kind for kind, _ in _toponyms(extractor, text, {"RO"}, lang) if kind == "foreign"]


def test_a_towns_name_worn_as_a_first_name_before_a_surname_is_a_person(extractor):
    [sentence] = sentences("Від Дружківки меморандум підписав начальник міської військової адміністрації "
                           "Володимир Лисенко, від Шумська – міський голова Петро Коваль.")
    found = extractor.finder.find(sentence, set(), "uk", relation=True)
    assert [t.surface for t in found if t.kind == "hromada"] == ["Дружківки", "Шумська"]


def test_a_foreign_council_deciding_on_a_twinning_to_be_signed_later_is_a_decision_not_a_tie(extract):
    text = ("Bulgarian Karlovo to twin with Reni\n\n"
            "The Karlovo Municipal Council has decided to establish twinning relations with the town of Reni in the "
            "Odesa region of Ukraine. The decision was adopted on Thursday, 29 May.\n\n"
            "The councillors authorised the mayor to sign the twinning agreement. The document is expected to be "
            "signed in the autumn, when a Karlovo delegation travels to Reni.")
    [mention] = extract(text, published="2025-06-02")
    assert (mention["ua_party"], mention["partner_name_en"]) == ("Рені", "Karlovo")
    assert (mention["type"], mention["status"], mention["mentioned_in_passing"]) == ("council_decision", "intent", False)


def test_a_sessions_draft_decision_on_twinning_is_a_decision_not_the_sessions_other_approvals(extract):
    text = ("Відбулася 12-та сесія Тульчинської міської ради\n\n"
            "У вівторок, 14 жовтня, відбулося пленарне засідання сесії Тульчинської міської ради.\n\n"
            "Також затвердили програму благоустрою та погодили передачу в оренду приміщення бібліотеки.\n\n"
            "Окремим питанням депутати розглянули проєкт рішення «Про встановлення побратимських відносин між "
            "Тульчинською міською територіальною громадою та містом Пельгржимов (Чеська Республіка)». "
            "Сторони планують співпрацювати у сфері туризму.\n\n"
            "Наприкінці засідання депутати затвердили розпорядження міського голови.")
    [mention] = extract(text, published="2025-10-15")
    assert (mention["ua_party"], mention["partner_country"]) == ("Тульчин", "CZ")
    assert (mention["type"], mention["status"]) == ("council_decision", "intent")


def test_a_pronoun_opening_a_sentence_is_no_town_though_a_world_city_shares_its_spelling(extractor):
    [sentence] = sentences("Усі три громади-партнерки перебувають у зоні постійних обстрілів.")
    assert not extractor.finder.find(sentence, {"CN"}, "uk", relation=True)


def test_a_hromada_becoming_the_partner_of_three_named_after_a_dash_pairs_with_each_not_they_among_themselves(extract):
    text = ("Рогатинська громада стала партнеркою трьох громад Сумщини\n\n"
            "У п'ятницю, 5 вересня, в Рогатині підписали три меморандуми в межах проєкту «Пліч-о-Пліч».\n\n"
            "Рогатинська міська громада стала партнеркою трьох громад Сумської області — Краснопільської, "
            "Миропільської та Хотінської громади. Усі три громади-партнерки перебувають у прикордонні.")
    pairs = {frozenset((m["ua_party"], m["partner"])) for m in extract(text, published="2025-09-06")}
    assert pairs == {frozenset(("Рогатин", other)) for other in ("Краснопілля", "Миропілля", "Хотінь")}


def test_a_romanian_mayors_title_marks_the_town_after_it(extractor):
    [sentence] = sentences("Селищний голова Путили та примар Кимпулунг-Молдовенеска підписали меморандум.")
    found = extractor.finder.find(sentence, {"RO"}, "uk", relation=True)
    assert [t.surface for t in found if t.kind == "foreign"] == ["Кимпулунг-Молдовенеска"]


def test_a_foreign_town_read_only_in_an_unknown_oblique_form_is_named_by_its_listed_name(extract):
    text = ("Путильська громада підписала меморандум з румунським містом\n\n"
            "У четвер, 22 травня, селищний голова Путили Василь Гуцуляк та примар Кимпулунг-Молдовенеска Міхай "
            "Ніколаєску підписали меморандум про співпрацю між двома гірськими громадами.")
    [mention] = extract(text, "2025-05-24")
    assert (mention["ua_party"], mention["partner"], mention["partner_country"]) == (
        "Путила", "Кимпулунг-Молдовенеск", "RO")


def test_a_town_named_after_a_preposition_and_a_country_adjective_is_the_meetings_venue(extract):
    text = ("Путильська громада підписала меморандум\n\n"
            "У четвер, 22 травня, у румунській Сучаві відбулося засідання робочої групи з питань співробітництва. "
            "Того ж дня свою угоду уклала і Путильська селищна громада.\n\n"
            "Селищний голова Путили та примар Кимпулунг-Молдовенеска підписали меморандум про співпрацю.")
    assert {m["partner"] for m in extract(text, "2025-05-24")} == {"Кимпулунг-Молдовенеск"}


def test_a_country_in_brackets_after_a_name_is_its_country_not_the_one_named_before(extractor):
    [sentence] = sentences("Міста-побратими Кобеляк: Кедайняй (Литва), Мілевсько (Чехія) та Шарошпатак (Угорщина).")
    found = extractor.finder.find(sentence, {"LT", "CZ", "HU"}, "uk", relation=True)
    assert {t.surface for t in found if t.kind == "foreign"} >= {"Мілевсько", "Шарошпатак"}


def test_a_hromada_centre_in_iv_is_read_in_its_cases_with_o(extractor):
    [sentence] = sentences("Міський голова Василькова підписала угоду про побратимство з польським містом Гарволін.")
    found = extractor.finder.find(sentence, {"PL"}, "uk", relation=True)
    assert [(t.kind, t.nominative) for t in found][:1] == [("hromada", "васильків")]


def test_a_towns_twins_listed_after_its_name_and_a_colon_are_recalled(extract):
    text = ("Кобеляки підписали угоду з Валмієрою\n\n"
            "У квітні міський голова Кобеляк підписав угоду про побратимство з латвійським містом Валмієра.\n\n"
            "Тепер міста-побратими Кобеляк: Гарволін (Польща), Кедайняй (Литва) і з цього року — Валмієра (Латвія).")
    found = {m["partner"]: m["mentioned_in_passing"] for m in extract(text, "2025-05-12")}
    assert found == {"Валмієра": False, "Гарволін": True, "Кедайняй": True}


def test_an_interviewers_question_gives_the_talks_no_status(extract):
    text = ("Міський голова Славути: «Ведемо перемовини з Фюссеном»\n\n"
            "— Чи плануєте нових партнерів?\n\n"
            "— Зараз ведемо перемовини з німецьким містом Фюссен. Минулого місяця провели першу онлайн-зустріч із "
            "бургомістром, обговорили проєкт угоди про партнерство з Славутською громадою.")
    [mention] = extract(text, "2025-03-10")
    assert (mention["ua_party"], mention["status"]) == ("Славута", "negotiating")


def test_a_lithuanian_municipality_named_after_its_self_government_word_is_a_partner(extractor):
    text = "Іванківська селищна громада уклала меморандум про співпрацю з самоврядуванням Електренаю."
    assert [t for t in _toponyms(extractor, text, {"LT"}) if t[0] == "foreign"] == [("foreign", "Електренаю")]


def test_a_village_hromada_whose_head_signs_is_that_hromada(extractor):
    text = "Меморандум про партнерство підписав селищний голова Димера Олег Савчук."
    assert _toponyms(extractor, text, {"LT"}) == [("hromada", "Димера")]


def test_a_two_word_town_before_its_heads_name_and_surname_is_still_a_town(extractor):
    text = "Меморандум підписав селищний голова Великого Любеня Роман Дзюбан."
    assert _toponyms(extractor, text) == [("hromada", "Великого Любеня")]


@pytest.mark.parametrize("text", [
    "Народицька громада веде консультації з польським містом Більськ-Підляський щодо підписання меморандуму.",
])
def test_consultations_on_a_document_are_talks(extract, text):
    [mention] = extract(f"Сесія ради\n\n{text}", "2022-04-29")
    assert (mention["ua_party"], mention["status"]) == ("Народичі", "negotiating")


@pytest.mark.parametrize("text", [
    "Сподіваємося, що перші угоди будуть укладені вже навесні.",
    "Документи будуть підписані під час візиту делегації.",
])
def test_agreements_that_will_be_concluded_are_not_signed(text):
    from etl.extract.cues import cues
    assert "signed" not in cues().statuses(text)


def test_a_decisions_title_with_a_bracketed_adjective_is_a_council_decision():
    from etl.extract.cues import cues
    assert cues().type_of("1. Про встановлення партнерських (побратимських) відносин з містом Тарнобжег") == (
        "council_decision", "document")
