"""(Re)create each top-level section's contributor group, the personnel
workflow assignment and the translations' rights. Signals do this as pages
are created in the admin; run this after a bulk import that bypassed them.
Idempotent."""

from django.core.management.base import BaseCommand

from editorial.sections import sync_sections


class Command(BaseCommand):
    help = "Create or update the editorial groups and workflow assignments of every section (idempotent)."

    def handle(self, *args, **options):
        sync_sections()
        self.stdout.write(self.style.SUCCESS("Editorial sections in step."))
