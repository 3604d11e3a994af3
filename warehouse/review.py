"""The review queue: what reviewers read, take, and rule on.

Reads go through read-only connections (or the snapshot); the two writes,
:func:`take` and :func:`record_verdict`, are one short transaction each.
No pandas here: `claimflow queue` must answer in well under a second.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from claims.records import stable_id
from warehouse.connection import reader, writer
from warehouse.errors import ClaimNotFound, ReadOnlyQuery, ReviewError, WarehouseError

# Verdict ratings, worst to best, and their ClaimReview ratingValue (1..5).
RATINGS: dict[str, int | None] = {
    "false": 1,
    "mostly-false": 2,
    "misleading": 2,
    "half-true": 3,
    "mostly-true": 4,
    "true": 5,
    "unverifiable": None,
}

QUEUE_COLUMNS = (
    "claim_id", "priority", "status", "assignee", "claim", "speaker", "claim_types", "score", "title",
)


@dataclass
class Result:
    """Column names and rows of a query, ready to print."""

    columns: list[str]
    rows: list[tuple[Any, ...]]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def _result(cursor: Any) -> Result:
    cols = [d[0] for d in cursor.description] if cursor.description else []
    return Result(cols, cursor.fetchall())


def top_of_queue(
    db_path: Path, limit: int = 20, *, status: str | None = None, lock_timeout: float = 30.0
) -> Result:
    """The first ``limit`` rows of ``review_queue`` (optionally one status)."""
    cols = ", ".join(QUEUE_COLUMNS)
    where = "WHERE status = $status" if status else ""
    params: dict[str, Any] = {"limit": int(limit)}
    if status:
        params["status"] = status
    with reader(db_path, lock_timeout=lock_timeout) as con:
        return _result(con.execute(f"SELECT {cols} FROM review_queue {where} LIMIT $limit", params))


def run_sql(db_path: Path, query: str, *, lock_timeout: float = 30.0) -> Result:
    """Run one read-only statement; writes are refused with a one-line error."""
    import duckdb

    with reader(db_path, lock_timeout=lock_timeout) as con:
        try:
            return _result(con.execute(query))
        except duckdb.Error as exc:
            msg = str(exc).splitlines()[0]
            if "read-only" in msg.lower() or "read only" in msg.lower():
                raise ReadOnlyQuery(f"{db_path}: claimflow sql is read-only: {msg}") from None
            raise WarehouseError(f"query failed: {msg}") from None


def paragraph_of(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the paragraph (blank-line or newline delimited) holding [start, end)."""
    p_start = text.rfind("\n", 0, start) + 1
    p_end = text.find("\n", end)
    return p_start, len(text) if p_end == -1 else p_end


def claim_detail(db_path: Path, claim_id: str, *, lock_timeout: float = 30.0) -> dict[str, Any]:
    """The full record of one claim: row, article, paragraph, entities, parts, verdicts."""
    with reader(db_path, lock_timeout=lock_timeout) as con:
        claim = _result(con.execute("SELECT * FROM claims WHERE claim_id = ?", [claim_id])).records()
        if not claim:
            raise ClaimNotFound(f"claim_id {claim_id}: no such claim")
        rec = claim[0]
        art = _result(
            con.execute(
                "SELECT article_id, title, url, source, author, published, version, text "
                "FROM articles WHERE article_id = ?",
                [rec["article_id"]],
            )
        ).records()[0]
        rec["entities"] = _result(
            con.execute(
                "SELECT kind, text, char_start, char_end, value, unit FROM claim_entities "
                "WHERE claim_id = ? ORDER BY char_start",
                [claim_id],
            )
        ).records()
        rec["parts"] = _result(
            con.execute(
                "SELECT role, text, char_start, char_end FROM claim_parts WHERE claim_id = ?", [claim_id]
            )
        ).records()
        rec["verdicts"] = _result(
            con.execute(
                "SELECT reviewer, rating, note, review_url, reviewed_at FROM verdicts "
                "WHERE claim_id = ? ORDER BY reviewed_at",
                [claim_id],
            )
        ).records()
        prio = con.execute("SELECT priority FROM review_queue WHERE claim_id = ?", [claim_id]).fetchall()
    text = art.pop("text")
    p0, p1 = paragraph_of(text, rec["char_start"], rec["char_end"])
    rec["article"] = art
    rec["paragraph"] = text[p0:p1]
    rec["paragraph_offset"] = p0
    rec["priority"] = prio[0][0] if prio else None
    return rec


def take(
    db_path: Path, claim_id: str, reviewer: str, *, force: bool = False, lock_timeout: float = 30.0
) -> dict[str, Any]:
    """Assign a queued claim to ``reviewer`` (status in_review)."""
    if not reviewer.strip():
        raise ReviewError(f"claim_id {claim_id}: a reviewer name is required")
    with writer(db_path, lock_timeout=lock_timeout) as con:
        row = con.execute("SELECT status, assignee FROM claims WHERE claim_id = ?", [claim_id]).fetchall()
        if not row:
            raise ClaimNotFound(f"claim_id {claim_id}: no such claim")
        status, assignee = row[0]
        if status == "reviewed":
            raise ReviewError(f"claim_id {claim_id}: already reviewed")
        if status == "in_review" and assignee != reviewer and not force:
            raise ReviewError(f"claim_id {claim_id}: already taken by {assignee} (use --force to take it over)")
        con.execute(
            "UPDATE claims SET status = 'in_review', assignee = ?, taken_at = ? WHERE claim_id = ?",
            [reviewer, datetime.now(UTC), claim_id],
        )
    return {"claim_id": claim_id, "status": "in_review", "assignee": reviewer}


def record_verdict(
    db_path: Path,
    claim_id: str,
    *,
    reviewer: str,
    rating: str,
    note: str | None = None,
    review_url: str | None = None,
    force: bool = False,
    lock_timeout: float = 30.0,
) -> dict[str, Any]:
    """Record a verdict; the claim leaves the queue (status reviewed).

    A claim another reviewer has taken needs ``force``, as with :func:`take`.
    """
    rating = rating.strip().lower()
    if rating not in RATINGS:
        raise ReviewError(f"claim_id {claim_id}: unknown rating {rating!r}; use one of {', '.join(RATINGS)}")
    ts = datetime.now(UTC)
    verdict_id = stable_id("verdict", claim_id, reviewer, ts.isoformat())
    with writer(db_path, lock_timeout=lock_timeout) as con:
        row = con.execute("SELECT status, assignee FROM claims WHERE claim_id = ?", [claim_id]).fetchall()
        if not row:
            raise ClaimNotFound(f"claim_id {claim_id}: no such claim")
        status, assignee = row[0]
        if status == "in_review" and assignee != reviewer and not force:
            raise ReviewError(
                f"claim_id {claim_id}: taken by {assignee}; only they can rule on it (or use --force)"
            )
        con.execute(
            "INSERT INTO verdicts VALUES (?, ?, ?, ?, ?, ?, ?)",
            [verdict_id, claim_id, reviewer, rating, note, review_url, ts],
        )
        con.execute(
            "UPDATE claims SET status = 'reviewed', assignee = ? WHERE claim_id = ?", [reviewer, claim_id]
        )
    return {"verdict_id": verdict_id, "claim_id": claim_id, "rating": rating, "reviewer": reviewer}


def claimreview_records(
    db_path: Path, *, organisation: str, since: datetime | None = None, lock_timeout: float = 30.0
) -> list[dict[str, Any]]:
    """schema.org ClaimReview JSON-LD for the latest verdict of each reviewed claim."""
    with reader(db_path, lock_timeout=lock_timeout) as con:
        rows = _result(
            con.execute(
                """
                SELECT v.claim_id, v.reviewer, v.rating, v.note, v.review_url, v.reviewed_at,
                       c.claim, c.speaker, c.speaker_role, c.publisher, a.url, a.title, a.published
                FROM verdicts v JOIN claims c USING (claim_id) JOIN articles a USING (article_id)
                WHERE v.reviewed_at >= coalesce(?, TIMESTAMPTZ '1970-01-01')
                QUALIFY row_number() OVER (PARTITION BY v.claim_id ORDER BY v.reviewed_at DESC) = 1
                ORDER BY v.reviewed_at
                """,
                [since],
            )
        ).records()
    out = []
    for r in rows:
        value = RATINGS[r["rating"]]
        rating: dict[str, Any] = {"@type": "Rating", "alternateName": r["rating"]}
        if value is not None:
            rating.update(ratingValue=value, bestRating=5, worstRating=1)
        author = (
            {"@type": "Person", "name": r["speaker"]}
            if r["speaker"]
            else {"@type": "Organization", "name": r["publisher"] or "unknown"}
        )
        if r["speaker_role"] and r["speaker"]:
            author["jobTitle"] = r["speaker_role"]
        item: dict[str, Any] = {"@type": "Claim", "author": author}
        if r["published"] is not None:
            item["datePublished"] = r["published"].date().isoformat()
        if r["url"]:
            item["appearance"] = [{"@type": "CreativeWork", "url": r["url"], "headline": r["title"]}]
        rec = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": r["claim_id"],
            "claimReviewed": r["claim"],
            "datePublished": r["reviewed_at"].date().isoformat(),
            "author": {"@type": "Organization", "name": organisation},
            "reviewRating": rating,
            "itemReviewed": item,
        }
        if r["review_url"]:
            rec["url"] = r["review_url"]
        if r["note"]:
            rec["reviewBody"] = r["note"]
        out.append(rec)
    return out


def to_json(value: Any) -> str:
    return json.dumps(value, default=str, ensure_ascii=False, indent=2)
