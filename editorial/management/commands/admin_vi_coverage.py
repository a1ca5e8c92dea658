"""How much of the admin speaks Vietnamese; what a Wagtail upgrade left in English.

    manage.py admin_vi_coverage              # a table per catalogue
    manage.py admin_vi_coverage --missing    # and every untranslated msgid
    manage.py admin_vi_coverage --add        # append those to site/locale/vi/…/*.po, msgstr empty

After ``--add``, translate the new entries (msgstr is empty, so they stay in
English until then), check with this command again and run ``make messages``.
"""

from django.core.management.base import BaseCommand

from editorial.admin_vi import add_missing, coverage, placeholder_problems, project_catalogue


class Command(BaseCommand):
    help = "Share of the admin's English msgids with a Vietnamese translation (ours or the package's)."

    def add_arguments(self, parser):
        parser.add_argument("--missing", action="store_true", help="list every untranslated msgid")
        parser.add_argument("--add", action="store_true", help="append untranslated msgids to our catalogue")

    def handle(self, *args, missing=False, add=False, **options):
        results = coverage()
        self.stdout.write(f"{'catalogue':<46} {'msgids':>6} {'ours':>6} {'theirs':>6} {'either':>6} {'share':>7}")
        totals = [0, 0]
        for row in results:
            name = f"{row.app} ({row.domain})"
            self.stdout.write(
                f"{name:<46} {row.total:>6} {row.ours:>6} {row.theirs:>6} {row.either:>6} {row.share:>7.1%}"
            )
            totals[0] += row.total
            totals[1] += row.either
        self.stdout.write(f"{'all':<46} {totals[0]:>6} {'':>6} {'':>6} {totals[1]:>6} {totals[1] / totals[0]:>7.1%}")
        for domain in ("django", "djangojs"):
            for msgid, lost, invented in placeholder_problems(project_catalogue(domain)):
                self.stderr.write(f"placeholder mismatch in {domain}.po: {msgid!r} lost {lost} invented {invented}")
        if missing:
            for row in results:
                for entry in row.missing:
                    self.stdout.write(f"{row.app}\t{row.domain}\t{entry.msgid!r}")
        if add:
            for domain in ("django", "djangojs"):
                entries = [(entry, row.app) for row in results if row.domain == domain for entry in row.missing]
                added = add_missing(domain, entries)
                self.stdout.write(f"{added} untranslated entries appended to {project_catalogue(domain).name}")
