from django.core.management.base import BaseCommand

from resilience.backup import backup


class Command(BaseCommand):
    help = "Back up the database and the media files, with checksums (make backup)."

    def add_arguments(self, parser):
        parser.add_argument("--to", help="the backup folder to create (default: BACKUP_DIR/<date-time>)")

    def handle(self, *args, **options):
        target = backup(options.get("to"), log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Backup written: {target}"))
