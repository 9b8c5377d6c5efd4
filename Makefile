# Gongkai: `make demo` serves the portal with demo data on SQLite; `make test` runs the whole suite.
SHELL := /bin/bash
UV ?= $(shell command -v uv 2>/dev/null || echo python3 -m uv)
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist workers for `make test` (0: one process); see docs/testing.md
PYTEST_WORKERS ?= 2
export UV_LINK_MODE ?= copy

.PHONY: demo test install uv lint format serve setup check-data openapi

uv:
	@$(UV) --version >/dev/null 2>&1 || { echo "正在用 pip 安装 uv…"; python3 -m pip install --quiet uv; }

install: uv
	$(UV) sync --locked
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error; else echo "npm 未安装：跳过 axe-core（无障碍检查的浏览器测试将失败）"; fi

setup: install
	$(UV) run gongkai migrate --no-input
	$(UV) run gongkai collectstatic --no-input -v0

demo: setup
	$(UV) run gongkai demo
	$(UV) run gongkai search rebuild
	$(UV) run gongkai oversight scan --force
	@echo ""
	@echo "门户已启动：http://$(HOST):$(PORT)/  （工作台 /staff/，管理后台 /admin/，接口文档 /api/docs）"
	@$(UV) run gongkai db_worker --no-reload -v0 & worker=$$!; \
	  $(UV) run gongkai scheduler >/dev/null & scheduler=$$!; \
	  trap "kill $$worker $$scheduler 2>/dev/null" EXIT INT TERM; \
	  $(UV) run gongkai serve --host $(HOST) --port $(PORT)

serve: setup
	$(UV) run gongkai serve --host $(HOST) --port $(PORT)

test: install
	$(UV) run ruff check src tests bench
	$(UV) run ruff format --check src tests bench
	$(UV) run lint-imports
	$(UV) run gongkai makemigrations --check --dry-run
	$(UV) run pytest -n $(PYTEST_WORKERS)

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
