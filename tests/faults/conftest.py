from tests.live import live_db, live_template  # noqa: F401 - fixtures
