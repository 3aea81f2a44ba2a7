"""`python -m loadtest`: many concurrent headless browser sessions against one server (see loadtest/cli.py)."""

import sys

from loadtest.cli import main

sys.exit(main())
