"""Long texts of the methodology page, in Ukrainian and English."""

METHODOLOGY = {
    "uk": """
### Що рахуємо
- **Угода** — одна пара сторін (громада та партнер, без урахування порядку), незалежно від кількості документів і згадок.
  Тип і статус угоди — за найпізнішою згадкою; етапи: заплановано → переговори → намір → підписано; «припинено» — кінцевий.
- **Підписані / у процесі** — угоди зі статусом «підписано» проти «заплановано», «переговори» та «намір».
- **Громади з міжнародним партнером** — громади, що мають хоча б одну угоду із закордонним партнером; частка — від усіх
  громад (1 469, або громад обраних області, району) за КАТОТТГ.
- **Країни-партнери** — різні країни закордонних партнерів за чинними (не припиненими) угодами. Так само — скрізь,
  де рахуються або впорядковуються країни: «Провідні країни-партнери», заливка карти світу, таблиця «За країнами» і
  профіль країни рахують чинні угоди, а припинені показують окремо (стовпець «Припинені», підказка на карті, сірі дуги).
- **Пари громад в Україні** — угоди між двома українськими громадами (кожна пара — одна угода).
- **Нові за 90 днів** — угоди, дата яких (див. нижче) припадає на останні 90 днів; поруч — різниця з попередніми 90 днями.
- **Дата угоди** — дата першої події угоди, а якщо її немає — дата першої публікації про неї. Фільтр періоду не
  відкидає угод без дати, доки межі періоду збігаються з межами даних; на графіку динаміки їх не показано.
- **З партнером** — громада має чинний (не припинений) зв'язок; припинені угоди рахуються в загальній кількості угод.
- **Фільтри області, району, громади** відбирають угоди, у яких будь-яка зі сторін належить до обраної території.

### Карта та таблиці за областями і країнами
Показники за областями визначено так само, як у вітрині `agreements_by_oblast`, лише над угодами, що пройшли фільтри:
- **Угоди громад області** — угоди, першою стороною яких є громада області (у парі двох українських громад — та, яку перша
  згадка угоди називає громадою, а не партнером). Кожна угода рахується в одній області, тож сума за областями дорівнює загальній кількості.
- **Ще як партнер у парах громад** — пари українських громад, у яких громада області є другою стороною. Фільтр
  області відбирає обидва випадки, тому кількість угод у таблиці за фільтром області дорівнює сумі цих двох стовпців.
- **Частка громад з міжнародним партнером** — громади області з чинною угодою із закордонним партнером від усіх громад
  області. Для Києва та Севастополя (міст зі спеціальним статусом, без громад у КАТОТТГ) частку не визначено — «н/д».
- **Країни-партнери області** — різні країни закордонних партнерів її чинних угод.
- **Карта областей** порівнює області за всіма фільтрами, крім області, району й громади; обрану область обведено,
  а решта сторінки показує лише її угоди.
- **Країна на карті світу** — кількість чинних угод громад із партнерами цієї країни (припинені — у підказці); дуги
  ведуть від центру громади до населеного пункту партнера (якщо його координати відомі), припинені — сірі.

### Якість даних
- **Черга перевірки** — угоди, у яких найвища впевненість виділення нижча за поріг, координати партнера не визначено
  або джерела повідомляють різні статуси.
- **Відхилені рядки** — рядки реєстрів, які не пройшли перевірку під час імпорту, з причиною.
- **Геокодування** — громади, центр яких має координати, за способом визначення.

### Джерела
- Реєстри угод громад (таблиці), що імпортуються з перевіркою кожного рядка; відхилені рядки — на сторінці «Якість даних».
- Публікації (новини, рішення рад): з тексту автоматично виділяються сторони, тип, статус, дата, теми та доказове речення;
  упевненість виділення показано в черзі перевірки.

### Довідники та ліцензії
- Кодифікатор адміністративно-територіальних одиниць та територій територіальних громад (КАТОТТГ), Мінрозвитку.
- Населені пункти та координати: GeoNames, ліцензія CC BY 4.0.
- Кордони країн і областей: Natural Earth, суспільне надбання.
- Карти працюють без зовнішньої підкладки; кольорові шкали viridis/cividis придатні для людей з порушенням сприйняття кольору.
""",
    "en": """
### What is counted
- **Agreement** — one pair of parties (a hromada and a partner, unordered), however many documents and mentions speak of it.
  Its type and status are those of the latest mention; the lifecycle runs planned → negotiating → intent → signed;
  terminated is terminal.
- **Signed / in progress** — agreements with status signed against planned, negotiating and intent.
- **Hromadas with an international partner** — hromadas with at least one agreement with a foreign partner; the share is
  of all hromadas (1,469, or those of the chosen oblast or raion) in KATOTTG.
- **Partner countries** — distinct countries of foreign partners by live (not terminated) agreements. The same holds
  wherever countries are counted or ranked: "Top partner countries", the world map's fill, the "By country" table and a
  country's profile count live agreements and show terminated ones apart (a "Terminated" column, the map tooltip,
  grey arcs).
- **Domestic pairs** — agreements between two Ukrainian hromadas (each pair is one agreement).
- **New in the last 90 days** — agreements whose date (see below) falls in the last 90 days, with the difference against the 90 days before.
- **Agreement date** — the date of the agreement's first event, else the date it was first reported. The period filter
  keeps undated agreements while its ends equal the data's bounds; the timeline leaves them out.
- **With a partner** — the hromada has a tie that is not terminated; terminated agreements still count among agreements.
- **Oblast, raion and hromada filters** keep agreements in which either party belongs to the chosen territory.

### Map and per-oblast / per-country tables
The per-oblast figures follow the `agreements_by_oblast` mart, over the agreements that pass the filters:
- **Agreements of the oblast's hromadas** — agreements whose first party is a hromada of the oblast (of a pair of
  Ukrainian hromadas, the one the agreement's first mention names as the hromada, not the partner). Each agreement counts in one oblast, so the oblasts add up
  to the total.
- **Also as partner in domestic pairs** — pairs of Ukrainian hromadas in which a hromada of the oblast is the second
  party. The oblast filter keeps both, so the table filtered by an oblast holds the sum of these two columns.
- **Share of hromadas with an international partner** — the oblast's hromadas with a live agreement with a foreign
  partner, of all its hromadas. Kyiv and Sevastopol (cities with special status, no hromadas in KATOTTG) have no
  share: "n/a".
- **An oblast's partner countries** — distinct countries of the foreign partners of its live agreements.
- **The oblast map** compares the oblasts under every filter but oblast, raion and hromada; the chosen oblast is
  outlined, and the rest of the page shows only its agreements.
- **A country on the world map** — live agreements of hromadas with partners in that country (terminated ones in the
  tooltip); arcs run from the hromada's centre to the partner's place where its coordinates are known, terminated
  ones in grey.

### Data quality
- **Review queue** — agreements whose best extraction confidence is under the threshold, whose partner could not be
  placed, or whose sources report different statuses.
- **Rejected rows** — register rows that failed validation on import, with the reason.
- **Geocoding** — hromadas whose centre has coordinates, by how they were found.

### Sources
- Registers of hromada agreements (spreadsheets), imported row by row with validation; rejected rows are listed under Data quality.
- Articles (news, council decisions): parties, type, status, date, themes and an evidence sentence are extracted
  automatically; the extraction confidence is shown in the review queue.

### Reference data and licences
- KATOTTG, the codifier of administrative-territorial units and hromada territories (Ministry for Development of
  Communities and Territories).
- Places and coordinates: GeoNames, licensed CC BY 4.0.
- Country and oblast boundaries: Natural Earth, public domain.
- Maps need no external basemap; the viridis/cividis colour scales are safe for colour-blind readers.
""",
}
