"""What a report states, read from its :class:`~jixiao.documents.model.Document`.

* :mod:`jixiao.extract.prose` — relations stated in prose (sums, shares, changes, rates, counts,
  repeats) and the findings on them (JX-TEXT-*).
* :mod:`jixiao.extract.tables` — relations stated in tables (分值/得分 of score tables, 合计 rows
  and rate columns of amount tables) and the findings on them (JX-TABLE-*).
* :mod:`jixiao.extract.evaluation` — a recognised form read into the
  :class:`~jixiao.model.Evaluation` it states, with every value's place; the rule catalogue on
  it; ``jixiao import``.

What they share lives here: amounts and percentages in prose (:mod:`.amounts`), prose normalised
with its offsets kept (:mod:`.normalise`) and runs of paragraphs (:mod:`.text_runs`).
"""
