"""Demo users and articles for `make run`: safe to run again and again."""

from collections import Counter
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from articles.imports import articles_import_jsonl
from events.roles import roles_describe, roles_ensure_groups

DEMO_ARTICLES = Path(settings.BASE_DIR) / "articles" / "demo" / "articles.jsonl"
# scripts/run-dev prints these credentials: keep them in step.
EDITOR = ("editor", "entente-editor")
ANALYST = ("analyst", "entente-analyst")


class Command(BaseCommand):
    help = (
        "Create the Editors and Analysts groups (as setup_roles does), the demo users "
        "editor/entente-editor and analyst/entente-analyst, and import the demo articles "
        "(queued for extraction)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--no-articles", action="store_true", help="Only the groups and users.")

    def handle(self, *args, no_articles: bool = False, **options) -> None:
        if not settings.DEBUG:
            self.stderr.write(
                "Warning: DEBUG is off, and the demo users have well-known passwords."
            )
        editors, analysts = roles_ensure_groups()
        self.stdout.write(roles_describe(editors, analysts))
        editor = self._ensure_user(*EDITOR, is_staff=True, group=editors)
        self._ensure_user(*ANALYST, is_staff=False, group=analysts)
        self.stdout.write(
            f"Users: {EDITOR[0]} / {EDITOR[1]} (editor), {ANALYST[0]} / {ANALYST[1]} (analyst)."
        )
        if no_articles:
            return
        totals: Counter[str] = Counter()
        with DEMO_ARTICLES.open("rb") as stream:
            for outcome in articles_import_jsonl(stream=stream, uploaded_by=editor):
                totals[outcome.status] += 1
                if outcome.status == "invalid":
                    self.stderr.write(f"{DEMO_ARTICLES.name}:{outcome.line}: {outcome.message}")
        self.stdout.write(
            f"Demo articles: {totals['imported']} imported, {totals['duplicate']} already there, "
            f"{totals['invalid']} invalid. Imported articles wait for the worker to extract them."
        )

    @staticmethod
    def _ensure_user(username: str, password: str, *, is_staff: bool, group):
        user, _ = get_user_model().objects.get_or_create(username=username)
        user.is_staff = is_staff
        user.is_active = True
        user.set_password(password)
        user.save()
        user.groups.set([group])
        return user
