"""整改: the 财政局's notice to a unit whose evaluation was returned or poorly graded, the
unit's feedback with attachments, and the bureau closing it (or asking for more)."""
