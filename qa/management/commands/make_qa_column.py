"""Make an existing section the Hỏi - Đáp column (reader questions, answers,
consultations), e.g. after importing the sections from NukeViet. Its address,
articles and history stay."""

from django.core.management.base import BaseCommand, CommandError

from news.models import SectionPage
from qa.models import QAIndexPage


class Command(BaseCommand):
    help = "Turn the section with this slug into the Hỏi - Đáp column."

    def add_arguments(self, parser):
        parser.add_argument("slug", nargs="?", default="hoi-dap-cong-tac-dang")

    def handle(self, *args, slug, **options):
        sections = list(SectionPage.objects.filter(slug=slug))
        if not sections:
            raise CommandError(f"No section with the slug {slug!r}.")
        for section in sections:
            page = QAIndexPage.adopt(section)
            self.stdout.write(self.style.SUCCESS(f"{page.url_path}: now the Hỏi - Đáp column"))
