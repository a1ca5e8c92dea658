from django import template

register = template.Library()


@register.filter
def vn_name(user):
    """A person's name in Vietnamese order (family name first), or the username."""
    if user is None:
        return ""
    name = f"{user.last_name} {user.first_name}".strip()
    return name or user.get_username()
