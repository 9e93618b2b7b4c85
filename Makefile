# Entente's front door. `make run` and `make test` work on a fresh machine: they install a
# pinned uv, the virtualenv (from uv.lock) and everything else they need.

UV_VERSION := 0.13.9
UV := .tools/bin/uv
PYTHON := .venv/bin/python
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv

HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install run demo worker test test-sqlite test-browser lint format migrations-check messages eval eval-seed actor-report benchmark benchmark-web load-test ci clean

help:
	@echo "make run               the app on SQLite, with a worker and demo data"
	@echo "make test              the whole test suite on PostgreSQL (a throwaway server)"
	@echo "make test-sqlite       the whole test suite on SQLite"
	@echo "make lint | format     ruff"
	@echo "make eval              score extraction on both shared labelled sets (dev, dev2)"
	@echo "make eval-seed         fail unless the seed article scores strict F1 1.0"
	@echo "make actor-report      the actors extraction creates from both shared corpora"
	@echo "make benchmark         extraction speed: the engine, and workers end to end (BENCH_WORKER_ARTICLES)"
	@echo "make benchmark-web     the timeline at 200,000 meetings on a throwaway PostgreSQL"
	@echo "make load-test         50 analysts and an editor against gunicorn, on a throwaway PostgreSQL"
	@echo "make messages          extract and compile the Indonesian interface strings"
	@echo "make ci                what CI runs"

$(UV):
	python3 -m venv .tools
	.tools/bin/pip install --quiet "uv==$(UV_VERSION)"

.venv/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python "$$(scripts/find-python)"
	@touch $@

install: .venv/.synced

run: install
	$(PYTHON) manage.py migrate --no-input
	$(PYTHON) manage.py setup_demo
	scripts/run-dev $(HOST) $(PORT)

demo: install
	$(PYTHON) manage.py migrate --no-input
	$(PYTHON) manage.py setup_demo

worker: install
	$(PYTHON) manage.py db_worker

test: install
	scripts/with-postgres $(PYTHON) -m pytest $(ARGS)

test-sqlite: install
	DATABASE_URL=sqlite:///:memory: $(PYTHON) -m pytest $(ARGS)

test-browser: install
	scripts/with-postgres $(PYTHON) -m pytest -m browser $(ARGS)

lint: install
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: install
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

migrations-check: install
	$(PYTHON) manage.py makemigrations --check --dry-run

eval: install
	@echo "== dev (articles.jsonl, dev-gold.jsonl)"
	../shared/eval/run.sh ../shared/corpus/articles.jsonl ../shared/eval/dev-gold.jsonl
	@echo "== dev2 (articles-2.jsonl, dev2-gold.jsonl)"
	../shared/eval/run.sh ../shared/corpus/articles-2.jsonl ../shared/eval/dev2-gold.jsonl

# The seed article must stay exactly right: fails unless its strict F1 is 1.0.
eval-seed: install
	scripts/eval-seed

# The actors extraction creates from both shared corpora, for a reader to check.
actor-report: install
	scripts/actor-report ../shared/corpus/articles.jsonl ../shared/corpus/articles-2.jsonl

# The engine beside spaCy, then BENCH_WORKER_ARTICLES articles end to end in real worker
# processes on SQLite and on a throwaway PostgreSQL (one and two workers), start-up and queries.
BENCH_WORKER_ARTICLES ?= 1000
benchmark: install
	env -u DATABASE_URL DEBUG=0 scripts/with-postgres $(PYTHON) manage.py benchmark_extraction \
	  ../shared/corpus/articles.jsonl --repeat 5 --worker-articles $(BENCH_WORKER_ARTICLES) \
	  --worker-corpus ../shared/corpus/articles.jsonl \
	  --worker-corpus ../shared/corpus/articles-2.jsonl $(ARGS)

# The timeline's pages at scale: always on a throwaway PostgreSQL (generate_data adds rows).
BENCH_MEETINGS ?= 200000
BENCH_ARTICLES ?= 1000000
BENCH_ACTORS ?= 20000
benchmark-web: install
	env -u DATABASE_URL DEBUG=0 scripts/with-postgres bash -c '$(PYTHON) manage.py migrate -v0 && \
	  $(PYTHON) manage.py generate_data --meetings $(BENCH_MEETINGS) \
	    --articles $(BENCH_ARTICLES) --actors $(BENCH_ACTORS) --seed 1 && \
	  $(PYTHON) manage.py benchmark_web $(ARGS)'

# 50 concurrent analysts and an uploading editor against gunicorn and a worker, on generated data
# (MEETINGS=200000 by default; see scripts/load-test).
load-test: install
	env -u DATABASE_URL scripts/with-postgres scripts/load-test

# The interface's Indonesian catalogue: extract the strings, then compile the .mo (both committed).
messages: install
	$(PYTHON) manage.py makemessages -l id --ignore=.venv --ignore=.tools --ignore=staticfiles --ignore=tests --ignore="scripts/*"
	$(PYTHON) manage.py compilemessages -l id --ignore=.venv

ci: lint migrations-check test test-sqlite eval-seed

clean:
	rm -rf .venv .tools staticfiles
