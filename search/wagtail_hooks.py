import datetime

from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.contrib.search_promotions.models import Query

from editorial import roles

POPULAR_DAYS = 30
POPULAR_COUNT = 10


class PopularQueriesPanel(Component):
    """What readers search for most, for the boards, on the admin dashboard."""

    name = "search_popular_queries"
    template_name = "search/admin/popular_queries_panel.html"
    order = 95

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        since = timezone.localdate() - datetime.timedelta(days=POPULAR_DAYS)
        return {
            "queries": [(q.query_string, q._hits) for q in Query.get_most_popular(date_since=since)[:POPULAR_COUNT]],
            "can_promote": self.user.has_perm("wagtailsearchpromotions.add_searchpromotion"),
        }


@hooks.register("construct_homepage_panels")
def add_popular_queries_panel(request, panels):
    if request.user.is_superuser or request.user.has_perm(roles.REPORT_PERMISSION):
        panels.append(PopularQueriesPanel(request.user))
