"""The one way the store writes a time: UTC, milliseconds, a `Z`."""

from datetime import UTC, datetime


def utc_now() -> str:
    """The current UTC time as ISO 8601 with milliseconds and a `Z`."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def utc_stamp() -> str:
    """The current UTC time, compact, for file names: `20261125T211317Z`."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
