"""The guided Excel workbook: its layouts as data (:mod:`.layout`, in the vocabulary of
:mod:`.blocks`), the writer and the reader that both follow them, and the cell conversions
(:mod:`.cells`) they share."""
