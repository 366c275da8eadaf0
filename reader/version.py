"""The one place the app's version is read: the installed distribution's metadata."""

from functools import cache
from importlib.metadata import PackageNotFoundError, version

DISTRIBUTION = "article-reader"


@cache
def app_version() -> str:
    """The version of the installed `article-reader` distribution."""
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # running from a bare source tree
        return "0+unknown"
