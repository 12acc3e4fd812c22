"""Firmware evidence: safe extraction of firmware images and the checks run on them."""
