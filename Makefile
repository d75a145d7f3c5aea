# Convivium: the two commands of the README come first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= localhost
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help demo test test-instants install lint format messages compile-messages clean bench-search \
	bench-handbook bench-load bench-opendata \
	bench-events

# Every address the site prints (canonical, sitemap, feeds, emails) names the host and port
# it is served on: load_demo gives them to the Site, the admin's emails read them too.
# DEBUG=false: visitors' error pages are the site's own, in their language, never Django's.
demo: install ## Create .venv, install, migrate, load the demo network and serve it on HOST:PORT (localhost:8000)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo --address $(HOST):$(PORT)
	DEBUG=false WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT) $(PY) manage.py runserver $(HOST):$(PORT)

test: install ## Create .venv, install and run the whole test suite
	$(BIN)/pytest $(PYTEST_ARGS)

# The suite runs at a chosen instant (website/settings/test.py). The tests that depend on
# the date run again at the instants where calendars turn: a month's last day, a leap
# day, the two daylight-saving changes in Europe (01:30 UTC on the last Sundays of March
# and October) and New Year's Eve, an hour before midnight UTC but after it in Brussels.
DATED_TESTS := tests/website/test_clock.py tests/events tests/contributions/test_consultations.py \
	tests/contributions/test_personal_data.py tests/opendata/test_feeds.py \
	tests/website/test_demo.py::test_demo_events_are_placed_from_the_day_it_is_loaded
INSTANTS := 2027-01-31T10:00:00+00:00 2028-02-29T10:00:00+00:00 2027-03-28T01:30:00+00:00 \
	2027-10-31T01:30:00+00:00 2026-12-31T23:30:00+00:00

test-instants: install ## Run the date-dependent tests at each of INSTANTS
	@for instant in $(INSTANTS); do \
		echo "Date-dependent tests at $$instant"; \
		CONVIVIUM_TEST_INSTANT=$$instant $(BIN)/pytest -q $(DATED_TESTS) $(PYTEST_ARGS) || exit 1; \
	done

install: $(VENV)/.installed ## Create .venv and install the project with its test tools

$(VENV)/.installed: pyproject.toml package.json
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@# axe-core, which the browser tests inject into pages; without npm they skip those checks.
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent; \
	else echo "npm not found: the accessibility checks of the browser tests will skip"; fi
	touch $@

lint: install ## ruff check and ruff format --check, and no missing migrations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

format: install ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

LANGUAGES := en it el es pl ro de fr ar

messages: install ## Update the gettext catalogues in locale/ from the code and templates
	$(PY) manage.py makemessages $(addprefix -l ,$(LANGUAGES)) --no-location --no-obsolete \
		--ignore=.venv --ignore=tests --ignore=static --ignore=media

compile-messages: install ## Compile the catalogues (.po to .mo)
	$(PY) manage.py compilemessages --ignore=.venv --ignore=media

bench-search: install ## Time the practice search on a generated corpus, then its recall on the demo (SQLite and PostgreSQL)
	$(PY) bench/search.py
	$(PY) bench/search_quality.py

bench-handbook: install ## Build times and sizes of the handbook's PDF and EPUB per language (after make demo)
	$(PY) bench/handbook.py

bench-load: install ## Serve the demo with gunicorn on PostgreSQL and measure it under load (locust)
	$(PY) -m pip install --quiet -e ".[bench]"
	$(PY) bench/load.py

bench-opendata: install ## Time the API, sitemap, feeds and downloads on the demo network
	$(PY) bench/opendata.py

bench-events: install ## Time the events pages, calendar feeds, programme report and registrations
	$(PY) bench/events.py

clean: ## Remove the virtual environment, the local database and media
	rm -rf $(VENV) db.sqlite3 .test-db.sqlite3 bench-search.sqlite3 bench-events.sqlite3 media static

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-18s %s\n", $$1, $$2}'
