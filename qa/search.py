"""Finding published questions, for the Hỏi - Đáp column's own search box."""

from wagtail.search.backends import get_search_backend

from .models import Question


def search_published_questions(query=""):
    """Published questions, newest first; with a query, the best matches first
    (Wagtail's search backend: the database, or Elasticsearch when configured)."""
    published = Question.objects.filter(status=Question.Status.PUBLISHED).order_by("-published_at", "-pk")
    if not query:
        return published
    return get_search_backend().search(query, published, operator="and")
