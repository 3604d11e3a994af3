"""Throughput of one pipeline run, stage by stage, on N copies of the bundled samples.

    python benchmarks/pipeline.py [--articles 500] [--batch-size 8]

Runs the same steps the Prefect flow runs (flows.steps), without the
orchestrator, in a temporary data home, and prints seconds and rates per stage.
Each copy gets its own URL and a closing line naming its copy number, so every
article is new and the dedupe path is not what is measured.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claims.ingest import ingest_sources  # noqa: E402
from flows import steps  # noqa: E402
from flows.settings import load_settings  # noqa: E402
from warehouse.load import new_run_id, start_run  # noqa: E402


def make_corpus(n: int, out: Path) -> Path:
    base = ingest_sources([str(steps.samples_dir())]).articles
    path = out / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            a = base[i % len(base)]
            fh.write(json.dumps({
                "url": f"https://bench.example/{i}", "title": a.title, "source": a.source,
                "author": a.author, "published": a.published.isoformat() if a.published else None,
                "text": a.text + f"\n\nThis is copy {i} of the article.",
            }) + "\n")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--batch-size", type=int, default=8)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(home=Path(tmp) / "home", batch_size=args.batch_size)
        corpus = make_corpus(args.articles, Path(tmp))
        timings: dict[str, float] = {}

        def timed(name, fn, *a):
            t0 = time.perf_counter()
            out = fn(*a)
            timings[name] = time.perf_counter() - t0
            return out

        run_id = new_run_id()
        start_run(settings.db_path, run_id, sources=[str(corpus)])
        steps.load_scorer_for(settings)  # loaded once per process, as in a run
        ingested = timed("ingest", steps.ingest, [str(corpus)], settings)
        plan = timed("plan", steps.plan, settings, ingested.articles)
        from concurrent.futures import ThreadPoolExecutor

        def extract_all():
            with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
                return list(pool.map(lambda b: steps.extract(b, settings), steps.batches(plan.new, settings.batch_size)))

        extracted = timed("extract", extract_all)
        claims = [c for r in extracted for c in r.claims]
        staged = timed("load", steps.load, settings, run_id, plan, claims)
        import checks.runtime

        timed("gx import", checks.runtime.get_context)
        checked = timed("check", steps.check, settings, run_id)
        counts = {"articles_in": ingested.articles_in, "articles_duplicate": len(plan.duplicates),
                  "articles_rejected": len(ingested.rejected), "articles_recovered": staged["articles_recovered"],
                  "sentences": sum(r.sentences for r in extracted), "claims_recovered": staged["claims_recovered"]}
        summary = timed("enqueue", steps.enqueue, settings, run_id, checked, ingested.rejected, counts)
        timed("publish", steps.publish, settings, run_id)
        sentences = counts["sentences"]
        total = sum(v for k, v in timings.items() if k != "gx import")
        print(f"articles {len(ingested.articles)}, sentences {sentences}, claims {len(claims)}, "
              f"queued {summary.counts['claims_queued']}, quarantined {summary.counts['claims_quarantined']}")
        for name, secs in timings.items():
            print(f"{name:<10} {secs:8.2f} s")
        print(f"total      {total:8.2f} s (without the one-off GX import)")
        print(f"rate       {len(ingested.articles) / total:8.1f} articles/s, {sentences / total:8.1f} sentences/s")
        print(f"extract    {sentences / timings['extract']:8.1f} sentences/s (split + score + analyse)")


if __name__ == "__main__":
    main()
