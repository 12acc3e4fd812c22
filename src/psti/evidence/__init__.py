"""Evidence collectors."""
