"""`python -m psti`: the same as the `psti` command."""

from psti.cli import main

main()
