"""kutip: ask questions about news articles, get verbatim quotes with their sources.
Ground (errors, settings, memory: import nothing of kutip's packages) and the roots (app,
factories, cli, evaluate: may import everything; nothing imports them)."""

__version__ = "0.1.0"
