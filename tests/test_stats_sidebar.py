"""The sidebar and footer the board edits: website links, banners shown only
between their dates, the members-only notices block, and the statistics
block; none of them adds a query per page once cached."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from home.models import Banner, WebsiteLink
from images.models import PortalImage
from news.demo import NOTICES

pytestmark = pytest.mark.django_db


def sidebar(html):
    return html[html.index('class="layout__sidebar"') : html.index("</aside>")]


def footer(html):
    return html[html.index('class="site-footer"') :]


def test_website_links_are_listed_in_order_and_hidden_when_switched_off(client):
    WebsiteLink.objects.create(title="Cổng thông tin tỉnh bạn", url="https://example.org/", sort_order=1)
    hidden = WebsiteLink.objects.create(title="Trang đã tắt", url="https://hidden.example.org/", is_active=False)
    html = sidebar(client.get("/").content.decode())
    assert "Liên kết website" in html
    assert "Cổng thông tin tỉnh bạn" in html and 'href="https://example.org/"' in html
    assert hidden.title not in html
    assert html.index("Cổng thông tin tỉnh bạn") < html.index("Báo Điện tử Đảng Cộng sản Việt Nam")


def test_banners_respect_their_dates(client):
    now = timezone.now()
    image = PortalImage.objects.first()
    day = datetime.timedelta(days=1)
    Banner.objects.create(title="Banner đang chạy", image=image, link_url="https://a.example/", starts_at=now - day)
    Banner.objects.create(title="Banner sắp chạy", image=image, link_url="https://b.example/", starts_at=now + day)
    Banner.objects.create(title="Banner đã hết hạn", image=image, link_url="https://c.example/", ends_at=now - day)
    Banner.objects.create(title="Banner chân trang", image=image, placement=Banner.Placement.FOOTER, ends_at=now + day)
    html = client.get("/").content.decode()
    assert 'alt="Banner đang chạy"' in sidebar(html)
    assert "Banner sắp chạy" not in html and "Banner đã hết hạn" not in html
    assert 'alt="Banner chân trang"' in footer(html) and "Banner chân trang" not in sidebar(html)


def test_a_banner_appears_on_time_even_from_the_cache(client, monkeypatch):
    from home.templatetags import sidebar_tags

    image = PortalImage.objects.first()
    starts = timezone.now() + datetime.timedelta(days=1)
    Banner.objects.create(title="Banner đúng giờ", image=image, starts_at=starts)
    assert "Banner đúng giờ" not in client.get("/").content.decode()  # the sidebar is now cached
    # A day later, with nothing saved in between: the cached banner shows.
    later = starts + datetime.timedelta(minutes=1)
    monkeypatch.setattr(sidebar_tags, "_now", lambda: later)
    assert 'alt="Banner đúng giờ"' in client.get("/").content.decode()


def test_a_banner_ending_before_it_starts_is_refused():
    from django.core.exceptions import ValidationError

    now = timezone.now()
    banner = Banner(title="Sai ngày", image=PortalImage.objects.first(), starts_at=now, ends_at=now)
    with pytest.raises(ValidationError):
        banner.full_clean()


def test_members_only_block_is_absent_for_anonymous_readers(client):
    html = sidebar(client.get("/").content.decode())
    assert not any(title in html for title in NOTICES)
    client.force_login(get_user_model().objects.get(username="dangvien"))
    html = sidebar(client.get("/").content.decode())
    assert any(title in html for title in NOTICES)


def test_the_board_edits_links_and_banners_in_the_admin(client):
    client.force_login(get_user_model().objects.get(username="bientap"))
    assert client.get("/admin/snippets/home/websitelink/add/").status_code == 200
    assert client.get("/admin/snippets/home/banner/add/").status_code == 200
    response = client.post(
        "/admin/snippets/home/websitelink/add/",
        {
            "title": "Trang mới của Ban",
            "url": "https://moi.example.org/",
            "language": "vi",
            "sort_order": "0",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert "Trang mới của Ban" in sidebar(client.get("/").content.decode()), "the cached sidebar was refreshed"
    assert "Trang mới của Ban" not in sidebar(client.get("/en/").content.decode()), "a Vietnamese link stays off /en/"
    client.force_login(get_user_model().objects.get(username="congtacvien"))
    assert client.get("/admin/snippets/home/websitelink/add/").status_code in (302, 403)


def test_footer_details_come_from_site_settings(client):
    from wagtail.models import Site

    from home.models import PortalSettings

    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.licence = "Giấy phép số 99/GP-TTĐT"
    settings.editor_in_chief = "Đồng chí Trưởng ban"
    settings.save()
    html = footer(client.get("/").content.decode())
    assert "Giấy phép số 99/GP-TTĐT" in html and "Đồng chí Trưởng ban" in html
