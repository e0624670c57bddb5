# Production image: gunicorn (web), celery worker and celery beat all run from it (see docker-compose.yml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=zvh.settings.production

# WeasyPrint's system libraries (Pango, HarfBuzz) and fonts for the PDF reports; pgbouncer for the pooler service.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    pgbouncer \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 1000 zvh

WORKDIR /app
COPY pyproject.toml README.md ./
COPY . .
RUN pip install . \
 && SECRET_KEY=collectstatic-only DATABASE_URL=sqlite:////tmp/build.sqlite3 STATIC_ROOT=/app/staticfiles \
    python manage.py collectstatic --noinput \
 && mkdir -p /app/media /app/var && chown -R zvh:zvh /app/media /app/var

USER zvh
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"
CMD ["gunicorn", "zvh.wsgi:application", "-c", "gunicorn.conf.py", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "60"]
