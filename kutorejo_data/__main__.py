"""`python -m kutorejo_data` runs the command-line interface."""

import sys

from kutorejo_data.cli.main import main

sys.exit(main())
