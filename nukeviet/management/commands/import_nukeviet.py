"""manage.py import_nukeviet: bring a NukeViet 4 portal over (see README)."""

import time
from datetime import datetime
from datetime import time as day_start

from django.core.management.base import BaseCommand, CommandError

from nukeviet.importer import LOCAL_TZ, Importer, SourceError, connect


def parse_since(value):
    try:
        day = datetime.strptime(value, "%Y-%m-%d")
    except ValueError:
        raise CommandError(f"--since takes a date as YYYY-MM-DD, not {value!r}") from None
    return datetime.combine(day.date(), day_start(0), tzinfo=LOCAL_TZ)


class Command(BaseCommand):
    help = (
        "Import sections, topics, articles, images and comments from a NukeViet 4 database. "
        "Safe to run again: what was imported is updated, never duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument("--db", required=True, help="mysql://user:pass@host:3306/dbname of the NukeViet site")
        parser.add_argument("--prefix", default="nv4", help="table prefix (default nv4)")
        parser.add_argument("--lang", default="vi", help="NukeViet language whose tables to read (default vi)")
        parser.add_argument("--uploads", help="the old site's uploads/ folder (images are read from there)")
        parser.add_argument("--since", help="only articles added, edited or published on or after YYYY-MM-DD")
        parser.add_argument("--dry-run", action="store_true", help="read and convert everything, write nothing")

    def handle(self, *args, **options):
        since = parse_since(options["since"]) if options["since"] else None
        started = time.monotonic()
        try:
            connection = connect(options["db"])
        except SourceError as error:
            raise CommandError(str(error)) from error
        importer = Importer(
            connection,
            prefix=options["prefix"],
            lang=options["lang"],
            uploads=options["uploads"],
            since=since,
            dry_run=options["dry_run"],
            out=self.stdout,
        )
        try:
            importer.run()
        except SourceError as error:
            raise CommandError(f"NukeViet database: {error}") from error
        finally:
            connection.close()
        self.stdout.write("")
        for line in importer.summary_lines():
            self.stdout.write(line)
        elapsed = time.monotonic() - started
        note = " (dry run: nothing was written)" if options["dry_run"] else ""
        self.stdout.write(self.style.SUCCESS(f"Done in {elapsed:.1f} s{note}."))
