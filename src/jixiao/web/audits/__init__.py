"""Batch audit in the browser: a reviewer uploads a zip or many reports, the workers check one
file a task (the same check as `jixiao check --all`), the page shows progress, one row per file
and each file's findings with their places; the results go out as a workbook and a review memo."""
