"""Routing a reader's address to a page in fewer queries (#13).

Wagtail finds a child by its slug (one query) and then loads the child's own
row (``.specific``, a second query), at every level of the address. A page
whose children are nearly all of one type (the home page's sections, a
section's articles) finds such a child together with its own row in one
query; any other child is found Wagtail's way, so nothing changes for it."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404


class TypedChildRouteMixin:
    """For a RoutablePageMixin page: ``typed_child_model()`` names the usual
    type of its children. The page's own routes (``rss/``…) still come first,
    as in RoutablePageMixin.route."""

    @classmethod
    def typed_child_model(cls):
        raise NotImplementedError

    def route(self, request, path_components):
        if path_components and self.live:
            try:
                self.resolve_subpage("/" + "/".join(path_components) + "/")
            except Http404:
                child = self.typed_child(path_components[0])
                if child is not None:
                    # What Wagtail's Page.route does too: get_parent() asks nothing.
                    child._cached_parent_obj = self
                    return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def typed_child(self, slug):
        """The child with this slug when it is exactly of the usual type (a
        subclass, e.g. the Q&A column under the home page, is left to Wagtail,
        which loads it as what it is)."""
        model = self.typed_child_model()
        content_type = ContentType.objects.get_for_model(model)
        children = model.objects.child_of(self).filter(slug=slug, content_type=content_type)
        # An article's body is read only when its shared fragment is rebuilt
        # (one more query then), not decoded on every request.
        return children.defer_streamfields().first()
