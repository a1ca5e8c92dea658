import datetime

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Site

from news.models import SectionPage, page_number

from . import engine
from .text import MAX_QUERY_CHARS, SearchQuery, fold

RESULTS_PER_PAGE = 10
EXCERPT_CHARS = 240

KIND_CHOICES = [
    (engine.KIND_ARTICLE, "Bài viết"),
    (engine.KIND_PHOTO, "Phóng sự ảnh"),
    (engine.KIND_QUESTION, "Hỏi - Đáp"),
]


def _kind_choices():
    return [(value, _(label)) for value, label in KIND_CHOICES]


def _sections(request):
    """The top-level sections of the reader's language, for the filter."""
    site = Site.find_for_request(request)
    if site is None:
        return SectionPage.objects.none()
    home = site.root_page.localized
    return SectionPage.objects.child_of(home).live().public().order_by("path")


def _parse_date(raw, label, errors):
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        if len(raw) <= 10:
            return datetime.date.fromisoformat(raw)
    except ValueError:
        pass
    errors.append(
        _("%(label)s không hợp lệ: hãy chọn ngày theo dạng năm-tháng-ngày, ví dụ 2026-05-19.") % {"label": label}
    )
    return None


def _promotions(query):
    # Editors type the query with marks, readers often without: compare folded.
    # Promotions are few (hand-made), so this reads them all.
    promotions = SearchPromotion.objects.select_related("query", "page").order_by("sort_order", "pk")
    promotions = [p for p in promotions if fold(p.query.query_string) == query.folded_text]
    shown = []
    for promotion in promotions:
        if promotion.page_id:
            page = promotion.page
            if not page.live or page.locale_id != Locale.get_active().pk:
                continue
        shown.append(promotion)
    return shown


def search(request):
    """Site search for readers: live, public content of the reader's language."""
    raw = request.GET.get("q", "")
    query = SearchQuery(raw)
    errors = []
    if len(raw) > MAX_QUERY_CHARS:
        errors.append(_("Từ khóa quá dài: chỉ %(n)s ký tự đầu được dùng để tìm.") % {"n": MAX_QUERY_CHARS})
    sections = list(_sections(request))
    section_slug = request.GET.get("section", "")
    section = next((s for s in sections if s.slug == section_slug), None)
    kind = request.GET.get("type", "")
    if kind not in dict(KIND_CHOICES):
        kind = ""
    date_from = _parse_date(request.GET.get("from"), _("Ngày bắt đầu"), errors)
    date_to = _parse_date(request.GET.get("to"), _("Ngày kết thúc"), errors)
    if date_from and date_to and date_from > date_to:
        errors.append(_("Ngày bắt đầu sau ngày kết thúc: đã đổi chỗ hai ngày."))
        date_from, date_to = date_to, date_from
    sort = request.GET.get("sort", engine.SORT_RELEVANCE)
    if sort not in (engine.SORT_RELEVANCE, engine.SORT_NEWEST):
        sort = engine.SORT_RELEVANCE
    filters = engine.Filters(section=section, kind=kind, date_from=date_from, date_to=date_to)

    results = engine.search(query, filters, sort) if query else engine.Results([], capped=False)
    paginator = Paginator(results.hits, RESULTS_PER_PAGE)
    page_obj = paginator.page(page_number(request.GET.get("page"), paginator.num_pages))
    hits = engine.attach_objects(list(page_obj.object_list))
    for hit in hits:
        hit.title_html = query.highlight(hit.obj.title)
        source = hit.obj.body if hit.kind == engine.KIND_QUESTION else hit.obj.lead
        hit.excerpt_html = query.highlight(source, EXCERPT_CHARS)

    promotions = []
    if query:
        promotions = _promotions(query)
        if page_obj.number == 1 and not filters.section and not kind:
            # Popular queries for the board (Wagtail's search terms report).
            Query.get(query.text).add_hit()

    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "search_query": query.raw,
        "query": query,
        "hits": hits,
        "page_obj": page_obj,
        "paginator": paginator,
        "capped": results.capped,
        "promotions": promotions,
        "errors": errors,
        "sections": sections,
        "kind_choices": _kind_choices(),
        "filters": filters,
        "sort": sort,
        "date_from": date_from.isoformat() if date_from else "",
        "date_to": date_to.isoformat() if date_to else "",
        "section_slug": section.slug if section else "",
        "querystring": params.urlencode(),
        "has_filters": bool(section or kind or date_from or date_to),
        "only_punctuation": bool(raw.strip()) and not query,
    }
    return render(request, "search/search.html", context)


@require_GET
def suggest(request):
    """Titles for the header box's suggestions: JSON, at most 8."""
    query = SearchQuery(request.GET.get("q", ""))
    if not query or len(query.folded_text) < 2:
        return JsonResponse({"results": []})
    items = [{"title": a.title, "url": a.get_url(request)} for a in engine.suggestions(query.raw, limit=8)]
    response = JsonResponse({"results": items, "query": fold(query.raw)})
    response["Cache-Control"] = "public, max-age=60"
    return response
