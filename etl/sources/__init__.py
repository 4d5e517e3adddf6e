"""Readers: one module per input kind (partnership registers, articles)."""
