"""The expectation suites, written as code: one per table.

Every expectation carries ``meta``:

- ``name``: a short stable slug (``score_in_unit_interval``),
- ``notes``: one plain-English sentence a desk editor can read; the gate
  uses it as the quarantine reason,
- ``show`` (optional): other columns whose values explain a failure
  (e.g. ``article_length`` next to ``char_end``).

Columns named in ``checks.prepare`` (``article_exists``, ``sentence_words``,
...) are helper columns computed before validation; the expectations here
decide.  ``great_expectations`` is imported inside the functions because it
takes seconds to import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claims.records import ATTRIBUTIONS, CLAIM_TYPES

if TYPE_CHECKING:
    import great_expectations as gx

ENTITY_KINDS: tuple[str, ...] = (
    "PERSON", "ORG", "PLACE", "DATE", "NUMBER", "PERCENT", "MONEY", "RATE", "QUANTITY",
)  # fmt: skip
PART_ROLES: tuple[str, ...] = ("subject", "metric", "value", "comparator", "object", "period")

HEX16 = r"^[0-9a-f]{16}$"
URL = r"^https?://[^\s/$.?#][^\s]*$"
NAME_AT_VERSION = r"^[A-Za-z0-9][A-Za-z0-9_.\-/]*@[A-Za-z0-9][A-Za-z0-9_.+\-]*$"
NOT_BLANK = r"\S"

ARTICLE_TEXT_MIN, ARTICLE_TEXT_MAX = 80, 2_000_000
SENTENCE_CHARS_MIN, SENTENCE_CHARS_MAX = 20, 1000
SENTENCE_WORDS_MIN, SENTENCE_WORDS_MAX = 3, 200

SUITE_NAMES: dict[str, str] = {
    "article": "claimflow.articles",
    "claim": "claimflow.claims",
    "entity": "claimflow.entities",
    "part": "claimflow.parts",
}


def _meta(
    name: str, notes: str, show: tuple[str, ...] = (), *, helper: bool = False
) -> dict[str, Any]:
    meta: dict[str, Any] = {"name": name, "notes": notes}
    if show:
        meta["show"] = list(show)
    if helper:
        meta["helper"] = True  # the column is a True/False helper: reasons show ``show`` only
    return meta


def _suite(name: str, expectations: list[Any]) -> gx.ExpectationSuite:
    import great_expectations as gx

    from checks.runtime import get_context

    get_context()  # GX suites need an active context, even unsaved ones
    suite = gx.ExpectationSuite(name=name, meta={"owner": "claimflow checks"})
    for expectation in expectations:
        suite.add_expectation(expectation)
    return suite


def _is_true(column: str, name: str, notes: str, show: tuple[str, ...] = ()) -> Any:
    """A helper boolean column must be True (nulls mean "not applicable" and are skipped)."""
    import great_expectations.expectations as gxe

    return gxe.ExpectColumnValuesToBeInSet(
        column=column, value_set=[True], meta=_meta(name, notes, show, helper=True)
    )


def articles_suite() -> gx.ExpectationSuite:
    """Expectations for the ``articles`` batch (helper: published_not_in_future)."""
    import great_expectations.expectations as gxe

    return _suite(
        SUITE_NAMES["article"],
        [
            gxe.ExpectColumnValuesToNotBeNull(
                column="article_id", meta=_meta("article_id_present", "Every article has an id.")
            ),
            gxe.ExpectColumnValuesToBeUnique(
                column="article_id",
                meta=_meta("article_id_unique", "An article id appears once in the batch."),
            ),
            gxe.ExpectColumnValuesToMatchRegex(
                column="article_id",
                regex=HEX16,
                meta=_meta("article_id_format", "An article id is 16 lowercase hex characters."),
            ),
            gxe.ExpectColumnValuesToNotBeNull(
                column="text", meta=_meta("text_present", "The article has text.")
            ),
            gxe.ExpectColumnValuesToMatchRegex(
                column="text",
                regex=NOT_BLANK,
                meta=_meta("text_not_blank", "The article text is not just whitespace."),
            ),
            gxe.ExpectColumnValueLengthsToBeBetween(
                column="text",
                min_value=ARTICLE_TEXT_MIN,
                max_value=ARTICLE_TEXT_MAX,
                meta=_meta(
                    "text_length_plausible",
                    f"The article text is {ARTICLE_TEXT_MIN:,} to {ARTICLE_TEXT_MAX:,} characters long.",
                ),
            ),
            gxe.ExpectColumnValuesToNotBeNull(
                column="origin",
                meta=_meta(
                    "origin_present", "We know where the article came from (file, feed or URL)."
                ),
            ),
            gxe.ExpectColumnValuesToMatchRegex(
                column="url",
                regex=URL,
                meta=_meta(
                    "url_format", "When a URL is given it is an http(s) URL without spaces."
                ),
            ),
            _is_true(
                "published_not_in_future",
                "published_not_in_future",
                "The publication date is a date and not in the future (1 day of slack for time zones).",
                ("published",),
            ),
            gxe.ExpectColumnValuesToNotBeNull(
                column="version", meta=_meta("version_present", "The article has a version number.")
            ),
            gxe.ExpectColumnValuesToBeBetween(
                column="version",
                min_value=1,
                meta=_meta("version_at_least_1", "Article versions start at 1."),
            ),
            gxe.ExpectColumnValuesToMatchRegex(
                column="supersedes",
                regex=HEX16,
                meta=_meta(
                    "supersedes_format",
                    "When an article supersedes another, it names a valid article id.",
                ),
            ),
        ],
    )


_CLAIM_REQUIRED: dict[str, str] = {
    "claim_id": "an id",
    "article_id": "an article id",
    "sentence": "its sentence",
    "claim": "a normalized claim text",
    "char_start": "a start offset",
    "char_end": "an end offset",
    "sentence_index": "a sentence number",
    "score": "a check-worthiness score",
    "model": "the name of the scoring model",
    "threshold": "the score threshold it passed",
    "extractor": "the name of its extractor",
    "extracted_at": "an extraction time",
    "attribution": "an attribution (quote, reported or none)",
    "checkable": "a checkable flag",
}


def claims_suite() -> gx.ExpectationSuite:
    """Expectations for the ``claims`` batch (helpers from ``prepare.prepare_claims``)."""
    import great_expectations.expectations as gxe

    required = [
        gxe.ExpectColumnValuesToNotBeNull(
            column=col, meta=_meta(f"{col}_present", f"Every claim has {label}.")
        )
        for col, label in _CLAIM_REQUIRED.items()
    ]
    return _suite(
        SUITE_NAMES["claim"],
        [
            *required,
            gxe.ExpectColumnValuesToBeUnique(
                column="claim_id",
                meta=_meta("claim_id_unique", "A claim id appears once in the batch."),
            ),
            gxe.ExpectColumnValuesToMatchRegex(
                column="claim_id",
                regex=HEX16,
                meta=_meta("claim_id_format", "A claim id is 16 lowercase hex characters."),
            ),
            _is_true(
                "article_exists",
                "article_exists",
                "The claim's article is in this batch or already stored.",
                ("article_id",),
            ),
            gxe.ExpectColumnValuesToBeBetween(
                column="score",
                min_value=0,
                max_value=1,
                meta=_meta(
                    "score_in_unit_interval", "The check-worthiness score is between 0 and 1."
                ),
            ),
            gxe.ExpectColumnValuesToBeBetween(
                column="threshold",
                min_value=0,
                max_value=1,
                meta=_meta("threshold_in_unit_interval", "The score threshold is between 0 and 1."),
            ),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="score",
                column_B="threshold",
                or_equal=True,
                ignore_row_if="either_value_is_missing",
                meta=_meta(
                    "score_at_least_threshold",
                    "Only sentences scoring at or above the threshold become claims.",
                ),
            ),
            gxe.ExpectColumnValuesToBeBetween(
                column="char_start",
                min_value=0,
                meta=_meta(
                    "char_start_not_negative",
                    "The sentence starts at or after the start of the article.",
                ),
            ),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="char_end",
                column_B="char_start",
                or_equal=False,
                ignore_row_if="either_value_is_missing",
                meta=_meta("span_not_empty", "The sentence ends after it starts."),
            ),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="article_length",
                column_B="char_end",
                or_equal=True,
                ignore_row_if="either_value_is_missing",
                meta=_meta("span_inside_article", "The sentence ends inside the article text."),
            ),
            _is_true(
                "sentence_matches_span",
                "sentence_matches_span",
                "The sentence is exactly the article text at its offsets.",
                ("char_start", "char_end"),
            ),
            gxe.ExpectColumnValuesToBeBetween(
                column="sentence_index",
                min_value=0,
                meta=_meta("sentence_index_not_negative", "Sentence numbers start at 0."),
            ),
            gxe.ExpectColumnValueLengthsToBeBetween(
                column="sentence",
                min_value=SENTENCE_CHARS_MIN,
                max_value=SENTENCE_CHARS_MAX,
                meta=_meta(
                    "sentence_length_plausible",
                    f"The sentence is {SENTENCE_CHARS_MIN} to {SENTENCE_CHARS_MAX:,} characters long.",
                ),
            ),
            gxe.ExpectColumnValuesToBeBetween(
                column="sentence_words",
                min_value=SENTENCE_WORDS_MIN,
                max_value=SENTENCE_WORDS_MAX,
                meta=_meta(
                    "sentence_words_plausible",
                    f"The sentence has {SENTENCE_WORDS_MIN} to {SENTENCE_WORDS_MAX} words.",
                ),
            ),
            gxe.ExpectColumnValuesToMatchRegex(
                column="claim",
                regex=NOT_BLANK,
                meta=_meta("claim_not_blank", "The normalized claim text is not empty."),
            ),
            gxe.ExpectColumnValuesToBeInSet(
                column="attribution",
                value_set=list(ATTRIBUTIONS),
                meta=_meta(
                    "attribution_known", f"Attribution is one of {', '.join(ATTRIBUTIONS)}."
                ),
            ),
            _is_true(
                "claim_types_known",
                "claim_types_known",
                f"Claim types is a list drawn from: {', '.join(CLAIM_TYPES)}.",
                ("claim_types",),
            ),
            _is_true(
                "speaker_matches_attribution",
                "speaker_matches_attribution",
                "A speaker is named exactly when the claim is attributed (attribution is not 'none').",
                ("attribution", "speaker"),
            ),
            _is_true(
                "speaker_span_in_article",
                "speaker_span_in_article",
                "The speaker's offsets, when given, are both set and lie inside the article.",
                ("speaker_start", "speaker_end", "article_length"),
            ),
            _is_true(
                "quote_span_in_article",
                "quote_span_in_article",
                "The quote's offsets, when given, are both set and lie inside the article.",
                ("quote_start", "quote_end", "article_length"),
            ),
            gxe.ExpectColumnValuesToMatchRegex(
                column="model",
                regex=NAME_AT_VERSION,
                meta=_meta(
                    "model_name_at_version", "The scoring model is named like name@version."
                ),
            ),
            gxe.ExpectColumnValuesToMatchRegex(
                column="extractor",
                regex=NAME_AT_VERSION,
                meta=_meta(
                    "extractor_name_at_version", "The extractor is named like name@version."
                ),
            ),
        ],
    )


def _child_expectations(kind: str) -> list[Any]:
    """Expectations shared by entities and parts: text, claim link and offsets."""
    import great_expectations.expectations as gxe

    return [
        gxe.ExpectColumnValuesToNotBeNull(
            column="claim_id", meta=_meta("claim_id_present", f"Every {kind} names its claim.")
        ),
        _is_true(
            "claim_exists",
            "claim_exists",
            f"The {kind}'s claim is in this batch.",
            ("claim_id",),
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column="text", meta=_meta("text_present", f"The {kind} has text.")
        ),
        gxe.ExpectColumnValuesToMatchRegex(
            column="text",
            regex=NOT_BLANK,
            meta=_meta("text_not_blank", f"The {kind} text is not empty."),
        ),
        _is_true(
            "span_complete",
            "span_complete",
            f"The {kind}'s start and end offsets are both given or both missing.",
            ("start", "end"),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="start",
            min_value=0,
            meta=_meta(
                "start_not_negative", f"The {kind} starts at or after the start of the article."
            ),
        ),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="end",
            column_B="start",
            or_equal=False,
            ignore_row_if="either_value_is_missing",
            meta=_meta("span_not_empty", f"The {kind} ends after it starts."),
        ),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="article_length",
            column_B="end",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
            meta=_meta("span_inside_article", f"The {kind} ends inside the article text."),
        ),
    ]


def entities_suite() -> gx.ExpectationSuite:
    """Expectations for claim entities (helpers from ``prepare.prepare_entities``)."""
    import great_expectations.expectations as gxe

    return _suite(
        SUITE_NAMES["entity"],
        [
            gxe.ExpectColumnValuesToNotBeNull(
                column="kind", meta=_meta("kind_present", "Every entity has a kind.")
            ),
            gxe.ExpectColumnValuesToBeInSet(
                column="kind",
                value_set=list(ENTITY_KINDS),
                meta=_meta("kind_known", f"The entity kind is one of {', '.join(ENTITY_KINDS)}."),
            ),
            *_child_expectations("entity"),
            gxe.ExpectColumnValuesToNotBeNull(
                column="start",
                meta=_meta("start_present", "An entity has offsets into the article."),
            ),
            _is_true(
                "article_matches_claim",
                "article_matches_claim",
                "The entity's article is its claim's article.",
                ("article_id", "claim_id"),
            ),
        ],
    )


def parts_suite() -> gx.ExpectationSuite:
    """Expectations for claim parts (offsets are optional: rewritten parts have none)."""
    import great_expectations.expectations as gxe

    return _suite(
        SUITE_NAMES["part"],
        [
            gxe.ExpectColumnValuesToNotBeNull(
                column="role", meta=_meta("role_present", "Every claim part has a role.")
            ),
            gxe.ExpectColumnValuesToBeInSet(
                column="role",
                value_set=list(PART_ROLES),
                meta=_meta("role_known", f"The part's role is one of {', '.join(PART_ROLES)}."),
            ),
            *_child_expectations("part"),
        ],
    )


def all_suites() -> dict[str, gx.ExpectationSuite]:
    """``kind -> suite`` for the four tables the gate validates."""
    return {
        "article": articles_suite(),
        "claim": claims_suite(),
        "entity": entities_suite(),
        "part": parts_suite(),
    }
