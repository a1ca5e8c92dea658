"""``{% responsive_image %}``: one tag for every photo a reader sees.

It writes a ``<picture>`` like Wagtail's ``{% picture %}`` does (a
``<source>`` per modern format, the JPEG ``<img>`` as fallback), with
``srcset``/``sizes`` so a phone takes the small file, ``width``/``height`` so
nothing jumps while loading, and ``loading="lazy"`` unless the photo is above
the fold (``eager=True``). The renditions come from the image's prefetched
ones when the caller prefetched ``images.renditions.filter_specs(name)``.
"""

from django import template
from django.utils.html import format_html, format_html_join
from wagtail.images.shortcuts import get_renditions_or_not_found

from images.renditions import FALLBACK_FORMAT, LIGHTBOX_RENDITION, MIME_TYPES, SPECS, image_formats

register = template.Library()


def _srcset(renditions):
    seen, parts = set(), []
    for rendition in renditions:
        if rendition.width and rendition.width not in seen:
            seen.add(rendition.width)
            parts.append(f"{rendition.url} {rendition.width}w")
    return ", ".join(parts)


@register.simple_tag
def responsive_image(image, name, alt="", eager=False, css_class=""):
    if not image:
        return ""
    spec = SPECS[name]
    formats = image_formats(spec)
    wanted = {fmt: [f"{base}|format-{fmt}" for base in spec.sizes_filters] for fmt in formats}
    renditions = get_renditions_or_not_found(image, [f for specs in wanted.values() for f in specs])
    by_format = {fmt: [renditions[f] for f in specs] for fmt, specs in wanted.items()}
    sources = format_html_join(
        "",
        '<source type="{}" srcset="{}" sizes="{}">',
        (
            (MIME_TYPES[fmt], _srcset(by_format[fmt]), spec.sizes)
            for fmt in formats
            if fmt != FALLBACK_FORMAT and _srcset(by_format[fmt])
        ),
    )
    fallback = by_format[FALLBACK_FORMAT]
    img = fallback[0]
    return format_html(
        '<picture>{}<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}{} decoding="async">'
        "</picture>",
        sources,
        img.url,
        _srcset(fallback),
        spec.sizes,
        img.width,
        img.height,
        alt,
        format_html(' class="{}"', css_class) if css_class else "",
        "" if eager else format_html(' loading="{}"', "lazy"),
    )


@register.simple_tag
def lightbox_rendition(image):
    """The large JPEG a gallery photo links to (opened by the lightbox)."""
    if not image:
        return None
    return get_renditions_or_not_found(image, [LIGHTBOX_RENDITION])[LIGHTBOX_RENDITION]
