"""Double submits (#10): a reader who presses "Gửi" twice (or whose browser
sends the form again) stores one item, and is told the first one arrived."""

import pytest

from news.models import ArticlePage
from qa.models import Comment, Feedback, Question
from tests.qa_support import ask_url, comment_data, feedback_data, open_consultation, question_data

pytestmark = pytest.mark.django_db

ALREADY = "Biểu mẫu này đã được gửi"


def test_pressing_send_twice_stores_one_question(client):
    data = question_data(title="Câu hỏi bấm Gửi hai lần liên tiếp")
    first = client.post(ask_url(), data)
    second = client.post(ask_url(), data)
    assert first.status_code == 302
    assert second.status_code == 400 and ALREADY in second.content.decode()
    assert Question.objects.filter(title="Câu hỏi bấm Gửi hai lần liên tiếp").count() == 1


def test_pressing_send_twice_stores_one_comment(client):
    article = ArticlePage.objects.live().first()
    data = comment_data(body="Ý kiến gửi hai lần nhưng chỉ lưu một lần.")
    assert client.post(f"/y-kien/{article.pk}/", data).status_code == 302
    assert ALREADY in client.post(f"/y-kien/{article.pk}/", data).content.decode()
    assert Comment.objects.filter(body="Ý kiến gửi hai lần nhưng chỉ lưu một lần.").count() == 1


def test_pressing_send_twice_stores_one_feedback(client):
    consultation = open_consultation()
    data = feedback_data(content="Góp ý gửi hai lần nhưng chỉ lưu một lần.")
    assert client.post(consultation.url, data).status_code == 302
    assert client.post(consultation.url, data).status_code == 400
    assert Feedback.objects.filter(content="Góp ý gửi hai lần nhưng chỉ lưu một lần.").count() == 1


def test_a_form_with_a_mistake_does_not_use_up_its_token(client):
    data = question_data(title="Ngắn")
    assert client.post(ask_url(), data).status_code == 400
    data["title"] = "Câu hỏi sửa lại tiêu đề rồi gửi lại"
    assert client.post(ask_url(), data).status_code == 302
    assert Question.objects.filter(title="Câu hỏi sửa lại tiêu đề rồi gửi lại").count() == 1


def test_two_readers_sending_the_same_text_each_store_theirs(client):
    for _ in range(2):
        assert client.post(ask_url(), question_data(title="Hai bạn đọc cùng hỏi một điều")).status_code == 302
    assert Question.objects.filter(title="Hai bạn đọc cùng hỏi một điều").count() == 2
