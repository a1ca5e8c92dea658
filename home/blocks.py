"""Blocks of the About page: the portal's offices and how to reach them."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class OfficeBlock(blocks.StructBlock):
    """One office of the Provincial Party Committee: who heads it, what it
    does and how to reach it (official switchboard and mailbox, never a
    person's own)."""

    name = blocks.CharBlock(label=_("Tên cơ quan, đơn vị"), max_length=200)
    head = blocks.CharBlock(label=_("Người đứng đầu"), max_length=200, required=False)
    duties = blocks.TextBlock(label=_("Chức năng, nhiệm vụ"), required=False, max_length=1000)
    address = blocks.CharBlock(label=_("Địa chỉ"), max_length=255, required=False)
    phone = blocks.CharBlock(label=_("Điện thoại"), max_length=64, required=False)
    email = blocks.EmailBlock(label=_("Thư điện tử"), required=False)

    class Meta:
        icon = "group"
        template = "home/blocks/office.html"
        label = _("Cơ quan, đơn vị")
        description = _("Một cơ quan trong cơ cấu tổ chức, với địa chỉ liên hệ chính thức.")
        preview_value = {
            "name": "Văn phòng Tỉnh ủy",
            "head": "Chánh Văn phòng",
            "duties": "Tham mưu, giúp việc Ban Chấp hành, Ban Thường vụ Tỉnh ủy.",
            "address": "Số 1 Đường Trần Hưng Đạo",
            "phone": "0200 3 812 345",
            "email": "vanphong@portal.invalid",
        }
