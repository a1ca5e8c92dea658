from django.core.management.base import BaseCommand, CommandError

from resilience.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore the database and the media files from a backup (make restore); checks every checksum."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="source", help="the backup folder (default: the newest in BACKUP_DIR)")
        parser.add_argument("--yes", action="store_true", help="do not ask: the current data is replaced")

    def handle(self, *args, **options):
        if not options["yes"] and options.get("interactive", True):
            answer = input("The database and the media files will be REPLACED by the backup. Type 'yes': ")
            if answer.strip() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            source = restore(options.get("source"), log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored from {source}"))
