"""The error every claimflow exception derives from.

Each error names the id a user needs (file, article_id, claim_id, run_id) in
its message, so the CLI can print ``str(exc)`` as one line.
"""


class ClaimflowError(Exception):
    """Base class of claimflow's own errors; the CLI prints these as one line."""
