from wagtail import hooks

from .panels import StatisticsPanel, can_see_statistics


@hooks.register("construct_homepage_panels")
def add_statistics_panel(request, panels):
    if can_see_statistics(request.user):
        panels.append(StatisticsPanel())
