# Two commands do it all: `make demo` and `make test` (see README).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: venv demo test migrate messages reindex lint format clean backup restore bench

$(VENV)/.installed: requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

venv: $(VENV)/.installed

messages: venv
	$(PY) manage.py compile_translations

migrate: venv messages
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo
	@echo ""
	@echo "Demo users (demo only, never in production): admin, congtacvien, thuky, bientap, dieuhanh, dangvien"
	@echo "Password for all of them: demo-portal-2026"
	@echo "Site: http://127.0.0.1:$(PORT)/   Admin: http://127.0.0.1:$(PORT)/admin/"
	@echo "Scheduled publishing (run_publish_scheduler) and visitor statistics (flush_stats) run beside the server and stop with it."
	@echo ""
	@$(PY) manage.py run_publish_scheduler --exit-with-parent & scheduler=$$!; \
	$(PY) manage.py flush_stats --interval 60 --exit-with-parent & flusher=$$!; \
	trap 'kill $$scheduler $$flusher 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: venv messages
	$(PY) -m pytest $(PYTEST_ARGS)

reindex: venv
	$(PY) manage.py update_index

# Security and reliability (#10): database + media with checksums, under BACKUP_DIR (var/backups).
backup: venv
	$(PY) manage.py backup $(if $(TO),--to $(TO))

restore: venv
	$(PY) manage.py restore $(if $(FROM),--from $(FROM))

# Performance (#13): gunicorn + PostgreSQL + Redis, wrk, nginx (see README "Performance").
# Needs wrk and nginx on the machine (Debian: apt-get install wrk nginx-light); installs nothing.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal_bench
BENCH_LARGE_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal_bench_100k
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/13
bench: venv
	DATABASE_URL=$(BENCH_DATABASE_URL) REDIS_URL=$(BENCH_REDIS_URL) BENCH_LARGE_DATABASE_URL=$(BENCH_LARGE_DATABASE_URL) \
		$(PY) bench/pages.py $(BENCH_ARGS)

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: venv
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) var/static
