# Lantern: `make demo` sets everything up and serves http://127.0.0.1:8000; `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ASSETS := lantern/web/static/vendor/.copied
DEMO_CHILDREN ?= 85000
DEMO_SEED ?= 2013
export DJANGO_SETTINGS_MODULE ?= config.settings.local
# On PostgreSQL, set LANTERN_DATABASE_OWNER_URL to the owner's URL and DATABASE_URL to the role the
# application runs as: migrations and set-up run as the owner, then `database_roles` gives the
# application's role its rights (it may only read and add to the audit trail; ADR 0014).
AS_OWNER := $(if $(LANTERN_DATABASE_OWNER_URL),DATABASE_URL="$(LANTERN_DATABASE_OWNER_URL)",)

.PHONY: demo test venv assets migrate lint typecheck bench clean serve

demo: venv assets migrate
	$(AS_OWNER) $(BIN)/python manage.py synthesise_authority --children $(DEMO_CHILDREN) --seed $(DEMO_SEED) --if-empty
	$(AS_OWNER) $(BIN)/python manage.py demo_users
	$(BIN)/python manage.py runserver 127.0.0.1:8000

serve: venv assets migrate
	$(BIN)/python manage.py runserver 127.0.0.1:8000

venv: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

assets: $(ASSETS)

$(ASSETS): package.json package-lock.json lantern/web/styles/lantern.scss
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p lantern/web/static/vendor/assets
	node_modules/.bin/sass --load-path=. --style=compressed --quiet-deps --no-source-map lantern/web/styles/lantern.scss lantern/web/static/vendor/govuk-lantern.css
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js lantern/web/static/vendor/
	cp -r node_modules/govuk-frontend/dist/govuk/assets/images lantern/web/static/vendor/assets/
	cp node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.css node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js lantern/web/static/vendor/
	cp node_modules/axe-core/axe.min.js lantern/web/static/vendor/
	touch $(ASSETS)

migrate: venv
	mkdir -p var
	$(AS_OWNER) $(BIN)/python manage.py migrate --no-input
	$(if $(LANTERN_DATABASE_OWNER_URL),$(AS_OWNER) $(BIN)/python manage.py database_roles --app-url "$(DATABASE_URL)")

# Lint and types first: they take a minute and catch what a long test run would only trip over.
# pytest exits 5 when it collected no tests; that is a broken suite, so say so and fail plainly.
test: venv assets lint typecheck
	@DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python -m pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "No tests were collected: the suite is broken."; exit 1; fi; exit $$status

lint: venv
	$(BIN)/ruff check .

typecheck: venv
	$(BIN)/mypy lantern config

bench: venv
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) node_modules lantern/web/static/vendor var staticfiles
