"""Run Wagtail's ``publish_scheduled`` every minute, for as long as this
process lives: the runner that makes an approved article with a future
publication time go live on time (and takes expired pages down).

``make demo`` starts it beside the development server and stops it with the
server. In production run it as its own supervised process (systemd,
supervisord, a container), or instead put ``manage.py publish_scheduled`` in
cron every minute; never both.
"""

import logging
import os
import signal
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone
from wagtail.models import Revision

logger = logging.getLogger("portal.editorial")


class Command(BaseCommand):
    help = "Publish scheduled pages every minute (Wagtail's publish_scheduled in a loop)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="Seconds between runs (default 60).")
        parser.add_argument("--once", action="store_true", help="Run once and exit.")
        parser.add_argument(
            "--exit-with-parent",
            action="store_true",
            help="Exit when the parent process ends (used by `make demo`).",
        )

    def handle(self, *args, interval, once, exit_with_parent, **options):
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        parent = os.getppid()
        if not once:
            logger.info("Bộ hẹn giờ xuất bản chạy, mỗi %s giây một lần.", interval)
        while self.running:
            if once:
                self.tick()
                break
            # A long-lived process: drop connections the database closed.
            close_old_connections()
            self.tick()
            deadline = time.monotonic() + interval
            while self.running and time.monotonic() < deadline:
                if exit_with_parent and os.getppid() != parent:
                    self.running = False
                    break
                time.sleep(1)
        if not once:
            logger.info("Bộ hẹn giờ xuất bản dừng.")

    def stop(self, *args):
        self.running = False

    def tick(self):
        try:
            due = Revision.objects.filter(approved_go_live_at__lt=timezone.now()).count()
            call_command("publish_scheduled", stdout=self.stdout)
            if due:
                logger.info("Đã xuất bản %s bài hẹn giờ.", due)
        except Exception:
            # One bad revision must not stop the runner; the next minute retries.
            logger.exception("Bộ hẹn giờ xuất bản gặp lỗi")
