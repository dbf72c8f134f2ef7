"""The web system's settings for the tests: a temporary data directory, a fast password hash."""

import hashlib
import os
import tempfile
from pathlib import Path

os.environ.setdefault("JIXIAO_DATA_DIR", tempfile.mkdtemp(prefix="jixiao-test-data-"))

from jixiao.web.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True  # static files straight from the apps, without collectstatic

# A file, not shared memory, so the worker thread of the Celery tests and the requests wait for
# each other's writes instead of failing with "table is locked".
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(Path(os.environ["JIXIAO_DATA_DIR"]) / "test.sqlite3")}  # noqa: F405
else:
    # One test database per checkout, so two checkouts on one server never drop each other's.
    checkout = hashlib.sha256(str(Path(__file__).resolve()).encode()).hexdigest()[:8]
    DATABASES["default"]["TEST"] = {"NAME": f"test_jixiao_{checkout}"}  # noqa: F405
