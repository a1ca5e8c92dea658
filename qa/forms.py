"""Reader forms. Every message is Vietnamese first (English through the .po
files) and names the field, so a reader knows what to fix."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .antispam import ReaderFormMixin
from .models import Comment, Feedback, Question

EMAIL_MESSAGES = {
    "required": _("Vui lòng nhập địa chỉ thư điện tử."),
    "invalid": _("Địa chỉ thư điện tử không hợp lệ (ví dụ đúng: ten@vidu.vn)."),
}


def _messages(required, max_length=None, min_length=None):
    messages = {"required": required}
    if max_length:
        messages["max_length"] = max_length
    if min_length:
        messages["min_length"] = min_length
    return messages


def too_long(what, limit):
    return _("%(what)s dài quá %(limit)s ký tự.") % {"what": what, "limit": limit}


class ReaderModelForm(ReaderFormMixin, forms.ModelForm):
    """A reader form bound to the item it creates. Field order: the model's,
    then consent, then the hidden anti-spam fields."""

    required_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.required_fields:
            self.fields[name].required = True
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField) and field.max_length:
                field.widget.attrs.setdefault("maxlength", field.max_length)
            if field.required and name != "consent":
                field.widget.attrs["required"] = True


class QuestionForm(ReaderModelForm):
    form_kind = "question"
    no_script_query = "gui-cau-hoi=1"
    required_fields = ("email",)

    class Meta:
        model = Question
        fields = ["name", "email", "phone", "locality", "topic", "title", "body", "hide_name"]
        labels = {"phone": _("Điện thoại (không bắt buộc)")}
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "title": _("Một câu ngắn nói rõ điều bạn muốn hỏi."),
            "hide_name": _("Khi câu hỏi được đăng, chỉ ghi “Bạn đọc” và địa phương."),
        }
        error_messages = {
            "name": _messages(_("Vui lòng nhập họ và tên."), too_long(_("Họ và tên"), 100)),
            "email": {**EMAIL_MESSAGES, "max_length": too_long(_("Địa chỉ thư điện tử"), 254)},
            "phone": {"max_length": too_long(_("Số điện thoại"), 20)},
            "locality": _messages(_("Vui lòng nhập địa phương hoặc đơn vị."), too_long(_("Địa phương, đơn vị"), 200)),
            "topic": {"required": _("Vui lòng chọn lĩnh vực."), "invalid_choice": _("Vui lòng chọn lĩnh vực.")},
            "title": _messages(_("Vui lòng nhập tiêu đề câu hỏi."), too_long(_("Tiêu đề"), 200)),
            "body": _messages(_("Vui lòng nhập nội dung câu hỏi."), too_long(_("Nội dung câu hỏi"), 5000)),
        }

    def clean_title(self):
        title = self.cleaned_data["title"]
        if len(title) < 10:
            raise forms.ValidationError(_("Tiêu đề quá ngắn (ít nhất 10 ký tự)."))
        return title

    def clean_body(self):
        body = self.cleaned_data["body"]
        if len(body) < 20:
            raise forms.ValidationError(_("Nội dung câu hỏi quá ngắn (ít nhất 20 ký tự)."))
        return body

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "")
        digits = re.sub(r"\D", "", phone)
        if phone and not (8 <= len(digits) <= 15):
            raise forms.ValidationError(_("Số điện thoại chỉ gồm chữ số (8–15 số), có thể có dấu +, dấu cách."))
        return phone


class LookupForm(forms.Form):
    code = forms.CharField(
        label=_("Mã theo dõi"),
        max_length=20,
        error_messages={"required": _("Vui lòng nhập mã theo dõi."), "max_length": _("Mã theo dõi không đúng.")},
        widget=forms.TextInput(attrs={"placeholder": "HD-2026-000123", "autocomplete": "off"}),
    )
    email = forms.EmailField(label=_("Thư điện tử đã dùng khi gửi câu hỏi"), error_messages=EMAIL_MESSAGES)

    def clean_code(self):
        code = self.cleaned_data["code"].strip().upper()
        if not re.fullmatch(r"HD-\d{4}-\d{1,10}", code):
            raise forms.ValidationError(_("Mã theo dõi có dạng HD-2026-000123."))
        return code


class CommentForm(ReaderModelForm):
    form_kind = "comment"
    no_script_query = "gui-y-kien=1"
    anchor = "y-kien-ban-doc"
    required_fields = ("email",)

    class Meta:
        model = Comment
        fields = ["name", "email", "body"]
        labels = {"body": _("Ý kiến của bạn")}
        help_texts = {"email": _("Không hiển thị trên trang.")}
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}
        error_messages = {
            "name": _messages(_("Vui lòng nhập họ và tên."), too_long(_("Họ và tên"), 100)),
            "email": {**EMAIL_MESSAGES, "max_length": too_long(_("Địa chỉ thư điện tử"), 254)},
            "body": _messages(_("Vui lòng nhập ý kiến của bạn."), too_long(_("Ý kiến"), 2000)),
        }

    def clean_body(self):
        body = self.cleaned_data["body"]
        if len(body) < 5:
            raise forms.ValidationError(_("Ý kiến quá ngắn (ít nhất 5 ký tự)."))
        return body


class FeedbackForm(ReaderModelForm):
    form_kind = "feedback"
    no_script_query = "gui-gop-y=1"
    anchor = "gop-y"
    required_fields = ("email",)

    class Meta:
        model = Feedback
        fields = ["name", "unit", "email", "part", "content"]
        labels = {"part": _("Phần dự thảo bạn góp ý")}
        widgets = {"content": forms.Textarea(attrs={"rows": 10})}
        error_messages = {
            "name": _messages(_("Vui lòng nhập họ và tên."), too_long(_("Họ và tên"), 100)),
            "unit": _messages(_("Vui lòng nhập đơn vị hoặc địa phương."), too_long(_("Đơn vị, địa phương"), 200)),
            "email": {**EMAIL_MESSAGES, "max_length": too_long(_("Địa chỉ thư điện tử"), 254)},
            "part": {"max_length": too_long(_("Phần góp ý"), 200)},
            "content": _messages(_("Vui lòng nhập nội dung góp ý."), too_long(_("Nội dung góp ý"), 10000)),
        }

    def __init__(self, *args, consultation=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = consultation.part_choices if consultation else []
        if choices:
            self.fields["part"] = forms.ChoiceField(
                label=self.fields["part"].label,
                choices=[("", _("Toàn bộ dự thảo"))] + [(c, c) for c in choices],
                required=False,
                error_messages={"invalid_choice": _("Vui lòng chọn một phần trong danh sách.")},
            )

    def clean_content(self):
        content = self.cleaned_data["content"]
        if len(content) < 10:
            raise forms.ValidationError(_("Nội dung góp ý quá ngắn (ít nhất 10 ký tự)."))
        return content
