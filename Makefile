# stakeholder-graph — the two commands a new user needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
HOST   ?= 127.0.0.1
STAMP  := $(VENV)/.installed
# Browser libraries (vis-timeline for the timeline page, axe-core for the tests), from npm.
WEB    := web
NPM_STAMP := $(WEB)/node_modules/.installed

.PHONY: install run test bench score-real lint neo4j-start neo4j-stop clean

install: $(STAMP) $(NPM_STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

$(NPM_STAMP): $(WEB)/package.json $(WEB)/package-lock.json
	npm ci --prefix $(WEB) --no-audit --no-fund --loglevel=error
	touch $(NPM_STAMP)

## Start the local Neo4j, load the bundled example resolutions, serve API and pages.
run: install
	$(BIN)/skg neo4j start
	$(BIN)/skg load examples/resolutions
	@echo "API and graph pages: http://$(HOST):$(PORT)/  (OpenAPI: /docs, graph: /graph)"
	$(BIN)/skg serve --host $(HOST) --port $(PORT)

## Lint, then the test suite against a throw-away Neo4j that the tests start and stop.
test: install
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

## Benchmarks (BENCH_SIZE=1000 by default): starts a throw-away Neo4j of its own.
bench: install
	$(BIN)/python -m bench

## Extraction on the real-resolutions corpus (texts in .cache/corpus-real, never committed).
score-real: install
	$(BIN)/python tests/corpus/score_real.py $(if $(SEALED),--sealed) $(if $(V),-v) $(if $(TEXT_ONLY),--text-only)

lint: install
	$(BIN)/ruff check .

neo4j-start: install
	$(BIN)/skg neo4j start

neo4j-stop: install
	$(BIN)/skg neo4j stop

clean:
	-$(BIN)/skg neo4j stop
	rm -rf $(VENV) $(WEB)/node_modules .cache .pytest_cache .ruff_cache build *.egg-info bench/results.json
