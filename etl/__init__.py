"""ETL: everything that writes the warehouse."""
