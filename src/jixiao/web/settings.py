"""Django settings, read from the environment once.

Every setting that differs between the embedded default and production is declared in
:data:`jixiao.web.config.SETTINGS` with its doc and default; this module only applies them.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF

from jixiao.web.config import current

_config = current()
# The core's OCR cache (jixiao.documents.ocr_cache) reads its directory from the environment;
# the worker's reading children inherit it.
os.environ["JIXIAO_CACHE_DIR"] = str(_config.cache_dir)

BASE_DIR = _config.data_dir
SECRET_KEY = _config.secret_key
DEBUG = _config.debug
ALLOWED_HOSTS = _config.allowed_hosts
CSRF_TRUSTED_ORIGINS = _config.trusted_origins

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "axes",
    "csp",
    "django_htmx",
    "ninja",  # serves its docs page's assets locally instead of from a CDN
    "jixiao.web.accounts",
    "jixiao.web.evaluations",
    "jixiao.web.review",
    "jixiao.web.publication",
    "jixiao.web.rectification",
    "jixiao.web.api",
    "jixiao.web.audits",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "jixiao.web.api.errors.EnvelopeMiddleware",  # outermost but one: sees every /api/ response
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "jixiao.web.urls"
WSGI_APPLICATION = "jixiao.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).parent / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

DATABASES = {"default": _config.database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# 等级保护: passwords of at least 10 characters, not common, not all digits, not like the name.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "jixiao.web.accounts.passwords.MixedCharactersValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Sessions end after 30 idle minutes and with the browser.
SESSION_COOKIE_AGE = _config.session_minutes * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = _config.https
CSRF_COOKIE_SECURE = _config.https
CSRF_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = False  # TLS ends at the intranet's proxy when there is one
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if _config.https:
    SECURE_HSTS_SECONDS = 31536000
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# No inline script or style anywhere; everything is served from this site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# Lockout by username and address together: one office behind one address cannot lock its
# colleagues out, and nobody elsewhere can lock a user out by guessing at their name.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_IPWARE_PROXY_COUNT = _config.proxy_count
AXES_VERBOSE = False

LANGUAGE_CODE = "zh-hans"  # always: the browser's own language is not asked (no LocaleMiddleware)
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = _config.data_dir / "static"
STATICFILES_DIRS = [Path(__file__).parent / "static"]
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(_config.data_dir / "files")},
    },
    "staticfiles": {"BACKEND": "jixiao.web.staticfiles.GzipManifestStaticFilesStorage"},
}
MEDIA_ROOT = _config.data_dir / "files"
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024  # form posts; files have their own limit
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
UPLOAD_MAX_BYTES = 50 * 1024 * 1024
RECTIFICATION_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024  # each file sent with 整改反馈
AUDIT_UPLOAD_MAX_BYTES = 1024 * 1024 * 1024  # one batch audit's upload: reports or zips
DATA_UPLOAD_MAX_NUMBER_FILES = 1000  # a batch audit takes up to 1000 files
AUDIT_PAGES_PER_TASK = 20  # a scan of more pages is read by several tasks
AUDIT_STALE_SECONDS = _config.visibility_seconds  # a file untouched this long is queued again

CELERY_BROKER_URL = _config.broker_url
CELERY_BROKER_TRANSPORT_OPTIONS = _config.broker_options
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_IGNORE_RESULT = True  # results live in the Job rows the pages read

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

AUTH_USER_MODEL = "accounts.User"
