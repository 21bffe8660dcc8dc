"""kutip: ask questions about news articles, get verbatim quotes with their sources."""

__version__ = "0.1.0"
