"""Data schemas: one module per data type, built on `base.Schema`."""
