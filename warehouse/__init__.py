"""The DuckDB side of the monitor: connection, raw schema, layered build, named queries."""
