"""read_document: the text and metadata of .txt, .html, .docx and .pdf files."""

import datetime as dt
import zipfile
from io import BytesIO

import pytest

from articles.documents import UnreadableDocument, read_document
from articles.documents.html import html_to_text
from tests.files import docx_bytes, pdf_bytes

PAGE = """<!doctype html>
<html lang="fr"><head>
<meta charset="utf-8">
<title>Lima à Oslo | Le Courrier du Nord</title>
<meta property="og:site_name" content="Le Courrier du Nord">
<meta property="og:title" content="Lima à Oslo">
<link rel="canonical" href="https://courrier.example/monde/lima-oslo">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-03-04"}</script>
<script>document.cookie = "stolen"</script>
<style>p { color: red }</style>
</head><body onload="steal()">
<nav class="menu"><ul><li><a href="/">Accueil</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/meteo">Météo</a></li></ul></nav>
<article>
<h1>Lima à Oslo</h1>
<p>La ministre Ana Lima est arrivée lundi à Oslo pour deux jours d'entretiens avec son
homologue norvégien sur la pêche et l'énergie.</p>
<p onclick="steal()">Les deux ministres ont signé un accord sur la recherche polaire.
<img src="x" onerror="steal()"></p>
</article>
<footer class="footer"><p>© 2025 Le Courrier du Nord. Tous droits réservés.</p></footer>
</body></html>"""


def test_a_web_page_gives_its_main_text_and_metadata():
    document = read_document(name="lima.html", data=PAGE.encode())

    assert document.kind == "web page"
    assert document.title == "Lima à Oslo"
    assert document.source == "Le Courrier du Nord"
    assert document.url == "https://courrier.example/monde/lima-oslo"
    assert document.published_on == dt.date(2025, 3, 4)
    assert document.language == "fr"
    assert document.text.startswith("La ministre Ana Lima est arrivée lundi à Oslo")
    assert "accord sur la recherche polaire" in document.text
    for boilerplate in ["Accueil", "Météo", "droits réservés", "stolen", "color", "steal"]:
        assert boilerplate not in document.text
    assert document.stated() == ["title", "source", "url", "published_on", "language"]


def test_a_page_in_a_declared_legacy_charset_is_read_in_it():
    page = (
        '<html><head><meta charset="windows-1251"><title>Визит</title></head>'
        "<body><p>Министр прибыл в Москву.</p></body></html>"
    )

    document = read_document(name="visit.htm", data=page.encode("cp1251"))

    assert document.title == "Визит"
    assert "Министр прибыл в Москву." in document.text


def test_a_page_that_states_no_date_gets_none():
    document = read_document(name="a.html", data=b"<title>T</title><p>Leaders met in Paris.</p>")

    assert document.published_on is None
    assert document.text == "Leaders met in Paris."


def test_html_to_text_keeps_paragraphs_lists_and_line_breaks():
    document = """
    <article><h2>Summit</h2><p>Leaders met
       in <i>Geneva</i>.<br/>Talks went well.</p>
    <ul><li>Trade</li><li>Climate</li></ul>
    <table><tr><td>Day</td><td>One</td></tr></table></article>
    <noscript>Enable JavaScript</noscript><template><p>hidden</p></template>
    """

    assert html_to_text(document) == (
        "Summit\n\nLeaders met in Geneva.\nTalks went well.\n\nTrade\nClimate\n\nDay One"
    )


def test_html_to_text_unescapes_entities_once():
    assert html_to_text("<p>A &amp;amp; B &lt;tag&gt; &eacute;t&eacute; &#8212;</p>") == (
        "A &amp; B <tag> été —"
    )


def test_a_word_document_gives_its_paragraphs_and_core_properties():
    data = docx_bytes(
        "Minister Ana Lima arrived in Oslo on Monday.",
        "She met her Norwegian counterpart.",
        title="Lima in Oslo",
        created=dt.datetime(2025, 3, 4, 9, 30),
        language="en-GB",
        identifier="https://wire.example/lima-oslo",
    )

    document = read_document(name="Lima.DOCX", data=data)

    assert document.kind == "Word document"
    assert document.text == (
        "Minister Ana Lima arrived in Oslo on Monday.\n\nShe met her Norwegian counterpart."
    )
    assert document.title == "Lima in Oslo"
    assert document.published_on == dt.date(2025, 3, 4)
    assert document.language == "en"
    assert document.url == "https://wire.example/lima-oslo"


def test_a_pdf_gives_its_text_and_information():
    data = pdf_bytes(
        "Minister Ana Lima arrived in Oslo on Monday.",
        title="Lima in Oslo",
        created="20250304101500Z",
    )

    document = read_document(name="lima.pdf", data=data)

    assert document.kind == "PDF"
    assert document.text == "Minister Ana Lima arrived in Oslo on Monday."
    assert document.title == "Lima in Oslo"
    assert document.published_on == dt.date(2025, 3, 4)


def test_a_text_file_states_nothing_but_its_encoding():
    document = read_document(name="a.txt", data="Talks in Kraków.".encode("utf-16"))

    assert (document.text, document.encoding, document.stated()) == (
        "Talks in Kraków.",
        "UTF-16",
        [],
    )


def _zip_bomb() -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * (101 * 1024 * 1024))
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.doc", b"anything", "only .docx, .htm, .html, .pdf, .txt files can be uploaded"),
        ("a.txt", pdf_bytes("Hello."), "“a.txt” cannot be read: it is a PDF document, not text."),
        ("a.txt", b"text\x00\xff\x10\x11" * 50, "it holds NUL bytes: binary data, not text"),
        ("a.pdf", b"plain words", "“a.pdf” cannot be read: the file is no PDF."),
        ("a.pdf", b"%PDF-1.4\nbroken", "“a.pdf” cannot be read: the PDF is damaged"),
        ("a.pdf", pdf_bytes(), "the PDF holds no text (a scanned document?)"),
        ("a.docx", pdf_bytes("Hi."), "the file is a PDF document, not a Word .docx document"),
        ("a.docx", b"PK\x03\x04broken", "the .docx file is damaged"),
        ("a.docx", _zip_bomb(), "the .docx file unpacks to more than 100 MB"),
        ("a.html", b"<script>alert(1)</script><p> </p>", "“a.html” holds no text."),
        ("a.txt", b" \n\t \n", "“a.txt” holds no text."),
        ("a.txt", b"a" * (10 * 1024 * 1024 + 1), "“a.txt” is larger than 10 MB."),
    ],
)
def test_unreadable_files_are_refused_with_the_reason(name, data, message):
    with pytest.raises(UnreadableDocument) as refused:
        read_document(name=name, data=data)

    assert message in str(refused.value)
