"""Settings for bench/load.py: production, behind a pretend TLS proxy on
loopback that passes each client's address in X-Real-IP."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-" + "x" * 50)
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")

from config.settings.production import *  # noqa: E402, F403

ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
QA_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
OTP_REQUIRED = False
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"  # the bench measures the web, not the mail server
