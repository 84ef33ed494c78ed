# Two commands do all the set-up: `make run` and `make test`.
# Both create .venv with Python 3.11 when it is missing.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format clean messages bench scaleout soak

$(INSTALLED): requirements.txt requirements-dev.txt build-constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.3"
	$(BIN)/python -m pip install --quiet --build-constraint build-constraints.txt -r requirements-dev.txt
	touch $(INSTALLED)

# Development settings, written once. Real environment variables win over it.
.env:
	@printf '%s\n' \
		'# Written by make on first use. Every variable: .env.example' \
		'DEBUG=True' \
		"SECRET_KEY=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
		"MFA_ENCRYPTION_KEY=$$($(PYTHON) -c 'import base64, os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())')" \
		'ACCOUNT_EMAIL_VERIFICATION=optional' > .env
	@echo "Wrote .env with a new SECRET_KEY and MFA_ENCRYPTION_KEY."

run: $(INSTALLED) .env
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable
	$(BIN)/python manage.py load_starter_helplines
	$(BIN)/python manage.py load_starter_catalogue
	$(BIN)/python manage.py seed_demo
	@echo
	@echo "Connect is starting at http://$(HOST):$(PORT)/ with a background worker (Ctrl+C stops both)."
	SITE_URL=http://$(HOST):$(PORT) $(BIN)/python manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	SITE_URL=http://$(HOST):$(PORT) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Two or more workers (pytest-xdist); PYTEST_ARGS= runs in one process.
PYTEST_ARGS ?= -n auto

test: $(INSTALLED) .env
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# After marking strings: collect them into locale/ and compile (needs GNU
# gettext). Translate the new entries, then run it again. docs/translation.md.
messages: $(INSTALLED)
	$(BIN)/python scripts/translations.py update
	$(BIN)/python scripts/translations.py check

# Load tests on PostgreSQL and Redis (docs/performance.md). Each stops what it starts.
bench: $(INSTALLED)
	$(BIN)/python scripts/bench.py

scaleout: $(INSTALLED)
	$(BIN)/python scripts/scaleout.py

soak: $(INSTALLED)
	$(BIN)/python scripts/soak.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .hypothesis
