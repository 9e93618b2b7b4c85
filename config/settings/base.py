"""Settings shared by every environment.

Everything that differs between machines is read from the environment here, in one place:
DATABASE_URL, SECRET_KEY, DEBUG, ALLOWED_HOSTS (and a few optional tuning knobs).
"""

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

DATABASES = {
    "default": dj_database_url.parse(
        # An empty DATABASE_URL (as `DATABASE_URL= make run` or a blank .env line) is unset.
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the worker write to the same file: wait for locks instead of failing,
    # and let readers run beside a writer.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "simple_history",
    # Counts failed logins on both login forms (/accounts/login/, /admin/login/) and locks out.
    "axes",
    # Listed before django_tasks_db so that our db_worker (which recovers stalled work first)
    # is the one manage.py runs.
    "articles",
    "events",
    "django_tasks_db",
]

MIDDLEWARE = [
    "config.middleware.NotFoundPageMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The interface's language: the analyst's choice (a cookie), else the browser's.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Records the signed-in user on every history row a request writes (events.history).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a lockout raised during login into its answer.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out user before the password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.context_processors.password_reset",
                "events.context_processors.review_waiting",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "events:meeting-list"
LOGOUT_REDIRECT_URL = "login"

# Login throttling (django-axes): this many failures in a row for one user name, or from one
# address, lock that name (whatever the address: a guesser may change addresses) or that address
# out for AXES_COOLOFF_MINUTES. The cool-off keeps a lockout from lasting; the right password
# before it resets the count.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

# Mail goes through SMTP at EMAIL_HOST. Password reset is offered only when EMAIL_HOST is set,
# since otherwise people would be told a link was sent when none was (config.views).
_EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
PASSWORD_RESET_ENABLED = bool(_EMAIL_HOST)
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": _EMAIL_HOST or "localhost",
            "port": int(os.environ.get("EMAIL_PORT", "587")),
            "username": os.environ.get("EMAIL_USER", ""),
            "password": os.environ.get("EMAIL_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", True),
        },
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "entente@localhost")

# Content Security Policy: only our own scripts, styles and images; no inline code anywhere
# (templates load static/js files; htmx is configured not to inject styles or eval).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

LANGUAGE_CODE = "en"
# The interface's languages (Indonesian is one of the product's two first languages);
# extracted content is shown as it was written.
LANGUAGES = [("en", "English"), ("id", "Bahasa Indonesia")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Files the app writes: the large exports (events.export_jobs). Every web replica and worker
# must see the same directory (a shared volume, see docker-compose.yml).
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "media/"
# A meetings export of more rows than this is written by a worker, not inside the request; its
# file is kept EXPORT_KEEP_SECONDS, and the same export asked again within EXPORT_REUSE_SECONDS
# of its writing is the same file.
EXPORT_INLINE_MAX_ROWS = int(os.environ.get("EXPORT_INLINE_MAX_ROWS", "5000"))
EXPORT_KEEP_SECONDS = int(os.environ.get("EXPORT_KEEP_SECONDS", str(24 * 3600)))
EXPORT_REUSE_SECONDS = int(os.environ.get("EXPORT_REUSE_SECONDS", "600"))

# Uploaded article files are read in memory and never stored as files.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# The import form refuses more than 100 files with a message; past this Django answers 400.
DATA_UPLOAD_MAX_NUMBER_FILES = 1000

# How long an extraction may stay "processing", on a worker with no heartbeat, before it is
# taken for a dead worker's and requeued; how many times an extraction failing for a transient
# reason (the database) is tried before it is marked failed; the first retry's delay, doubled
# for each further one.
EXTRACTION_STALL_SECONDS = int(os.environ.get("EXTRACTION_STALL_SECONDS", "300"))
EXTRACTION_MAX_ATTEMPTS = int(os.environ.get("EXTRACTION_MAX_ATTEMPTS", "3"))
EXTRACTION_RETRY_DELAY_SECONDS = int(os.environ.get("EXTRACTION_RETRY_DELAY_SECONDS", "5"))
# Where the engine keeps each language's built resources, so that a worker loads them in a
# moment instead of building them for seconds (events.extraction.resource_cache). Empty: no
# disk cache, every worker builds them.
EXTRACTION_CACHE_DIR = os.environ.get(
    "EXTRACTION_CACHE_DIR", str(BASE_DIR / "var" / "cache" / "extraction")
)


# The rendered timeline fragments (events.page_cache), kept under the data version
# (events.data_version) so that a change shows at the next request; PAGE_CACHE_SECONDS bounds
# how long an entry lives in any case. PAGE_CACHE_URL chooses where: unset, files under
# var/cache/pages (shared by the processes and replicas of one host); "file:///path", another
# folder; "redis://host:6379/0" or "memcached://host:11211", a server several hosts share
# (needs the redis or pymemcache package); "locmem://", this process only; "off", no cache.
def page_cache(url: str, seconds: int) -> dict:
    scheme, _, rest = url.partition("://")
    backends = {
        "file": "django.core.cache.backends.filebased.FileBasedCache",
        "redis": "django.core.cache.backends.redis.RedisCache",
        "memcached": "django.core.cache.backends.memcached.PyMemcacheCache",
        "locmem": "django.core.cache.backends.locmem.LocMemCache",
    }
    if url.strip().lower() in {"off", "none", "0", "false"}:
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    if scheme not in backends:
        raise ValueError(f"PAGE_CACHE_URL {url!r}: use file, redis, memcached, locmem or off")
    location = {"file": rest, "redis": url, "memcached": rest, "locmem": "pages"}[scheme]
    return {
        "BACKEND": backends[scheme],
        "LOCATION": location,
        "TIMEOUT": seconds,
        # Pages of a few common views: more entries than the few hundred Django keeps by default.
        "OPTIONS": {"MAX_ENTRIES": 5000} if scheme in {"file", "locmem"} else {},
        "KEY_PREFIX": "entente-pages",
    }


PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "30"))
PAGE_CACHE_URL = os.environ.get("PAGE_CACHE_URL") or f"file://{BASE_DIR / 'var/cache/pages'}"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": page_cache(PAGE_CACHE_URL, PAGE_CACHE_SECONDS),
}
# Each process reads the data version at most once in this many seconds: a change shows in
# every process within it.
DATA_VERSION_CHECK_SECONDS = float(os.environ.get("DATA_VERSION_CHECK_SECONDS", "1"))

# One line per event on standard error: "text" for people, "json" for log collectors (the
# default in production). Django's own handlers are dropped so that nothing is printed twice,
# and a 4xx answer is logged as one line without its traceback (config.logs).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "client_errors_without_traceback": {"()": "config.logs.ClientErrorsWithoutTraceback"}
    },
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["client_errors_without_traceback"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Django's default config gives these their own handlers, which print each line a
        # second time beside the root's: here they only pass their records up to the root.
        "django": {"handlers": [], "level": LOG_LEVEL, "propagate": True},
        "django.server": {"handlers": [], "level": LOG_LEVEL, "propagate": True},
        "django.db.backends": {"level": "WARNING"},
    },
}

# Workers (events.worker): each beats every WORKER_HEARTBEAT_SECONDS; one silent for
# WORKER_STALE_SECONDS (or whose process is gone from this host) is dead, and its running task
# is run again. Every worker looks for dead ones every WORKER_RECOVERY_SECONDS.
WORKER_HEARTBEAT_SECONDS = float(os.environ.get("WORKER_HEARTBEAT_SECONDS", "5"))
WORKER_STALE_SECONDS = float(os.environ.get("WORKER_STALE_SECONDS", "20"))
WORKER_RECOVERY_SECONDS = float(os.environ.get("WORKER_RECOVERY_SECONDS", "10"))
# A worker keeps its database connection this long between tasks (web requests use
# CONN_MAX_AGE): reconnecting for every task costs more than a short task's queries.
WORKER_CONN_MAX_AGE = float(os.environ.get("WORKER_CONN_MAX_AGE", "300"))
# A worker asks whether editors changed the verified actors (and so the engine's directory) at
# most once in this many seconds: asking for every article cost two queries each.
ACTOR_DIRECTORY_CHECK_SECONDS = float(os.environ.get("ACTOR_DIRECTORY_CHECK_SECONDS", "1"))
