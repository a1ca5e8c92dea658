"""The portal's editorial roles: group names are data, shared by migrations,
permissions, workflows and the demo."""

CONTRIBUTORS = "Cộng tác viên"
SECRETARIAT = "Tổ Thư ký"
EDITORIAL_BOARD = "Ban Biên tập"
STEERING_BOARD = "Ban Điều hành"
PARTY_MEMBERS = "Đảng viên"

STAFF_GROUPS = [CONTRIBUTORS, SECRETARIAT, EDITORIAL_BOARD, STEERING_BOARD]
ALL_GROUPS = STAFF_GROUPS + [PARTY_MEMBERS]

# A contributor writes only in the sections they are assigned to. Each
# top-level section has its own group, "Cộng tác viên · <section title>", that
# may add pages under that section (and its translations); an administrator
# assigns sections by ticking these groups on the user's "Roles" tab.
SECTION_GROUP_PREFIX = f"{CONTRIBUTORS} · "

# Page rights on the whole tree (every locale), granted at the root page.
TREE_PAGE_PERMISSIONS = {
    SECRETARIAT: ["add", "change"],
    EDITORIAL_BOARD: ["add", "change", "publish", "lock", "unlock"],
    # The Steering Board approves last in the personnel workflow, so it must
    # hold publish rights there; the publish guard keeps it from bypassing
    # the Editorial Board elsewhere.
    STEERING_BOARD: ["change", "publish", "lock", "unlock"],
}

# Image and document rights on the root collection.
COLLECTION_PERMISSIONS = {
    CONTRIBUTORS: ["add", "choose"],
    SECRETARIAT: ["add", "change", "choose"],
    EDITORIAL_BOARD: ["add", "change", "choose", "delete"],
    STEERING_BOARD: ["add", "change", "choose"],
}

# Who sees the report of items by workflow stage.
REPORT_GROUPS = [EDITORIAL_BOARD, STEERING_BOARD]
REPORT_PERMISSION = "editorial.view_editorial_report"


def section_group_name(title):
    return f"{SECTION_GROUP_PREFIX}{title}"[:150]
