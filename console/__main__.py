"""`python -m console` is the same as `onair`."""

import sys

from console.cli import main

sys.exit(main())
