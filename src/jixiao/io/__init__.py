"""Reading and writing evaluations: YAML, JSON and the guided Excel workbook."""

DEFAULT_TEMPLATE = "yueyanglou-2024"
"""The report template of a workbook that names none, and of ``jixiao new`` by default (kept
here, free of imports, so the command line's help needs nothing heavier)."""
