"""Input formats for dates typed or picked in the admin.

Wagtail's date pickers send dd/mm/yyyy (WAGTAIL_DATE_FORMAT,
WAGTAIL_DATETIME_FORMAT), but Django's "vi" locale defines no input formats
and falls back to mm/dd/yyyy: a scheduled publication on 05/06 would be read
as 6 May, or refused. ISO 8601 is always accepted as well.
"""

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]

# What readers see (news_tags.dateline, shortdate): 23/06/2020 19:00.
DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
