from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from .forms import ApproveWithCommentForm, SendBackForm


class ReviewTask(AbstractGroupApprovalTask):
    """One step of the editorial review (Tổ Thư ký, Ban Biên tập, Ban Điều hành):
    members of the step's groups approve it or send it back with a comment."""

    class Meta:
        verbose_name = _("bước duyệt")
        verbose_name_plural = _("bước duyệt")
        permissions = [("view_editorial_report", "Xem báo cáo quy trình biên tập")]

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                ("reject", _("Trả lại"), True),
                ("approve", _("Duyệt"), False),
                ("approve", _("Duyệt kèm ý kiến"), True),
            ]
        return []

    def user_can_lock(self, obj, user):
        # Wagtail lets only the current step's group lock an item under
        # review; the boards' own lock and unlock rights still count here.
        return self._user_in_groups(user) or "lock" in obj.permissions_for_user(user).permissions

    def user_can_unlock(self, obj, user):
        return "unlock" in obj.permissions_for_user(user).permissions

    def get_form_for_action(self, action):
        if action == "reject":
            return SendBackForm
        return ApproveWithCommentForm

    def on_action(self, task_state, user, action_name, **kwargs):
        # The admin's modal enforces the comment through SendBackForm; this
        # also refuses a hand-made POST to the edit view that skips the modal.
        if action_name == "reject" and not str(kwargs.get("comment") or "").strip():
            raise PermissionDenied(_("Trả lại bài cần có ý kiến."))
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("Thành viên các nhóm đã chọn duyệt hoặc trả lại bài ở bước này (trả lại phải có ý kiến).")
