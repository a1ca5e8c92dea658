"""Load the demo portal: users, the section tree, articles with pictures.

Idempotent: every step looks its objects up by a natural key (username, slug,
image title) and only creates what is missing, so a second run changes nothing.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from editorial import demo as editorial_demo
from home import demo as home_demo
from news import demo as news_demo
from qa import demo as qa_demo
from stats import demo as stats_demo

# Each app that has demo content contributes one step; order matters only in
# that the tree must exist before anything is placed in it.
STEPS = [
    ("users", home_demo.load_users),
    ("site settings", home_demo.load_settings),
    ("sections", news_demo.load_sections),
    ("images", news_demo.load_images),
    ("authors", news_demo.load_authors),
    ("topics", news_demo.load_topics),
    ("documents and embeds", news_demo.load_media),
    ("articles", news_demo.load_articles),
    ("internal notices", news_demo.load_notices),
    ("editorial workflow", editorial_demo.load_workflow_demo),
    ("reader participation", qa_demo.load_participation),
    ("photo reports and internal documents", news_demo.load_photo_reports),
    ("English edition", home_demo.load_english_edition),
    ("sidebar content and visitor statistics", stats_demo.load_statistics),
]


class Command(BaseCommand):
    help = "Load the demo content (idempotent)."

    def handle(self, *args, **options):
        for label, step in STEPS:
            self.stdout.write(f"→ {label}…")
            with transaction.atomic():
                step(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
