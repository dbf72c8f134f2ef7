"""A recognised form (附件1-3, the regional whole-unit forms, the 项目支出绩效自评表) and the body
of its report read into the :class:`~jixiao.model.Evaluation` they state
(:func:`jixiao.extract.evaluation.extract.extract_evaluation`), the rule catalogue's findings on
it (:mod:`.check`) and ``jixiao import`` (:mod:`.importing`)."""
