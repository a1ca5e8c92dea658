"""The embedded demo and local development: debug on, a throwaway secret key."""

from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-change-me"
ALLOWED_HOSTS = ["*"]
WHITENOISE_AUTOREFRESH = True
