"""Shared set-up for the reader participation tests (tests/test_qa*.py)."""

import time

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Site

from qa.antispam import make_token
from qa.models import ConsultationPage, QAIndexPage

EMAIL = "ban.doc.rieng@example.vn"
PHONE = "0912 345 678"


def old_token(kind):
    """A time token issued a minute ago: a human who took time to type."""
    return make_token(kind, issued_at=time.time() - 60)


def question_data(**overrides):
    data = {
        "name": "Nguyễn Văn An",
        "email": EMAIL,
        "phone": PHONE,
        "locality": "Xã Phú Cường",
        "topic": "dues",
        "title": "Đảng viên làm hợp đồng đóng đảng phí thế nào?",
        "body": "Tôi làm hợp đồng ở doanh nghiệp tư nhân, mức đóng đảng phí hằng tháng tính thế nào?",
        "consent": "on",
        "website": "",
        "started": old_token("question"),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def comment_data(**overrides):
    data = {
        "name": "Lê Thị Bình",
        "email": EMAIL,
        "body": "Bài viết hay, mong có thêm thông tin về cơ sở.",
        "consent": "on",
        "website": "",
        "started": old_token("comment"),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def feedback_data(**overrides):
    data = {
        "name": "Vũ Văn Cường",
        "unit": "Chi bộ thôn Đồng Tâm",
        "email": EMAIL,
        "part": "",
        "content": "Đề nghị bổ sung giải pháp về chuyển đổi số ở cơ sở.",
        "consent": "on",
        "website": "",
        "started": old_token("feedback"),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def qa_page():
    home = Site.objects.get(is_default_site=True).root_page
    return QAIndexPage.objects.child_of(home).live().get(slug="hoi-dap-cong-tac-dang")


def ask_url():
    page = qa_page()
    return page.url + page.reverse_subpage("ask")


def lookup_url():
    page = qa_page()
    return page.url + page.reverse_subpage("lookup")


def open_consultation():
    return ConsultationPage.objects.live().get(slug="du-thao-bao-cao-chinh-tri-dai-hoi-dang-bo-tinh")


def user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def board_client(client):
    client.force_login(user("bientap"))
    return client
