import pytest

from articles.text import UnreadableUpload, decode_text, html_to_text, text_from_upload


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Élysée".encode(), "Élysée"),
        ("\ufeffÉlysée".encode(), "Élysée"),
        ("Élysée “quoted”".encode("cp1252"), "Élysée “quoted”"),
        (b"\x81\xe9", "\x81é"),  # not Windows-1252 either: Latin-1 reads every byte
    ],
)
def test_decode_text_falls_back_from_utf8(data, expected):
    assert decode_text(data) == expected


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


def test_text_from_upload_reads_the_html_title():
    uploaded = text_from_upload(
        name="Page.HTML", data=b"<html><head><title> A\n title </title></head><p>Body</p>"
    )

    assert uploaded.title == "A title"
    assert uploaded.text == "Body"


def test_text_from_upload_refuses_binary_files():
    with pytest.raises(UnreadableUpload, match="not a text file"):
        text_from_upload(name="a.txt", data=b"\x00\x01\x02")
