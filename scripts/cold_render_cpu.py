"""CPU per cold render of the load test's timeline pages (scripts/load_test.py): this process's
(Python) and its PostgreSQL backend's, read from /proc (parallel query off, so that the backend
does all of the database's work), median of N (default 5) requests with the page cache off.

CPU time moves less than wall time when other work shares the machine. Run it in two checkouts
against the same database to compare them (docs/benchmarks.md):

    DATABASE_URL="postgres:///entente_load?host=/var/run/postgresql" N=5 \
        .venv/bin/python scripts/cold_render_cpu.py

Runs in a transaction rolled back at the end (its analyst is not kept). PostgreSQL on this
machine only (it reads the backend's /proc entry); the clock ticks by 10 ms.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
import django

django.setup()
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from events.roles import roles_ensure_groups  # noqa: E402

N = int(os.environ.get("N", "5"))
TICK = os.sysconf("SC_CLK_TCK")
URLS = [
    ("timeline", "/", {}),
    ("country RU", "/?country=RU", {}),
    ("country US", "/?country=US", {}),
    ("year 2000", "/?date_from=2000-01-01&date_to=2000-12-31", {}),
    ("year 2020", "/?date_from=2020-01-01&date_to=2020-12-31", {}),
    ("search summit", "/?q=summit", {}),
    ("search talks", "/?q=talks", {}),
    ("search visit", "/?q=visit", {}),
    ("page 12 (htmx)", "/?page=12", {"HX-Request": "true"}),
    ("histogram RU", "/meetings/histogram/?country=RU", {}),
]


def backend_cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / TICK


caches = {**settings.CACHES, "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
with override_settings(CACHES=caches, ALLOWED_HOSTS=["*"], DEBUG=False), transaction.atomic():
    with connection.cursor() as cursor:
        cursor.execute("SET max_parallel_workers_per_gather = 0")
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    _, analysts = roles_ensure_groups()
    user = get_user_model().objects.create_user(username="cpu-bench-analyst")
    user.groups.add(analysts)
    client = Client()
    client.force_login(user)
    print(f"load {os.getloadavg()[0]:.2f}")
    for name, url, headers in URLS:
        client.get(url, headers=headers)
        py, db, wall = [], [], []
        for _ in range(N):
            p0, d0, w0 = time.process_time(), backend_cpu(pid), time.perf_counter()
            assert client.get(url, headers=headers).status_code == 200
            py.append((time.process_time() - p0) * 1000)
            db.append(backend_cpu(pid) - d0)
            wall.append((time.perf_counter() - w0) * 1000)
        m = statistics.median
        print(
            f"{name:18} python {m(py):6.1f}  postgres {m(db):6.1f}  "
            f"total {m(py) + m(db):6.1f}  wall {m(wall):6.1f}"
        )
    print(f"load {os.getloadavg()[0]:.2f}")
    transaction.set_rollback(True)
