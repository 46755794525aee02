# The two README commands: `make demo` (validate + render charters/) and `make test`.
# Both set up everything first (system packages when run as root, and .venv).
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test validate render clean

$(STAMP): pyproject.toml scripts/setup.sh
	bash scripts/setup.sh
	touch $(STAMP)

setup: $(STAMP)

validate: $(STAMP)
	$(BIN)/kommissorium validate charters/

demo: $(STAMP)
	$(BIN)/kommissorium validate charters/
	$(BIN)/kommissorium render charters/ -o build/

render: $(STAMP)
	$(BIN)/kommissorium render charters/ -o build/

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf build .pytest_cache

# Benchmark at national scale (2,000 generated charters); writes bench/RESULTS.md.
.PHONY: bench
bench: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python bench/run.py

# Long property-based fuzz run (hypothesis, tests/test_properties.py): FUZZ_EXAMPLES cases per
# property, 8 properties (≥ 10,000 cases) over validate, render, diff and fmt; then the big
# hostile inputs with their time and memory. Cases per property go to build/fuzz.json.
FUZZ_EXAMPLES ?= 1300
.PHONY: fuzz
fuzz: $(STAMP)
	mkdir -p build
	HYPOTHESIS_PROFILE=fuzz FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) FUZZ_REPORT=$(CURDIR)/build/fuzz.json \
		$(BIN)/python -m pytest -q -p no:cacheprovider tests/test_properties.py
	cat build/fuzz.json
	$(BIN)/python tests/hostile/measure.py
