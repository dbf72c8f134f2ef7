"""PDF reports: the text layer read with pypdfium2 (:mod:`.text`), its ruled tables found on the
paths pdfium has loaded (:mod:`.rulings`), the compressed streams measured before pdfium opens
them (:mod:`.streams`), and the reader that puts the pages together, with OCR for pages that
have no usable text layer (:mod:`.reader`)."""
