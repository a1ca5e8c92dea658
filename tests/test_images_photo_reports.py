"""Photo reports: photos in the editors' order with captions and credits,
responsive <picture> markup everywhere a photo shows, a lightbox that is
plain links without JavaScript, renditions made on publish and fetched in
bulk, so forty photos cost the queries of four."""

import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from PIL import features

from images.renditions import filter_specs
from news.models import ArticlePage, SectionPage
from news.photo_reports import GALLERY_RENDITIONS, PhotoReportPage
from tests.factories import make_image, make_photo_report, section

pytestmark = pytest.mark.django_db


def _gallery(html):
    return html[html.index('<ol class="gallery"') : html.index("</ol>", html.index('<ol class="gallery"'))]


def test_photos_show_in_order_with_captions_and_credits_defaulting_from_the_image(client):
    first = make_image(credit="Minh Đức", caption="Chú thích sẵn có của ảnh")
    second = make_image(credit="Thu Hà")
    third = make_image(credit="")
    report = make_photo_report(
        section("phong-su-anh"),
        photos=[
            (second, "Ảnh thứ nhất do biên tập viên chú thích", "Phóng viên riêng"),
            (first, "", ""),
            (third, "Ảnh không ghi tác giả", ""),
        ],
        photographer="Quốc Việt",
    )
    gallery = _gallery(client.get(report.url).content.decode())
    captions = re.findall(r'<figcaption class="gallery__caption">(.*?)</figcaption>', gallery, re.S)
    assert len(captions) == 3
    assert "1/3" in captions[0] and "Ảnh thứ nhất do biên tập viên chú thích" in captions[0]
    assert "(Ảnh: Phóng viên riêng)" in captions[0]  # the editor's credit wins over the image's
    assert "Chú thích sẵn có của ảnh" in captions[1] and "(Ảnh: Minh Đức)" in captions[1]  # both from the image
    assert "(Ảnh: Quốc Việt)" in captions[2]  # no credit anywhere: the report's photographer

    # Reordering in the editor changes the order readers see.
    photos = list(report.photos.all())
    photos[0].sort_order, photos[2].sort_order = 2, 0
    for photo in photos:
        photo.save()
    gallery = _gallery(client.get(report.url).content.decode())
    assert gallery.index("Ảnh không ghi tác giả") < gallery.index("Ảnh thứ nhất do biên tập viên chú thích")


def test_gallery_photos_are_pictures_with_formats_srcset_sizes_and_dimensions(client):
    report = make_photo_report(
        section("phong-su-anh"), photos=[(make_image(size=(1200, 800)), f"Ảnh {n}", "") for n in range(3)]
    )
    gallery = _gallery(client.get(report.url).content.decode())
    pictures = re.findall(r"<picture>.*?</picture>", gallery, re.S)
    assert len(pictures) == 3
    for number, picture in enumerate(pictures):
        assert '<source type="image/webp" srcset="' in picture
        assert re.search(r'srcset="[^"]+\.webp 480w, [^"]+\.webp 960w"', picture)
        assert re.search(r'<img src="[^"]+\.jpg" srcset="[^"]+ 480w, [^"]+ 960w" sizes="[^"]+"', picture)
        assert 'width="480" height="320"' in picture
        # The first photo is above the fold; the rest wait until scrolled to.
        assert ('loading="lazy"' in picture) == (number > 0)


@pytest.mark.skipif(not features.check("avif"), reason="this Pillow cannot write AVIF")
@override_settings(PORTAL_IMAGE_FORMATS=None)
def test_gallery_offers_avif_first_when_pillow_can_write_it(client):
    image = make_image(size=(1200, 800))
    report = make_photo_report(section("phong-su-anh"), photos=[(image, "Ảnh AVIF", "")])
    picture = re.search(r"<picture>.*?</picture>", _gallery(client.get(report.url).content.decode()), re.S)[0]
    assert picture.index('type="image/avif"') < picture.index('type="image/webp"') < picture.index("<img ")
    assert re.search(r'type="image/avif" srcset="\S+\.avif 480w, \S+\.avif 960w"', picture)
    rendition = image.renditions.get(filter_spec="width-480|format-avif")
    with rendition.file.open("rb") as f:
        assert f.read(32)[4:12] == b"ftypavif"  # a real AVIF file


def test_without_javascript_each_photo_links_to_its_large_version(client):
    image = make_image(size=(2000, 1000))
    report = make_photo_report(section("phong-su-anh"), photos=[(image, "Ảnh lớn", "")])
    html = client.get(report.url).content.decode()
    link = re.search(r'<a class="gallery__link" href="([^"]+)"', html)[1]
    assert link.endswith(".jpg") and "max-1600x1600" in link
    rendition = image.renditions.get(filter_spec="max-1600x1600|format-jpeg")
    assert (rendition.width, rendition.height) == (1600, 800)
    # The lightbox is a native dialog driven by our own small script.
    assert '<dialog class="lightbox"' in html
    assert "news/lightbox.js" in html
    assert "Ảnh trước" in html and "Ảnh sau" in html and "Đóng" in html
    assert 'aria-live="polite"' in html  # the caption is read out as photos change


def test_a_forty_photo_report_runs_the_same_queries_as_a_four_photo_one(client):
    photo_section = section("phong-su-anh")
    images = [make_image() for _ in range(40)]
    small = make_photo_report(photo_section, photos=[(image, "", "") for image in images[:4]])
    large = make_photo_report(photo_section, photos=[(image, "", "") for image in images])

    def count(url):
        client.get(url)  # warm up: renditions are made once
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200
        return len(ctx), response.content.decode().count("<picture>")

    small_queries, small_pictures = count(small.url)
    large_queries, large_pictures = count(large.url)
    assert (small_pictures, large_pictures) == (4, 40)
    assert large_queries == small_queries


def test_related_articles_show_as_cards_and_drafts_stay_out(client):
    articles = list(ArticlePage.objects.listing().descendant_of(section("thoi-su"))[:2])
    report = make_photo_report(section("phong-su-anh"), photos=[(make_image(), "", "")], related=articles)
    html = client.get(report.url).content.decode()
    related = html[html.index('id="related-h"') :]
    assert all(a.title in related for a in articles)
    articles[0].unpublish()
    html = client.get(report.url).content.decode()
    assert articles[0].title not in html


def test_photo_column_lists_reports_with_cover_and_photo_count(client):
    photo_section = section("phong-su-anh")
    report = make_photo_report(
        photo_section, "Phóng sự ảnh mới nhất", photos=[(make_image(), "", "") for _ in range(7)]
    )
    html = client.get(photo_section.url).content.decode()
    listing = html[
        html.index('class="photo-report-list"') : html.index("</ul>", html.index('class="photo-report-list"'))
    ]
    card = next(li for li in listing.split('<li class="card photo-report-card">') if "Phóng sự ảnh mới nhất" in li)
    assert "7 ảnh" in card
    assert "<picture>" in card and "fill-320x200.format-webp" in card  # the cover, cut for a card
    assert report.cover_image_id == report.photos.first().image_id  # no cover chosen: the first photo


def test_home_strip_shows_the_newest_photo_reports(client):
    report = make_photo_report(
        section("phong-su-anh"), "Phóng sự trên trang chủ", photos=[(make_image(), "", "") for _ in range(3)]
    )
    html = client.get("/").content.decode()
    strip = html[html.index('class="photo-strip"') : html.index("</section>", html.index('class="photo-strip"'))]
    assert report.title in strip
    assert "3 ảnh" in strip
    assert "<picture>" in strip


def test_photo_reports_can_only_be_created_in_the_photo_column():
    assert PhotoReportPage.can_create_at(section("phong-su-anh"))
    assert not PhotoReportPage.can_create_at(section("thoi-su"))
    assert not PhotoReportPage.can_create_at(section("phong-su-anh").get_parent().specific)


def test_article_covers_and_cards_are_responsive_pictures(client):
    article = ArticlePage.objects.listing().descendant_of(section("thoi-su")).first()
    html = client.get(article.url).content.decode()
    cover = html[html.index('class="article__cover"') : html.index("</figure>", html.index('class="article__cover"'))]
    assert "<picture>" in cover and "image/webp" in cover and 'loading="lazy"' not in cover
    listing = client.get(section("thoi-su").url).content.decode()
    assert listing.count("<picture>") >= 5
    assert re.search(r'<img src="[^"]+" srcset="[^"]+ 320w, [^"]+ 640w"[^>]+loading="lazy"', listing)


def test_publishing_makes_the_renditions_before_any_reader_asks(django_capture_on_commit_callbacks):
    images = [make_image() for _ in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        report = make_photo_report(section("phong-su-anh"), photos=[(image, "", "") for image in images])
    for image in images:
        made = set(image.renditions.values_list("filter_spec", flat=True))
        assert set(GALLERY_RENDITIONS) <= made
    assert set(filter_specs("card")) <= set(report.cover_image.renditions.values_list("filter_spec", flat=True))


def test_the_demo_has_at_least_four_photo_reports_of_several_photos(client):
    reports = list(PhotoReportPage.objects.listing().child_of(section("phong-su-anh")))
    assert len(reports) >= 4
    assert all(report.photo_count >= 4 for report in reports)
    assert client.get(reports[0].url).status_code == 200
    assert SectionPage.objects.get(slug="phong-su-anh").specific.url
