"""Benchmarks reuse the test session's worlds (built by the real ETL)."""
from tests.conftest import built_warehouse, reference_db  # noqa: F401  (fixtures)
