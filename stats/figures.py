"""What readers and the board see: figures read from the tables (plus what
Redis has not flushed yet), cached briefly so a page costs no query for them."""

import time
from datetime import timedelta

from django.core.cache import cache
from django.db.models import Count, Sum
from django.utils import timezone

from .counting import BOT, GUEST, KINDS, MEMBER, online_seconds, redis_client, rkey
from .flush import pending_visits
from .models import ArticleDailyViews, ArticleViewTotal, DailyVisits, Presence

BLOCK_CACHE_KEY = "stats:block"
BLOCK_CACHE_SECONDS = 30


def online_now():
    """{"guests", "members", "bots", "total"} seen in the last 5 minutes."""
    since = time.time() - online_seconds()
    client = redis_client()
    if client is not None:
        pipe = client.pipeline(transaction=False)
        for kind in KINDS:
            pipe.zcount(rkey(f"online:{kind}"), since, "+inf")
        counts = dict(zip(KINDS, pipe.execute(), strict=True))
    else:
        counts = dict.fromkeys(KINDS, 0)
        rows = Presence.objects.filter(last_seen__gte=int(since)).values("kind").annotate(n=Count("id"))
        counts.update({row["kind"]: row["n"] for row in rows})
    return {
        "guests": counts[GUEST],
        "members": counts[MEMBER],
        "bots": counts[BOT],
        "total": sum(counts.values()),
    }


def visit_totals():
    """Visits by people (guests and members; bots apart) today, this month, all time."""
    today = timezone.localdate()
    month_start = today.replace(day=1)
    rows = {
        row["date"]: row
        for row in DailyVisits.objects.filter(date__gte=month_start).values("date", "guests", "members", "bots")
    }
    all_time = DailyVisits.objects.aggregate(g=Sum("guests"), m=Sum("members"), b=Sum("bots"))
    people = (all_time["g"] or 0) + (all_time["m"] or 0)
    bots = all_time["b"] or 0
    month = sum(r["guests"] + r["members"] for r in rows.values())
    day = rows.get(today, {"guests": 0, "members": 0, "bots": 0})
    today_people = day["guests"] + day["members"]
    today_bots = day["bots"]
    for date, kinds in pending_visits().items():
        count = kinds.get(GUEST, 0) + kinds.get(MEMBER, 0)
        people += count
        bots += kinds.get(BOT, 0)
        if date >= month_start:
            month += count
        if date == today:
            today_people += count
            today_bots += kinds.get(BOT, 0)
    return {"today": today_people, "today_bots": today_bots, "month": month, "all_time": people, "all_time_bots": bots}


def block_figures():
    """The sidebar block's figures, cached for BLOCK_CACHE_SECONDS."""
    figures = cache.get(BLOCK_CACHE_KEY)
    if figures is None:
        figures = {"online": online_now(), **visit_totals()}
        cache.set(BLOCK_CACHE_KEY, figures, BLOCK_CACHE_SECONDS)
    return figures


def article_views(page_id):
    """One article's flushed view count, cached for a minute."""
    key = f"stats:views:{page_id}"
    views = cache.get(key)
    if views is None:
        views = ArticleViewTotal.objects.filter(page_id=page_id).values_list("views", flat=True).first() or 0
        cache.set(key, views, 60)
    return views


def daily_visits(days=30):
    """[(date, people, bots)] for the last ``days`` local days, oldest first, zeros filled in."""
    today = timezone.localdate()
    start = today - timedelta(days=days - 1)
    rows = {r.date: r for r in DailyVisits.objects.filter(date__gte=start)}
    pending = pending_visits()
    result = []
    for offset in range(days):
        date = start + timedelta(days=offset)
        row = rows.get(date)
        people = (row.guests + row.members) if row else 0
        bots = row.bots if row else 0
        extra = pending.get(date, {})
        result.append((date, people + extra.get(GUEST, 0) + extra.get(MEMBER, 0), bots + extra.get(BOT, 0)))
    return result


def top_articles(days=7, limit=10):
    """[{"page_id", "title", "total"}] of the most read articles over the last
    ``days`` days, in one query (deleted pages left out)."""
    from django.db.models import OuterRef, Subquery
    from wagtail.models import Page

    start = timezone.localdate() - timedelta(days=days - 1)
    title = Page.objects.filter(pk=OuterRef("page_id")).values("title")[:1]
    return list(
        ArticleDailyViews.objects.filter(date__gte=start)
        .values("page_id")
        .annotate(total=Sum("views"), title=Subquery(title))
        .filter(title__isnull=False)
        .order_by("-total", "page_id")[:limit]
    )


def with_view_counts(queryset):
    """Annotate an article queryset with ``view_count`` in the same query."""
    from django.db.models import OuterRef, Subquery, Value
    from django.db.models.functions import Coalesce

    views = ArticleViewTotal.objects.filter(page_id=OuterRef("pk")).values("views")[:1]
    return queryset.annotate(view_count=Coalesce(Subquery(views), Value(0)))
