# Entente's production image: gunicorn serves the app (whitenoise the static files); the same
# image runs the background worker. See docker-compose.yml.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/app/.venv

RUN pip install --no-cache-dir uv==0.13.9

WORKDIR /app

# Dependencies first, so that a change to the code does not reinstall them.
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project --no-cache

COPY . .

ENV PATH="/app/.venv/bin:$PATH" \
    DJANGO_SETTINGS_MODULE=config.settings.prod

# Static files are collected into the image, so that every web replica serves the same ones
# (whitenoise); the key is a placeholder that only this build step sees.
RUN SECRET_KEY=collectstatic-only DATABASE_URL=sqlite:///:memory: \
    python manage.py collectstatic --no-input -v0

# Each language's engine resources are built into the image (EXTRACTION_CACHE_DIR, readable by
# every container), so that a worker reads them in a moment instead of building them for most
# of a minute at each start.
RUN SECRET_KEY=build-only DATABASE_URL=sqlite:///:memory: \
    python manage.py build_extraction_cache

# The app runs as an unprivileged user, who writes the large exports' files in /app/media
# (a volume shared by web and workers: docker-compose.yml) and the page cache's files in
# /app/var/cache/pages (PAGE_CACHE_URL; each web container its own).
RUN useradd --system --create-home --uid 10001 entente \
    && mkdir -p /app/media /app/var/cache/pages && chown entente /app/media /app/var/cache/pages
USER entente

EXPOSE 8000
CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--worker-class", "gthread", "--threads", "4", "--access-logfile", "-"]
