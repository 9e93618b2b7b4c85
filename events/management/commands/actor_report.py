from django.core.management.base import BaseCommand

from events.actor_report import unverified_actors_report


class Command(BaseCommand):
    help = (
        "List the actors extraction created (unverified) with their titles, country and a "
        "sentence where they were seen, for a reader to check."
    )

    def handle(self, *args, **options) -> None:
        actors = unverified_actors_report()
        for actor in actors:
            titles = "; ".join(actor.titles) or "no title"
            where = f" [{actor.article}]" if actor.article else ""
            kind = "" if actor.kind == "person" else f" ({actor.kind})"
            self.stdout.write(f"{actor.name}{kind} | {titles} | {actor.country or '-'}{where}")
            if actor.sentence:
                self.stdout.write(f"    {actor.sentence}")
        self.stdout.write(f"{len(actors)} unverified actor(s).")
