"""The editorial rights and workflows, as data, so production has them
without demo content.

- Page rights on the root page (so on every locale's tree): Tổ Thư ký add and
  change; Ban Biên tập also publish, lock, unlock; Ban Điều hành change,
  publish, lock, unlock. Contributors get page rights per section, through
  the section groups that ``editorial.sections`` creates with each section.
- Image and document rights on the root collection for every staff group.
- The three review steps and two workflows: "Duyệt tin 2 cấp" on the root
  page, "Duyệt tin nhân sự 3 cấp" for the personnel section (assigned when
  that section is created). Wagtail's default "Moderators approval" is
  deactivated, and its empty "Moderators"/"Editors" groups removed so the
  group list shows only the portal's roles.

Names are literals: a migration must not change meaning when code changes.
"""

import django.db.models.deletion
from django.db import migrations, models

ROOT_PAGE_RIGHTS = {
    "Tổ Thư ký": ["add", "change"],
    "Ban Biên tập": ["add", "change", "publish", "lock", "unlock"],
    "Ban Điều hành": ["change", "publish", "lock", "unlock"],
}
COLLECTION_RIGHTS = {
    "Cộng tác viên": ["add", "choose"],
    "Tổ Thư ký": ["add", "change", "choose"],
    "Ban Biên tập": ["add", "change", "choose", "delete"],
    "Ban Điều hành": ["add", "change", "choose"],
}
REPORT_GROUPS = ["Ban Biên tập", "Ban Điều hành"]
TASKS = [
    # name, groups
    ("Tổ Thư ký kiểm tra", ["Tổ Thư ký"]),
    ("Ban Biên tập duyệt", ["Ban Biên tập"]),
    ("Ban Điều hành duyệt", ["Ban Điều hành"]),
]
STANDARD = ("Duyệt tin 2 cấp", ["Tổ Thư ký kiểm tra", "Ban Biên tập duyệt"])
PERSONNEL = ("Duyệt tin nhân sự 3 cấp", ["Tổ Thư ký kiểm tra", "Ban Biên tập duyệt", "Ban Điều hành duyệt"])


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def grant_rights(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.get(depth=1)
    for group_name, rights in ROOT_PAGE_RIGHTS.items():
        group = Group.objects.get(name=group_name)
        for right in rights:
            permission = _permission(apps, "wagtailcore", "page", f"{right}_page", f"Can {right} page")
            GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=permission)

    root_collection = Collection.objects.get(depth=1)
    for group_name, rights in COLLECTION_RIGHTS.items():
        group = Group.objects.get(name=group_name)
        for right in rights:
            for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
                permission = _permission(apps, app_label, model, f"{right}_{model}", f"Can {right} {model}")
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )

    report = _permission(apps, "editorial", "reviewtask", "view_editorial_report", "Xem báo cáo quy trình biên tập")
    for group_name in REPORT_GROUPS:
        Group.objects.get(name=group_name).permissions.add(report)


def create_workflows(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    ReviewTask = apps.get_model("editorial", "ReviewTask")

    review_ct, _ = ContentType.objects.get_or_create(app_label="editorial", model="reviewtask")
    tasks = {}
    for name, group_names in TASKS:
        task = ReviewTask.objects.filter(name=name).first()
        if task is None:
            task = ReviewTask.objects.create(name=name, content_type=review_ct, active=True)
        task.groups.set(Group.objects.filter(name__in=group_names))
        tasks[name] = task

    workflows = {}
    for name, task_names in (STANDARD, PERSONNEL):
        workflow, _ = Workflow.objects.get_or_create(name=name, defaults={"active": True})
        for order, task_name in enumerate(task_names):
            WorkflowTask.objects.update_or_create(
                workflow=workflow, task=tasks[task_name], defaults={"sort_order": order}
            )
        workflows[name] = workflow

    # Wagtail's default one-step workflow would let its "Moderators" publish
    # after a single approval: switch it off everywhere.
    defaults = Workflow.objects.filter(name="Moderators approval")
    WorkflowPage.objects.filter(workflow__in=defaults).delete()
    defaults.update(active=False)
    Task.objects.filter(name="Moderators approval").update(active=False)

    root_page = Page.objects.get(depth=1)
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflows[STANDARD[0]]})

    for name in ("Moderators", "Editors"):
        Group.objects.filter(name=name, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("editorial", "0001_groups"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.CreateModel(
            name="ReviewTask",
            fields=[
                (
                    "task_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="wagtailcore.task",
                    ),
                ),
                (
                    "groups",
                    models.ManyToManyField(
                        help_text="Pages/snippets at this step in a workflow will be moderated or approved by these groups of users",
                        to="auth.group",
                        verbose_name="groups",
                    ),
                ),
            ],
            options={
                "verbose_name": "bước duyệt",
                "verbose_name_plural": "bước duyệt",
                "permissions": [("view_editorial_report", "Xem báo cáo quy trình biên tập")],
            },
            bases=("wagtailcore.task",),
        ),
        migrations.RunPython(grant_rights, migrations.RunPython.noop),
        migrations.RunPython(create_workflows, migrations.RunPython.noop),
    ]
