"""The Editors and Analysts groups for a real deployment: no users, safe to run again and again."""

from django.core.management.base import BaseCommand

from events.roles import roles_describe, roles_ensure_groups


class Command(BaseCommand):
    help = (
        "Create the Editors and Analysts groups, or reset their permissions to Entente's. "
        "Creates no users."
    )

    def handle(self, *args, **options) -> None:
        self.stdout.write(roles_describe(*roles_ensure_groups()))
