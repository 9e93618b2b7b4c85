"""The article page marks the sentences that are evidence of a meeting, from their offsets."""

from django.urls import reverse

from events.evidence_marks import Span, marked_paragraphs, merged
from events.models import TextPart
from tests.factories import add_evidence, add_source, make_article, make_meeting


def test_article_page_marks_evidence_and_lists_its_meetings(analyst_client, db):
    article = make_article(
        title="Envoys meet in Ankara",
        body=(
            "A quiet week began.\n\nThe two envoys met in Ankara on Monday & talked.\n"
            "Nothing else <b>happened</b>."
        ),
    )
    meeting = make_meeting(title="Envoys in Ankara")
    add_source(meeting, article)
    add_evidence(meeting, article, "The two envoys met in Ankara on Monday & talked.")
    add_evidence(meeting, article, "Envoys meet in Ankara", field=TextPart.TITLE)
    page = analyst_client.get(reverse("articles:article-detail", args=[article.pk]))
    html = page.content.decode()
    assert (
        f'<mark class="evidence-mark" data-meetings="{meeting.pk}" title="Evidence of a meeting">'
        "The two envoys met in Ankara on Monday &amp; talked.</mark>"
    ) in html
    assert ">Envoys meet in Ankara</mark>" in html
    assert "&lt;b&gt;happened&lt;/b&gt;" in html  # the text stays text
    assert "<p>A quiet week began.</p>" in html
    assert reverse("events:meeting-detail", args=[meeting.pk]) in html


def test_a_mark_across_paragraphs_is_closed_and_reopened():
    text = "One two.\n\nThree four."
    html = marked_paragraphs(text, [Span(4, 15, (7,))], label="x")
    assert html == (
        '<p>One <mark class="evidence-mark" data-meetings="7" title="x">two.</mark></p>\n'
        '<p><mark class="evidence-mark" data-meetings="7" title="x">Three</mark> four.</p>'
    )


def test_overlapping_sentences_of_two_meetings_make_one_mark():
    assert merged([Span(5, 20, (2,)), Span(0, 10, (1,)), Span(30, 40, (1,))]) == [
        Span(0, 20, (1, 2)),
        Span(30, 40, (1,)),
    ]


def test_offsets_that_no_longer_fit_fall_back_to_finding_the_sentence():
    from events.evidence_marks import locate

    assert locate("Hello there. Talks held.", 0, 5, "Talks held.") == (13, 24)
    assert locate("Hello there.", 0, 5, "Not in it") is None
