from django.core.management.base import BaseCommand, CommandError

from articles.exports import add_export_arguments, csv_lines, export_write
from events.export_forms import ActorExportForm
from events.exports import actor_csv_rows


class Command(BaseCommand):
    help = "Write actors with their aliases and roles as CSV (the same file as the web export)."

    def add_arguments(self, parser) -> None:
        add_export_arguments(parser)
        parser.add_argument("--q", help="part of a name or alias")
        parser.add_argument("--country", help="ISO 3166 alpha-2 code, e.g. RU")
        parser.add_argument("--kind", help="person or organisation")
        parser.add_argument("--verified", choices=["yes", "no"], help="verified actors or not")

    def handle(self, *args, output: str | None, file_format: str, **options) -> None:
        data = {name: options[name] for name in ["q", "country", "kind", "verified"]}
        form = ActorExportForm(data={name: value for name, value in data.items() if value})
        if not form.is_valid():
            problems = "; ".join(f"--{name}: {' '.join(e)}" for name, e in form.errors.items())
            raise CommandError(f"Invalid filters: {problems}")
        lines = csv_lines(actor_csv_rows(form.actors()), excel=file_format == "excel")
        count = export_write(lines, output=output, stdout=self.stdout)
        if output:
            self.stderr.write(f"{count} actors written to {output}.")
