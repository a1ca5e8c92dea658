"""The boards' statistics panel on the admin dashboard: visits per day for 30
days and the week's most read articles, drawn as SVG on the server (no
script, no outside service) with the same figures in a table."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from editorial.roles import EDITORIAL_BOARD, STEERING_BOARD

from .figures import daily_visits, top_articles

CHART_WIDTH, CHART_HEIGHT, CHART_TOP = 600, 180, 16


def can_see_statistics(user):
    return user.is_active and (
        user.is_superuser or user.groups.filter(name__in=[EDITORIAL_BOARD, STEERING_BOARD]).exists()
    )


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
        days = daily_visits(30)
        top = top_articles(7, 10)
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
        top_peak = max((views for _, views in top), default=0) or 1
        rows = [
            {"page": page, "views": views, "width": round(300 * views / top_peak, 1), "y": 8 + i * 26}
            for i, (page, views) in enumerate(top)
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
