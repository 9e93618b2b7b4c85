"""What extraction adds to the article pages, which the articles app renders without knowing
of it: the meetings an article reports, its text with their evidence marked, and the languages
extraction reads."""

from __future__ import annotations

from babel import Locale
from django import template
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from events.evidence_marks import Span, locate, marked_paragraphs
from events.extraction.language import supported_languages
from events.models import Evidence, TextPart
from events.selectors import article_meetings as select_article_meetings

register = template.Library()


@register.inclusion_tag("events/includes/article_meetings.html")
def article_meetings(article) -> dict:
    """The list of meetings an article reports, once its extraction is over."""
    meetings = [] if article.is_pending else list(select_article_meetings(article_id=article.pk))
    return {"article": article, "meetings": meetings}


@register.simple_tag
def extraction_languages() -> list[tuple[str, str]]:
    """The languages extraction reads, as (code, English name), for the upload form."""
    names = Locale("en").languages
    return [(code, names.get(code, code)) for code in supported_languages()]


@register.simple_tag
def article_marked_text(article, part: str = TextPart.BODY) -> SafeString:
    """The article's body (or title) as paragraphs, with the sentences that are evidence of a
    meeting marked, from their stored offsets."""
    text = article.title if part == TextPart.TITLE else article.body
    rows = Evidence.objects.filter(article=article, field=part).values_list(
        "start_char", "end_char", "text", "meeting_id"
    )
    spans = []
    for start, end, sentence, meeting_id in rows:
        where = locate(text, start, end, sentence)
        if where:
            spans.append(Span(*where, (meeting_id,)))
    return marked_paragraphs(text, spans, label=_("Evidence of a meeting"))
