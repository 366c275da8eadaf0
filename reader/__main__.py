"""`python -m reader`."""

import sys

from reader.entry import main

# Guarded: processes started with "spawn" (see `reader.article.parallel`) import
# the main module again, and must not run the reader a second time.
if __name__ == "__main__":
    sys.exit(main())
