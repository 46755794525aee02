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
