"""From articles to claim records: split, score, analyse, keep the worthy ones.

Pure: no Prefect, no DuckDB.  The scorer is passed in (loaded once per
process by the caller), so a batch of articles costs one scoring call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from claims.records import Article, Claim, Sentence, claim_id_for


@dataclass
class ExtractResult:
    """Claims from a batch of articles, and how many sentences were read."""

    claims: list[Claim] = field(default_factory=list)
    sentences: int = 0
    articles: int = 0


def extractor_label(tagger: object | None = None) -> str:
    """``claimflow-rules@X.Y.Z``, plus ``+speakers.<hash>`` when the speaker tagger takes part."""
    from claims.analysis import extractor_id

    return extractor_id(getattr(tagger, "version", None) if tagger is not None else None)


def extract_batch(
    articles: Sequence[Article],
    scorer: object,
    *,
    tagger: object | None = None,
    threshold: float | None = None,
    now: datetime | None = None,
    on_article: Callable[[Article, int], None] | None = None,
) -> ExtractResult:
    """Turn each sentence scoring at or above the threshold into a :class:`Claim`.

    ``scorer`` has ``score(texts) -> array``, ``name``, ``version`` and
    ``threshold`` (see ``claims.scoring``).  ``threshold`` overrides the
    scorer's own.  ``tagger`` (``claims.model.mentions.MentionTagger``) proposes
    speaker mentions for the worthy sentences.  ``on_article(article, n_sentences)``
    reports progress.
    """
    from claims.analysis import analyse_article
    from claims.sentences import split_sentences

    cut = float(scorer.threshold if threshold is None else threshold)  # type: ignore[attr-defined]
    model = f"{scorer.name}@{scorer.version}"  # type: ignore[attr-defined]
    extractor = extractor_label(tagger)
    stamp = now or datetime.now(UTC)

    per_article: list[tuple[Article, list[Sentence]]] = []
    texts: list[str] = []
    for art in articles:
        sents = split_sentences(art.text)
        per_article.append((art, sents))
        texts.extend(s.text for s in sents)
    scores = scorer.score(texts) if texts else []  # type: ignore[attr-defined]
    tagged = None
    if tagger is not None:  # one call for the whole batch, like the scorer
        from claims.analysis.tagged import tag_where_useful

        tagged = tag_where_useful(tagger, texts, (i for i, sc in enumerate(scores) if float(sc) >= cut))

    result = ExtractResult(articles=len(articles), sentences=len(texts))
    pos = 0
    for art, sents in per_article:
        start, pos = pos, pos + len(sents)
        art_scores = scores[start:pos]
        if on_article is not None:
            on_article(art, len(sents))
        if not sents:
            continue
        wanted = {i for i, sc in enumerate(art_scores) if float(sc) >= cut}
        if not wanted:
            continue
        analyses = analyse_article(
            art.text, sents, published=art.published, author=art.author, source=art.source, only=wanted,
            mentions=tagged[start:pos] if tagged is not None else None,
        )
        for sent, score, analysis in zip(sents, art_scores, analyses, strict=True):
            if float(score) < cut:
                continue
            result.claims.append(
                Claim(
                    claim_id=claim_id_for(art.article_id, sent.start, sent.end),
                    article_id=art.article_id,
                    sentence=sent.text,
                    claim=analysis.claim or sent.text,
                    char_start=sent.start,
                    char_end=sent.end,
                    sentence_index=sent.index,
                    score=float(score),
                    model=model,
                    threshold=cut,
                    extractor=extractor,
                    extracted_at=stamp,
                    publisher=art.source or art.author,
                    analysis=analysis,
                )
            )
    return result
