"""Ban Điều hành reads the security log (administrators always can)."""

from django.db import migrations

STEERING_BOARD = "Ban Điều hành"


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="audit", model="auditevent")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_security_log", defaults={"name": "Xem nhật ký an ninh"}
    )
    group, _ = Group.objects.get_or_create(name=STEERING_BOARD)
    group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
        ("editorial", "0001_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
