"""psti: tooling for the UK consumer connectable product security regime."""

__version__ = "0.1.0"
