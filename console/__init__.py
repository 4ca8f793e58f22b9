"""OnAir Console: the application (composition root, CLI; the Qt shell and services grow here)."""

__version__ = "0.1.0"
