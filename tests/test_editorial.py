"""The editorial workflow, driven through the admin's own views with the demo's
real users in their real groups: nothing reaches readers without the board."""

import io
import logging
from datetime import timedelta
from unittest import mock

import pytest
from anyascii import anyascii
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import GroupPagePermission, Locale, Page, PageLogEntry, Workflow, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, querydict_from_html, rich_text, streamfield
from wagtail.users.models import UserProfile

from editorial import demo, roles
from editorial.workflows import (
    BOARD_TASK,
    PERSONNEL_WORKFLOW,
    SECRETARIAT_TASK,
    STANDARD_WORKFLOW,
    STEERING_TASK,
    final_approvers_without_publish,
    stage_of,
)
from news.models import ArticlePage, SectionPage

pytestmark = pytest.mark.django_db

LEAD = "Sáng nay, đoàn công tác của Tỉnh ủy đã làm việc với cơ sở về kết quả thực hiện nghị quyết."
SEND_BACK = "Đề nghị kiểm tra lại số liệu ở đoạn hai và ghi nguồn ảnh."


@pytest.fixture
def users():
    return {user.username: user for user in get_user_model().objects.all()}


@pytest.fixture
def sections(home_page):
    return {section.slug: section for section in SectionPage.objects.child_of(home_page)}


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the block, then its on-commit callbacks (the mail), as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _slug(title):
    return slugify(anyascii(title))[:80]


def page_form(client, url, **fields):
    """The edit form as the browser sends it: its rendered inputs, a body,
    then the fields the test changes."""
    response = client.get(url)
    assert response.status_code == 200, url
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form").dict()
    data.update(
        nested_form_data(
            {
                "body": streamfield([("paragraph", rich_text("<p>Nội dung bài viết thử nghiệm.</p>"))]),
                "comments": inline_formset([]),
            }
        )
    )
    data.update(fields)
    return data


def create_article(client, section, title, action="action-submit", **fields):
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))
    data = page_form(client, url, title=title, slug=_slug(title), lead=LEAD, **fields)
    if action:
        data[action] = "1"
    response = client.post(url, data)
    return response, ArticlePage.objects.child_of(section).filter(slug=_slug(title)).first()


def edit_article(client, page, action=None, **fields):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = page_form(client, url, **fields)
    if action:
        data[action] = "1"
    return client.post(url, data)


def act(client, page, action, comment=None, xhr=False):
    """Approve or send back from the dashboard's workflow buttons."""
    task_state = Page.objects.get(pk=page.pk).specific.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    headers = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"} if xhr else {}
    return client.post(url, {} if comment is None else {"comment": comment}, **headers)


def fresh(page):
    return ArticlePage.objects.get(pk=page.pk)


def current_step(page):
    task = fresh(page).current_workflow_task
    return task.name if task else None


def login(client, users, username):
    client.force_login(users[username])
    return client


def assert_refused(response):
    """Wagtail answers a refused admin request with a redirect to the dashboard."""
    assert response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    ), response


def mail_to(username):
    return [message for message in mail.outbox if f"{username}@demo.invalid" in message.to]


# --- Rights --------------------------------------------------------------------------


def test_contributor_cannot_publish(client, users, sections):
    login(client, users, "congtacvien")
    response, page = create_article(client, sections["thoi-su"], "Bài cộng tác viên bấm xuất bản", "action-publish")
    assert response.status_code == 302
    assert page is not None and not page.live and page.owner == users["congtacvien"]
    edit_html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'name="action-publish"' not in edit_html
    assert 'name="action-submit"' in edit_html


def test_contributor_cannot_write_outside_their_sections(client, users, sections):
    login(client, users, "congtacvien")
    outside = sections["hoat-dong-cap-uy"]
    add_url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", outside.pk))
    assert_refused(client.get(add_url))
    assert_refused(client.post(add_url, {"title": "Viết lạc chuyên mục", "slug": "viet-lac", "lead": LEAD}))
    assert not ArticlePage.objects.filter(slug="viet-lac").exists()
    someone_elses = ArticlePage.objects.child_of(sections["thoi-su"]).exclude(owner=users["congtacvien"]).first()
    assert_refused(client.get(reverse("wagtailadmin_pages:edit", args=[someone_elses.pk])))


def test_contributor_writes_in_assigned_section_and_the_secretariat_is_told(client, users, sections, commit):
    login(client, users, "congtacvien")
    with commit():
        response, page = create_article(client, sections["xay-dung-dang"], "Chi bộ cơ sở đổi mới sinh hoạt")
    assert response.status_code == 302
    assert not page.live and current_step(page) == SECRETARIAT_TASK
    messages = mail_to("thuky")
    assert len(messages) == 1 and "Chi bộ cơ sở đổi mới sinh hoạt" in messages[0].subject
    assert "Xây dựng Đảng" in messages[0].body and f"/admin/pages/{page.pk}/edit/" in messages[0].body
    assert not mail_to("bientap")


def test_secretariat_cannot_publish(client, users, sections):
    login(client, users, "congtacvien")
    _, page = create_article(client, sections["thoi-su"], "Bài chờ Tổ Thư ký kiểm tra")
    login(client, users, "thuky")
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert 'name="action-publish"' not in client.get(edit_url).content.decode()
    edit_article(client, page, "action-publish", title="Tổ Thư ký sửa tít", lead=LEAD)
    assert not fresh(page).live
    act(client, page, "approve")
    page = fresh(page)
    assert not page.live and current_step(page) == BOARD_TASK


def test_section_groups_assign_contributors_and_follow_renames_and_translations(home_page):
    section = SectionPage(title="Chuyển đổi số", slug="chuyen-doi-so")
    home_page.add_child(instance=section)
    group = Group.objects.get(name=roles.section_group_name("Chuyển đổi số"))
    assert GroupPagePermission.objects.filter(group=group, page=section, permission__codename="add_page").exists()
    assert group.permissions.filter(codename="access_admin").exists()

    section.title = "Chuyển đổi số trong Đảng"
    section.save_revision().publish()
    group.refresh_from_db()
    assert group.name == roles.section_group_name("Chuyển đổi số trong Đảng")

    english = section.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    assert GroupPagePermission.objects.filter(group=group, page=english, permission__codename="add_page").exists()

    english.delete()
    section.delete()
    assert not Group.objects.filter(pk=group.pk).exists()


def test_sync_command_restores_what_a_bulk_import_skipped(sections):
    group = Group.objects.get(name=roles.section_group_name("Phóng sự ảnh"))
    group.delete()
    WorkflowPage.objects.filter(page=sections["nhan-su-moi"]).delete()
    call_command("sync_editorial_sections", stdout=io.StringIO())
    assert Group.objects.filter(name=roles.section_group_name("Phóng sự ảnh")).exists()
    assert Page.objects.get(pk=sections["nhan-su-moi"].pk).get_workflow().name == PERSONNEL_WORKFLOW


# --- Workflows -----------------------------------------------------------------------


def test_wagtail_default_moderators_workflow_is_disabled(home_page, sections):
    assert not Workflow.objects.get(name="Moderators approval").active
    assert not WorkflowPage.objects.filter(workflow__name="Moderators approval").exists()
    root = Page.objects.get(depth=1)
    assert WorkflowPage.objects.get(page=root).workflow.name == STANDARD_WORKFLOW
    assert [t.name for t in Workflow.objects.get(name=STANDARD_WORKFLOW).tasks] == [SECRETARIAT_TASK, BOARD_TASK]
    assert sections["thoi-su"].get_workflow().name == STANDARD_WORKFLOW
    assert sections["nhan-su-moi"].get_workflow().name == PERSONNEL_WORKFLOW


def test_two_approvals_publish_an_article_in_a_normal_section(client, users, sections, commit):
    login(client, users, "congtacvien")
    _, page = create_article(client, sections["thoi-su"], "Khánh thành nhà văn hóa thôn Mới")
    login(client, users, "thuky")
    with commit():
        act(client, page, "approve")
    assert not fresh(page).live and current_step(page) == BOARD_TASK
    assert len(mail_to("bientap")) == 1 and not mail_to("congtacvien")
    login(client, users, "bientap")
    with commit():
        response = act(client, page, "approve")
    assert response.status_code == 302
    page = fresh(page)
    assert page.live and not page.has_unpublished_changes
    assert client.get(page.url).status_code == 200
    published = mail_to("congtacvien")
    assert len(published) == 1 and "[Đã xuất bản]" in published[0].subject and page.full_url in published[0].body


def test_personnel_news_needs_three_approvals(client, users, sections, commit):
    login(client, users, "thuky")
    _, page = create_article(client, sections["nhan-su-moi"], "Công bố quyết định bổ nhiệm Phó Giám đốc Sở")
    assert fresh(page).get_workflow().name == PERSONNEL_WORKFLOW
    act(client, page, "approve")
    login(client, users, "bientap")
    with commit():
        act(client, page, "approve")
    page = fresh(page)
    assert not page.live and current_step(page) == STEERING_TASK
    assert len(mail_to("dieuhanh")) == 1
    login(client, users, "dieuhanh")
    act(client, page, "approve")
    assert fresh(page).live


def test_editorial_board_cannot_publish_personnel_news_around_the_steering_board(client, users, sections):
    login(client, users, "bientap")
    _, page = create_article(client, sections["nhan-su-moi"], "Điều động cán bộ giữ chức Bí thư Đảng ủy xã", None)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert 'name="action-publish"' not in client.get(edit_url).content.decode()
    response = edit_article(client, page, "action-publish", title="Điều động cán bộ (bản sửa)", lead=LEAD)
    assert response.status_code == 302
    page = fresh(page)
    assert not page.live and page.get_latest_revision_as_object().title == "Điều động cán bộ (bản sửa)"
    followed = client.get(response.url).content.decode()
    assert "Duyệt tin nhân sự 3 cấp" in followed
    # In a normal section the Editorial Board is the last step and may publish.
    normal = ArticlePage.objects.child_of(sections["thoi-su"]).live().first()
    assert 'name="action-publish"' in client.get(reverse("wagtailadmin_pages:edit", args=[normal.pk])).content.decode()


def test_bulk_publish_cannot_skip_the_steering_board(client, users, sections, home_page):
    login(client, users, "bientap")
    _, page = create_article(client, sections["nhan-su-moi"], "Kiện toàn Ban Chỉ đạo cấp tỉnh", None)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={page.pk}"
    response = client.post(url, {"include_descendants": ""}, follow=True)
    assert "phải qua quy trình duyệt" in response.content.decode()
    assert not fresh(page).live
    # Nor by publishing the whole home page with everything below it.
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={home_page.pk}"
    response = client.post(url, {"include_descendants": "on"}, follow=True)
    assert "phải qua quy trình duyệt" in response.content.decode()
    assert not fresh(page).live


def test_final_approvers_hold_publish_rights_or_approval_is_refused(client, users, sections):
    assert final_approvers_without_publish() == []
    steering = Group.objects.get(name=roles.STEERING_BOARD)
    GroupPagePermission.objects.filter(group=steering, permission__codename="publish_page").delete()
    problems = final_approvers_without_publish()
    assert [(w.name, p.slug, g.name) for w, p, g in problems] == [(PERSONNEL_WORKFLOW, "nhan-su-moi", steering.name)]
    waiting = ArticlePage.objects.get(slug=demo._slug(demo.ARTICLES[4][1]))
    login(client, users, "dieuhanh")
    assert_refused(act(client, waiting, "approve"))
    waiting = fresh(waiting)
    assert not waiting.live and current_step(waiting) == STEERING_TASK


def test_send_back_without_a_comment_is_refused(client, users, sections):
    login(client, users, "congtacvien")
    _, page = create_article(client, sections["thoi-su"], "Bài thiếu nguồn số liệu")
    login(client, users, "thuky")
    response = act(client, page, "reject", comment="   ", xhr=True)
    assert response.json()["step"] == "action"
    assert "Hãy ghi lý do trả lại" in response.json()["html"]
    # Skipping the modal and posting to the edit view directly is refused too.
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = page_form(client, url, **{"action-workflow-action": "1", "workflow-action-name": "reject"})
    response = client.post(url, {**data, "workflow-action-extra-data": '{"comment": ""}'}, follow=True)
    assert "Trả lại bài cần có ý kiến" in response.content.decode()
    assert fresh(page).current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_send_back_comment_reaches_the_author_who_edits_and_resubmits(client, users, sections, commit):
    login(client, users, "congtacvien")
    _, page = create_article(client, sections["thoi-su"], "Hội thi tuyên truyền viên giỏi cấp huyện")
    login(client, users, "thuky")
    with commit():
        response = act(client, page, "reject", comment=SEND_BACK, xhr=True)
    assert response.json()["step"] == "success"
    assert fresh(page).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    sent_back = mail_to("congtacvien")
    assert len(sent_back) == 1 and "[Bị trả lại]" in sent_back[0].subject and SEND_BACK in sent_back[0].body

    login(client, users, "congtacvien")
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = dashboard[dashboard.index('id="editorial-sent-back-section"') :]
    assert "Hội thi tuyên truyền viên giỏi cấp huyện" in panel and SEND_BACK in panel
    with commit():
        edit_article(
            client,
            page,
            "action-submit",
            title="Hội thi tuyên truyền viên giỏi cấp huyện",
            lead=LEAD + " Số liệu: Ban Tuyên giáo.",
        )
    page = fresh(page)
    assert (
        current_step(page) == SECRETARIAT_TASK
        and page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    )
    assert "Ban Tuyên giáo" in page.get_latest_revision_as_object().lead
    assert len(mail_to("thuky")) == 1


def test_page_is_locked_for_its_author_while_in_review(client, users, sections):
    login(client, users, "congtacvien")
    _, page = create_article(client, sections["thoi-su"], "Bài đang được Tổ Thư ký đọc")
    edit_article(client, page, title="Tác giả sửa trong lúc duyệt", lead=LEAD)
    assert fresh(page).get_latest_revision_as_object().title == "Bài đang được Tổ Thư ký đọc"
    # The Editorial Board can also lock an item outright.
    login(client, users, "bientap")
    client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))
    assert fresh(page).locked and fresh(page).locked_by == users["bientap"]
    login(client, users, "thuky")
    edit_article(client, page, title="Tổ Thư ký sửa khi bài đang bị khóa", lead=LEAD)
    assert fresh(page).get_latest_revision_as_object().title == "Bài đang được Tổ Thư ký đọc"


# --- Notifications -----------------------------------------------------------------


def test_mail_is_sent_only_after_the_transaction_commits(client, users, sections, django_capture_on_commit_callbacks):
    login(client, users, "congtacvien")
    _, page = create_article(client, sections["thoi-su"], "Thư chỉ đi khi đã ghi xong")
    mail.outbox.clear()
    login(client, users, "thuky")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        act(client, page, "approve")
    assert current_step(page) == BOARD_TASK and mail.outbox == []
    for callback in callbacks:
        callback()
    assert len(mail_to("bientap")) == 1


def test_mail_failure_is_logged_and_never_undoes_an_approval(
    client, users, sections, settings, caplog, monkeypatch, commit
):
    login(client, users, "congtacvien")
    _, page = create_article(client, sections["thoi-su"], "Máy chủ thư hỏng không chặn xuất bản")
    login(client, users, "thuky")
    act(client, page, "approve")
    # A real SMTP connection to a port where nothing listens.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    monkeypatch.setattr(logging.getLogger("portal"), "propagate", True)
    login(client, users, "bientap")
    with caplog.at_level(logging.WARNING), commit():
        response = act(client, page, "approve")
    assert response.status_code == 302
    assert fresh(page).live
    assert any("thư báo" in record.getMessage() for record in caplog.records if record.name == "portal.editorial")


# --- Scheduled publishing ------------------------------------------------------------


def test_scheduled_article_goes_live_when_its_time_has_passed_and_not_before(client, users, sections):
    go_live = timezone.localtime() + timedelta(hours=3)
    login(client, users, "congtacvien")
    _, page = create_article(
        client, sections["thoi-su"], "Bài hẹn giờ đăng sáng mai", go_live_at=go_live.strftime("%d/%m/%Y %H:%M")
    )
    login(client, users, "thuky")
    act(client, page, "approve")
    login(client, users, "bientap")
    act(client, page, "approve")
    page = fresh(page)
    assert timezone.localtime(page.go_live_at) == go_live.replace(second=0, microsecond=0)  # dd/mm/yyyy, not mm/dd
    assert not page.live and page.approved_schedule
    assert stage_of(page)[1] == "Hẹn giờ xuất bản"

    call_command("run_publish_scheduler", "--once")
    assert not fresh(page).live
    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + timedelta(hours=3, minutes=1)):
        call_command("run_publish_scheduler", "--once")
    page = fresh(page)
    assert page.live and not page.approved_schedule
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").exists()


# --- Translations --------------------------------------------------------------------


def test_english_translation_goes_through_the_same_workflow(client, users, sections):
    from wagtail_localize.operations import TranslationCreator

    english = Locale.objects.get(language_code="en")
    source = ArticlePage.objects.child_of(sections["thoi-su"]).live().first()
    TranslationCreator(users["thuky"], [english]).create_translations(source)
    translated = source.get_translation(english)
    assert not translated.live
    en_section = translated.get_parent()
    contributors = Group.objects.get(name=roles.section_group_name("Thời sự"))
    assert GroupPagePermission.objects.filter(group=contributors, page=en_section).exists()

    # The translation editor's "Publish" is refused to anyone but the last step.
    login(client, users, "dieuhanh")
    client.post(reverse("wagtailadmin_pages:edit", args=[translated.pk]), {"action": "publish"})
    assert not fresh(translated).live

    login(client, users, "thuky")
    submit_url = reverse("editorial_submit", args=[translated.pk])
    listing = client.get(reverse("wagtailadmin_explore", args=[en_section.pk])).content.decode()
    assert submit_url in listing
    assert "Duyệt tin 2 cấp" in client.get(submit_url).content.decode()
    client.post(submit_url)
    assert current_step(translated) == SECRETARIAT_TASK
    act(client, translated, "approve")
    assert not fresh(translated).live
    login(client, users, "bientap")
    act(client, translated, "approve")
    assert fresh(translated).live and fresh(translated).locale == english


def test_translated_personnel_section_keeps_the_three_step_workflow(sections):
    english = sections["nhan-su-moi"].copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    assert english.get_workflow().name == PERSONNEL_WORKFLOW


# --- Audit log and revisions ----------------------------------------------------------


def test_every_step_is_in_the_audit_log(client, users, sections):
    login(client, users, "congtacvien")
    _, page = create_article(client, sections["xay-dung-dang"], "Đảng bộ xã đón nhận cờ thi đua")
    login(client, users, "thuky")
    act(client, page, "reject", comment=SEND_BACK)
    login(client, users, "congtacvien")
    edit_article(client, page, "action-submit", title="Đảng bộ xã đón nhận cờ thi đua", lead=LEAD)
    login(client, users, "thuky")
    act(client, page, "approve")
    login(client, users, "bientap")
    act(client, page, "approve")

    steps = list(
        PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk").values_list("action", "user__username")
    )
    expected = [
        ("wagtail.create", "congtacvien"),
        ("wagtail.workflow.start", "congtacvien"),
        ("wagtail.workflow.reject", "thuky"),
        ("wagtail.workflow.resume", "congtacvien"),
        ("wagtail.workflow.approve", "thuky"),
        ("wagtail.workflow.approve", "bientap"),
        ("wagtail.publish", "bientap"),
    ]
    remaining = iter(steps)
    assert all(step in remaining for step in expected), steps
    reject = PageLogEntry.objects.get(page=page, action="wagtail.workflow.reject")
    assert reject.data["comment"] == SEND_BACK and reject.timestamp

    login(client, users, "dieuhanh")
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert history.status_code == 200 and SEND_BACK in history.content.decode()
    site_history = client.get(reverse("wagtailadmin_reports:site_history"))
    assert site_history.status_code == 200 and "Đảng bộ xã đón nhận cờ thi đua" in site_history.content.decode()


def test_revisions_can_be_compared_and_reverted(client, users, sections):
    login(client, users, "bientap")
    _, page = create_article(client, sections["thoi-su"], "Tít đầu tiên của bài", None)
    edit_article(client, page, title="Tít đã sửa của bài", lead=LEAD)
    first, second = fresh(page).revisions.order_by("created_at", "pk")[:2]
    compare = client.get(reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk]))
    html = compare.content.decode()
    assert compare.status_code == 200
    assert '<span class="deletion">đầu tiên của bài</span><span class="addition">đã sửa của bài</span>' in html

    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, first.pk])
    data = page_form(client, revert_url)
    assert data["title"] == "Tít đầu tiên của bài"
    client.post(revert_url, data)
    assert fresh(page).get_latest_revision_as_object().title == "Tít đầu tiên của bài"
    assert PageLogEntry.objects.filter(page=page, action="wagtail.revert", user=users["bientap"]).exists()


# --- Dashboard, report, language ------------------------------------------------------


def _panel(html, panel_id):
    start = html.index(f'id="{panel_id}-section"')
    return html[start : html.index("</section>", start)]


def test_dashboard_shows_what_waits_for_me_my_items_with_their_stage_and_what_came_back(client, users):
    login(client, users, "thuky")
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    waiting = _panel(html, "editorial-awaiting-review")
    assert "Chờ tôi duyệt" in waiting and demo.ARTICLES[1][1] in waiting and "Trả lại" in waiting
    assert demo.ARTICLES[2][1] not in waiting  # that one waits for the Editorial Board

    login(client, users, "congtacvien")
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    mine = _panel(html, "editorial-my-items")
    for (_, title, author, _stage), label in zip(
        demo.ARTICLES,
        [
            "Bản nháp",
            f"Chờ: {SECRETARIAT_TASK}",
            f"Chờ: {BOARD_TASK}",
            "Bị trả lại",
            None,
            "Hẹn giờ xuất bản",
            "Đã xuất bản",
        ],
        strict=True,
    ):
        if author == "congtacvien":
            row = mine[mine.index(title) :]
            assert label in row[: row.index("</tr>")], title
    assert demo.SEND_BACK_COMMENT in _panel(html, "editorial-sent-back")
    assert 'id="editorial-stage-counts-section"' not in html


def test_dashboard_queries_do_not_grow_with_the_number_of_items(client, users, sections):
    login(client, users, "thuky")
    with CaptureQueriesContext(connection) as before:
        client.get(reverse("wagtailadmin_home"))
    workflow = sections["thoi-su"].get_workflow()
    for page in ArticlePage.objects.child_of(sections["thoi-su"]).live()[:6]:
        page.save_revision(user=users["congtacvien"])
        workflow.start(page, users["congtacvien"])
    with CaptureQueriesContext(connection) as after:
        html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert _panel(html, "editorial-awaiting-review").count("<tr>") >= 7
    assert len(after) <= len(before) + 2, (len(before), len(after))


def test_boards_see_counts_per_stage_and_section(client, users, django_assert_max_num_queries):
    login(client, users, "bientap")
    # 52: the dashboard's panels (editorial, popular searches, statistics) plus
    # two from the security middleware (two-step device and group checks).
    with django_assert_max_num_queries(52):
        html = client.get(reverse("wagtailadmin_home")).content.decode()
    counts = _panel(html, "editorial-stage-counts")
    assert "Nhân sự mới" in counts and STEERING_TASK in counts and "Bị trả lại" in counts
    row = counts[counts.index("Nhân sự mới") :]
    cells = [cell.split("</td>")[0].strip() for cell in row[: row.index("</tr>")].split("<td>")[1:]]
    assert cells == ["", "", "1", "", ""]


def test_stage_report_filters_by_step_and_section_for_the_boards(client, users, sections):
    board_step = Workflow.objects.get(name=STANDARD_WORKFLOW).tasks.get(name=BOARD_TASK)
    login(client, users, "congtacvien")
    assert_refused(client.get(reverse("editorial_report")))

    login(client, users, "dieuhanh")
    html = client.get(reverse("editorial_report"), {"step": board_step.pk, "status": "in_progress"}).content.decode()
    assert demo.ARTICLES[2][1] in html and demo.ARTICLES[1][1] not in html
    html = client.get(reverse("editorial_report"), {"section": sections["thoi-su"].pk}).content.decode()
    assert demo.ARTICLES[1][1] in html and demo.ARTICLES[2][1] not in html
    csv = client.get(reverse("editorial_report"), {"export": "csv"})
    body = b"".join(csv.streaming_content).decode()
    assert "Tiêu đề" in body and demo.ARTICLES[4][1] in body


def test_admin_is_in_vietnamese_for_every_new_editor(client):
    editor = get_user_model().objects.create_user("bientapvien", "btv@demo.invalid", "mat-khau-dai-du-12")
    editor.groups.add(Group.objects.get(name=roles.SECRETARIAT))
    assert UserProfile.get_for_user(editor).preferred_language == "vi"
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="vi"' in html


def test_demo_leaves_one_article_at_each_stage():
    stages = {}
    for _section, title, _author, stage in demo.ARTICLES:
        page = (
            Page.objects.filter(slug=demo._slug(title), depth=4)
            .prefetch_workflow_states()
            .annotate_approved_schedule()
            .get()
        )
        stages[stage] = (stage_of(page)[0], page.owner.username)
    assert stages == {
        "draft": ("draft", "congtacvien"),
        "secretariat": ("in_review", "congtacvien"),
        "board": ("in_review", "congtacvien"),
        "sent_back": ("sent_back", "congtacvien"),
        "steering": ("in_review", "thuky"),
        "scheduled": ("scheduled", "congtacvien"),
        "published": ("live", "congtacvien"),
    }
