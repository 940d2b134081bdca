# Two entry points: `make demo` and `make test`. Both bootstrap .venv from the lock.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat constraints.txt pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: demo test fuzz lint venv native lock bench bench-load eval clean-state chromium redis stack data-docs-assets

$(STAMP): constraints.txt pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version' 
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -c constraints.txt -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $@

venv: $(STAMP)

# The metric rules compiled with mypyc (devtools/build_native.py): C extensions beside their sources,
# rebuilt when a source changed, skipped with one line when the machine has no C compiler (the rules
# then run as pure Python; transforms/native.py never runs a stale build).
native: $(STAMP)
	$(BIN)/python -m devtools.build_native

demo: $(STAMP) native
	$(BIN)/newsetl demo

# The suite on every core (pytest-xdist: one process per core, each with its own embedded Postgres
# and temp dirs); PYTEST_WORKERS=0 runs it in one process. Modules whose tests share an expensive
# setup (a whole Airflow run) stay on one worker (tests/conftest.py: ONE_WORKER_MODULES).
PYTEST_WORKERS ?= auto
test: $(STAMP) native chromium redis
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# The hypothesis tests on new random examples, FUZZ_RUNS times (`make test` draws the same examples
# every run, so that CI repeats the last local verdict; tests/conftest.py). A failure prints the
# example and a blob to reproduce it with @reproduce_failure.
FUZZ_RUNS ?= 3
fuzz: $(STAMP) native
	for run in $$(seq $(FUZZ_RUNS)); do \
	  HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -n $(PYTEST_WORKERS) -p no:cacheprovider -q \
	    $$(grep -l '^from hypothesis' tests/test_*.py) $(PYTEST_ARGS) || exit 1; \
	done

# Debian's Chromium for the Data Docs browser test (apt-get, once per machine; a no-op when
# /usr/bin/chromium exists).
chromium:
	devtools/install-chromium.sh

# Debian's redis-server, the Celery broker of `make stack` and tests/test_celery_stack.py (apt-get,
# once per machine; a no-op when redis-server is on PATH).
redis:
	devtools/install-redis.sh

# The CeleryExecutor topology on loopback (devtools/stack.py): embedded Postgres (metadata + warehouse),
# Redis, scheduler, dag-processor, triggerer, api-server on 127.0.0.1:8080, two Celery workers, the
# mirror as the sites and the SMTP sink. Prints the UI's URL and login; Ctrl-C stops all.
stack: $(STAMP) redis
	$(BIN)/python -m devtools.stack

# ruff (style, bugs, imports), import-linter (the floors: docs/ARCHITECTURE.md), mypy (core, transforms).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy

# The whole pipeline on N generated articles, stage by stage (prints figures; not a test).
# BENCH_ARGS="--articles 1000 --json bench.json" to change the size or keep the figures.
bench: $(STAMP) native
	$(BIN)/newsetl bench $(BENCH_ARGS)

# Load throughput vs a raw COPY of the same rows, in depth (prints figures; not a test).
bench-load: $(STAMP)
	$(BIN)/python -m devtools.bench_load

# Extraction quality on the gold set (tests/gold) and the real pages (tests/realgold) beside quantulum3
# and trafilatura, the quality targets, then speed against the revision the speed targets were set on
# (prints figures; asserts nothing).
SPEED_BASE ?= b39115d
# The text pages' two checks (transforms/slugs.py, neardate.py) on the rules before the seventh tune_other pass
# (31dd53b added its pages): the pages that pass and the later ones added, unseen by those rules.
UNSEEN_BASE ?= 31dd53b
eval: $(STAMP) native
	$(BIN)/newsetl eval
	@if git cat-file -e $(SPEED_BASE)^{commit} 2>/dev/null; then \
		$(BIN)/newsetl eval --speed --against $(SPEED_BASE); \
	else \
		echo "$(SPEED_BASE) is not in this clone's history: speed without the comparison"; \
		$(BIN)/newsetl eval --speed; \
	fi
	@if git cat-file -e $(UNSEEN_BASE)^{commit} 2>/dev/null; then \
		$(BIN)/python -m devtools.unseen_checks --rules-rev $(UNSEEN_BASE)~1 --from t151 --to t522 tune_other; \
	else \
		echo "$(UNSEEN_BASE) is not in this clone's history: the text pages' checks on unseen pages not measured"; \
	fi

# Regenerate the lock deliberately (needs the package registries).
lock:
	rm -rf /tmp/newsetl-lock && $(PYTHON) -m venv /tmp/newsetl-lock
	/tmp/newsetl-lock/bin/pip install -q '.[dev]'
	( echo '# Resolved lock for Python 3.11 (pip freeze of a plain resolve of pyproject.toml [dev]).'; \
	  echo '# Regenerate deliberately with `make lock`; every install uses `pip install -c constraints.txt`.'; \
	  /tmp/newsetl-lock/bin/pip freeze --exclude newsetl ) > constraints.txt

# Re-fetch the Data Docs front-end files from the npm registry (expectations/data_docs_assets/,
# committed; `--check` compares only). Not part of test or demo: they use the committed files.
data-docs-assets: $(STAMP)
	$(BIN)/python -m devtools.data_docs_assets

clean-state:
	rm -rf .newsetl
