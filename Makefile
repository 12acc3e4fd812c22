# The two set-up commands in the README are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export PATH := $(CURDIR)/$(BIN):$(PATH)

.PHONY: install system bytecode demo test lint bench fuzz clean

system:
	bash scripts/install-system.sh

$(BIN)/psti: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip uv
	$(BIN)/uv pip install -q --compile-bytecode --python $(BIN)/python -e '.[dev]'
	@touch $(BIN)/psti

# Byte-compiled modules halve the start-up time of every `psti` command; an editable
# install leaves src/ to compile here (quick when nothing changed).
bytecode: $(BIN)/psti
	@$(BIN)/python -m compileall -q -j 0 src/psti > /dev/null

install: system $(BIN)/psti bytecode

demo: install
	bash scripts/demo.sh

# Lint first: the README's test command is also what CI runs (.ci/run).
test: install lint
	bash scripts/test.sh

# ruff and mypy from the virtualenv; both run, and any finding fails the target.
lint: $(BIN)/psti
	@status=0; \
	$(BIN)/ruff check src tests fuzz testbed || status=1; \
	$(BIN)/mypy || status=1; \
	exit $$status

bench: install
	bash bench/run_all.sh

# Long fuzzing runs: FUZZ_COUNT mutated inputs per family, crashing inputs saved to
# fuzz/crashes/ (replayed by tests/fuzz/test_crashes.py). Change FUZZ_SEED for new inputs.
FUZZ_COUNT ?= 1000
FUZZ_SEED ?= $(shell date +%s)
fuzz: $(BIN)/psti bytecode
	PSTI_FUZZ_EXAMPLES=2000 PSTI_FUZZ_RANDOM=1 $(BIN)/python -m fuzz.properties
	$(BIN)/python -m fuzz.run all --count $(FUZZ_COUNT) --seed $(FUZZ_SEED) --report fuzz-report.md

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
