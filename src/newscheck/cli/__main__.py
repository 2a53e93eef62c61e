"""``python -m newscheck.cli``: the command line."""

from . import main

main()
