"""Góp ý dự thảo: feedback on a draft document within its window, read by
the board only and exported as CSV and XLSX."""

import csv
import io
from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from qa.models import ConsultationPage, Feedback
from tests.qa_support import EMAIL, board_client, feedback_data, open_consultation, qa_page, user

__all__ = ["board_client"]

pytestmark = pytest.mark.django_db


def make_consultation(slug, opens, closes):
    page = ConsultationPage(
        title=f"Dự thảo {slug}", slug=slug, summary="<p>Tóm tắt.</p>", opens_at=opens, closes_at=closes
    )
    qa_page().add_child(instance=page)
    page.save_revision().publish()
    return page


def test_open_consultation_takes_feedback_that_is_never_public(client):
    consultation = open_consultation()
    page = client.get(consultation.url).content.decode()
    assert "Gửi góp ý" in page and "Phần I. Đánh giá kết quả nhiệm kỳ qua" in page  # parts to choose from
    data = feedback_data(part="Phần I. Đánh giá kết quả nhiệm kỳ qua", content="Góp ý riêng tư về phần I.")
    response = client.post(consultation.url, data)
    assert response.status_code == 302
    feedback = Feedback.objects.get(content="Góp ý riêng tư về phần I.")
    assert (feedback.consultation, feedback.consultation_title) == (consultation, consultation.title)
    assert feedback.part.startswith("Phần I") and feedback.consent_at
    thanks = client.get(response["Location"]).content.decode()
    assert "Cảm ơn bạn đã góp ý" in thanks
    for url in (consultation.url, qa_page().url, "/search/?q=riêng+tư"):
        html = client.get(url).content.decode()
        assert "Góp ý riêng tư về phần I." not in html and EMAIL not in html


def test_feedback_with_an_unknown_part_or_missing_fields_is_refused(client):
    consultation = open_consultation()
    before = Feedback.objects.count()
    response = client.post(consultation.url, feedback_data(part="Phần không có", unit="", content=""))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Vui lòng chọn một phần trong danh sách." in html
    assert "Vui lòng nhập đơn vị hoặc địa phương." in html and "Vui lòng nhập nội dung góp ý." in html
    assert Feedback.objects.count() == before


def test_closed_consultation_refuses_feedback_and_says_the_window_has_ended(client):
    now = timezone.now()
    closed = make_consultation("da-dong", now - timedelta(days=30), now - timedelta(minutes=1))
    page = client.get(closed.url).content.decode()
    assert "Đã hết thời gian nhận góp ý" in page and 'name="content"' not in page
    response = client.post(closed.url, feedback_data(content="Gửi muộn một phút."))
    assert response.status_code == 403
    html = response.content.decode()
    assert "Đã hết thời gian nhận góp ý" in html
    assert "Gửi muộn một phút." in html  # shown back, so the reader can keep it
    assert not Feedback.objects.filter(consultation=closed).exists()


def test_consultation_not_yet_open_refuses_feedback(client):
    now = timezone.now()
    upcoming = make_consultation("sap-mo", now + timedelta(days=1), now + timedelta(days=10))
    assert "Chưa đến thời gian nhận góp ý" in client.get(upcoming.url).content.decode()
    assert client.post(upcoming.url, feedback_data()).status_code == 403
    assert not Feedback.objects.filter(consultation=upcoming).exists()


def test_closing_time_must_follow_opening_time():
    from django.core.exceptions import ValidationError

    now = timezone.now()
    page = ConsultationPage(title="Sai giờ", slug="sai-gio", summary="<p>x</p>", opens_at=now, closes_at=now)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "Thời điểm kết thúc phải sau thời điểm bắt đầu." in str(error.value)


def _many_feedback(consultation, count):
    Feedback.objects.bulk_create(
        Feedback(
            consultation=consultation,
            consultation_title=consultation.title,
            name=f"Người góp ý {i:03d}",
            unit="Chi bộ",
            email=f"nguoi{i}@example.vn",
            content=f"Nội dung góp ý số {i:03d}",
        )
        for i in range(count)
    )


def test_exports_contain_every_feedback_in_csv_and_xlsx(board_client):
    consultation = open_consultation()
    _many_feedback(consultation, 120)  # more than two pages of the listing
    expected = set(Feedback.objects.filter(consultation=consultation).values_list("content", flat=True))
    base = f"/admin/snippets/qa/feedback/?consultation={consultation.pk}"

    response = board_client.get(base + "&export=csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert {row["Nội dung góp ý"] for row in rows} == expected
    assert {row["Thư điện tử"] for row in rows} >= {"nguoi0@example.vn", "nguoi119@example.vn"}

    response = board_client.get(base + "&export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *data = list(sheet.values)
    column = header.index("Nội dung góp ý")
    assert {row[column] for row in data} == expected


def test_export_in_local_time_and_formulas_made_inert(board_client):
    consultation = open_consultation()
    Feedback.objects.create(
        consultation=consultation,
        consultation_title=consultation.title,
        name='=HYPERLINK("http://x")',
        unit="+1",
        email=EMAIL,
        content="@SUM(A1)",
        submitted_at=timezone.make_aware(datetime(2026, 3, 1, 8, 30)),
    )
    response = board_client.get("/admin/snippets/qa/feedback/?export=csv&q=HYPERLINK")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1
    row = rows[0]
    assert row["Họ và tên"].startswith("'=") and row["Đơn vị, địa phương"] == "'+1"
    assert row["Nội dung góp ý"] == "'@SUM(A1)"
    assert row["Thời điểm gửi"] == "01/03/2026 08:30"  # Asia/Ho_Chi_Minh, as the board reads it


def test_feedback_is_for_staff_only(client):
    url = "/admin/snippets/qa/feedback/?export=csv"
    assert client.get(url).status_code == 302
    client.force_login(user("congtacvien"))
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert not response.get("Content-Type", "").startswith("text/csv")
