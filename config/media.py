"""Where uploaded images and documents are stored.

Local disk (``MEDIA_ROOT``) unless ``AWS_STORAGE_BUCKET_NAME`` is set; then
any S3-compatible object store (AWS S3, MinIO, Viettel/FPT/CMC object
storage…) through django-storages. Credentials are read by boto3 from
``AWS_ACCESS_KEY_ID``/``AWS_SECRET_ACCESS_KEY`` (or an instance role); they
never need to be written in settings.
"""

LOCAL = {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def media_storage(environ):
    """The ``STORAGES["default"]`` entry for this environment."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return dict(LOCAL)
    options = {
        "bucket_name": bucket,
        # Photos are public and cached by browsers and CDNs: plain URLs, not
        # signed ones that change on every page view.
        "querystring_auth": False,
        "default_acl": None,
        # Never replace an existing object with a new upload of the same name.
        "file_overwrite": False,
        "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        "location": environ.get("AWS_LOCATION", "media").strip("/"),
    }
    for variable, option in [
        ("AWS_S3_ENDPOINT_URL", "endpoint_url"),
        ("AWS_S3_REGION_NAME", "region_name"),
        ("AWS_S3_CUSTOM_DOMAIN", "custom_domain"),
    ]:
        if environ.get(variable):
            options[option] = environ[variable]
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
