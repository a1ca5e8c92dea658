"""The boards' statistics panel on the admin dashboard: visits per day for 30
days and the week's most read articles, drawn as SVG on the server (no
script, no outside service) with the same figures in a table."""

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from .figures import daily_visits, top_articles

CHART_WIDTH, CHART_HEIGHT, CHART_TOP = 600, 180, 16


def can_see_statistics(user):
    """Ban Biên tập, Ban Điều hành and superusers: the holders of the boards'
    report permission (editorial/), read from the user's cached permissions."""
    return user.is_active and user.has_perm("editorial.view_editorial_report")


def nice_ceiling(value):
    """A round axis maximum at or above ``value`` (1, 2, 5 × 10ⁿ)."""
    if value <= 0:
        return 1
    step = 1
    while True:
        for multiple in (1, 2, 5):
            if value <= step * multiple:
                return step * multiple
        step *= 10


class StatisticsPanel(Component):
    template_name = "stats/admin/dashboard_panel.html"
    order = 200
    name = "statistics"

    def get_context_data(self, parent_context):
        # The same for every board member: computed once a minute, not per dashboard view.
        days, top = cache.get_or_set("stats:dashboard", lambda: (daily_visits(30), top_articles(7, 10)), 60)
        peak = nice_ceiling(max((people for _, people, _ in days), default=0))
        slot = CHART_WIDTH / len(days)
        bars = []
        for index, (date, people, bots) in enumerate(days):
            height = round(CHART_HEIGHT * people / peak, 1)
            bars.append(
                {
                    "date": date,
                    "people": people,
                    "bots": bots,
                    "x": round(index * slot + 2, 1),
                    "width": round(slot - 4, 1),
                    "y": round(CHART_TOP + CHART_HEIGHT - height, 1),
                    "height": height,
                    "label": index % 5 == 4 or index == 0,
                    "label_x": round(index * slot + slot / 2, 1),
                }
            )
        top_peak = max((row["total"] for row in top), default=0) or 1
        rows = [
            {**row, "views": row["total"], "width": round(300 * row["total"] / top_peak, 1), "y": 8 + i * 26}
            for i, row in enumerate(top)
        ]
        return {
            "bars": bars,
            "peak": peak,
            "total": sum(p for _, p, _ in days),
            "width": CHART_WIDTH,
            "height": CHART_TOP + CHART_HEIGHT + 28,
            "baseline": CHART_TOP + CHART_HEIGHT,
            "top_rows": rows,
            "top_height": 16 + 26 * len(rows),
            "heading": _("Thống kê truy cập"),
        }
