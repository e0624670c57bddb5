"""`make loadtest`: Locust, headless, against the real stack (gunicorn + PostgreSQL + Redis + a Celery worker).

Only loopback addresses are used; every run is bounded in users, time and requests.
"""
