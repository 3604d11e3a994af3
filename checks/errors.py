"""Errors raised by the data-quality gate."""

from __future__ import annotations

from claims.errors import ClaimflowError


class GateError(ClaimflowError):
    """The gate itself could not decide (bad input shape, broken expectation, counts off).

    Bad *data* never raises: it goes to quarantine.  This error means the gate
    cannot vouch for its answer; the message names the run_id and the table.
    """
