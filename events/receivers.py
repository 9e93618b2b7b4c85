"""How events hears of articles: connected in EventsConfig.ready."""

from django.dispatch import receiver

from articles.signals import article_deleting, article_stored
from events.extraction_runs import article_enqueue_extraction, article_withdraw


@receiver(article_stored, dispatch_uid="events.queue_extraction")
def queue_extraction(sender, article, **kwargs) -> None:
    article_enqueue_extraction(article=article)


@receiver(article_deleting, dispatch_uid="events.withdraw_article")
def withdraw_article(sender, article, **kwargs) -> None:
    article_withdraw(article=article)
