"""Claim-analysis quality on the hand-written gold set.

Ingests every sample article named in ``tests/data/claims_gold.jsonl`` with
``claims.ingest.ingest_sources`` (the same path the pipeline uses), splits it
with ``claims.sentences.split_sentences``, runs ``claims.analysis.analyse_article``
with the shipped speaker tagger (``--rules-only`` for the rules alone) and
compares each gold sentence with its analysis:

* speaker accuracy (case and punctuation folded; ``null`` must stay ``None``);
* claim-type micro-F1 over the labels of ``records.CLAIM_TYPES``;
* normalization: exact match, and match after folding case and punctuation;
* parts accuracy: share of annotated (non-null) roles whose text matches.

Usage::

    python benchmarks/claims_quality.py [--gold tests/data/claims_gold.jsonl] [--splits heldout17,heldout18]
                                        [--rules-only | --speaker-tagger DIR] [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims.analysis import analyse_article, extractor_id  # noqa: E402
from claims.analysis.tagged import tag_where_useful  # noqa: E402
from claims.folding import fold  # noqa: E402
from claims.ingest import ingest_sources  # noqa: E402
from claims.model.mentions import MentionTagger, load_mention_tagger  # noqa: E402
from claims.records import Article, SentenceAnalysis  # noqa: E402
from claims.sentences import split_sentences  # noqa: E402


def load_gold(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: not JSON ({exc})") from exc
    return rows


def analysed_sentences(files: list[str], tagger: MentionTagger | None = None) -> dict[str, list[tuple[str, SentenceAnalysis]]]:
    """file -> [(sentence text, analysis)] over every article ingested from that file.

    With ``tagger``, every sentence gets its proposed speaker mention (the pipeline
    only tags the worthy ones, which gives the same analyses for those).
    """
    result = ingest_sources([str(ROOT / f) for f in files])
    for rejected in result.rejected:
        print(f"warning: rejected {rejected.message()}", file=sys.stderr)
    by_file: dict[str, list[tuple[str, SentenceAnalysis]]] = {f: [] for f in files}
    for article in result.articles:
        key = _file_key(article, files)
        if key is None:
            continue
        sentences = split_sentences(article.text)
        texts = [s.text for s in sentences]  # tagged as the pipeline does: only where it could matter
        mentions = tag_where_useful(tagger, texts, range(len(texts))) if tagger is not None else None
        analyses = analyse_article(
            article.text, sentences, published=article.published, author=article.author, source=article.source,
            mentions=mentions,
        )
        by_file[key].extend((s.text, a) for s, a in zip(sentences, analyses, strict=True))
    return by_file


def _file_key(article: Article, files: list[str]) -> str | None:
    origin = article.origin.replace("\\", "/")
    for f in files:
        if origin == str(ROOT / f) or origin.endswith(f) or origin.split(":")[0].endswith(f):
            return f
    return None


class Scores:
    """Counters for one split of the gold set."""

    def __init__(self) -> None:
        self.n = self.speaker = self.exact = self.folded = 0
        self.tp = self.fp = self.fn = 0
        self.part_total = self.part_ok = 0

    def add(self, row: dict, a: SentenceAnalysis, verbose: bool) -> None:
        self.n += 1
        where = f"[{row.get('split', 'dev')}] {row['sentence'][:70]}"
        if fold(a.speaker) == fold(row["speaker"]):
            self.speaker += 1
        elif verbose:
            print(f"SPEAKER  want {row['speaker']!r} got {a.speaker!r}: {where}")
        if a.claim == row["claim"]:
            self.exact += 1
        elif verbose:
            print(f"CLAIM    want {row['claim']!r}\n         got  {a.claim!r}")
        if fold(a.claim) == fold(row["claim"]):
            self.folded += 1
        want, got = set(row["types"]), set(a.types)
        self.tp += len(want & got)
        self.fp += len(got - want)
        self.fn += len(want - got)
        if verbose and want != got:
            print(f"TYPES    want {sorted(want)} got {sorted(got)}: {where}")
        for role, text in (row.get("parts") or {}).items():
            if text is None:
                continue
            self.part_total += 1
            pred = [p.text for p in a.parts if p.role == role]
            if any(fold(p) == fold(text) for p in pred):
                self.part_ok += 1
            elif verbose:
                print(f"PART     {role}: want {text!r} got {pred!r}: {where}")

    def report(self, name: str) -> None:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        n = max(self.n, 1)
        parts = f"{self.part_ok / self.part_total:.3f}  ({self.part_ok}/{self.part_total} roles)" if self.part_total else "n/a"
        print(f"-- {name}: {self.n} sentences")
        print(f"speaker accuracy     {self.speaker / n:.3f}  ({self.speaker}/{self.n})")
        print(f"types micro-F1       {f1:.3f}  (P {p:.3f} / R {r:.3f})")
        print(f"normalization exact  {self.exact / n:.3f}  ({self.exact}/{self.n})")
        print(f"normalization folded {self.folded / n:.3f}  ({self.folded}/{self.n})")
        print(f"parts accuracy       {parts}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "claims_gold.jsonl")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every mismatch")
    parser.add_argument("--speaker-tagger", type=Path, default=None,
                        help="speaker tagger artifact folder (default: the shipped one)")
    parser.add_argument("--rules-only", action="store_true", help="no speaker tagger: the attribution rules alone")
    parser.add_argument("--splits", default=None, help="comma-separated gold splits to score (default: all)")
    args = parser.parse_args(argv)
    tagger = None if args.rules_only else load_mention_tagger(args.speaker_tagger)

    gold = load_gold(args.gold)
    if args.splits:
        keep = set(args.splits.split(","))
        gold = [row for row in gold if row.get("split", "dev") in keep]
    files = sorted({row["file"] for row in gold})
    t0 = time.perf_counter()
    found = analysed_sentences(files, tagger)
    elapsed = time.perf_counter() - t0

    splits: dict[str, Scores] = {}
    total = Scores()
    missing = 0
    for row in gold:
        hits = [a for s, a in found.get(row["file"], []) if s == row["sentence"]]
        if not hits:
            hits = [a for s, a in found.get(row["file"], []) if fold(s) == fold(row["sentence"])]
        if not hits:
            missing += 1
            print(f"missing: {row['file']}: {row['sentence'][:70]!r}", file=sys.stderr)
            continue
        splits.setdefault(row.get("split", "dev"), Scores()).add(row, hits[0], args.verbose)
        total.add(row, hits[0], False)

    print(f"extractor            {extractor_id(tagger.version if tagger is not None else None)}")
    print(f"gold sentences       {len(gold)} from {len(files)} files ({missing} not found)")
    for name in sorted(splits):
        splits[name].report(name)
    total.report("all")
    print(f"time                 {elapsed:.2f} s (ingest + split + analyse)")
    return 0 if missing == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
