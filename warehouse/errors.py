"""Errors raised by the warehouse; each names the file, run or claim involved."""

from claims.errors import ClaimflowError


class WarehouseError(ClaimflowError):
    """Something went wrong in the DuckDB warehouse."""


class WarehouseBusy(WarehouseError):
    """Another process holds the DuckDB file for longer than the lock timeout."""


class WarehouseMissing(WarehouseError):
    """The DuckDB file does not exist yet (no run has created it)."""


class ClaimNotFound(WarehouseError):
    """No claim with that claim_id."""


class ReviewError(WarehouseError):
    """A review action (take, verdict) that the claim's state does not allow."""


class ReadOnlyQuery(WarehouseError):
    """`claimflow sql` was given a statement that would write."""
