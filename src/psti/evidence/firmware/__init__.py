"""Firmware evidence: extraction and credential checks."""
