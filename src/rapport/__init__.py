"""Rapport: the agent's single view of the customer."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("rapport")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0"
