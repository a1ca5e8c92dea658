"""Move the visitor counters from Redis to the database (and prune the
database path's expired marks). Run it every minute: from cron, or as a
supervised process with ``--interval 60``; ``make demo`` runs it beside the
development server."""

import logging
import os
import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from stats.flush import flush

logger = logging.getLogger("portal.stats")


class Command(BaseCommand):
    help = "Flush visitor statistics from Redis to the database (once, or every --interval seconds)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=0, help="Repeat every N seconds until stopped (0: once).")
        parser.add_argument(
            "--exit-with-parent", action="store_true", help="Exit when the parent process ends (used by `make demo`)."
        )

    def handle(self, *args, interval, exit_with_parent, **options):
        self.verbosity = options.get("verbosity", 1)
        if not interval:
            self.run_once()
            return
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        parent = os.getppid()
        while self.running:
            close_old_connections()
            self.run_once()
            deadline = time.monotonic() + interval
            while self.running and time.monotonic() < deadline:
                if exit_with_parent and os.getppid() != parent:
                    self.running = False
                    break
                time.sleep(1)

    def stop(self, *args):
        self.running = False

    def run_once(self):
        try:
            added = flush()
        except Exception:
            # The batch stays in Redis; the next run adds it.
            logger.exception("flush_stats failed")
            return
        if added["batches"] or self.verbosity > 1:
            self.stdout.write(f"visits +{added['visits']}, views +{added['views']} ({added['batches']} batches)")
