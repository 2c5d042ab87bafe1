"""crmwb - the CRM consultant's workbench.

Pure domain modules (``tco`` ...) compute; ``workbook`` reads and writes the client's Excel
workbook; ``views`` and ``charts`` turn results into what the client reads; ``report`` and
``batch`` make the deliverables; ``cli`` is the ``crmwb`` command. Importing the package is
cheap: each module imports its heavy dependencies itself.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("crmwb")
except PackageNotFoundError:  # pragma: no cover - running from a source tree not installed
    __version__ = "0+unknown"
