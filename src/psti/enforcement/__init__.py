"""The enforcement authority's tools: cases, notices, penalties, appeals, surveillance.

Library calls first (`cases`, `notices`, `penalty`, `calendar`, `survey`), the CLI
(`psti case|notice|penalty|appeal|survey`) is a thin layer over them.
"""
