"""``python -m rapport.cli``: what the tests, benchmarks and the frozen build run."""

import sys

from rapport.cli import main

sys.exit(main())
