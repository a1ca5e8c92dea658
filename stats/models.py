"""Visitor statistics as stored in the database: totals per day and per
article, and (for the path without Redis) who was seen lately.

No table holds an address, a user or a cookie: visitors appear only as keyed
hashes that expire (``Presence``, ``SeenMark``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyVisits(models.Model):
    """Visits (one per visitor per 30 minutes) on one local day, by kind."""

    date = models.DateField(_("ngày"), unique=True)
    guests = models.PositiveBigIntegerField(_("khách"), default=0)
    members = models.PositiveBigIntegerField(_("thành viên"), default=0)
    bots = models.PositiveBigIntegerField(_("máy tìm kiếm"), default=0)

    class Meta:
        verbose_name = _("lượt truy cập trong ngày")
        verbose_name_plural = _("lượt truy cập theo ngày")

    def __str__(self):
        return f"{self.date}: {self.guests + self.members} (+{self.bots} bots)"


class ArticleDailyViews(models.Model):
    """Views of one article on one local day (once per reader per day).

    ``page_id`` is a plain number, not a foreign key: a deleted article's
    history does not block the flush, and the dashboard joins by id."""

    page_id = models.IntegerField(_("trang"))
    date = models.DateField(_("ngày"))
    views = models.PositiveBigIntegerField(_("lượt xem"), default=0)

    class Meta:
        verbose_name = _("lượt xem bài trong ngày")
        verbose_name_plural = _("lượt xem bài theo ngày")
        constraints = [models.UniqueConstraint(fields=["page_id", "date"], name="stats_article_day_unique")]
        indexes = [models.Index(fields=["date"], name="stats_article_day_date")]

    def __str__(self):
        return f"{self.page_id} {self.date}: {self.views}"


class ArticleViewTotal(models.Model):
    """An article's view count since it was published: what readers see."""

    page_id = models.IntegerField(_("trang"), primary_key=True)
    views = models.PositiveBigIntegerField(_("lượt xem"), default=0)

    class Meta:
        verbose_name = _("tổng lượt xem bài")
        verbose_name_plural = _("tổng lượt xem bài")

    def __str__(self):
        return f"{self.page_id}: {self.views}"


class Presence(models.Model):
    """Database path only: a visitor (hashed) and when they were last seen,
    for "online now". Rows older than the window are removed by flush_stats."""

    visitor = models.CharField(max_length=40, unique=True)
    kind = models.CharField(max_length=1)
    last_seen = models.BigIntegerField(db_index=True)  # Unix seconds

    def __str__(self):
        return f"{self.kind} {self.last_seen}"


class SeenMark(models.Model):
    """Database path only: "this visitor's visit / view of this article is
    already counted" until ``expires`` (Unix seconds)."""

    key = models.CharField(max_length=96, unique=True)
    expires = models.BigIntegerField(db_index=True)

    def __str__(self):
        return self.key


class FlushedBatch(models.Model):
    """A Redis batch already added to the tables: written in the same
    transaction as its counts, so a flush retried after a crash never adds a
    batch twice."""

    name = models.CharField(max_length=96, unique=True)
    flushed_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.name
