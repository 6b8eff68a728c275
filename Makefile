# clausegate developer commands. `make help` lists them.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
# NOTE: torch is installed first, as the CPU build, so sentence-transformers does not pull a CUDA build
# (several GB). Where the default index only serves CUDA builds, point TORCH_INDEX_ARGS at PyTorch's CPU
# wheel index, e.g. TORCH_INDEX_ARGS="--index-url <PyTorch CPU wheel index URL>".
TORCH_VERSION ?= 2.13.0
TORCH_INDEX_ARGS ?=
SAMPLE := examples/acme-cloud/msa.pdf examples/acme-cloud/dpa.docx examples/acme-cloud/order_form.txt

.PHONY: help setup demo test check lint format eval eval-holdout eval-cuad eval-cuad-agreement bench clean

help:  ## list the commands
	@grep -E '^[a-z%-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet "torch==$(TORCH_VERSION)" $(TORCH_INDEX_ARGS)
	$(PIP) install --quiet -e ".[dev]"
	touch $@

setup: $(VENV)/.installed  ## create .venv and install clausegate with dev tools (CPU torch)

demo: setup  ## review the shipped sample family, then write the sample project's gate memo
	$(VENV)/bin/clausegate review $(SAMPLE) --family acme-cloud
	$(VENV)/bin/clausegate gate examples/project.yaml --format markdown --out memo.md
	$(VENV)/bin/clausegate gate examples/project.yaml --format pdf --out memo.pdf
	@echo "CFO memo written to memo.md and memo.pdf"

test: setup  ## run the test suite
	$(VENV)/bin/pytest -q

check: setup  ## lint, format check and type-check the core
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: setup  ## format the code
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

eval: setup  ## score the review on the labelled gold set
	$(PY) -m evals.run --dataset gold

eval-%: setup  ## score on a labelled tuning set: make eval-second ... make eval-twentyfirst (see evals/datasets/)
	$(PY) -m evals.run --dataset $*

eval-holdout: setup  ## score on the held-out set (written independently of the rules; never tune on it)
	$(PY) -m evals.run --dataset holdout

eval-cuad: setup  ## score the review on the CUAD development split (CUAD playbook)
	$(PY) -m evals.run --dataset cuad

eval-cuad-agreement: setup  ## how consistently CUAD's lawyers label the clause kinds the CUAD rules recognise
	$(PY) -m evals.cuad_agreement

bench: setup  ## print speed and memory figures
	$(PY) -m evals.bench

clean:  ## remove local data (store, index) - not the venv
	rm -rf .clausegate memo.md memo.pdf
