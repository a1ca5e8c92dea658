"""Demo reader participation: answered questions in the Q&A column, a few
waiting in the queue, comments on articles (approved and pending) and an open
consultation on a draft document. Text written for the demo; the e-mail
addresses use the reserved .invalid domain."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Site

from news.models import ArticlePage, SectionPage

from .models import Comment, ConsultationPage, Feedback, QAIndexPage, Question

QUESTIONS = [
    # title, asker, locality, topic, question, answer, answerer, unit
    (
        "Đảng viên đi làm ăn xa có phải chuyển sinh hoạt đảng tạm thời?",
        "Nguyễn Văn Bình",
        "Xã Phú Cường",
        Question.Topic.ORGANISATION,
        "Tôi là đảng viên chi bộ thôn, sắp đi làm việc ở tỉnh khác khoảng một năm. "
        "Tôi có phải làm thủ tục chuyển sinh hoạt đảng tạm thời không?",
        "<p>Đảng viên đi làm việc ở nơi khác từ 3 tháng trở lên thì làm thủ tục chuyển sinh hoạt đảng tạm thời "
        "đến tổ chức đảng nơi làm việc. Đồng chí liên hệ chi ủy để được hướng dẫn hồ sơ.</p>",
        "Ban Tổ chức Tỉnh ủy",
        "Phòng Tổ chức đảng, đảng viên",
    ),
    (
        "Mức đóng đảng phí của đảng viên nghỉ hưu được tính thế nào?",
        "Trần Thị Hoa",
        "Phường Trung tâm",
        Question.Topic.DUES,
        "Mẹ tôi là đảng viên đã nghỉ hưu, hưởng lương hưu hằng tháng. Xin hỏi mức đóng đảng phí là bao nhiêu?",
        "<p>Đảng viên hưởng lương hưu đóng đảng phí bằng 0,5% mức lương hưu hằng tháng.</p>",
        "Văn phòng Tỉnh ủy",
        "Phòng Tài chính Đảng",
    ),
    (
        "Thời hạn xét công nhận đảng viên chính thức",
        "Lê Minh Tuấn",
        "Huyện Tân Lạc",
        Question.Topic.ADMISSION,
        "Tôi được kết nạp vào Đảng tháng 3 năm trước. Khi nào chi bộ xét công nhận tôi là đảng viên chính thức?",
        "<p>Hết 12 tháng dự bị, chi bộ xét và đề nghị công nhận đảng viên chính thức; "
        "hồ sơ phải hoàn thành trong thời hạn quy định.</p>",
        "Ban Tổ chức Tỉnh ủy",
        "Phòng Tổ chức đảng, đảng viên",
    ),
    (
        "Học tập nghị quyết trực tuyến có được tính là đã học tập?",
        "Phạm Thu Trang",
        "Xã Mường Khến",
        Question.Topic.IDEOLOGY,
        "Chi bộ chúng tôi ở vùng xa, có đảng viên học nghị quyết qua mạng. Như vậy có được công nhận không?",
        "<p>Việc học tập trực tuyến được công nhận khi đảng viên tham gia đầy đủ và viết thu hoạch theo hướng dẫn "
        "của Ban Tuyên giáo và Dân vận.</p>",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "",
    ),
]

WAITING = [
    ("Thủ tục giới thiệu đoàn viên ưu tú vào Đảng", "Hoàng Văn Nam", "Xã Lạc Thủy", Question.Topic.ADMISSION),
    ("Đảng viên cao tuổi có được miễn sinh hoạt?", "Đỗ Thị Lan", "Phường Hòa Bình", Question.Topic.ORGANISATION),
]

COMMENTS = [
    ("Nguyễn Thị Mai", "Bài viết rất thiết thực, mong có thêm nhiều tin về cơ sở.", Comment.Status.APPROVED),
    ("Trần Quốc Hùng", "Đề nghị Ban Biên tập đăng thêm hình ảnh hoạt động ở các xã vùng cao.", Comment.Status.APPROVED),
    ("Bạn đọc", "Cho tôi hỏi lịch tiếp dân tháng tới ở đâu ạ?", Comment.Status.PENDING),
]

CONSULTATION_SLUG = "du-thao-bao-cao-chinh-tri-dai-hoi-dang-bo-tinh"


def _qa_page():
    home = Site.objects.get(is_default_site=True).root_page
    section = SectionPage.objects.child_of(home).filter(slug="hoi-dap-cong-tac-dang").first()
    # A demo database made before the Q&A column had its own type is upgraded.
    return QAIndexPage.adopt(section) if section else None


def load_participation(stdout):
    page = _qa_page()
    if page is None:
        stdout.write("   (no Q&A column: skipped)")
        return
    now = timezone.now().replace(second=0, microsecond=0)

    for number, (title, name, locality, topic, body, answer, answerer, unit) in enumerate(QUESTIONS):
        if Question.objects.filter(title=title).exists():
            continue
        asked = now - timedelta(days=40 - number * 8)
        Question.objects.create(
            page=page,
            title=title,
            name=name,
            email=f"hoidap{number}@demo.invalid",
            locality=locality,
            topic=topic,
            body=body,
            submitted_at=asked,
            consent_at=asked,
            status=Question.Status.PUBLISHED,
            answer=answer,
            answerer_name=answerer,
            answerer_unit=unit,
            published_at=asked + timedelta(days=3),
            # The demo sends no mail: these askers are "already told".
            asker_notified_at=asked + timedelta(days=3),
        )
        stdout.write(f"   + {title}")

    for number, (title, name, locality, topic) in enumerate(WAITING):
        if Question.objects.filter(title=title).exists():
            continue
        Question.objects.create(
            page=page,
            title=title,
            name=name,
            email=f"cho{number}@demo.invalid",
            locality=locality,
            topic=topic,
            body=f"{title} Xin Ban Biên tập hướng dẫn giúp.",
            submitted_at=now - timedelta(hours=5 + number),
            consent_at=now - timedelta(hours=5 + number),
        )
        stdout.write(f"   + {title} (chờ xử lý)")

    articles = list(ArticlePage.objects.live().order_by("-display_date", "-pk")[:2])
    for article in articles:
        for number, (name, body, status) in enumerate(COMMENTS):
            if Comment.objects.filter(article=article, name=name, body=body).exists():
                continue
            Comment.objects.create(
                article=article,
                name=name,
                email=f"bandoc{number}@demo.invalid",
                body=body,
                status=status,
                reply="Cảm ơn bạn đã góp ý, Ban Biên tập sẽ tiếp thu." if number == 1 else "",
                submitted_at=now - timedelta(hours=10 - number),
                consent_at=now - timedelta(hours=10 - number),
            )

    if not ConsultationPage.objects.child_of(page).filter(slug=CONSULTATION_SLUG).exists():
        consultation = ConsultationPage(
            title="Dự thảo Báo cáo chính trị trình Đại hội Đảng bộ tỉnh",
            slug=CONSULTATION_SLUG,
            summary=(
                "<p>Ban Chấp hành Đảng bộ tỉnh lấy ý kiến cán bộ, đảng viên và Nhân dân vào dự thảo Báo cáo "
                "chính trị trình Đại hội đại biểu Đảng bộ tỉnh nhiệm kỳ tới.</p>"
            ),
            draft_text=(
                "<h2>Phần I. Đánh giá kết quả thực hiện Nghị quyết nhiệm kỳ qua</h2>"
                "<p>Kinh tế tiếp tục tăng trưởng, đời sống Nhân dân được cải thiện.</p>"
                "<h2>Phần II. Phương hướng, mục tiêu nhiệm kỳ tới</h2>"
                "<p>Xây dựng Đảng bộ trong sạch, vững mạnh; phát triển kinh tế nhanh và bền vững.</p>"
            ),
            parts="Phần I. Đánh giá kết quả nhiệm kỳ qua\nPhần II. Phương hướng, mục tiêu nhiệm kỳ tới",
            opens_at=now - timedelta(days=5),
            closes_at=now + timedelta(days=25),
        )
        page.add_child(instance=consultation)
        consultation.save_revision().publish()
        for number, (name, unit) in enumerate([("Vũ Đức Thắng", "Chi bộ thôn Đồng Tâm"), ("Ngô Thị Hạnh", "Hội LHPN")]):
            Feedback.objects.create(
                consultation=consultation,
                consultation_title=consultation.title,
                name=name,
                unit=unit,
                email=f"gopy{number}@demo.invalid",
                part=consultation.part_choices[number],
                content="Đề nghị bổ sung nội dung về chuyển đổi số trong công tác xây dựng Đảng ở cơ sở.",
            )
        stdout.write(f"   + {consultation.title}")
