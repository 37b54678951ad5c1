PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEED := seeds/000_f9189766c98bbe8f.txt
SIZE ?= full
CORPUS ?= ../shared/corpus/peoples_daily_1998_01/articles.jsonl

.PHONY: install demo test bench lint language-table clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	# an editable install is not byte-compiled; do it, as pip does for a regular install
	$(BIN)/python -m compileall -q newsclean > /dev/null
	touch $(STAMP)

demo: install
	$(BIN)/newsclean fix $(SEED)

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python -m newsclean.bench --size $(SIZE) --corpus $(CORPUS) --out bench-results.json

# the character-pair counts behind seam judgements, rebuilt from a JSONL article corpus
language-table: install
	$(BIN)/python -m newsclean.language_table $(CORPUS) newsclean/data/hanzi_pairs.tsv.gz

lint: install
	$(BIN)/ruff check newsclean tests
	$(BIN)/ruff format --check newsclean tests

clean:
	rm -rf $(VENV) build *.egg-info bench-results.json .pytest_cache
