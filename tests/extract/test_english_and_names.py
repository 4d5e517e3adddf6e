"""The extractor on English articles: partner names in Ukrainian, lists of a foreign city's twins, partner slots."""
import pytest

from etl.extract.text import sentences


@pytest.mark.parametrize("text, partner", [
    ("Odesa and Yokohama signed a memorandum of understanding on 16 March 2023.", "Йокогама"),
    ("Kyiv and Kyoto have been sister cities since 1971; the mayors signed a new memorandum.", "Кіото"),
    ("Odesa signed a cooperation agreement with Lyon, France.", "Ліон"),
])
def test_english_partner_names_come_out_in_their_ukrainian_spelling(extract, text, partner):
    [mention] = extract(text, published="2023-03-17")
    assert mention["partner"] == partner


def test_the_twins_of_a_foreign_city_are_not_partners_of_the_hromada(extract):
    text = ("Mayor of Odesa visits Yokohama: memorandum signed\n\n"
            "Mayor Trukhanov of Odesa and the Mayor of Yokohama signed a memorandum on 16 March 2023.\n\n"
            "Related: Sister and Friendship Cities of Yokohama (Shanghai, Lyon, Mumbai, Vancouver, Odesa)\n\n"
            "York already has twin and sister city relationships with Dijon in France and Münster in Germany.")
    assert {m["partner_name_en"] for m in extract(text, published="2023-03-17")} == {"Yokohama"}


def test_the_hromadas_own_twins_listed_in_passing_are_background_mentions(extract):
    text = ("York councillors back sister city bid with Lviv\n\n"
            "York will begin the process of becoming a sister city of Lviv after councillors voted on 24 March 2022.\n\n"
            "Lviv, for its part, has a wide network of friends. Its sister cities include Wrocław and Kraków in Poland.")
    mentions = {m["partner_name_en"]: m for m in extract(text, published="2022-03-25")}
    assert set(mentions) == {"York", "Wrocław", "Kraków"}
    assert mentions["York"]["mentioned_in_passing"] is False and mentions["York"]["partner_country"] == "GB"
    assert mentions["Kraków"]["mentioned_in_passing"] is True


def test_a_small_town_named_with_the_hromada_in_a_headline_is_the_partner(extract):
    text = ("Bad Nauheim and Bucha seal town partnership\n\n"
            "The mayors of Bad Nauheim and Bucha signed the town twinning agreement on Saturday, 24 June 2023.")
    [mention] = extract(text, published="2023-06-26")
    assert (mention["ua_party"], mention["partner_name_en"], mention["partner_country"]) == ("Буча", "Bad Nauheim", "DE")
    assert (mention["type"], mention["status"], mention["date"]) == ("twinning_agreement", "signed", "2023-06-24")


def test_the_only_pair_of_an_article_takes_the_signing_told_without_names(extract):
    text = ("Federal Way and Rivne, Ukraine, make sister city ties official\n\n"
            "Federal Way, Washington, officially has a new sister city: Rivne, in northwestern Ukraine.\n\n"
            "Mayor Jim Ferrell and the Rivne mayor signed the sister city agreement on Tuesday, Aug. 16.\n\n"
            "The Sister Cities Association will host a cultural evening on Sept. 10.")
    [mention] = extract(text, published="2022-08-17")
    assert (mention["partner_name_en"], mention["status"], mention["date"]) == ("Federal Way", "signed", "2022-08-16")


def test_a_common_english_word_with_a_possessive_is_no_place(extractor):
    [sentence] = sentences("The document was signed by Cherkasy Mayor Anatolii Bondarenko during a session of the "
                           "Bielefeld city council, the Cherkasy City Council's official website reports.")
    found = extractor.finder.find(sentence, {"DE", "US"}, "en", relation=True)
    assert "Council's" not in {t.surface for t in found}
    assert {t.surface for t in found if t.kind == "hromada"} == {"Cherkasy"}


def test_a_place_after_municipality_of_is_read_before_its_mayors_name(extract):
    text = ("Two communities of Chernihiv Oblast find partners in the Baltic states\n\n"
            "On 27 May 2025, the head of the Kozelets settlement community Ihor Olenych and the Mayor of the Lithuanian "
            "district municipality of Anykščiai Kęstutis Tubis signed a memorandum of cooperation.\n")
    assert {(m["ua_party"], m["partner"], m["partner_country"]) for m in extract(text, "2025-05-30")} == {
        ("Козелець", "Аникщяй", "LT")}


def test_the_twins_listed_on_a_foreign_towns_own_page_are_that_towns(extract):
    text = ("Göttingen and Trostianets sign memorandum on partnership\n\n"
            "Göttingen has a new partner in Ukraine. On 28 September 2023 the Lord Mayor and the Mayor of Trostianets "
            "signed a memorandum on cooperation.\n\n"
            "The city is already connected by twinning agreements with Cheltenham (United Kingdom) and Pau (France).")
    assert {m["partner_name_en"] for m in extract(text, published="2023-10-02")} == {"Göttingen"}


def test_a_hromada_in_a_foreign_towns_list_of_sister_cities_is_that_towns_twin(extract):
    text = ("Our sister cities\n\n"
            "Regina, Saskatchewan, has been building friendships around the world for decades. The City's sister "
            "cities include Fujiyoshida (Japan), Jinan (China) and Ivano-Frankivsk (Ukraine).\n\n"
            "On 3 June 2024 Regina's Mayor signed an Agreement of Friendship and Cooperation with the Mayor of Kolomyia.\n\n"
            "Regina City Council endorsed the agreement on 27 May 2024.")
    mentions = {(m["ua_party"], m["partner_name_en"]): m for m in extract(text, published="2024-06-12")}
    assert set(mentions) == {("Івано-Франківськ", "Regina"), ("Коломия", "Regina")}
    assert mentions["Івано-Франківськ", "Regina"]["mentioned_in_passing"]
    assert not mentions["Коломия", "Regina"]["mentioned_in_passing"]


def test_a_sentence_continuing_a_shared_partner_belongs_to_the_hromada_named_last_before_it(extract):
    text = ("Луцьк і Люблін стали містами-побратимами\n\n"
            "У неділю, 27 квітня 2025 року, Луцьк і Люблін підписали угоду про побратимство. "
            "Сторони домовилися поглиблювати співпрацю в освіті та культурі.\n\n"
            "Луцьк став другим українським побратимом Любліна. Першим був Рівне: 6 червня 2023 року мери Рівного "
            "і Любліна підписали меморандум про дружбу.")
    mentions = {m["ua_party"]: m for m in extract(text, published="2025-04-30")}
    assert set(mentions) == {"Луцьк", "Рівне"}
    assert not mentions["Луцьк"]["mentioned_in_passing"]
    assert mentions["Рівне"]["mentioned_in_passing"] and mentions["Рівне"]["date"] == "2023-06-06"


def test_small_towns_listed_after_communities_and_a_colon_are_hromadas(extractor):
    [sentence] = sentences("The memorandum was signed by the heads of three Ukrainian communities from Ternopil Oblast: "
                           "Pidhaitsi, Kozova and Pidvolochysk.")
    found = extractor.finder.find(sentence, {"PL"}, "en", relation=True)
    assert [t.surface for t in found if t.kind == "hromada"] == ["Pidhaitsi", "Kozova", "Pidvolochysk"]


def test_a_polish_name_with_a_lower_case_nad_is_read_whole(extractor):
    [sentence] = sentences("Nisko and Rudnik nad Sanem sign memorandum with three communities of Ternopil Oblast")
    found = extractor.finder.find(sentence, {"PL"}, "en", relation=True)
    assert [t.surface for t in found if t.kind == "foreign"] == ["Nisko", "Rudnik nad Sanem"]


def test_the_document_signed_by_mayors_named_at_length_pairs_its_signatories(extract):
    text = ("Memorandum signed in Nisko\n\n"
            "The document was signed on the Polish side by the Mayor of Nisko, Waldemar Gleń, and the Mayor of "
            "Rudnik nad Sanem, Katarzyna Pietryka, and on the Ukrainian side by the head of the Pidhaitsi urban "
            "territorial community, Ternopil Oblast.")
    assert {m["partner_name_en"] for m in extract(text, published="2025-05-20")} == {"Nisko", "Rudnik nad Sanem"}


def test_a_serbian_spelling_with_j_gives_the_ukrainian_name_over_a_translated_one(extractor):
    [gid] = [g for g, p in extractor.index.places.items() if p.name == "Tiszaújváros"]
    assert extractor.index.ukrainian_name(gid, "Tiszaujvaros").endswith("сауйварош")  # not "Нові-Град-на-Тісі"


@pytest.mark.parametrize("closing", ["No document was signed during the visit.",
                                     "No new documents were signed during the visit.",
                                     "Nothing has been signed yet."])
def test_talks_closed_by_no_document_signed_are_negotiating(extract, closing):
    text = ("Kamianets-Podilskyi and Sighetu Marmației explore twinning\n\n"
            "A delegation led by the Mayor of Kamianets-Podilskyi visited Sighetu Marmației on 9 April 2025 and "
            f"discussed a possible twinning agreement with the Romanian town. {closing}")
    [mention] = extract(text, published="2025-04-11")
    assert mention["status"] == "negotiating"


def test_a_memorandum_that_should_be_signed_later_is_planned(extract):
    text = ("Vierzon and Haisyn seal their friendship\n\n"
            "A memorandum of cooperation between Vierzon and Illintsi is being prepared and should be signed later "
            "in the year, the mayor announced.")
    statuses = {m["ua_party"]: m["status"] for m in extract(text, published="2025-01-31")}
    assert statuses["Іллінці"] == "planned"


def test_a_name_before_regional_council_is_the_oblast_not_its_centre(extractor):
    [sentence] = sentences("On the same day, the district council and the Odesa Regional Council signed an agreement "
                           "on cooperation between the two regions.")
    found = extractor.finder.find(sentence, {"MD"}, "en", relation=True)
    assert [t.kind for t in found] == ["oblast"]


def test_the_two_municipalities_of_the_sentence_before_are_the_pair_a_planned_signing_names(extract):
    text = ("Two pairs found each other this autumn\n\n"
            "The municipality of Deventer and the Pishchanka community signed a memorandum of cooperation on 2 October.\n\n"
            "The municipality of Zwolle has delivered a fire truck to Nova Odesa. The two municipalities have agreed "
            "on the text of a memorandum, which the mayors will sign on 12 December 2025 in Zwolle.")
    mentions = {m["partner_name_en"]: m for m in extract(text, published="2025-10-15")}
    assert set(mentions) == {"Deventer", "Zwolle"}
    assert mentions["Zwolle"]["ua_party"] == "Нова Одеса" and mentions["Zwolle"]["status"] == "planned"
    assert mentions["Zwolle"]["date"] == "2025-12-12"


def test_a_town_name_joined_by_two_particles_is_one_place(extractor):
    [sentence] = sentences("Bruck an der Mur and Ivanychi signed a memorandum of cooperation.")
    found = extractor.finder.find(sentence, {"AT"}, "en", relation=True)
    assert [t.surface for t in found if t.kind == "foreign"] == ["Bruck an der Mur"]


@pytest.mark.parametrize("text, town", [
    ("Hallein (Salzburg) – Putyla territorial community, Chernivtsi Oblast", "Hallein"),
    ("Мерія міста Кимпулунг-Молдовенеск (повіт Сучава) підписала меморандум з Путильською громадою.",
     "Кимпулунг-Молдовенеск"),
])
def test_a_region_in_brackets_after_a_foreign_town_is_no_second_town(extractor, text, town):
    [sentence] = sentences(text)
    found = extractor.finder.find(sentence, {"AT", "RO"}, "en" if text.isascii() else "uk", relation=True)
    assert [t.surface for t in found if t.kind == "foreign"] == [town]


def test_a_list_after_the_new_pairs_colon_reads_each_line_as_a_pair(extract):
    text = ("Cities4Cities: Austrian towns and Ukrainian communities seal partnerships\n\n"
            "Three new municipal partnerships between Austria and Ukraine were sealed on Thursday, 6 November, at an "
            "online session of the platform. The mayors signed memoranda of cooperation.\n\n"
            "The new pairs:\n"
            "Feldkirch (Vorarlberg) – Dubrovytsia city council, Rivne Oblast\n"
            "Wolfsberg (Carinthia) – Teofipol hromada, Khmelnytskyi Oblast\n\n"
            "The memoranda focus on energy and water supply.")
    found = {(m["ua_party"], m["partner_name_en"], m["status"]) for m in extract(text, "2025-11-12")}
    assert found == {("Дубровиця", "Feldkirch", "signed"), ("Теофіполь", "Wolfsberg", "signed")}


def test_pairs_listed_after_their_sealing_take_its_day(extract):
    text = ("Two Austrian towns seal partnerships with Ukrainian communities\n\n"
            "Two new municipal partnerships were sealed on Friday, 3 October, at an online session.\n\n"
            "The new pairs:\n"
            "Lienz (Tyrol) – Rakhiv city council, Zakarpattia Oblast\n"
            "Leoben (Styria) – Kosiv hromada, Ivano-Frankivsk Oblast\n")
    found = {(m["ua_party"], m["partner_name_en"], m["status"], m["date"]) for m in extract(text, "2025-10-06")}
    assert found == {("Рахів", "Lienz", "signed", "2025-10-03"), ("Косів", "Leoben", "signed", "2025-10-03")}


def test_a_village_hromada_named_once_with_its_community_word_is_that_hromada_in_the_headline(extract):
    text = ("Deventer and Hoshcha sign letter of intent\n\n"
            "Mayor Anna de Vries and the head of the Hoshcha community signed a letter of intent at the town hall on "
            "Tuesday 24 June.")
    [mention] = extract(text, "2025-06-27")
    assert (mention["ua_party"], mention["partner_name_en"], mention["type"]) == ("Гоща", "Deventer", "letter_of_intent")


def test_a_tie_signed_in_a_year_that_ends_the_sentence_is_recalled(extract):
    text = ("Salina adds Ukrainian city of Boyarka as a sister city\n\n"
            "Salina, Kansas, formally gained a new sister city on Saturday, April 12, when the mayors of Salina and "
            "Boyarka signed a sister-city agreement.\n\n"
            "The city already works with the Polish town of Legnica, with which it signed a memorandum in 2023.")
    found = {m["partner_name_en"]: (m["mentioned_in_passing"], m["date"]) for m in extract(text, "2025-04-15")}
    assert found["Legnica"] == (True, None)


def test_towns_in_a_relative_clause_about_a_foreign_town_are_its_own_ties(extract):
    text = ("Topeka adds Ukrainian city of Boyarka as its newest sister city\n\n"
            "The mayors of Topeka, Kansas, and Boyarka signed a sister-city agreement on Saturday, April 12.\n\n"
            "Boyarka becomes the third sister city for Topeka, which has kept up decades-old ties with Ribe, Denmark, "
            "and Kumamoto, Japan.")
    assert {m["partner_name_en"] for m in extract(text, "2025-04-15")} == {"Topeka"}


def test_an_agreement_in_preparation_that_a_town_hopes_to_sign_is_planned(extract):
    text = ("Town officials look east\n\n"
            "Officials from the Town of Vegreville, Alberta, said they are preparing a twinning agreement with "
            "Kitsman, in Chernivtsi Oblast, and hope to sign it next spring.")
    [mention] = extract(text, "2025-08-05")
    assert (mention["ua_party"], mention["status"]) == ("Кіцмань", "planned")


def test_a_hromada_centre_spelt_by_another_romanisation_is_that_hromada(extract):
    text = ("Kilia signs memorandum with Romanian Isaccea\n\n"
            "The Danube town of Kilia in Odesa region hosted the forum. On 12 September 2025 Kilia mayor Viktor "
            "Moldovan and Isaccea mayor Ionel Roman signed a memorandum of cooperation.")
    assert {(m["ua_party"], m["partner_name_en"]) for m in extract(text, published="2025-09-16")} == {
        ("Кілія", "Isaccea")}


def test_a_foreign_city_whose_name_is_also_another_spelling_of_a_hromada_is_that_city(extract):
    text = ("Mykolaiv plans new partners\n\n"
            "In 2024 the city of Mykolaiv plans to sign partnership agreements with Glasgow and Bari in Italy.")
    assert "Бар" not in {m["ua_party"] for m in extract(text, published="2024-01-10")}


def test_a_village_hromada_followed_by_its_heads_title_is_that_hromada(extract):
    text = ("Warren Formalizes Sister City Relationship with Kuty\n\n"
            "WARREN, Mich. – On Wednesday, October 9, 2024 the mayor and Kuty settlement head Vasyl Hrytsiuk signed "
            "the sister city agreement.")
    assert {(m["ua_party"], m["partner_name_en"]) for m in extract(text, published="2024-10-14")} == {("Кути", "Warren")}
