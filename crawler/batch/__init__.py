"""Many offices in one process: ``oit-audit batch offices.csv`` (see ``runner``)."""
