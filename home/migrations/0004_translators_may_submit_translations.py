"""Translators are the newsroom's own people: contributors, the Secretariat
and the Editorial Board may start a translation in wagtail-localize. The
translation is a draft page, reviewed and published through the editorial
workflow like any other; this grants no publish right."""

from django.db import migrations

TRANSLATOR_GROUPS = ["Cộng tác viên", "Tổ Thư ký", "Ban Biên tập"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    if permission is None:
        return
    for group in Group.objects.filter(name__in=TRANSLATOR_GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ):
        for group in Group.objects.filter(name__in=TRANSLATOR_GROUPS):
            group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_about_page"),
        ("editorial", "0001_groups"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
