"""The workflow and the review: submit, withdraw, review, return with comments, re-score, approve."""
