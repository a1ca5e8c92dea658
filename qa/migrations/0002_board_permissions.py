"""Let the Ban Biên tập moderate readers' questions, comments and feedback, and
the Ban Điều hành see them (oversight). Production needs this, so it is data."""

from django.db import migrations

BOARD = "Ban Biên tập"
STEERING = "Ban Điều hành"

GRANTS = {
    BOARD: {
        "question": ["add", "change", "delete", "view"],
        "comment": ["change", "delete", "view"],
        "feedback": ["delete", "view"],
        "participationsettings": ["change", "view"],
    },
    STEERING: {"question": ["view"], "comment": ["view"], "feedback": ["view"]},
}
VERBOSE = {"add": "Can add", "change": "Can change", "delete": "Can delete", "view": "Can view"}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for group_name, models in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, actions in models.items():
            content_type, _ = ContentType.objects.get_or_create(app_label="qa", model=model)
            for action in actions:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"{VERBOSE[action]} {model}"},
                )
                group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="qa"))


class Migration(migrations.Migration):
    dependencies = [
        ("qa", "0001_initial"),
        ("editorial", "0001_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
