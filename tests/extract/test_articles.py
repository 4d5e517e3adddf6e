"""Article readers: encodings, page chrome, jsonl lines, rejects and one document per content."""
import json

from etl.sources.articles import iter_documents, read_documents

ARTICLE = (
    "Луцьк і Люблін підписали меморандум\n\n16.05.2024 | 10:42 | Переглядів: 1 214\n\n"
    "Луцький міський голова та президент Любліна 14 травня 2024 року підписали меморандум про співпрацю.\n\n"
    "Поділитися: Facebook | Telegram\n\nЧитайте також:\n15.05.2024 — Ковель і Хелм підписали угоду\n"
    "Ми використовуємо файли cookie. Прийняти\n"
)


def test_txt_reader_cuts_related_news_and_takes_the_published_date_from_the_header(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    [doc] = list(iter_documents([tmp_path]))
    assert doc.published_date.isoformat() == "2024-05-16"
    assert doc.title == "Луцьк і Люблін підписали меморандум"
    assert "Хелм" not in doc.text and "cookie" not in doc.text and "Переглядів" not in doc.text
    assert doc.format == "txt" and doc.lang == "uk"


def test_windows_1251_and_bom_files_decode_to_the_same_document(tmp_path):
    (tmp_path / "cp.txt").write_bytes(ARTICLE.encode("cp1251"))
    (tmp_path / "bom.txt").write_bytes(ARTICLE.encode("utf-8-sig"))
    docs, rejects = read_documents([tmp_path])
    assert len(docs) == 1 and not rejects
    assert docs[0].text.startswith("Луцьк і Люблін")


def test_html_reader_keeps_the_article_and_drops_navigation_aside_and_cookie_banner(tmp_path):
    html = """<html><head><title>Site</title><meta property="article:published_time" content="2023-09-18T10:00:00">
    </head><body><nav>Головна | Новини</nav><div class="cookie-banner">Cookies (оновлено 1 березня 2023)</div>
    <article><h1>Тростянець і Друскінінкай підписали меморандум</h1><p>Громади <b>підписали</b> меморандум.</p>
    <p>Другий абзац.</p></article><aside class="related"><li>12.09.2023 — Охтирка і Грац</li></aside>
    <footer>© 2023</footer></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    [doc] = list(iter_documents([tmp_path / "page.html"]))
    assert doc.title == "Тростянець і Друскінінкай підписали меморандум"
    assert doc.published_date.isoformat() == "2023-09-18"
    assert "Громади підписали меморандум." in doc.text and "Другий абзац." in doc.text
    for chrome in ("Головна", "Cookies", "Охтирка", "©"):
        assert chrome not in doc.text


def test_jsonl_lines_become_documents_and_bad_lines_become_rejects_with_line_numbers(tmp_path):
    lines = [
        json.dumps({"url": "https://example.org/1", "title": "Перша", "published": "2024-11-20", "text": "Текст один."}),
        "{not json",
        json.dumps({"url": "https://example.org/3", "title": "Третя", "html": "<p>Текст <i>три</i>.</p>"}),
        json.dumps({"url": "https://example.org/4", "title": "Без тексту"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    docs, rejects = read_documents([path])
    assert [d.source for d in docs] == [f"{path}#1", f"{path}#3"]
    assert docs[0].published_date.isoformat() == "2024-11-20" and docs[0].url == "https://example.org/1"
    assert "Текст три." in docs[1].text
    assert [(r.row_number, r.reason.split(":")[0]) for r in rejects] == [(2, "invalid JSON"), (4, "no text or html field")]


def test_unreadable_inputs_are_rejected_not_raised(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    docs, rejects = read_documents([tmp_path / "notes.docx", tmp_path / "missing.txt"])
    assert docs == []
    assert {r.reason.split(" ")[0] for r in rejects} == {"unsupported", "no"}


def test_the_same_article_in_two_files_is_read_once(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    assert len(list(iter_documents([tmp_path]))) == 1


def test_a_gold_label_file_beside_the_articles_is_rejected_once(tmp_path):
    (tmp_path / "gold.jsonl").write_text('{"id": "a", "agreements": []}\n{"id": "b", "agreements": []}\n',
                                         encoding="utf-8")
    docs, rejects = read_documents([tmp_path])
    assert docs == [] and len(rejects) == 1 and rejects[0].reason.startswith("a gold-label file")


def test_a_read_also_line_with_a_headline_ends_the_article(tmp_path):
    (tmp_path / "a.txt").write_text("Харків і Альбукерке стали побратимами\n\nМіста підписали меморандум.\n\n"
                                    "Read also: Odesa and Miami sign partnership agreement\nЩе один рядок\n",
                                    encoding="utf-8")
    [doc] = list(iter_documents([tmp_path]))
    assert "Miami" not in doc.text and "Ще один рядок" not in doc.text


def test_html_reader_dates_the_article_by_its_own_time_not_a_related_headline(tmp_path):
    html = """<html><body><aside class="related"><ul><li><time datetime="2023-09-14">14.09.2023</time> Toruń visits</li>
    </ul></aside><article><h1>Göttingen and Trostianets sign memorandum</h1>
    <p class="meta"><time datetime="2023-10-02">02.10.2023</time></p><p>The towns signed a memorandum.</p></article>
    </body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    [doc] = list(iter_documents([tmp_path / "page.html"]))
    assert doc.published_date.isoformat() == "2023-10-02"


def test_site_menus_are_dropped_with_or_without_their_bars_and_title_case_headlines_are_kept(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Kyiv And Leipzig Sign Partnership Agreement Today\n\nГоловна | Громада | Новини | Документи | Контакти\n"
        "Новини Місто Освіта Культура Спорт Оголошення Telegram-канал\n"
        "Головна Новини Міська рада Виконавчий комітет Документи Контакти\n"
        "☰ Новини Громади Безпека Економіка Історії Фото Контакти\nГоловна Новини Влада Громада Е-послуги Контакти UA | EN\n"
        "СЛАВУТИЦЬКА МІСЬКА ТЕРИТОРІАЛЬНА ГРОМАДА\n\n"
        "Славутич і Франконвіль підписали угоду про партнерство.\n", encoding="utf-8")
    [doc] = list(iter_documents([tmp_path]))
    assert doc.title == "Kyiv And Leipzig Sign Partnership Agreement Today"
    assert "Освіта" not in doc.text and "Документи" not in doc.text and "Виконавчий" not in doc.text
    assert "Безпека" not in doc.text and "Е-послуги" not in doc.text and "СЛАВУТИЦЬКА МІСЬКА ТЕРИТОРІАЛЬНА ГРОМАДА" in doc.text
    assert "Славутич і Франконвіль підписали угоду" in doc.text


def test_a_read_next_line_inside_the_article_is_dropped_and_the_article_goes_on(tmp_path):
    body = ("Біла Церква і Нествед готують угоду про побратимство, яку депутати схвалили на сесії 1 жовтня. "
            "Обидві сторони домовилися про обміни школярів і співпрацю в галузі охорони здоров'я.")
    (tmp_path / "a.txt").write_text(
        "Bila Tserkva council votes for twinning\n\n" + body + "\n\n"
        "Read next: Czech town of Trutnov signs memorandum with Kharkiv Oblast's Zolochiv   September 20, 2024\n\n"
        + body.replace("Біла Церква", "Місто") + "\n", encoding="utf-8")
    [doc] = list(iter_documents([tmp_path]))
    assert "Trutnov" not in doc.text and doc.text.count("Нествед") == 2


def test_a_byline_dates_the_article_though_its_month_is_spelt_out(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Two new partnerships\nPosted 15 October 2025 by the Cities4Cities team · 4 min read\n\n"
        "The municipality of Deventer and the Pishchanka community signed a memorandum on 2 October.\n",
        encoding="utf-8")
    [doc] = list(iter_documents([tmp_path]))
    assert doc.published_date.isoformat() == "2025-10-15"
    assert "Posted" not in doc.text
