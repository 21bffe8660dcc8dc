"""kutip: news questions answered with verbatim quotes; roots app, factories, cli, evaluate.
Ground (errors, settings, memory) imports none of our packages; the roots may import all."""

__version__ = "0.1.0"
