"""自评任务 and evaluations: the editor, live checks, uploads and rendering."""
