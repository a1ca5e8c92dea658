"""The date line readers know: ``Thứ ba - 23/06/2020 19:00``, Vietnamese
weekday, local time (Asia/Ho_Chi_Minh, UTC+7), whatever the stored time zone."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from news.templatetags.news_tags import dateline, shortdate

UTC = datetime.UTC
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture(autouse=True)
def _vietnamese():
    with translation.override("vi"):
        yield


def test_dateline_matches_the_portal_exactly():
    # The launch article: 19:00 local on Tuesday 23 June 2020 is 12:00 UTC.
    assert dateline(datetime.datetime(2020, 6, 23, 12, 0, tzinfo=UTC)) == "Thứ ba - 23/06/2020 19:00"


@pytest.mark.parametrize(
    "day, expected",
    [
        (22, "Thứ hai - 22/06/2020 09:05"),
        (23, "Thứ ba - 23/06/2020 09:05"),
        (24, "Thứ tư - 24/06/2020 09:05"),
        (25, "Thứ năm - 25/06/2020 09:05"),
        (26, "Thứ sáu - 26/06/2020 09:05"),
        (27, "Thứ bảy - 27/06/2020 09:05"),
        (28, "Chủ nhật - 28/06/2020 09:05"),
    ],
)
def test_every_weekday_has_its_vietnamese_name(day, expected):
    assert dateline(datetime.datetime(2020, 6, day, 9, 5, tzinfo=HCM)) == expected


def test_just_after_local_midnight_is_already_the_next_day():
    # 17:00 UTC on Monday is 00:00 on Tuesday in Vietnam.
    assert dateline(datetime.datetime(2020, 6, 22, 17, 0, tzinfo=UTC)) == "Thứ ba - 23/06/2020 00:00"


def test_just_before_local_midnight_is_still_the_same_day():
    assert dateline(datetime.datetime(2020, 6, 22, 16, 59, 59, tzinfo=UTC)) == "Thứ hai - 22/06/2020 23:59"


def test_sunday_night_rolls_over_to_monday_and_new_year():
    # 31/12/2023 was a Sunday; 17:00 UTC that day is Monday 01/01/2024 locally.
    assert dateline(datetime.datetime(2023, 12, 31, 16, 59, tzinfo=UTC)) == "Chủ nhật - 31/12/2023 23:59"
    assert dateline(datetime.datetime(2023, 12, 31, 17, 0, tzinfo=UTC)) == "Thứ hai - 01/01/2024 00:00"


def test_leap_day_and_other_time_zones_convert_to_local_time():
    paris = ZoneInfo("Europe/Paris")
    # 29/02/2024 (Thursday) 20:30 in Paris is 02:30 on Friday 01/03 in Vietnam.
    assert dateline(datetime.datetime(2024, 2, 29, 20, 30, tzinfo=paris)) == "Thứ sáu - 01/03/2024 02:30"


def test_naive_time_is_taken_as_local_time():
    assert dateline(datetime.datetime(2020, 6, 23, 19, 0)) == "Thứ ba - 23/06/2020 19:00"


def test_missing_date_gives_an_empty_line():
    assert dateline(None) == ""
    assert dateline("") == ""


def test_short_date_is_local_day_month_year():
    assert shortdate(datetime.datetime(2020, 6, 22, 17, 0, tzinfo=UTC)) == "23/06/2020"
    assert shortdate(None) == ""
