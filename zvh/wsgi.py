"""WSGI entry point (gunicorn). The collector is set for a long-running process (``zvh.core.gcconfig``)."""

import os

from django.core.wsgi import get_wsgi_application

from zvh.core.gcconfig import tune_for_serving

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zvh.settings.production")

application = get_wsgi_application()
tune_for_serving()
