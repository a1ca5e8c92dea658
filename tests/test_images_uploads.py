"""Uploads and files: size, pixel and format limits with a Vietnamese message,
no location data in a published rendition, orientation kept, documents served
with safe headers, a private collection closed to anonymous readers, and
S3-compatible media storage when its settings are present."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import ExifTags, Image
from wagtail.documents import get_document_model
from wagtail.models import Collection

from config.media import media_storage
from images.models import PortalImage
from news.demo import PRIVATE_COLLECTION, PRIVATE_DOCUMENT_TITLE
from tests.factories import jpeg_bytes

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'


@pytest.fixture
def editor_client(client):
    client.force_login(get_user_model().objects.get(username="bientap"))
    return client


def _upload(client, name, data, content_type="image/jpeg", title="Ảnh tải lên"):
    collection = Collection.get_first_root_node()
    return client.post(
        reverse("wagtailimages:add"),
        {"title": title, "collection": collection.pk, "file": SimpleUploadedFile(name, data, content_type)},
        HTTP_ACCEPT_LANGUAGE="vi",
    )


def _errors(response):
    return response.context["form"].errors.get("file", [])


def test_a_plain_jpeg_upload_is_accepted(editor_client):
    response = _upload(editor_client, "anh.jpg", jpeg_bytes(), title="Ảnh hợp lệ")
    assert response.status_code == 302
    assert PortalImage.objects.filter(title="Ảnh hợp lệ").exists()


def test_an_svg_upload_is_refused_with_a_vietnamese_message(editor_client):
    response = _upload(editor_client, "logo.svg", SVG, "image/svg+xml", title="Ảnh SVG")
    assert response.status_code == 200
    assert any("Định dạng ảnh không được hỗ trợ" in e and "AVIF" in e for e in _errors(response)), _errors(response)
    assert "SVG" not in " ".join(_errors(response))
    assert not PortalImage.objects.filter(title="Ảnh SVG").exists()


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=2 * 1024)
def test_an_oversized_upload_is_refused_with_a_vietnamese_message(editor_client):
    data = jpeg_bytes(size=(800, 600))
    assert len(data) > 2 * 1024
    response = _upload(editor_client, "lon.jpg", data, title="Ảnh quá lớn")
    assert response.status_code == 200
    assert any("quá lớn" in e and ("2,0" in e or "2.0" in e) for e in _errors(response)), _errors(response)
    assert not PortalImage.objects.filter(title="Ảnh quá lớn").exists()


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=100_000)
def test_an_image_with_too_many_pixels_is_refused_with_a_vietnamese_message(editor_client):
    response = _upload(editor_client, "rong.jpg", jpeg_bytes(size=(400, 300)), title="Ảnh quá nhiều điểm")
    assert response.status_code == 200
    assert any("quá nhiều điểm ảnh" in e for e in _errors(response)), _errors(response)


def test_a_file_named_jpg_that_is_not_a_jpeg_is_refused(editor_client):
    buffer = io.BytesIO()
    Image.new("RGB", (50, 50)).save(buffer, "PNG")
    response = _upload(editor_client, "gia.jpg", buffer.getvalue(), title="Ảnh giả")
    assert response.status_code == 200
    assert any("không khớp" in e for e in _errors(response)), _errors(response)


def _phone_photo():
    """A JPEG as a phone writes it: GPS position and a 'rotate 90°' tag."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhonePhone"
    exif[ExifTags.Base.Orientation] = 6  # the sensor was turned: show rotated 90° clockwise
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (20.0, 48.0, 30.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (105.0, 20.0, 15.0),
    }
    return jpeg_bytes(size=(600, 400), exif=exif.tobytes())


def test_a_rendition_of_a_photo_with_gps_data_has_none_and_stands_upright(editor_client):
    data = _phone_photo()
    original = Image.open(io.BytesIO(data))
    assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the upload really carries a position

    assert _upload(editor_client, "dien-thoai.jpg", data, title="Ảnh điện thoại").status_code == 302
    image = PortalImage.objects.get(title="Ảnh điện thoại")
    for spec in ["width-300|format-jpeg", "width-300|format-webp", "fill-320x200", "width-300"]:
        rendition = image.get_rendition(spec)
        with rendition.file.open("rb") as f:
            published = Image.open(io.BytesIO(f.read()))
        exif = published.getexif()
        assert not exif.get_ifd(ExifTags.IFD.GPSInfo), spec
        assert ExifTags.Base.Make not in exif, spec
        assert "exif" not in published.info, spec
        if spec.startswith("width"):
            # 600×400 taken sideways: upright it is portrait, 300 wide and 450 high.
            assert (published.width, published.height) == (300, 450), spec


# --- documents ------------------------------------------------------------------


def _document(title, name, data, collection=None):
    Document = get_document_model()
    return Document.objects.create(
        title=title,
        file=ContentFile(data, name=name),
        file_size=len(data),
        collection=collection or Collection.get_first_root_node(),
    )


def test_a_word_document_is_downloaded_not_shown_and_never_sniffed(client):
    document = _document("Báo cáo", "bao-cao.docx", b"PK\x03\x04 not really a docx <script>alert(1)</script>")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_pdf_opens_in_the_browser_with_nosniff(client):
    document = get_document_model().objects.get(title="Nghị quyết số 05-NQ/TU (bản trình diễn)")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response.get("Content-Security-Policy", "")


def test_an_html_upload_is_not_an_allowed_document(editor_client):
    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Trang độc",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("trang.html", b"<script>alert(1)</script>", "text/html"),
        },
    )
    assert response.status_code == 200
    assert not get_document_model().objects.filter(title="Trang độc").exists()


def test_private_documents_are_refused_to_anonymous_readers_and_open_for_members(client):
    document = get_document_model().objects.get(title=PRIVATE_DOCUMENT_TITLE)
    assert document.collection.name == PRIVATE_COLLECTION
    response = client.get(document.url)
    assert response.status_code == 302 and "login" in response["Location"]  # refused, sent to log in
    client.force_login(get_user_model().objects.get(username="dangvien"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content]).startswith(b"%PDF")


def test_a_document_added_to_the_private_collection_is_private_too(client):
    collection = Collection.objects.get(name=PRIVATE_COLLECTION)
    document = _document("Biên bản họp nội bộ", "bien-ban.pdf", b"%PDF-1.4 demo", collection)
    assert client.get(document.url).status_code == 302


# --- media storage ----------------------------------------------------------------


def test_media_stay_on_local_disk_without_bucket_settings():
    assert media_storage({}) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert media_storage({"AWS_STORAGE_BUCKET_NAME": " "})["BACKEND"].endswith("FileSystemStorage")


def test_bucket_settings_switch_media_to_s3_compatible_storage():
    storage = media_storage(
        {
            "AWS_STORAGE_BUCKET_NAME": "cong-ttdt-media",
            "AWS_S3_ENDPOINT_URL": "https://s3.example.vn",
            "AWS_S3_REGION_NAME": "hn-1",
            "AWS_S3_CUSTOM_DOMAIN": "media.example.vn",
        }
    )
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert options["bucket_name"] == "cong-ttdt-media"
    assert options["endpoint_url"] == "https://s3.example.vn"
    assert options["region_name"] == "hn-1"
    assert options["custom_domain"] == "media.example.vn"
    assert options["querystring_auth"] is False and options["file_overwrite"] is False


def test_images_and_renditions_are_written_to_the_bucket(monkeypatch, settings):
    """S3 cannot run here: moto stands in for it (the one mock the brief allows)."""
    boto3 = pytest.importorskip("boto3")
    moto = pytest.importorskip("moto")
    from django.core.files.storage import storages

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    with moto.mock_aws():
        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket="cong-ttdt-media")
        settings.STORAGES = {
            **settings.STORAGES,
            "default": media_storage({"AWS_STORAGE_BUCKET_NAME": "cong-ttdt-media", "AWS_S3_REGION_NAME": "us-east-1"}),
        }
        storages._storages = {}
        storage = storages["default"]
        field = PortalImage._meta.get_field("file")
        monkeypatch.setattr(field, "storage", storage)
        monkeypatch.setattr(PortalImage.get_rendition_model()._meta.get_field("file"), "storage", storage)
        try:
            from django.core.files.images import ImageFile

            image = PortalImage(title="Ảnh trên S3", file=ImageFile(io.BytesIO(_phone_photo()), name="s3.jpg"))
            image.save()
            rendition = image.get_rendition("width-200|format-webp")
            keys = {
                o["Key"]
                for o in boto3.client("s3", region_name="us-east-1").list_objects_v2(Bucket="cong-ttdt-media")[
                    "Contents"
                ]
            }
            assert f"media/{image.file.name}" in keys
            assert f"media/{rendition.file.name}" in keys
            assert rendition.url.startswith("https://cong-ttdt-media.s3")
            assert "Signature" not in rendition.url  # plain, cacheable URLs
            with storage.open(rendition.file.name) as f:
                assert "exif" not in Image.open(f).info
        finally:
            storages._storages = {}
