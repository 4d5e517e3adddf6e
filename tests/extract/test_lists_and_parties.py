"""The extractor on lists of pairs, several parties, raions and elided hromada names."""
import pytest

from etl.sources.articles import strip_chrome


def _pairs(mentions: list[dict]) -> set[frozenset]:
    return {frozenset((m["ua_party"], m["partner"])) for m in mentions}


def _oblasts_of(party: str, mentions: list[dict]) -> set[str]:
    """The oblasts a party is placed in, on whichever side of its pairs it stands."""
    return {m["ua_oblast"] if m["ua_party"] == party else m["partner_oblast"]
            for m in mentions if party in (m["ua_party"], m["partner"])}


def test_pairs_listed_under_a_signing_lead_are_each_a_pair(extract):
    text = ("На Миколаївщині підписали меморандуми в межах «Пліч-о-пліч»\n\n"
            "Меморандуми про співпрацю підписали:\n"
            "– Снігурівська міська громада та Калуська міська громада Івано-Франківської області;\n"
            "– Очаківська міська громада та Снятинська громада Прикарпаття.")
    mentions = extract(text, published="2025-09-10")
    assert _pairs(mentions) == {frozenset(("Снігурівка", "Калуш")), frozenset(("Очаків", "Снятин"))}
    assert {(m["type"], m["status"]) for m in mentions} == {("memorandum", "signed")}


def test_a_list_under_a_lead_that_reports_no_event_pairs_only_what_each_item_says(extract):
    text = ("Пліч-о-пліч: партнери громад Чернігівщини\n\n"
            "Тим часом партнери з інших регіонів продовжують підтримувати громади Чернігівщини:\n"
            "• Коропська громада, яка сама стала партнером для однієї з громад-форпостів, передала пальне.\n"
            "• Волонтери з Житомира доставили Семенівській громаді медичне обладнання.")
    assert extract(text, published="2025-06-12") == []


def test_hromada_adjectives_without_their_noun_are_partners_after_a_colon(extract):
    text = ("Савинська громада Ізюмського району відтепер має партнерів у межах проєкту «Пліч-о-Пліч»: "
            "Боярську (Київщина), Гайворонську (Кіровоградщина) і Сарненську (Рівненщина) громади.")
    mentions = extract(text, published="2025-04-08")
    assert _pairs(mentions) == {frozenset(("Савинці", p)) for p in ("Боярка", "Гайворон", "Сарни")}


def test_a_raion_after_a_shared_name_picks_the_hromada_of_that_raion(extract):
    text = ("Олександрівська селищна громада Вознесенського району та Олександрійська міська громада "
            "Кіровоградської області підписали меморандум у межах проєкту «Пліч-о-пліч».")
    [mention] = extract(text, published="2025-09-10")
    assert {(mention["ua_party"], mention["ua_oblast"]), (mention["partner"], mention["partner_oblast"])} == {
        ("Олександрівка", "Миколаївська"), ("Олександрія", "Кіровоградська")}


def test_a_three_party_memorandum_pairs_every_two_hromadas(extract):
    text = "Ізюм, Самбір і Городок Львівського району підписали тристоронній меморандум у межах «Пліч-о-пліч»."
    mentions = extract(text, published="2025-05-16")
    assert _pairs(mentions) == {frozenset(p) for p in (("Ізюм", "Самбір"), ("Ізюм", "Городок"), ("Самбір", "Городок"))}
    assert _oblasts_of("Городок", mentions) == {"Львівська"}


def test_hromadas_between_mij_are_each_others_partners_not_the_home_hromadas(extract):
    text = ("Сновська громада підписала меморандум з Гребінківською громадою в межах «Пліч-о-пліч».\n\n"
            "У межах підписаного меморандуму між Новгород-Сіверською та Яготинською громадами діти відпочили на Київщині.")
    assert _pairs(extract(text, published="2025-06-12")) == {
        frozenset(("Сновськ", "Гребінка")), frozenset(("Новгород-Сіверський", "Яготин"))}


def test_a_city_named_as_the_destination_of_a_visit_is_not_a_party(extract):
    text = ("Тростянецька громада в межах проєкту «Пліч-о-Пліч» має нових партнерів.\n\n"
            "Під час робочого візиту до Львова міський голова підписав меморандуми про співпрацю "
            "з Чортківською та Жовківською громадами.")
    mentions = extract(text, published="2025-04-22")
    assert _pairs(mentions) == {frozenset(("Тростянець", "Чортків")), frozenset(("Тростянець", "Жовква"))}


def test_names_listed_before_oblasts_are_oblasts_not_hromadas(extract):
    text = ("Side by Side: communities sign memoranda\n\n"
            "Kharkiv, Sumy and Chernihiv oblasts lead by the number of forpost communities involved, "
            "while Lviv, Ivano-Frankivsk and Kyiv oblasts have the most partner communities.")
    assert extract(text, published="2025-03-12") == []


def test_villages_named_together_with_their_community_noun_are_hromadas(extract):
    text = ("On 26 November, the heads of the Novoselytsia city community, the Mamalyha and the Toporivtsi "
            "village communities signed a trilateral agreement on inter-municipal cooperation.")
    mentions = extract(text, published="2024-11-29")
    assert _pairs(mentions) == {frozenset(p) for p in (
        ("Новоселиця", "Мамалига"), ("Новоселиця", "Топорівці"), ("Мамалига", "Топорівці"))}
    assert {m["date"] for m in mentions} == {"2024-11-26"}


@pytest.mark.parametrize("byline, published", [
    ("15 березня 2024, 18:20 | Автор: Оксана Павлюк | 1 204 переглядів", "2024-03-15"),
    ("12-06-2025 | 17:05", "2025-06-12"),
    ("25th March 2022, 7:00am", "2022-03-25"),
])
def test_the_byline_under_the_headline_gives_the_publication_date(byline, published):
    page = "\n".join(["SITE NAME", "News | Sport | Business", "", "Section", "",
                      "Three hromadas sign documents with Polish partners", "", byline, "",
                      "The forum lasted two days. On the last day the documents were signed.",
                      "", "Read also:", "01.01.2020 Another headline"])
    assert strip_chrome(page).published.isoformat() == published


def test_hromadas_listed_after_a_dash_that_follows_unnamed_partners_are_the_partners(extract):
    text = ("Тростянецька громада-форпост налагоджує партнерство\n\n"
            "Тростянецька міська рада ухвалила рішення про встановлення партнерських відносин з п'ятьма громадами "
            "Західної України — Чортківською (Тернопільська область), Кіцманською (Чернівецька область) "
            "та Жовківською (Львівська область) у межах проєкту «Пліч-о-Пліч».")
    mentions = extract(text, published="2025-04-21")
    assert _pairs(mentions) == {frozenset(("Тростянець", p)) for p in ("Чортків", "Кіцмань", "Жовква")}
    assert _oblasts_of("Тростянець", mentions) == {"Сумська"}


def test_towns_listed_after_a_venue_are_venues_too(extract):
    text = ("Сартанська громада підписала меморандум зі Старосамбірською громадою в межах «Пліч-о-Пліч».\n\n"
            "«Громада живе — у Дніпрі, Запоріжжі, на Львівщині, і кожен такий меморандум важливий», — сказав голова.")
    assert _pairs(extract(text, published="2025-06-10")) == {frozenset(("Сартана", "Старий Самбір"))}


def test_an_inline_read_also_link_does_not_cut_the_article():
    page = "\n".join(["Khmelnytskyi becomes twin city of Sheffield", "",
                      "The twinning agreement was signed at Sheffield Town Hall on Wednesday, February 1.", "",
                      "Read also: Lutsk and Lublin sign memorandum on joint EU projects", "",
                      "During the visit, the delegation also met members of the UK Parliament and the Sheffield Chamber "
                      "of Commerce; the parties agreed to organise joint exhibitions and an online business forum.", "",
                      "Read also:", "Another headline"])
    text = strip_chrome(page).text
    assert "Chamber of Commerce" in text and "Lutsk and Lublin" not in text and "Another headline" not in text


def test_the_document_signed_by_communities_named_after_it_pairs_each_side_with_the_other(extract):
    text = ("Дві громади Львівщини підписали меморандум із польськими гмінами\n\n"
            "14 березня у Любачеві відбулося підписання чотиристороннього меморандуму про транскордонну співпрацю. "
            "Документ підписали Рава-Руська та Белзька громади з українського боку та гміна Любачів і гміна "
            "Горинець-Здруй з польського.\n")
    found = _pairs(extract(text, "2025-03-17"))
    assert found == {frozenset(p) for p in [("Рава-Руська", "Любачів"), ("Рава-Руська", "Горинець-Здруй"),
                                            ("Белз", "Любачів"), ("Белз", "Горинець-Здруй")]}


def test_a_document_signed_by_people_only_takes_no_partner_from_the_sentence_before(extract):
    text = ("Громада підписала меморандум з громадською організацією\n\n"
            "Великоомелянська сільська громада уклала меморандум про співпрацю з громадською організацією "
            "«Союз», що діє в Рівному. Документ підписали сільська голова Алла Карп'юк і лідерка союзу "
            "Єва Маньковська.\n")
    assert extract(text, "2024-08-26") == []


@pytest.mark.parametrize("text", [
    "On 10 June, the Sokal and Busk communities of Lviv Oblast signed memoranda of cooperation with the Polish towns "
    "of Tomaszów Lubelski and Jarosław respectively.",
    "10 червня Сокальська та Буська громади підписали меморандуми з польськими містами Томашів-Любельський "
    "і Ярослав відповідно.",
])
def test_parties_named_respectively_are_paired_in_turn(extract, text):
    mentions = extract(text, published="2025-06-12")
    assert {(m["ua_party"], m["partner_name_en"]) for m in mentions} == {
        ("Сокаль", "Tomaszów Lubelski"), ("Буськ", "Jarosław")}


def test_a_partner_named_without_a_hromada_is_the_partner_of_the_hromada_just_before_it(extract):
    mentions = extract("Дві громади Харківщини знайшли партнерів в Австрії\n"
                       "21 жовтня Лозівська міська громада та місто Вайц підписали лист про наміри щодо співпраці.\n"
                       "Для Барвінківської громади все лише починається. 24 жовтня відбулася перша онлайн-зустріч з "
                       "бургомістром Фельдбаха, під час якої сторони обговорили можливість партнерства.",
                       published="2024-10-28")
    assert {(m["ua_party"], m["partner_name_en"], m["status"]) for m in mentions} == {
        ("Лозова", "Weiz", "intent"), ("Барвінкове", "Feldbach", "negotiating")}


@pytest.mark.parametrize("bar", ["Подобається · Коментар · Поділитися", "Like · Comment · Share", "Найрелевантніші ▾"])
def test_the_comments_under_a_social_network_post_are_chrome(bar):
    page = "\n".join(["Барвінкове і Рожище — тепер партнери!", "",
                      "Учора, 17 липня, у Рожищі ми підписали меморандум про співпрацю з Рожищенською громадою.", "",
                      "👍❤️ 214 · 37 коментарів", bar, "Микола Бондар", "А з Ізюмом теж щось підписували?"])
    text = strip_chrome(page).text
    assert "Рожищенською громадою" in text and "Ізюмом" not in text


@pytest.mark.parametrize("label, item", [
    ("RELATED", "› Brandon council marks a decade of twinning with Chervonohrad (Aug. 12, 2024)"),
    ("Read more", "  - Swanley and Fastiv celebrate first year of twinning (20 January 2025)"),
    ("Share this article:  Facebook  X  WhatsApp  Email", "Swanley and Fastiv celebrate first year of twinning"),
    ("Новини", "– Самбір і Ясло підписали меморандум (12 березня 2025)"),
])
def test_related_headlines_under_a_bare_label_or_closed_by_a_textual_date_are_chrome(label, item):
    page = "\n".join(["Derhachi and Hexham open talks", "",
                      "Hexham councillors held online talks with Derhachi on 14 January.", "", label, item])
    text = strip_chrome(page).text
    assert "online talks" in text and "Swanley" not in text and "Brandon" not in text and "Ясло" not in text


def test_items_under_a_lead_naming_no_place_are_the_article_s_own_hromada_s(extract):
    text = ("Підсумки сесії Коростенської міської ради\n"
            "21 квітня 2022 року відбулося засідання сесії Коростенської міської ради. Серед ухвалених рішень:\n"
            "про розірвання угоди про побратимство між містом Коростень та містом Кінешма (Російська Федерація);\n"
            "про припинення дії угоди про дружбу і співробітництво з містом Мозир (Республіка Білорусь);\n")
    mentions = extract(text, published="2022-04-22")
    assert {(m["ua_party"], m["partner_name_en"], m["status"]) for m in mentions} == {
        ("Коростень", "Kineshma", "terminated"), ("Коростень", "Mazyr", "terminated")}


def test_a_border_crossing_s_quoted_name_names_no_party(extract):
    mentions = extract("Володимир і польський Грубешів підписали меморандум про розвиток сполучення через пункт "
                       "пропуску «Устилуг — Зосін».", published="2024-09-09")
    assert {(m["ua_party"], m["partner_name_en"]) for m in mentions} == {("Володимир", "Hrubieszów")}


def test_a_digest_paragraph_s_hromada_is_the_party_of_the_signing_told_after_its_visitor(extract):
    text = ("Громади Волині розширюють співпрацю з польськими партнерами\n"
            "Ковельська громада. 5 вересня польська Бяла-Підляська підписала угоду про співпрацю з Ковелем.\n"
            "Володимирська громада. Наступного дня, 6 вересня, у Володимирі побувала делегація Грубешова. Сторони "
            "підписали меморандум, що стосується розвитку туризму.\n")
    mentions = extract(text, published="2024-09-09")
    assert {(m["ua_party"], m["partner_name_en"]) for m in mentions} == {
        ("Ковель", "Biała Podlaska"), ("Володимир", "Hrubieszów")}


def test_a_closing_call_for_proposals_does_not_make_a_roundups_old_ties_news(extract):
    text = ("Міста-партнери громади\n\n"
            "Ніжинська міська громада підтримує партнерські відносини з двома містами Європи.\n\n"
            "Угоду про побратимство з Кельце Ніжин підписав ще у 2012 році.\n\n"
            "Меморандум про співпрацю з литовською Кретингою підписано у 2019 році.\n\n"
            "Пропозиції щодо спільних проєктів з містами-партнерами можна надсилати до відділу міжнародної співпраці.")
    mentions = extract(text, published="2025-05-06")
    assert {m["partner"] for m in mentions} == {"Кельце", "Кретинга"}
    assert all(m["mentioned_in_passing"] and m["status"] == "signed" for m in mentions)


def test_current_talks_with_a_partner_take_the_type_its_recalled_sentences_name(extract):
    text = ("Partner towns gather in Kolomyia\n\n"
            "The twinning agreement with Nowy Sącz was signed in 2003 and is the oldest of Kolomyia's ties.\n\n"
            "On 6 September 2024 the mayors of Kolomyia and Nowy Sącz discussed a joint youth camp.")
    [mention] = extract(text, published="2024-09-08")
    assert (mention["partner_name_en"], mention["type"]) == ("Nowy Sącz", "twinning_agreement")
