"""Pre-show checklists: templates, validation, run engine, sensed checks (no Qt)."""
