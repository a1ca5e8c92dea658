"""Hỏi - Đáp: readers ask, track their question by code + e-mail, the board
answers in the admin, and published answers appear with their own page."""

import re
import time

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html, rich_text
from wagtail.test.utils.wagtail_tests import WagtailTestUtils

from qa.antispam import make_token
from qa.models import QAIndexPage, Question
from tests.qa_support import EMAIL, PHONE, ask_url, board_client, lookup_url, qa_page, question_data, user

__all__ = ["board_client"]

pytestmark = pytest.mark.django_db

CODE = re.compile(r"HD-\d{4}-\d{6}")


def ask(client, **overrides):
    return client.post(ask_url(), question_data(**overrides))


def test_valid_question_is_stored_with_a_code_and_found_by_code_and_email(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client)
    assert response.status_code == 302
    question = Question.objects.get(title=question_data()["title"])
    year = timezone.localtime().year
    assert re.fullmatch(rf"HD-{year}-\d{{6}}", question.code)
    assert question.status == Question.Status.NEW and question.consent_at and question.email == EMAIL

    received = client.get(response["Location"])
    assert question.code in received.content.decode()
    assert "Mã theo dõi của bạn" in received.content.decode()
    # The asker gets the code by e-mail too.
    assert [m.to for m in mail.outbox] == [[EMAIL]] and question.code in mail.outbox[0].subject

    found = client.post(lookup_url(), {"code": question.code.lower(), "email": EMAIL.upper()})
    html = found.content.decode()
    assert found.status_code == 200
    assert question.title in html and "Đã nhận, đang chờ xử lý" in html

    wrong = client.post(lookup_url(), {"code": question.code, "email": "nguoi.khac@example.vn"})
    assert wrong.status_code == 404
    assert "Không tìm thấy câu hỏi" in wrong.content.decode() and question.title not in wrong.content.decode()


INVALID = [
    ("name", "", "Vui lòng nhập họ và tên."),
    ("name", "A" * 101, "Họ và tên dài quá 100 ký tự."),
    ("email", "", "Vui lòng nhập địa chỉ thư điện tử."),
    ("email", "khong-phai-thu", "Địa chỉ thư điện tử không hợp lệ"),
    ("phone", "goi cho toi", "Số điện thoại chỉ gồm chữ số"),
    ("locality", "", "Vui lòng nhập địa phương hoặc đơn vị."),
    ("topic", "khong-co", "Vui lòng chọn lĩnh vực."),
    ("title", "", "Vui lòng nhập tiêu đề câu hỏi."),
    ("title", "Hỏi", "Tiêu đề quá ngắn"),
    ("title", "T" * 201, "Tiêu đề dài quá 200 ký tự."),
    ("body", "", "Vui lòng nhập nội dung câu hỏi."),
    ("body", "Ngắn quá", "Nội dung câu hỏi quá ngắn"),
    ("body", "x" * 5001, "Nội dung câu hỏi dài quá 5000 ký tự."),
    ("consent", None, "Bạn cần đồng ý với việc xử lý dữ liệu cá nhân"),
]


@pytest.mark.parametrize("field,value,message", INVALID, ids=[f"{f}-{i}" for i, (f, _, _) in enumerate(INVALID)])
def test_every_invalid_field_gives_its_message_keeps_the_text_and_stores_nothing(client, field, value, message):
    before = Question.objects.count()
    response = ask(client, **{field: value})
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert 'role="alert"' in html
    # What the reader typed in the other fields is still there.
    data = question_data()
    for kept in ("title", "locality", "name"):
        if kept != field:
            assert data[kept] in html
    assert Question.objects.count() == before


def test_honeypot_submission_stores_nothing(client):
    before = Question.objects.count()
    response = ask(client, website="http://spam.example")
    assert response.status_code == 400
    assert Question.objects.count() == before


def test_too_fast_submission_stores_nothing_and_keeps_the_text(client):
    before = Question.objects.count()
    response = ask(client, started=make_token("question", issued_at=time.time()))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Bạn gửi quá nhanh" in html and question_data()["body"] in html
    assert Question.objects.count() == before


def test_token_from_another_form_or_forged_stores_nothing(client):
    before = Question.objects.count()
    assert ask(client, started=make_token("comment", issued_at=time.time() - 60)).status_code == 400
    assert ask(client, started="forged").status_code == 400
    assert ask(client, started=None).status_code == 400
    assert Question.objects.count() == before


def test_mail_failure_does_not_lose_the_question(client, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.test_qa_questions.BrokenMailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client)
    assert response.status_code == 302
    assert Question.objects.filter(title=question_data()["title"]).exists()


class BrokenMailBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


def test_tracking_numbers_count_from_one_each_year():
    first = Question.next_code(timezone.datetime(2031, 5, 1, tzinfo=timezone.get_current_timezone()))
    second = Question.next_code(timezone.datetime(2031, 6, 1, tzinfo=timezone.get_current_timezone()))
    assert (first, second) == ("HD-2031-000001", "HD-2031-000002")


def _edit(client, question, **changes):
    """Change a question through the admin's own edit form, as the board does."""
    url = f"/admin/snippets/qa/question/edit/{question.pk}/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    for name, value in changes.items():
        data[name] = value
    return client.post(url, data)


def test_board_assigns_answers_and_publishes_and_the_asker_gets_the_link(
    client, board_client, django_capture_on_commit_callbacks
):
    ask(client)
    question = Question.objects.get(title=question_data()["title"])
    public_url = question.get_url()
    assert client.get(public_url).status_code == 404
    mail.outbox.clear()

    board_member = user("bientap")
    with django_capture_on_commit_callbacks(execute=True):
        assert _edit(board_client, question, status="assigned", assignee=str(board_member.pk)).status_code == 302
    assert mail.outbox[-1].to == [board_member.email] and question.code in mail.outbox[-1].subject

    # Publishing without an answer is refused with the reason.
    refused = _edit(board_client, question, status="published")
    assert refused.status_code == 200 and "Cần có nội dung trả lời." in refused.content.decode()
    assert Question.objects.get(pk=question.pk).status == Question.Status.ASSIGNED

    answer = "<p>Đảng viên làm hợp đồng đóng 1% tiền lương hằng tháng.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        response = _edit(
            board_client,
            question,
            status="published",
            answer=rich_text(answer),
            answerer_name="Văn phòng Tỉnh ủy",
            answerer_unit="Phòng Tài chính Đảng",
        )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.PUBLISHED and question.published_at

    page = client.get(public_url).content.decode()
    assert "đóng 1% tiền lương hằng tháng" in page and "Văn phòng Tỉnh ủy, Phòng Tài chính Đảng" in page
    listing = client.get(qa_page().url).content.decode()
    first = re.search(r'class="qa-item__title"><a href="([^"]+)">', listing).group(1)
    assert first == public_url, "newest answer first"
    found = client.get(qa_page().url, {"q": "hợp đồng đảng phí"}).content.decode()
    assert question.title in found

    to_asker = [m for m in mail.outbox if m.to == [EMAIL]]
    assert len(to_asker) == 1 and "đã được trả lời" in to_asker[0].subject
    link = re.search(r"https?://\S+", to_asker[0].body).group(0)
    assert link.endswith(public_url) and client.get(public_url).status_code == 200
    assert Question.objects.get(pk=question.pk).asker_notified_at is not None

    # The asker's lookup now points at the answer.
    assert public_url in client.post(lookup_url(), {"code": question.code, "email": EMAIL}).content.decode()


def test_board_rejects_with_a_reason_the_asker_sees_on_lookup(client, board_client):
    ask(client)
    question = Question.objects.get(title=question_data()["title"])
    missing = _edit(board_client, question, status="rejected")
    assert "Ghi lý do từ chối." in missing.content.decode()
    _edit(board_client, question, status="rejected", rejection_reason="Câu hỏi trùng với câu đã trả lời.")
    html = client.post(lookup_url(), {"code": question.code, "email": EMAIL}).content.decode()
    assert "Không được trả lời" in html and "Câu hỏi trùng với câu đã trả lời." in html


def test_bulk_publish_posts_answered_questions_and_skips_the_rest(board_client, django_capture_on_commit_callbacks):
    answered = Question.objects.create(
        title="Câu hỏi đã có trả lời chờ đăng", name="A", email="a@example.vn", locality="X", body="Nội dung đủ dài.",
        status=Question.Status.ANSWERED, answer="<p>Trả lời.</p>", answerer_name="Ban Tổ chức",
    )  # fmt: skip
    new = Question.objects.create(title="Câu hỏi mới chưa trả lời", name="B", locality="Y", body="Nội dung đủ dài.")
    url = f"/admin/bulk/qa/question/publish/?id={answered.pk}&id={new.pk}"
    assert "Đăng các câu hỏi đã có trả lời" in board_client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = board_client.post(url)
    assert response.status_code == 302
    assert Question.objects.get(pk=answered.pk).status == Question.Status.PUBLISHED
    assert Question.objects.get(pk=new.pk).status == Question.Status.NEW
    assert [m.to for m in mail.outbox] == [["a@example.vn"]]


def test_bulk_reject_needs_a_reason(board_client):
    question = Question.objects.create(title="Quảng cáo bán hàng", name="C", locality="Z", body="Mua ngay hôm nay.")
    url = f"/admin/bulk/qa/question/reject/?id={question.pk}"
    assert board_client.post(url, {"reason": ""}).status_code == 200
    assert Question.objects.get(pk=question.pk).status == Question.Status.NEW
    board_client.post(url, {"reason": "Nội dung quảng cáo."})
    question.refresh_from_db()
    assert question.status == Question.Status.REJECTED and question.rejection_reason == "Nội dung quảng cáo."


def test_only_staff_with_permission_see_the_question_queue(client):
    url = "/admin/snippets/qa/question/"
    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(user("congtacvien"))
    assert client.get(url).status_code in (302, 403)
    client.force_login(user("dieuhanh"))  # the steering board oversees, read only
    assert client.get(url).status_code == 200
    question = Question.objects.filter(status=Question.Status.NEW).first()
    assert client.get(f"/admin/snippets/qa/question/edit/{question.pk}/").status_code in (302, 403)


def test_dashboard_tells_the_board_what_waits(board_client):
    html = board_client.get("/admin/").content.decode()
    assert "Bạn đọc tham gia: việc chờ xử lý" in html and "Câu hỏi mới" in html
    assert "/admin/snippets/qa/comment/?status=pending" in html


def test_unpublished_or_unknown_question_pages_are_not_found(client):
    new = Question.objects.filter(status=Question.Status.NEW).first()
    page = qa_page()
    assert client.get(page.question_url(new)).status_code == 404
    assert client.get(page.url + "cau-hoi/999999/").status_code == 404


def _count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_qa_pages_render_within_a_query_budget(client, django_assert_max_num_queries):
    page = qa_page()
    published = Question.objects.filter(status=Question.Status.PUBLISHED).first()
    for url in (page.url, page.question_url(published), ask_url()):
        client.get(url)  # warm Wagtail's site and settings caches
    before = _count_queries(client, page.url)
    for i in range(12):
        Question.objects.create(
            title=f"Câu hỏi đã đăng số {i}", name="A", locality="X", body="Nội dung", status="published",
            answer="<p>Trả lời.</p>", answerer_name="Ban Tổ chức", asker_notified_at=timezone.now(),
        )  # fmt: skip
    assert _count_queries(client, page.url) == before, "the listing does not grow with the questions"
    with django_assert_max_num_queries(24):  # the newsroom's budget for a section
        assert client.get(page.url).status_code == 200
    with django_assert_max_num_queries(24):
        assert client.get(page.question_url(published)).status_code == 200
    with django_assert_max_num_queries(24):
        assert client.get(ask_url()).status_code == 200


class TestTree(WagtailTestUtils):
    def test_qa_column_sits_under_home_and_holds_consultations(self):
        from home.models import HomePage
        from qa.models import ConsultationPage

        assert QAIndexPage.allowed_parent_page_models() == [HomePage]
        assert QAIndexPage.allowed_subpage_models() == [ConsultationPage]
        assert ConsultationPage.allowed_parent_page_models() == [QAIndexPage]
        assert HomePage.can_exist_under is not None and QAIndexPage in HomePage.allowed_subpage_models()


def test_erase_command_removes_old_contact_details_and_keeps_the_text(client):
    from datetime import timedelta

    from django.core.management import call_command

    from qa.models import Comment, Feedback
    from tests.qa_support import open_consultation

    long_ago = timezone.now() - timedelta(days=400)
    old_q = Question.objects.create(
        title="Câu hỏi cũ", name="D", email="cu@example.vn", phone=PHONE, locality="X", body="Nội dung cũ giữ lại.",
        submitted_at=long_ago,
    )  # fmt: skip
    recent_q = Question.objects.create(title="Câu hỏi mới", name="E", email="moi@example.vn", locality="X", body="B")
    from news.models import ArticlePage

    old_c = Comment.objects.create(
        article=ArticlePage.objects.first(), name="F", email="f@example.vn", body="Ý kiến cũ", submitted_at=long_ago
    )
    consultation = open_consultation()
    old_f = Feedback.objects.create(
        consultation=consultation, consultation_title=consultation.title, name="G", unit="U", email="g@example.vn",
        content="Góp ý cũ", submitted_at=long_ago,
    )  # fmt: skip
    call_command("erase_personal_data", stdout=_Null())
    old_q.refresh_from_db(), recent_q.refresh_from_db(), old_c.refresh_from_db(), old_f.refresh_from_db()
    assert (old_q.email, old_q.phone, old_q.body) == ("", "", "Nội dung cũ giữ lại.")
    assert old_q.personal_data_erased_at is not None
    assert (old_c.email, old_c.body) == ("", "Ý kiến cũ") and (old_f.email, old_f.content) == ("", "Góp ý cũ")
    assert recent_q.email == "moi@example.vn"


class _Null:
    def write(self, *args, **kwargs):
        pass


def test_an_imported_plain_section_becomes_the_qa_column_keeping_address_and_articles(client, home_page):
    from django.core.management import call_command

    from news.models import ArticlePage, SectionPage

    section = SectionPage(title="Hỏi đáp cũ", slug="hoi-dap-cu", intro="Chuyên mục nhập từ NukeViet")
    home_page.add_child(instance=section)
    section.save_revision().publish()
    article = ArticlePage(title="Bài giải đáp cũ", slug="bai-giai-dap-cu", lead="Sapo")
    section.add_child(instance=article)
    article.save_revision().publish()

    call_command("make_qa_column", "hoi-dap-cu", stdout=_Null())
    page = QAIndexPage.objects.get(pk=section.pk)
    assert page.url == section.url and page.intro == "Chuyên mục nhập từ NukeViet"
    assert page.get_latest_revision_as_object().__class__ is QAIndexPage
    html = client.get(page.url).content.decode()
    assert "Gửi câu hỏi" in html and "Bài giải đáp cũ" in html
    assert client.get(page.route_url("ask")).status_code == 200


def test_published_answers_are_in_the_sitemap_and_others_are_not(client):
    published = Question.objects.filter(status=Question.Status.PUBLISHED).first()
    waiting = Question.objects.filter(status=Question.Status.NEW).first()
    xml = client.get("/sitemap.xml").content.decode()
    assert qa_page().question_url(published) + "</loc>" in xml
    assert qa_page().question_url(waiting) + "</loc>" not in xml
