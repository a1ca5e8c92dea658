"""The board's moderation desk: one admin menu, "Bạn đọc tham gia", with a
queue for each kind of item, filters, bulk actions and CSV/XLSX exports."""

import datetime

from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.components import Component
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from .models import Comment, Feedback, Question

# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class ReaderItemIndexView(IndexView):
    """Exports in local time, with readers' text that looks like a formula
    made inert, so opening an export can never run what a reader typed."""

    def preprocess_field_value(self, field, value, export_format):
        if isinstance(value, datetime.datetime):
            value = timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
            if export_format == self.FORMAT_CSV:
                return value.strftime("%d/%m/%Y %H:%M")
        value = super().preprocess_field_value(field, value, export_format)
        if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
            value = "'" + value
        return value


class ReaderItemViewSet(SnippetViewSet):
    index_view_class = ReaderItemIndexView
    # The board searches by a reader's name or e-mail too (e.g. for a request
    # to see or erase their data), so search the database, not the public index.
    search_backend_name = None
    list_per_page = 50
    copy_view_enabled = False


class QuestionViewSet(ReaderItemViewSet):
    model = Question
    icon = "help"
    menu_label = _("Câu hỏi (Hỏi - Đáp)")
    menu_order = 100
    list_display = ["code", "title", "topic", "status", "assignee", "submitted_at"]
    list_filter = ["status", "topic", "assignee", "submitted_at"]
    search_fields = ["code", "title", "body", "name", "email"]
    ordering = ["-submitted_at"]
    inspect_view_enabled = True
    list_export = [
        "code",
        "get_status_display",
        "get_topic_display",
        "title",
        "body",
        "name",
        "locality",
        "email",
        "phone",
        "submitted_at",
        "assignee",
        "answerer_name",
        "answerer_unit",
        "published_at",
        "rejection_reason",
    ]
    export_headings = {"get_status_display": _("Trạng thái"), "get_topic_display": _("Lĩnh vực")}
    export_filename = "cau-hoi"
    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("code", read_only=True), FieldPanel("submitted_at", read_only=True)]),
                FieldPanel("title"),
                FieldPanel("body"),
                FieldPanel("topic"),
                FieldRowPanel([FieldPanel("name"), FieldPanel("locality")]),
                FieldPanel("hide_name"),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
            ],
            heading=_("Câu hỏi của bạn đọc"),
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("assignee"), FieldPanel("rejection_reason")],
            heading=_("Xử lý"),
            help_text=_(
                "Mới → Đã phân công (chọn người) → Đã có trả lời (nhập trả lời, người và đơn vị trả lời) → "
                "Đã đăng (người hỏi nhận thư kèm đường dẫn). Hoặc Từ chối, ghi lý do."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("answer"), FieldRowPanel([FieldPanel("answerer_name"), FieldPanel("answerer_unit")])],
            heading=_("Trả lời"),
        ),
    ]


class CommentViewSet(ReaderItemViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Ý kiến bạn đọc")
    menu_order = 200
    list_display = ["__str__", "article", "status", "submitted_at"]
    list_filter = ["status", "submitted_at"]
    search_fields = ["body", "name", "email"]
    ordering = ["-submitted_at"]
    list_export = ["article", "name", "email", "body", "get_status_display", "submitted_at", "reply"]
    export_headings = {"article": _("Bài viết"), "get_status_display": _("Trạng thái")}
    export_filename = "y-kien-ban-doc"
    panels = [
        FieldRowPanel([FieldPanel("article", read_only=True), FieldPanel("submitted_at", read_only=True)]),
        FieldRowPanel([FieldPanel("name"), FieldPanel("email")]),
        FieldPanel("body"),
        FieldPanel("status"),
        FieldPanel("reply"),
    ]


class FeedbackViewSet(ReaderItemViewSet):
    model = Feedback
    icon = "doc-full"
    menu_label = _("Góp ý dự thảo")
    menu_order = 300
    list_display = ["name", "unit", "consultation_title", "part", "submitted_at"]
    list_filter = ["consultation", "submitted_at"]
    search_fields = ["content", "name", "unit", "email"]
    ordering = ["-submitted_at"]
    inspect_view_enabled = True
    list_export = ["consultation_title", "part", "content", "name", "unit", "email", "submitted_at"]
    export_filename = "gop-y-du-thao"
    panels = [
        FieldPanel("consultation_title", read_only=True),
        FieldPanel("submitted_at", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("unit", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("part", read_only=True),
        FieldPanel("content", read_only=True),
    ]


class ParticipationViewSetGroup(SnippetViewSetGroup):
    items = (QuestionViewSet, CommentViewSet, FeedbackViewSet)
    menu_icon = "group"
    menu_label = _("Bạn đọc tham gia")
    menu_name = "reader-participation"
    menu_order = 250


register_snippet(ParticipationViewSetGroup)


# --- Bulk actions ------------------------------------------------------------------


class ModerationBulkAction(SnippetBulkAction):
    template_name = "qa/admin/bulk_confirm.html"
    permission = None
    question = None

    def check_perm(self, obj):
        if getattr(self, "_allowed", None) is None:
            self._allowed = self.request.user.has_perm(self.permission)
        return self._allowed

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action": self}


class CommentStatusBulkAction(ModerationBulkAction):
    models = [Comment]
    permission = "qa.change_comment"
    new_status = None

    @classmethod
    def execute_action(cls, objects, **kwargs):
        changed = Comment.objects.filter(pk__in=[c.pk for c in objects]).update(
            status=cls.new_status, moderated_at=timezone.now()
        )
        return changed, 0


class ApproveCommentsBulkAction(CommentStatusBulkAction):
    display_name = _("Duyệt")
    action_type = "approve"
    aria_label = _("Duyệt các ý kiến đã chọn")
    action_priority = 10
    new_status = Comment.Status.APPROVED
    question = _("Duyệt và hiển thị các ý kiến này dưới bài viết?")

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("Đã duyệt %(count)d ý kiến.", "Đã duyệt %(count)d ý kiến.", num_parent_objects) % {
            "count": num_parent_objects
        }


class RejectCommentsBulkAction(CommentStatusBulkAction):
    display_name = _("Từ chối")
    action_type = "reject"
    aria_label = _("Từ chối các ý kiến đã chọn")
    action_priority = 20
    new_status = Comment.Status.REJECTED
    question = _("Từ chối các ý kiến này? Chúng sẽ không hiển thị trên trang.")

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("Đã từ chối %(count)d ý kiến.", "Đã từ chối %(count)d ý kiến.", num_parent_objects) % {
            "count": num_parent_objects
        }


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do từ chối"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Người hỏi thấy lý do này khi tra cứu bằng mã theo dõi."),
        error_messages={"required": _("Ghi lý do từ chối.")},
    )


class RejectQuestionsBulkAction(ModerationBulkAction):
    models = [Question]
    permission = "qa.change_question"
    display_name = _("Từ chối")
    action_type = "reject"
    aria_label = _("Từ chối các câu hỏi đã chọn")
    action_priority = 20
    form_class = RejectionForm
    question = _("Từ chối các câu hỏi này? Câu hỏi đã đăng sẽ bị gỡ khỏi trang.")

    @classmethod
    def execute_action(cls, objects, **kwargs):
        reason = kwargs["self"].cleaned_form.cleaned_data["reason"]
        for question in objects:
            question.status = Question.Status.REJECTED
            question.rejection_reason = reason
            question.save()
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("Đã từ chối %(count)d câu hỏi.", "Đã từ chối %(count)d câu hỏi.", num_parent_objects) % {
            "count": num_parent_objects
        }


class PublishQuestionsBulkAction(ModerationBulkAction):
    models = [Question]
    permission = "qa.change_question"
    display_name = _("Đăng")
    action_type = "publish"
    aria_label = _("Đăng các câu hỏi đã có trả lời")
    action_priority = 10
    question = _(
        "Đăng các câu hỏi đã có trả lời? Người hỏi nhận thư kèm đường dẫn. Câu hỏi chưa có trả lời được bỏ qua."
    )

    @classmethod
    def execute_action(cls, objects, **kwargs):
        published = 0
        for question in objects:
            if question.status == Question.Status.ANSWERED:
                question.status = Question.Status.PUBLISHED
                question.save()
                published += 1
        return published, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("Đã đăng %(count)d câu hỏi.", "Đã đăng %(count)d câu hỏi.", num_parent_objects) % {
            "count": num_parent_objects
        }


for action in (
    ApproveCommentsBulkAction,
    RejectCommentsBulkAction,
    RejectQuestionsBulkAction,
    PublishQuestionsBulkAction,
):
    hooks.register("register_bulk_action", action)


# --- Dashboard ---------------------------------------------------------------------


class ModerationPanel(Component):
    """What waits for the board, on the admin dashboard, one click from the queue."""

    name = "qa_moderation"
    template_name = "qa/admin/dashboard_panel.html"
    order = 90

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        rows = []
        if self.user.has_perm("qa.change_question"):
            url = reverse(Question.snippet_viewset.get_url_name("list"))
            rows.append(
                (_("Câu hỏi mới"), Question.objects.filter(status=Question.Status.NEW).count(), f"{url}?status=new")
            )
            rows.append(
                (
                    _("Câu hỏi giao cho bạn, chưa trả lời"),
                    Question.objects.filter(assignee=self.user, status=Question.Status.ASSIGNED).count(),
                    f"{url}?status=assigned&assignee={self.user.pk}",
                )
            )
            rows.append(
                (
                    _("Câu hỏi đã có trả lời, chờ đăng"),
                    Question.objects.filter(status=Question.Status.ANSWERED).count(),
                    f"{url}?status=answered",
                )
            )
        if self.user.has_perm("qa.change_comment"):
            url = reverse(Comment.snippet_viewset.get_url_name("list"))
            rows.append(
                (
                    _("Ý kiến bạn đọc chờ duyệt"),
                    Comment.objects.filter(status=Comment.Status.PENDING).count(),
                    f"{url}?status=pending",
                )
            )
        if self.user.has_perm("qa.view_feedback"):
            url = reverse(Feedback.snippet_viewset.get_url_name("list"))
            week = timezone.now() - datetime.timedelta(days=7)
            rows.append(
                (_("Góp ý dự thảo trong 7 ngày qua"), Feedback.objects.filter(Q(submitted_at__gte=week)).count(), url)
            )
        return {"rows": rows}


@hooks.register("construct_homepage_panels")
def add_moderation_panel(request, panels):
    user = request.user
    if any(user.has_perm(p) for p in ("qa.change_question", "qa.change_comment", "qa.view_feedback")):
        panels.append(ModerationPanel(user))
