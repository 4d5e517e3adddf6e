"""The UA/EN string catalogue: every label the dashboard shows, keyed by a stable name."""
from __future__ import annotations

import streamlit as st

LANGS = ("uk", "en")
DEFAULT_LANG = "uk"
LANG_KEY = "lang"
DRAWN_LANG_KEY = "_drawn_lang"  # the language the widgets were last drawn in

# key: (Ukrainian, English)
STRINGS: dict[str, tuple[str, str]] = {
    "app_title": ("Моніторинг партнерств громад", "Hromada Partnerships Monitor"),
    "language": ("Мова", "Language"),
    # pages
    "page_overview": ("Огляд", "Overview"),
    "page_explore": ("Аналіз", "Explore"),
    "page_profiles": ("Профілі", "Profiles"),
    "page_extracts": ("Вивантаження", "Extracts"),
    "page_quality": ("Якість даних", "Data quality"),
    "page_methodology": ("Про дані", "Methodology"),
    # filters
    "filters": ("Фільтри", "Filters"),
    "f_oblast": ("Область", "Oblast"),
    "f_raion": ("Район", "Raion"),
    "f_hromada": ("Громада", "Hromada"),
    "f_country": ("Країна партнера", "Partner country"),
    "f_theme": ("Тема", "Theme"),
    "f_type": ("Тип документа", "Document type"),
    "f_status": ("Статус", "Status"),
    "f_programme": ("Програма", "Programme"),
    "f_kind": ("Партнер", "Partner"),
    "f_dates": ("Період (дата першої події угоди)", "Period (date of the agreement's first event)"),
    "f_reset": ("Скинути фільтри", "Reset filters"),
    "f_all": ("Усі", "All"),
    "f_link": ("Посилання на цей вигляд — адреса сторінки", "The page address is a link to this view"),
    "kind_all": ("Усі", "All"),
    "kind_foreign": ("Міжнародний", "International"),
    "kind_domestic": ("Український", "Domestic"),
    # footer
    "footer_built": ("Дані зібрано {when}", "Data built {when}"),
    "footer_sources": ("джерела: реєстрових файлів — {registry}, публікацій — {documents}",
                       "sources: register files {registry}, articles {documents}"),
    "footer_attribution": (
        "Населені пункти: GeoNames (CC BY 4.0). Кордони: Natural Earth (суспільне надбання). "
        "Коди громад: КАТОТТГ (Мінрозвитку).",
        "Places: GeoNames (CC BY 4.0). Boundaries: Natural Earth (public domain). "
        "Hromada codes: KATOTTG (Ministry for Development of Communities and Territories).",
    ),
    "no_warehouse": ("Сховище даних ще не зібрано: виконайте `python -m etl build`.",
                     "The warehouse has not been built yet: run `python -m etl build`."),
    "n_a": ("н/д", "n/a"),
    "no_rows": ("Жодної угоди за цими фільтрами.", "No agreement matches these filters."),
    # KPIs
    "kpi_agreements": ("Угоди", "Agreements"),
    "kpi_signed": ("Підписані / у процесі", "Signed / in progress"),
    "kpi_in_progress": ("У процесі", "In progress"),
    "kpi_signed_help": ("Підписані / у процесі (заплановані, переговори, наміри)",
                        "Signed / in progress (planned, negotiating, intent)"),
    "kpi_hromadas": ("Громади з міжнародним партнером", "Hromadas with an international partner"),
    "kpi_hromadas_share": ("{share} з {total} громад", "{share} of {total} hromadas"),
    "kpi_countries": ("Країни-партнери", "Partner countries"),
    "kpi_domestic": ("Пари громад в Україні", "Domestic pairs"),
    "kpi_new": ("Нові за 90 днів", "New in the last 90 days"),
    "kpi_new_help": ("Порівняно з попередніми 90 днями", "Compared with the 90 days before"),
    # overview
    "map_metric": ("Показник на карті", "Map metric"),
    "metric_agreement_count": ("Угоди", "Agreements"),
    "metric_hromadas_with_international_pct": ("Частка громад з міжнародним партнером",
                                               "Share of hromadas with an international partner"),
    "metric_partner_country_count": ("Країни-партнери", "Partner countries"),
    "map_ukraine": ("Карта України за областями", "Map of Ukraine by oblast"),
    "map_pick_oblast": ("Обрати область на карті", "Choose an oblast"),
    "map_hint": ("Клацніть область, щоб відібрати її угоди (ще раз — скасувати). Карта порівнює області за іншими "
                 "фільтрами; обрану область обведено.",
                 "Click an oblast to filter by it (click again to clear). The map compares the oblasts under the other "
                 "filters; the chosen oblast is outlined."),
    "map_world": ("Партнери у світі", "Partners in the world"),
    "timeline": ("Динаміка за місяцями", "Monthly timeline"),
    "timeline_by": ("Розбити за", "Split by"),
    "undated": ("Угоди без дати (не показані на графіку): {count}", "Undated agreements (not on the chart): {count}"),
    "cumulative": ("Наростаючим підсумком", "Cumulative"),
    "month": ("Місяць", "Month"),
    "top_countries": ("Провідні країни-партнери", "Top partner countries"),
    "top_countries_hint": ("Чинні (не припинені) угоди.", "Live (not terminated) agreements."),
    "theme_mix": ("Теми співпраці", "Theme mix"),
    "tt_oblast": ("{name}\nугод громад області: {agreements}\nще як партнер у парах громад: {as_partner}\n"
                  "громад з міжнародним партнером: {share}\nкраїн-партнерів: {countries}",
                  "{name}\nagreements of its hromadas: {agreements}\nalso as the partner in domestic pairs: {as_partner}\n"
                  "hromadas with an international partner: {share}\npartner countries: {countries}"),
    "tt_country": ("{name}\nчинних угод: {agreements}\nгромад: {hromadas}",
                   "{name}\nlive agreements: {agreements}\nhromadas: {hromadas}"),
    "tt_terminated": ("\nприпинених угод: {count}", "\nterminated agreements: {count}"),
    "tt_arc": ("{hromada} — {partner}", "{hromada} — {partner}"),
    # explore
    "table_title": ("Угоди ({count})", "Agreements ({count})"),
    "table_hint": ("Оберіть рядок, щоб відкрити картку угоди.", "Select a row to open the agreement card."),
    "card_pick": ("Картка угоди", "Agreement card"),
    "card_none": ("—", "—"),
    "card_parties": ("Сторони", "Parties"),
    "card_events": ("Етапи", "Lifecycle"),
    "card_sources": ("Джерела", "Sources"),
    "card_themes": ("Теми", "Themes"),
    "card_programme": ("Програма", "Programme"),
    "stats_oblast": ("За областями", "By oblast"),
    "stats_country": ("За країнами", "By country"),
    # columns
    "col_hromada": ("Громада", "Hromada"),
    "col_hromada_code": ("Код КАТОТТГ", "KATOTTG code"),
    "col_oblast": ("Область", "Oblast"),
    "col_partner": ("Партнер", "Partner"),
    "col_country": ("Країна", "Country"),
    "col_kind": ("Вид партнера", "Partner kind"),
    "col_type": ("Тип", "Type"),
    "col_status": ("Статус", "Status"),
    "col_date": ("Дата", "Date"),
    "col_first": ("Перша згадка", "First mentioned"),
    "col_signed": ("Підписано", "Signed"),
    "col_programme": ("Програма", "Programme"),
    "col_themes": ("Теми", "Themes"),
    "col_sources": ("Джерел", "Sources"),
    "col_confidence": ("Впевненість", "Confidence"),
    "col_source": ("Джерело", "Source"),
    "col_open": ("Відкрити", "Open"),
    "col_signed_count": ("Підписані", "Signed"),
    "col_hromadas": ("Громади з міжн. партнером", "Hromadas with an intl. partner"),
    "col_share": ("Частка громад з міжн. партнером, %", "Share of hromadas with an intl. partner, %"),
    "col_countries": ("Країни-партнери", "Partner countries"),
    "col_oblast_agreements": ("Угоди громад області", "Agreements of its hromadas"),
    "col_as_partner": ("Ще як партнер у парах громад", "Also as partner in domestic pairs"),
    "col_live": ("Чинні угоди", "Live agreements"),
    "col_terminated": ("Припинені", "Terminated"),
    "col_hromada_count": ("Громади", "Hromadas"),
    "col_partner_count": ("Партнери", "Partners"),
    "col_evidence": ("Доказове речення", "Evidence"),
    "col_title": ("Назва", "Title"),
    "col_published": ("Опубліковано", "Published"),
    "col_event": ("Подія", "Event"),
    "col_id": ("Ідентифікатор угоди", "Agreement ID"),
    "col_iso": ("ISO", "ISO"),
    "col_oblast_code": ("Код області", "Oblast code"),
    "col_hromada_total": ("Громад в області", "Hromadas in the oblast"),
    # profiles
    "profile_kind": ("Профіль", "Profile"),
    "profile_oblast": ("Область", "Oblast"),
    "profile_hromada": ("Громада", "Hromada"),
    "profile_country": ("Країна", "Country"),
    "profile_entity": ("Оберіть", "Choose"),
    "profile_partners": ("Партнери", "Partners"),
    # extracts
    "extracts_intro": ("Файли містять ті самі рядки, що й таблиця нижче (поточні фільтри); файл формується під час "
                       "натискання. CSV і XLSX мають заголовки українською; Parquet (для скриптів) — сталі назви "
                       "стовпців латиницею (agreement_id, hromada_code, …).",
                       "The files hold the same rows as the table below (current filters); each is built when you "
                       "click. CSV and XLSX carry English headings; Parquet (for scripts) keeps stable snake_case "
                       "column names (agreement_id, hromada_code, …)."),
    "extracts_unfiltered": ("Без фільтрів: усі угоди.", "No filters: every agreement."),
    "extract_agreements": ("Угоди", "Agreements"),
    "extract_oblasts": ("Області", "Oblasts"),
    "extract_countries": ("Країни", "Countries"),
    "extract_table": ("Таблиця", "Table"),
    "download": ("Завантажити {fmt}", "Download {fmt}"),
    "xlsx_filters": ("Фільтри", "Filters"),
    "xlsx_rows": ("Рядків", "Rows"),
    "xlsx_version": ("Версія даних", "Data version"),
    "xlsx_exported": ("Вивантажено", "Exported"),
    "xlsx_filter": ("Фільтр", "Filter"),
    "xlsx_value": ("Значення", "Value"),
    # quality
    "q_review": ("Черга перевірки", "Review queue"),
    "q_min_conf": ("Поріг впевненості", "Confidence threshold"),
    "q_low": ("Низька впевненість", "Low confidence"),
    "q_unplaced": ("Без координат партнера", "Partner not placed"),
    "q_conflict": ("Суперечливі статуси", "Conflicting statuses"),
    "q_rejects": ("Відхилені рядки реєстрів", "Rejected register rows"),
    "q_coverage": ("Геокодування громад", "Hromada geocoding"),
    "q_geocoded": ("Громад з координатами", "Hromadas geocoded"),
    "q_freshness": ("Актуальність джерел", "Freshness per source"),
    "q_none": ("Нічого не знайдено.", "Nothing found."),
    "col_file": ("Файл", "File"),
    "col_row": ("Рядок", "Row"),
    "col_column": ("Стовпець", "Column"),
    "col_value": ("Значення", "Value"),
    "col_reason": ("Причина", "Reason"),
    "col_quality": ("Якість", "Quality"),
    "col_kind_source": ("Вид", "Kind"),
    "col_read": ("Прочитано", "Read"),
    "col_loaded": ("Завантажено", "Loaded"),
    "col_rejected": ("Відхилено", "Rejected"),
    "col_finished": ("Завершено", "Finished"),
}

LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "status": {
        "planned": ("заплановано", "planned"),
        "negotiating": ("переговори", "negotiating"),
        "intent": ("намір", "intent"),
        "signed": ("підписано", "signed"),
        "terminated": ("припинено", "terminated"),
    },
    "type": {
        "memorandum": ("меморандум", "memorandum"),
        "twinning_agreement": ("угода про побратимство", "twinning agreement"),
        "cooperation_agreement": ("угода про співпрацю", "cooperation agreement"),
        "protocol_of_intent": ("протокол про наміри", "protocol of intent"),
        "letter_of_intent": ("лист про наміри", "letter of intent"),
        "council_decision": ("рішення ради", "council decision"),
        "other": ("інше", "other"),
    },
    "partner_kind": {"foreign": ("міжнародний", "international"), "domestic": ("український", "domestic")},
    "geocode_quality": {
        "exact": ("точно", "exact"),
        "raion_consistent": ("узгоджено з районом", "raion-consistent"),
        "raion_median": ("за серединою району", "raion median"),
        "settlement_fallback": ("за населеним пунктом", "settlement fallback"),
        "raion_outlier": ("далеко від інших центрів району", "far from its raion's other centres"),
        "unresolved": ("не визначено", "unresolved"),
    },
    "source_kind": {"registry": ("реєстр", "register"), "article": ("публікація", "article"),
                    "articles": ("публікації", "articles")},
}


def lang() -> str:
    """The chosen language: "uk" or "en"."""
    value = st.session_state.get(LANG_KEY, DEFAULT_LANG)
    return value if value in LANGS else DEFAULT_LANG


def relabel_choices(keys: tuple[str, ...]) -> None:
    """After a language switch, write the value of each keyed choice widget back, unchanged. The browser holds a
    select's, radio's or segmented control's chosen options as the labels it was sent, and sends only a value written
    this way again: so the chosen options are relabelled in the new language instead of lingering in the old one
    (and being sent back as labels that no longer match any option)."""
    drawn = st.session_state.get(DRAWN_LANG_KEY)
    if drawn is not None and drawn != lang():
        for key in keys:
            if key in st.session_state:
                st.session_state[key] = st.session_state[key]
    st.session_state[DRAWN_LANG_KEY] = lang()


def t(key: str, **values) -> str:
    """The string `key` in the current language, with `{name}` fields filled in."""
    text = STRINGS[key][LANGS.index(lang())]
    return text.format(**values) if values else text


def label(field: str, value: str | None) -> str:
    """A human label for an enumeration value (status, type, ...); unknown values pass through."""
    if value is None:
        return "—"
    pair = LABELS.get(field, {}).get(value)
    return pair[LANGS.index(lang())] if pair else value


def name_col(prefix: str = "name") -> str:
    """The column holding names in the current language: name_uk or name_en."""
    return f"{prefix}_{lang()}"
