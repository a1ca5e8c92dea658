"""The portal's editorial roles: group names are data, shared by migrations,
permissions, workflows and the demo."""

CONTRIBUTORS = "Cộng tác viên"
SECRETARIAT = "Tổ Thư ký"
EDITORIAL_BOARD = "Ban Biên tập"
STEERING_BOARD = "Ban Điều hành"
PARTY_MEMBERS = "Đảng viên"

STAFF_GROUPS = [CONTRIBUTORS, SECRETARIAT, EDITORIAL_BOARD, STEERING_BOARD]
ALL_GROUPS = STAFF_GROUPS + [PARTY_MEMBERS]
