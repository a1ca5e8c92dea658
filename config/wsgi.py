import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

django_application = get_wsgi_application()

from pagecache.wsgi import PageCacheApplication  # noqa: E402

# Page-cache hits are answered before Django builds a request (pagecache/).
application = PageCacheApplication(django_application)
