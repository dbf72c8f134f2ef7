"""The web system: units fill in, check and submit their 自评; the 财政局 reviews.

A Django project inside the package. It calls the same core functions as the CLI (load,
score, check, import, render); the core imports nothing from here.
"""

# Tasks sent from any process of the site go to the site's broker, not Celery's default.
from jixiao.web.celery_app import app as celery_app

__all__ = ["celery_app"]
