"""Shared helpers for the security tests (tests/test_security_*.py)."""

from django.http import QueryDict
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import querydict_from_html


def form_with(html, field):
    """The fields of the admin form on the page that holds ``field``, as the
    browser would send them (a QueryDict: multi-valued fields keep every value)."""
    for index, form in enumerate(WagtailTestUtils.get_soup(html).find_all("form")):
        if form.find(attrs={"name": field}):
            return querydict_from_html(html, form_index=index)
    raise AssertionError(f"no form with {field}")


def as_query(data):
    query = QueryDict(mutable=True)
    for key, value in data.items():
        if isinstance(value, list):
            query.setlist(key, value)
        else:
            query[key] = value
    return query


def with_values(query, values):
    """A copy of the form's data with these fields set (replaced, not appended)."""
    query = query.copy()
    for key, value in values.items():
        query[key] = value
    return query
