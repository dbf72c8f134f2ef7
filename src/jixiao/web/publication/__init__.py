"""Publication: approved reports the 财政局 makes public, and the public page that lists them."""
