# Gongkai: `make demo` serves the portal with demo data on SQLite; `make test` runs the whole suite.
SHELL := /bin/bash
UV ?= $(shell command -v uv 2>/dev/null || echo python3 -m uv)
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist workers for `make test` (0: one process); see docs/testing.md
PYTEST_WORKERS ?= 2
export UV_LINK_MODE ?= copy
# The browser tests drive this Chromium (tests/browser/conftest.py reads the same variable). Point it elsewhere to
# try the machine without a browser; SKIP_BROWSER_TESTS=1 skips the browser tests on purpose (and says so).
export CHROMIUM ?= /usr/bin/chromium
export SKIP_BROWSER_TESTS ?=
APT_GET ?= apt-get
NPM ?= npm

.PHONY: demo test install uv lint format serve setup check-data openapi browser

uv:
	@$(UV) --version >/dev/null 2>&1 || { echo "正在用 pip 安装 uv…"; python3 -m pip install --quiet uv; }

install: uv
	$(UV) sync --locked
	@if command -v $(NPM) >/dev/null 2>&1; then $(NPM) ci --no-audit --no-fund --loglevel=error; else echo "npm 未安装：跳过 axe-core（无障碍检查的浏览器测试将失败）"; fi

setup: install
	$(UV) run gongkai migrate --no-input
	$(UV) run gongkai collectstatic --no-input -v0

demo: setup
	$(UV) run gongkai demo
	$(UV) run gongkai demo_otp
	$(UV) run gongkai search rebuild
	$(UV) run gongkai opendata build
	$(UV) run gongkai oversight scan --force
	@echo ""
	@echo "门户已启动：http://$(HOST):$(PORT)/  （工作台 /staff/，管理后台 /admin/，接口文档 /api/docs）"
	@$(UV) run gongkai db_worker --no-reload -v0 & worker=$$!; \
	  $(UV) run gongkai scheduler >/dev/null & scheduler=$$!; \
	  trap "kill $$worker $$scheduler 2>/dev/null" EXIT INT TERM; \
	  $(UV) run gongkai serve --host $(HOST) --port $(PORT)

serve: setup
	$(UV) run gongkai serve --host $(HOST) --port $(PORT)

# Chromium and CJK fonts for the browser tests: installed from Debian when this runs as root with apt, otherwise a
# message with the exact command, and a failure rather than a silent skip.
browser:
	@if [ -n "$(SKIP_BROWSER_TESTS)" ]; then echo "SKIP_BROWSER_TESTS=$(SKIP_BROWSER_TESTS)：按要求跳过浏览器测试"; exit 0; fi; \
	if [ ! -x "$(CHROMIUM)" ] || ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
	  if [ "$$(id -u)" = 0 ] && command -v $(APT_GET) >/dev/null 2>&1; then \
	    echo "正在安装浏览器测试所需的 chromium 与中文字体（apt-get）…"; \
	    DEBIAN_FRONTEND=noninteractive $(APT_GET) update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null || true; \
	  fi; \
	fi; \
	if [ ! -x "$(CHROMIUM)" ]; then \
	  echo "浏览器测试需要 Chromium，但 $(CHROMIUM) 不存在。" >&2; \
	  echo "请以 root 运行：apt-get update && apt-get install -y chromium fonts-noto-cjk" >&2; \
	  echo "（或用 CHROMIUM=/path/to/chromium 指定位置；确需跳过浏览器测试时运行 SKIP_BROWSER_TESTS=1 make test）" >&2; \
	  exit 1; \
	fi

test: install browser
	$(UV) run ruff check src tests bench
	$(UV) run ruff format --check src tests bench
	$(UV) run lint-imports
	$(UV) run gongkai makemigrations --check --dry-run
	$(UV) run pytest -n $(PYTEST_WORKERS) -m "not faults"
	@# The kill -9 fault test runs alone, after the rest: its servers and worker must not share the machine's
	@# two cores and the database with the parallel suite (docs/testing.md).
	$(UV) run pytest -m faults

lint:
	$(UV) run ruff check src tests bench

format:
	$(UV) run ruff format src tests bench
	$(UV) run ruff check --fix src tests bench

check-data:
	$(UV) run gongkai calendar check
	$(UV) run gongkai catalog check

openapi:
	$(UV) run gongkai export_openapi_schema --api gongkai.exchange.api.api --indent 2 --sorted --output docs/openapi.json
