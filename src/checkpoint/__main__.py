"""Run the station with ``python -m checkpoint``."""

import sys

from checkpoint.cli import main

if __name__ == "__main__":
    sys.exit(main())
