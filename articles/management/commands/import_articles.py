from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.documents.decoding import sniff_problem
from articles.imports import articles_import_jsonl


class Command(BaseCommand):
    help = (
        "Import articles from JSONL files (keys: id, lang, title, published, source, url, text) "
        "and queue their extraction. Reports what happened to every line. Files may be UTF-8 "
        "(with or without a byte-order mark), UTF-16 with its byte-order mark, Windows-1252 or "
        "Latin-1."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="+", type=Path, help="JSONL files to import")

    def handle(self, *args, files: list[Path], **options) -> None:
        missing = [str(path) for path in files if not path.is_file()]
        if missing:
            raise CommandError(f"No such file: {', '.join(missing)}")
        for path in files:
            with path.open("rb") as handle:
                problem = sniff_problem(handle.read(4096))
            if problem:
                raise CommandError(f"{path} cannot be imported: {problem}.")
        totals: Counter[str] = Counter()
        for path in files:
            with path.open("rb") as handle:
                for outcome in articles_import_jsonl(stream=handle):
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
