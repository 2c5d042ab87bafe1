"""``python -m crmwb``: the command line, where the ``crmwb`` script is not on the PATH."""

import sys

from crmwb.run.cli import main

sys.exit(main())
