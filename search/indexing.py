"""Folded copies of a model's words for the search index.

Search backends match words as they are stored; "xay dung dang" would never
find "Xây dựng Đảng". A model with ``VietnameseSearchable`` also indexes its
title and text folded (no diacritics, đ → d, lower case), and the search view
folds the reader's query the same way, so every backend matches with or
without marks. Which of the matches carry the reader's exact marks is decided
afterwards, in Python (``search.text.SearchQuery.score``)."""

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.utils.html import strip_tags
from wagtail.search import index

from .text import fold


class VietnameseSearchable:
    #: the attribute holding the title; override ``search_text()`` for the rest
    search_title_attr = "title"

    folded_search_fields = [
        index.SearchField("search_title_folded", boost=3),
        index.AutocompleteField("search_title_folded"),
        index.SearchField("search_text_folded"),
    ]

    def search_text(self):
        """The words of the item besides its title, as plain text."""
        return ""

    @classmethod
    def get_indexed_objects(cls):
        # A page counts its parent's title among its words (an article, its
        # section's name): fetch it with the rows, not one query per item.
        queryset = super().get_indexed_objects()
        if hasattr(cls, "steplen"):
            queryset = queryset.annotate(search_parent_title=parent_title_subquery())
        return queryset

    def __init_subclass__(cls, **kwargs):
        # The folded methods are set on each model class itself: search
        # backends name a field after the class that defines it, and that must
        # be a model (Elasticsearch prefixes fields with its app label).
        super().__init_subclass__(**kwargs)
        for name, method in (("search_title_folded", _title_folded), ("search_text_folded", _text_folded)):
            if name not in cls.__dict__:
                setattr(cls, name, method)


def parent_title_subquery():
    """The title of each row's parent page, as a subquery on the row's tree
    path (for ``annotate``): listings show it as the section's name, the
    index counts it among an article's words."""
    from wagtail.models import Page

    return Subquery(
        Page.objects.filter(path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)).values("title")[
            :1
        ]
    )


def parent_title(page):
    """The title of ``page``'s parent, cheaply: from the annotation the index
    queryset adds (``get_indexed_objects``), a parent already loaded, or one
    small query by path."""
    title = page.__dict__.get("search_parent_title")
    if title is not None:
        return title
    parent = page.__dict__.get("parent_section")
    if parent is not None:
        return parent.title
    if not page.path or not page.depth or page.depth <= 1:
        return ""
    from wagtail.models import Page

    title = Page.objects.filter(path=page.path[: -page.steplen]).values_list("title", flat=True).first() or ""
    return title


def _title_folded(self):
    return fold(getattr(self, self.search_title_attr, ""))


def _text_folded(self):
    return fold(self.search_text())


def streamfield_text(value):
    """The plain text of a StreamField value, without rendering it (rendering
    would query images and documents)."""
    if not value:
        return ""
    parts = value.stream_block.get_searchable_content(value)
    return " ".join(strip_tags(str(part)) for part in parts if part)
