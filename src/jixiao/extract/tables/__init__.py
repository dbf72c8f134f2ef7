"""Relations that tables state (score tables, amount tables), and the findings on them
(JX-TABLE-*): :func:`jixiao.extract.tables.claims.table_findings`."""
