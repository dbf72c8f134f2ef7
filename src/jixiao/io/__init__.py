"""Reading and writing evaluations: YAML, JSON and the guided Excel workbook."""
