"""Password rules with messages in Vietnamese (Django's Vietnamese catalogue
lacks the minimum-length message)."""

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def validate(self, password, user=None):
        if len(password) < self.min_length:
            raise ValidationError(
                _("Mật khẩu quá ngắn: cần ít nhất %(min_length)d ký tự.") % {"min_length": self.min_length},
                code="password_too_short",
                params={"min_length": self.min_length},
            )

    def get_help_text(self):
        return _("Mật khẩu cần ít nhất %(min_length)d ký tự.") % {"min_length": self.min_length}


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def validate(self, password, user=None):
        try:
            super().validate(password, user)
        except ValidationError:
            raise ValidationError(
                _("Mật khẩu này quá phổ biến, dễ bị dò ra. Vui lòng chọn mật khẩu khác."), code="password_too_common"
            ) from None

    def get_help_text(self):
        return _("Mật khẩu không được là một mật khẩu phổ biến.")
