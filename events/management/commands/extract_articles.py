"""Queue extraction again for some articles, or all of them."""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from articles.models import Article
from events.extraction_runs import articles_rerun_extraction


class Command(BaseCommand):
    help = (
        "Queue extraction again for the given articles (by id, or by the id they were "
        "imported with) or for --all; a worker must run to carry it out. Prints how many "
        "were queued; articles already waiting for the worker are not queued twice."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("ids", nargs="*", help="article ids or import ids")
        parser.add_argument("--all", action="store_true", help="every article")

    def handle(self, *args, ids: list[str], all: bool, **options) -> None:
        if all == bool(ids):
            raise CommandError("Give article ids, or --all (not both).")
        if all:
            articles = Article.objects.order_by("pk")
        else:
            numbers = [int(value) for value in ids if value.isdigit()]
            articles = Article.objects.filter(Q(pk__in=numbers) | Q(external_id__in=ids))
            found = {str(article.pk) for article in articles} | {
                article.external_id for article in articles if article.external_id
            }
            missing = [value for value in ids if value not in found]
            if missing:
                raise CommandError(f"No article with the id {', '.join(missing)}.")
            articles = articles.order_by("pk")
        count = articles_rerun_extraction(articles=articles.iterator())
        self.stdout.write(f"Queued {count} article(s) for extraction.")
