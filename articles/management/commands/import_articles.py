from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.services import articles_import_jsonl


class Command(BaseCommand):
    help = (
        "Import articles from JSONL files (keys: id, lang, title, published, source, url, text) "
        "and queue their extraction. Reports what happened to every line."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="+", type=Path, help="JSONL files to import")

    def handle(self, *args, files: list[Path], **options) -> None:
        missing = [str(path) for path in files if not path.is_file()]
        if missing:
            raise CommandError(f"No such file: {', '.join(missing)}")
        totals: Counter[str] = Counter()
        for path in files:
            # utf-8-sig: a byte-order mark (as Windows tools write) is not part of line 1.
            with path.open(encoding="utf-8-sig", errors="replace") as handle:
                for outcome in articles_import_jsonl(lines=handle):
                    totals[outcome.status] += 1
                    line = f"{path.name}:{outcome.line}: {outcome.status}: {outcome.message}"
                    if outcome.status == "invalid":
                        self.stderr.write(line)
                    else:
                        self.stdout.write(line)
        self.stdout.write(
            f"{totals['imported']} imported, {totals['duplicate']} duplicate, "
            f"{totals['invalid']} invalid."
        )
