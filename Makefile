# claimflow's one task runner.  `make run` and `make test` do all the set-up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# `make run` keeps its data here unless CLAIMFLOW_HOME is set.
CLAIMFLOW_HOME ?= $(CURDIR)/.claimflow

.PHONY: install run test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)  ## run the pipeline once on the bundled samples, print the queue
	CLAIMFLOW_HOME="$(CLAIMFLOW_HOME)" $(BIN)/claimflow run

test: $(STAMP)  ## the whole test suite
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check claims warehouse checks flows tests benchmarks
	$(BIN)/mypy claims warehouse checks flows --ignore-missing-imports

bench: $(STAMP)  ## needs ../shared/datasets
	$(BIN)/python benchmarks/checkworthiness.py --data ../shared/datasets/checkthat2024-task1-en
	$(BIN)/python benchmarks/claims_quality.py

clean:
	rm -rf $(VENV) .claimflow .pytest_cache
