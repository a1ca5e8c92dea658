from django.core.management.base import BaseCommand

from search.quality import evaluate


class Command(BaseCommand):
    help = "Measure search quality (MRR, recall@5) on the judged queries over the demo content."

    def handle(self, *args, **options):
        result = evaluate()
        for row in result["rows"]:
            rank = row["rank"] or "-"
            self.stdout.write(f"{rank!s:>3}  {row['recall5']:.2f}  {row['q']}")
        self.stdout.write(
            f"queries: {result['queries']}  MRR: {result['mrr']:.3f}  recall@5: {result['recall_at_5']:.3f}"
        )
