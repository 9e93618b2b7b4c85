"""What extraction adds to the article pages, which the articles app renders without knowing
of it: the meetings an article reports, and the languages extraction reads."""

from __future__ import annotations

from babel import Locale
from django import template

from events.extraction.language import supported_languages
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
