"""Qt widgets, one per file (arrives with the console shell)."""
