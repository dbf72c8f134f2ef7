"""The Celery application: background rendering and reading of uploads.

The embedded default keeps its queue in the data directory and `jixiao serve` runs a worker
itself; production points ``JIXIAO_BROKER_URL`` at Redis or RabbitMQ and runs `jixiao worker`
on any number of machines.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")

app = Celery("jixiao")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["jixiao.web.evaluations"], related_name="jobs")
app.autodiscover_tasks(["jixiao.web.audits"], related_name="tasks")
