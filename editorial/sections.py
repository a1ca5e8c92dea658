"""Keep the editorial set-up in step with the page tree, so an administrator
never has to repeat it by hand:

- every top-level section (a page under a locale's home that holds other
  pages) has a contributor group, "Cộng tác viên · <title>", that may add
  pages there; ticking that group on a user assigns the section;
- a translated page gets its source's workflow assignment and group page
  rights, so the English tree is reviewed and written exactly like the
  Vietnamese one;
- a personnel section gets the three-step workflow.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Locale, Page, WorkflowPage

from . import roles
from .workflows import PERSONNEL_SECTION_SLUGS, assign_personnel_workflow


def _add_page_permission():
    return Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page")


def is_top_level_section(page):
    if page.depth != 3 or page.alias_of_id:
        return False
    specific_class = page.specific_class
    return bool(specific_class and specific_class.allowed_subpage_models())


def section_groups(section):
    return Group.objects.filter(
        name__startswith=roles.SECTION_GROUP_PREFIX,
        page_permissions__page=section,
        page_permissions__permission__codename="add_page",
    ).distinct()


@transaction.atomic
def ensure_section_group(section):
    """Create (or rename after the section) the section's contributor group.
    Idempotent; returns the group."""
    add_page = _add_page_permission()
    name = roles.section_group_name(section.title)
    group = section_groups(section).first()
    if group is None:
        group, _ = Group.objects.get_or_create(name=name)
        GroupPagePermission.objects.get_or_create(group=group, page=section, permission=add_page)
        # Self-sufficient: admin access, images and documents like the base
        # contributors group, so one tick assigns a section.
        base = Group.objects.filter(name=roles.CONTRIBUTORS).first()
        if base is not None:
            group.permissions.add(*base.permissions.all())
            for rule in GroupCollectionPermission.objects.filter(group=base):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection_id=rule.collection_id, permission_id=rule.permission_id
                )
    elif group.name != name and not Group.objects.filter(name=name).exists():
        group.name = name
        group.save(update_fields=["name"])
    for translation in section.get_translations():
        GroupPagePermission.objects.get_or_create(group=group, page=translation, permission=add_page)
    return group


def sync_sections():
    """Bring every existing section up to date (groups, personnel workflow,
    translations). For databases filled before this app, or by bulk imports
    that bypass signals. Idempotent."""
    default_locale = Locale.get_default()
    for page in Page.objects.filter(depth=3, alias_of__isnull=True).order_by("path"):
        if page.locale_id == default_locale.pk and is_top_level_section(page):
            ensure_section_group(page)
        if page.slug in PERSONNEL_SECTION_SLUGS:
            assign_personnel_workflow(page)
    for page in Page.objects.filter(depth=3).exclude(locale=default_locale).order_by("path"):
        follow_source(page)


def _source_of(page):
    others = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    default_locale = Locale.get_default()
    return others.filter(locale=default_locale).first() or others.order_by("pk").first()


def follow_source(page):
    """Give a translation its source's workflow assignment and page rights."""
    source = _source_of(page)
    if source is None:
        return
    assignment = WorkflowPage.objects.filter(page=source).first()
    if assignment is not None:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow_id": assignment.workflow_id})
    for rule in GroupPagePermission.objects.filter(page=source):
        GroupPagePermission.objects.get_or_create(group_id=rule.group_id, page=page, permission_id=rule.permission_id)


def on_page_created(page):
    if page.locale_id != Locale.get_default().pk:
        follow_source(page)
    elif is_top_level_section(page):
        ensure_section_group(page)
    if page.slug in PERSONNEL_SECTION_SLUGS:
        assign_personnel_workflow(page)


def on_page_saved(page):
    if page.locale_id == Locale.get_default().pk and is_top_level_section(page):
        group = section_groups(page).first()
        if group is not None and group.name != roles.section_group_name(page.title):
            ensure_section_group(page)


def on_page_deleted(page):
    if page.depth != 3:
        return
    for group in section_groups(page):
        # Keep a group that still grants rights elsewhere (e.g. a translation).
        if not group.page_permissions.exclude(page=page).exists():
            group.delete()
