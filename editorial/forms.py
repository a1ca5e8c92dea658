from django import forms
from django.utils.translation import gettext_lazy as _


class SendBackForm(forms.Form):
    """Sending an item back without saying why leaves the author guessing,
    so the comment is required."""

    comment = forms.CharField(
        label=_("Lý do trả lại"),
        required=True,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("Tác giả sẽ thấy ý kiến này trên bảng điều khiển và trong thư báo."),
        error_messages={"required": _("Hãy ghi lý do trả lại để tác giả biết cần sửa gì.")},
    )

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if not comment:
            raise forms.ValidationError(self.fields["comment"].error_messages["required"], code="required")
        return comment


class ApproveWithCommentForm(forms.Form):
    comment = forms.CharField(label=_("Ý kiến"), required=False, widget=forms.Textarea({"rows": 2}))
