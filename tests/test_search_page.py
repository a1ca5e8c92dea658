"""Reader-facing search: Vietnamese with or without marks, ranking, filters,
privacy, bad parameters, highlighting, suggestions, promotions, popular queries."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from news.models import ArticlePage, InternalNoticeIndexPage
from qa.models import Question
from tests.factories import make_article, section

pytestmark = pytest.mark.django_db

URL = "/search/"


def titles(response):
    html = response.content.decode()
    found = re.findall(r'class="search-result__title"><a href="[^"]*">(.*?)</a>', html, re.S)
    return [re.sub(r"</?mark>", "", t) for t in found]


def count_line(response):
    return re.search(r'class="search-count"[^>]*>(.*?)</p>', response.content.decode(), re.S).group(1)


def test_search_without_marks_finds_the_title_with_marks_first(client):
    response = client.get(URL, {"q": "xay dung dang"})
    assert response.status_code == 200
    assert titles(response)[0] == "Xây dựng Đảng về đạo đức gắn với học tập và làm theo Bác"
    assert '<meta name="robots" content="noindex">' in response.content.decode()


@pytest.mark.parametrize("q", ["hoi dap", "Hỏi - Đáp", "hỏi đáp"])
def test_hoi_dap_finds_the_question_and_answer_column_with_or_without_marks_and_dash(client, q):
    response = client.get(URL, {"q": q})
    found = titles(response)
    assert found, f"nothing for {q!r}"
    qa_articles = set(ArticlePage.objects.child_of(section("hoi-dap-cong-tac-dang")).values_list("title", flat=True))
    assert set(found[:5]) <= qa_articles


def test_exact_marks_rank_above_folded_only_matches(client):
    parent = section("thoi-su")
    make_article(parent, "Nông dân đang vào vụ gặt lúa mùa", lead="Thời tiết thuận lợi.")
    make_article(parent, "Đảng ủy xã tổ chức hội nghị vụ gặt", lead="Thời tiết thuận lợi.")
    for q, first in [("Đảng vụ gặt", "Đảng ủy xã"), ("đang vụ gặt", "Nông dân đang")]:
        found = titles(client.get(URL, {"q": q}))
        assert found[0].startswith(first), (q, found[:3])
        assert len(found) >= 2


def test_adjacent_syllables_rank_above_scattered_ones(client):
    parent = section("thoi-su")
    make_article(parent, "Xây nhà văn hóa, dựng cổng làng mới", lead="Bà con góp công.")
    make_article(parent, "Xây dựng cổng làng văn hóa mới", lead="Bà con góp công.")
    found = titles(client.get(URL, {"q": "xây dựng cổng làng"}))
    assert found.index("Xây dựng cổng làng văn hóa mới") < found.index("Xây nhà văn hóa, dựng cổng làng mới")


def test_title_matches_weigh_more_than_lead_matches(client):
    parent = section("thoi-su")
    make_article(parent, "Một bài có từ hiếm trong sapo", lead="Nói về chè Shan tuyết cổ thụ.")
    make_article(parent, "Chè Shan tuyết cổ thụ vào mùa", lead="Một sapo bình thường.")
    found = titles(client.get(URL, {"q": "che shan tuyet"}))
    assert found[:2] == ["Chè Shan tuyết cổ thụ vào mùa", "Một bài có từ hiếm trong sapo"]


def test_drafts_private_and_expired_pages_never_appear_for_anonymous_readers(client):
    parent = section("thoi-su")
    make_article(parent, "Bản nháp về chim lạc bí mật", publish=False)
    make_article(parent, "Bài đã hết hạn về chim lạc", expire_at=timezone.now() - timezone.timedelta(minutes=5))
    notices = InternalNoticeIndexPage.objects.live().first()
    make_article(notices, "Thông báo nội bộ về chim lạc")
    visible = make_article(parent, "Bài công khai về chim lạc")
    found = titles(client.get(URL, {"q": "chim lac"}))
    assert found == [visible.title]
    # Unpublished questions stay out too.
    assert Question.objects.exclude(status=Question.Status.PUBLISHED).exists()
    waiting = Question.objects.exclude(status=Question.Status.PUBLISHED).first()
    assert waiting.title not in titles(client.get(URL, {"q": waiting.title}))


def test_filters_by_section_type_and_date(client):
    photos = titles(client.get(URL, {"q": "dang", "type": "photo"}))
    photo_titles = set(ArticlePage.objects.child_of(section("phong-su-anh")).values_list("title", flat=True))
    assert photos and set(photos) <= photo_titles

    articles = titles(client.get(URL, {"q": "dang", "type": "article"}))
    assert articles and not set(articles) & photo_titles

    questions = titles(client.get(URL, {"q": "dang vien", "type": "question"}))
    published = set(Question.objects.filter(status=Question.Status.PUBLISHED).values_list("title", flat=True))
    assert questions and set(questions) <= published

    in_section = titles(client.get(URL, {"q": "dang", "section": "xay-dung-dang"}))
    xdd = set(ArticlePage.objects.child_of(section("xay-dung-dang")).values_list("title", flat=True))
    assert in_section and set(in_section) <= xdd

    old = make_article(
        section("thoi-su"), "Tin cũ về hồ Hòa Bình", display_date=timezone.now() - timezone.timedelta(days=400)
    )
    new = make_article(section("thoi-su"), "Tin mới về hồ Hòa Bình")
    year_ago = (timezone.localdate() - timezone.timedelta(days=365)).isoformat()
    assert titles(client.get(URL, {"q": "ho hoa binh", "from": year_ago})) == [new.title]
    assert titles(client.get(URL, {"q": "ho hoa binh", "to": year_ago})) == [old.title]


def test_sort_newest_orders_by_date(client):
    response = client.get(URL, {"q": "dang", "sort": "newest"})
    found = titles(response)
    dates = dict(ArticlePage.objects.filter(title__in=found).values_list("title", "display_date"))
    article_dates = [dates[t] for t in found if t in dates]
    assert article_dates == sorted(article_dates, reverse=True)


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "a" * 5000},
        {"q": "!!! ... --- ???"},
        {"q": "-"},
        {"q": "dang", "page": "abc"},
        {"q": "dang", "page": "-3"},
        {"q": "dang", "page": "99999"},
        {"q": "dang", "from": "not-a-date"},
        {"q": "dang", "to": "2026-13-45"},
        {"q": "dang", "from": "9" * 500},
        {"q": "dang", "type": "bogus", "sort": "bogus", "section": "<script>"},
        {"q": "\x00đảng"},
    ],
)
def test_bad_parameters_answer_with_a_page_not_an_error(client, params):
    response = client.get(URL, params)
    assert response.status_code == 200


def test_bad_dates_are_explained(client):
    html = client.get(URL, {"q": "dang", "from": "19/05/2026"}).content.decode()
    assert "Ngày bắt đầu không hợp lệ" in html
    html = client.get(URL, {"q": "dang", "from": "2026-05-02", "to": "2026-05-01"}).content.decode()
    assert "Ngày bắt đầu sau ngày kết thúc" in html


def test_only_punctuation_and_empty_queries_say_what_to_do(client):
    assert "chỉ có dấu câu" in client.get(URL, {"q": "?!"}).content.decode()
    assert "Nhập từ khóa" in client.get(URL).content.decode()


def test_empty_state_helps(client):
    response = client.get(URL, {"q": "zzqxw", "section": "thoi-su"})
    html = response.content.decode()
    assert "Không tìm thấy nội dung nào cho “zzqxw”" in html
    assert "Bỏ các bộ lọc" in html
    assert "xay dung dang" in html


def test_highlighting_marks_words_with_or_without_marks_and_escapes_the_query(client):
    html = client.get(URL, {"q": "xay dung dang"}).content.decode()
    assert "<mark>Xây</mark> <mark>dựng</mark> <mark>Đảng</mark>" in html
    html = client.get(URL, {"q": '<script>alert("x")</script> dang'}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_results_show_section_date_thumbnail_count_and_paginate(client):
    response = client.get(URL, {"q": "dang"})
    html = response.content.decode()
    assert re.match(r"\d+ kết quả cho “dang”", count_line(response))
    assert 'class="search-result__img"' in html and "fill-320x200" in html
    assert "<time datetime=" in html
    assert 'rel="next"' in html and "q=dang" in html
    second = client.get(URL, {"q": "dang", "page": "2"})
    assert set(titles(second)).isdisjoint(titles(response))


def test_thumbnails_cost_no_query_per_result(client, django_assert_max_num_queries):
    client.get(URL, {"q": "dang"})  # warm renditions and site caches
    with django_assert_max_num_queries(40):
        response = client.get(URL, {"q": "dang"})
    assert len(titles(response)) == 10


def test_english_site_searches_english_content_only(client):
    vietnamese = client.get(URL, {"q": "xay dung dang"})
    assert titles(vietnamese), "the Vietnamese site finds Xây dựng Đảng"
    english_titles = set(ArticlePage.objects.filter(locale__language_code="en").values_list("title", flat=True))
    for query in ("xay dung dang", "Party building", "Đảng"):
        found = titles(client.get("/en/search/", {"q": query}))
        assert set(found) <= english_titles, (query, found)
        assert not set(found) & set(titles(vietnamese))


def test_suggestions_give_at_most_eight_titles_by_folded_prefix(client):
    data = client.get(reverse("search_suggest"), {"q": "chuyen d"}).json()
    assert data["results"][0]["title"] == "Chuyển đổi số trong công tác quản lý đảng viên"
    assert data["results"][0]["url"].startswith("/xay-dung-dang/")
    many = client.get(reverse("search_suggest"), {"q": "dan"}).json()["results"]
    assert 1 <= len(many) <= 8
    assert client.get(reverse("search_suggest"), {"q": "-"}).json() == {"results": []}
    assert client.get(reverse("search_suggest"), {"q": "x" * 5000}).status_code == 200
    notice = make_article(InternalNoticeIndexPage.objects.live().first(), "Chuyên san nội bộ dành cho chi ủy")
    assert notice.title not in [
        r["title"] for r in client.get(reverse("search_suggest"), {"q": "chuyen san"}).json()["results"]
    ]


def test_header_box_is_a_combobox_fed_by_the_suggestions(client):
    html = client.get("/").content.decode()
    assert f'data-suggest-url="{reverse("search_suggest")}"' in html
    assert "search/suggest" in html and "suggest.js" in html


def test_editors_promotions_show_above_the_results(client):
    article = ArticlePage.objects.live().get(title__startswith="Bảo vệ nền tảng tư tưởng")
    SearchPromotion.objects.create(
        query=Query.get("nền tảng"), page=article, description="Chuyên đề trọng tâm", sort_order=0
    )
    for q in ("nền tảng", "nen tang"):
        html = client.get(URL, {"q": q}).content.decode()
        block = html.split('class="search-promotions"')[1].split("</section>")[0]
        assert article.title in block and "Chuyên đề trọng tâm" in block


def test_searches_are_counted_for_the_boards_popular_queries(client):
    for _ in range(3):
        client.get(URL, {"q": "Đại hội"})
    client.get(URL, {"q": "chuyển đổi số"})
    popular = list(Query.get_most_popular())
    assert popular[0].query_string == "đại hội" and popular[0]._hits == 3
    from tests.qa_support import user

    client.force_login(user("dieuhanh"))
    html = client.get("/admin/").content.decode()
    assert "Từ khóa bạn đọc tìm nhiều" in html and "đại hội" in html
