"""Celery application. Tasks are autodiscovered from every installed app's ``tasks.py``."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zvh.settings.dev")

app = Celery("zvh")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
