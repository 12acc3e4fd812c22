"""The psti registry service: a FastAPI app over the store and the same library calls as the CLI."""
