"""Erase readers' e-mail addresses and phone numbers once the retention period
set by the board has passed (Nghị định 13/2023: keep personal data no longer
than needed). The text of questions, comments and feedback stays. Run daily
from cron; it also drops expired rate-limit counters."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from wagtail.models import Site

from qa.models import Counter, ParticipationSettings, erase_personal_data


class Command(BaseCommand):
    help = "Erase e-mail and phone from reader items older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Override the retention period set in the admin (days).")

    def handle(self, *args, days=None, **options):
        if days is None:
            site = Site.objects.filter(is_default_site=True).first()
            days = ParticipationSettings.for_site(site).retention_days if site else 365
        if days < 1:
            raise CommandError("--days must be at least 1")
        cutoff = timezone.now() - timedelta(days=days)
        changed = erase_personal_data(cutoff)
        for label, rows in changed.items():
            self.stdout.write(f"{label}: {rows}")
        expired = Counter.delete_expired()
        self.stdout.write(
            self.style.SUCCESS(f"Erased contact details older than {days} days; {expired} expired counters.")
        )
