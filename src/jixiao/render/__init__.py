"""Rendering an evaluation: the report (docx, html), its attachments (xlsx), PDF and charts."""
