"""ZVH casusregie: projectpakket (instellingen, URL's, Celery) en de gedeelde kern."""

from .celery import app as celery_app

__all__ = ("celery_app",)
