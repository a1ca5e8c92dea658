"""Demo users and site settings. Demo only: the password is public."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Site

from editorial import roles

from .models import PortalSettings

DEMO_PASSWORD = "demo-portal-2026"

DEMO_USERS = [
    # username, first name, last name, group (None: superuser)
    ("admin", "Quản trị", "Hệ thống", None),
    ("congtacvien", "Lan", "Nguyễn Thị", roles.CONTRIBUTORS),
    ("thuky", "Minh", "Trần Văn", roles.SECRETARIAT),
    ("bientap", "Hương", "Lê Thu", roles.EDITORIAL_BOARD),
    ("dieuhanh", "Quang", "Phạm Đức", roles.STEERING_BOARD),
    ("dangvien", "Sơn", "Hoàng Văn", roles.PARTY_MEMBERS),
]


def load_users(stdout):
    User = get_user_model()
    for username, first_name, last_name, group_name in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first_name, "last_name": last_name, "email": f"{username}@demo.invalid"},
        )
        if created:
            # Only on creation: a second run must not undo a password change.
            user.set_password(DEMO_PASSWORD)
            if group_name is None:
                user.is_superuser = True
                user.is_staff = True
            user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        stdout.write(f"   {'+' if created else '='} {username}")


def load_settings(stdout):
    site = Site.objects.get(is_default_site=True)
    portal = PortalSettings.for_site(site)
    if not portal.address:
        portal.address = "Số 1 Đường Trần Hưng Đạo, phường Trung tâm, tỉnh Mẫu"
        portal.phone = "0200 3 812 345"
        portal.email = "bbt@portal.invalid"
        portal.licence = "Giấy phép số 01/GP-TTĐT (bản trình diễn)"
        portal.editor_in_chief = "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy"
        portal.save()
