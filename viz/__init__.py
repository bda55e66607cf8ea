"""Interactive network pages (pyvis / vis-network), self-contained and offline."""
