"""Demo of the editorial workflow in motion: `congtacvien` writes in two
sections, and one article waits at each stage (draft, Tổ Thư ký, Ban Biên
tập, Ban Điều hành, sent back, scheduled, published after two approvals).
Idempotent: articles are looked up by slug under their section."""

import random
from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail.users.models import UserProfile

from images.models import PortalImage
from news.demo import IMAGE_SUBJECTS, SENTENCES, _slug, article_body, home_page
from news.models import ArticlePage, SectionPage

from . import notifications, sections

CONTRIBUTOR_SECTIONS = ["thoi-su", "xay-dung-dang"]
SEND_BACK_COMMENT = (
    "Đề nghị bổ sung nguồn số liệu về năng suất và chú thích cho ảnh; "
    "kiểm tra lại chức danh đồng chí Phó Chủ tịch UBND huyện."
)

# slug of section, title, author, stage
ARTICLES = [
    ("thoi-su", "Xã Tân Minh ra mắt mô hình “Dân vận khéo” trong chuyển đổi số", "congtacvien", "draft"),
    ("thoi-su", "Tuyến đường liên xã Đồng Tâm - Thượng Cốc về đích trước hạn", "congtacvien", "secretariat"),
    ("xay-dung-dang", "Chi bộ thôn Bãi Chạo nâng chất lượng sinh hoạt chuyên đề", "congtacvien", "board"),
    ("thoi-su", "Nông dân Lạc Sơn thu hoạch lúa chiêm xuân đạt năng suất cao", "congtacvien", "sent_back"),
    ("nhan-su-moi", "Ban Thường vụ Tỉnh ủy chỉ định đồng chí Trưởng Ban Dân vận Huyện ủy", "thuky", "steering"),
    ("xay-dung-dang", "Hướng dẫn tổ chức sinh hoạt chi bộ chuyên đề quý IV", "congtacvien", "scheduled"),
    ("thoi-su", "Khai trương Trung tâm phục vụ hành chính công cấp xã", "congtacvien", "published"),
]

# How many approvals each stage has had, in workflow order.
APPROVALS = {"secretariat": 0, "board": 1, "steering": 2, "sent_back": 0, "scheduled": 2, "published": 2}
APPROVERS = ["thuky", "bientap", "dieuhanh"]


def load_workflow_demo(stdout):
    User = get_user_model()
    with notifications.muted():
        sections.sync_sections()
        home = home_page()
        contributor = User.objects.get(username="congtacvien")
        for slug in CONTRIBUTOR_SECTIONS:
            section = SectionPage.objects.child_of(home).get(slug=slug)
            contributor.groups.add(sections.ensure_section_group(section))
        for profile in UserProfile.objects.filter(preferred_language=""):
            profile.preferred_language = settings.LANGUAGE_CODE
            profile.save(update_fields=["preferred_language"])

        images = list(PortalImage.objects.filter(title__in=IMAGE_SUBJECTS).order_by("title"))
        rnd = random.Random(4)
        users = {user.username: user for user in User.objects.filter(username__in=APPROVERS + ["congtacvien"])}
        for number, (section_slug, title, author, stage) in enumerate(ARTICLES):
            section = SectionPage.objects.child_of(home).get(slug=section_slug)
            slug = _slug(title)
            if Page.objects.child_of(section).filter(slug=slug).exists():
                continue
            _create(section, title, slug, users[author], stage, users, images[number % len(images)], rnd, images)
            stdout.write(f"   + [{stage}] {title}")


def _create(section, title, slug, author, stage, users, cover, rnd, images):
    article = ArticlePage(
        title=title,
        slug=slug,
        lead=" ".join(rnd.sample(SENTENCES, 2)),
        cover_image=cover,
        body=article_body(rnd, images),
        byline=f"{author.last_name} {author.first_name}",
        owner=author,
        live=False,
    )
    if stage == "scheduled":
        tomorrow = timezone.localdate() + timedelta(days=1)
        article.go_live_at = timezone.make_aware(datetime.combine(tomorrow, time(7, 0)))
    section.add_child(instance=article)
    article.save_revision(user=author, log_action=True)
    if stage == "draft":
        return
    workflow = article.get_workflow()
    workflow_state = workflow.start(article, author)
    for approver in APPROVERS[: APPROVALS[stage]]:
        _current(workflow_state).approve(user=users[approver], comment="")
    if stage == "sent_back":
        _current(workflow_state).reject(user=users["thuky"], comment=SEND_BACK_COMMENT)
    if stage in ("scheduled", "published"):
        # The last approval published (or scheduled) the article.
        workflow_state.refresh_from_db()
        assert workflow_state.status == WorkflowState.STATUS_APPROVED, stage


def _current(workflow_state):
    workflow_state.refresh_from_db()
    return workflow_state.current_task_state.specific
