"""Load script: many concurrent headless browser sessions against one server.

    python -m loadtest --sessions 20 --seconds 60

See loadtest/run.py (and `python -m loadtest --help`); results go to
docs/performance-load.md.
"""
