from __future__ import annotations

import json

import pytest

from tests.warehouse.conftest import make_article, make_claim, stage_and_commit
from warehouse import review
from warehouse.errors import ClaimNotFound, ReadOnlyQuery, ReviewError


@pytest.fixture
def queued(db):
    art = make_article()
    hi = make_claim(art, "Unemployment fell to 4.2% in October, the statistics office said.", score=0.95)
    lo = make_claim(art, "The mayor opened a new bridge on Monday.", score=0.6)
    stage_and_commit(db, "run-1", [art], [hi, lo])
    return db, hi, lo


def test_queue_is_ordered_by_priority(queued) -> None:
    db, hi, lo = queued
    res = review.top_of_queue(db, 10)
    assert res.columns[:2] == ["claim_id", "priority"]
    assert [r[0] for r in res.rows] == [hi.claim_id, lo.claim_id]
    assert res.rows[0][1] > res.rows[1][1]
    assert [r[0] for r in review.top_of_queue(db, 1).rows] == [hi.claim_id]


def test_take_verdict_and_claimreview(queued) -> None:
    db, hi, lo = queued
    review.take(db, hi.claim_id, "ana")
    assert review.top_of_queue(db, 10, status="in_review").rows[0][3] == "ana"
    with pytest.raises(ReviewError, match=f"claim_id {hi.claim_id}: already taken by ana"):
        review.take(db, hi.claim_id, "ben")
    with pytest.raises(ReviewError, match="unknown rating"):
        review.record_verdict(db, hi.claim_id, reviewer="ana", rating="pants-on-fire")
    with pytest.raises(ReviewError, match=f"claim_id {hi.claim_id}: taken by ana"):
        review.record_verdict(db, hi.claim_id, reviewer="ben", rating="false")
    review.record_verdict(db, hi.claim_id, reviewer="ana", rating="Mostly-True", note="ONS data: 4.2%",
                          review_url="https://desk.example/fc/1")
    assert [r[0] for r in review.top_of_queue(db, 10).rows] == [lo.claim_id]
    recs = review.claimreview_records(db, organisation="Example Desk")
    assert len(recs) == 1
    cr = recs[0]
    assert cr["@type"] == "ClaimReview" and cr["claimReviewed"] == hi.claim
    assert cr["reviewRating"]["ratingValue"] == 4 and cr["reviewRating"]["alternateName"] == "mostly-true"
    assert cr["itemReviewed"]["appearance"][0]["url"] == "https://news.example/a"
    assert cr["url"] == "https://desk.example/fc/1"
    json.dumps(cr)


def test_claim_detail_has_paragraph_and_children(queued) -> None:
    db, hi, _ = queued
    rec = review.claim_detail(db, hi.claim_id)
    assert rec["paragraph"] == "Unemployment fell to 4.2% in October, the statistics office said."
    assert rec["entities"][0]["kind"] == "PERCENT" and rec["parts"][0]["role"] == "subject"
    para = rec["paragraph"]
    assert para[rec["char_start"] - rec["paragraph_offset"]: rec["char_end"] - rec["paragraph_offset"]] == hi.sentence
    with pytest.raises(ClaimNotFound, match="claim_id deadbeef: no such claim"):
        review.claim_detail(db, "deadbeef")


def test_sql_is_read_only(queued) -> None:
    db, _, _ = queued
    res = review.run_sql(db, "SELECT count(*) AS n FROM claims")
    assert res.records() == [{"n": 2}]
    with pytest.raises(ReadOnlyQuery, match="read-only"):
        review.run_sql(db, "DELETE FROM claims")
    assert review.run_sql(db, "SELECT count(*) FROM claims").rows == [(2,)]


def test_paragraph_of() -> None:
    text = "First para.\n\nSecond one here. And more.\nThird."
    s = text.index("And more.")
    p0, p1 = review.paragraph_of(text, s, s + 9)
    assert text[p0:p1] == "Second one here. And more."
