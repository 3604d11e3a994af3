"""The Prefect flow ``claimflow-pipeline``: ingest -> extract -> load -> check -> enqueue.

Thin on purpose: each task calls one function of :mod:`flows.steps`.  Import
this module only after :func:`flows.prefect_env.configure_prefect`.
"""

from __future__ import annotations

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from claims.errors import ClaimflowError
from claims.records import Article
from flows import progress, steps
from flows.settings import Settings, load_settings
from warehouse.load import ArticlePlan

# I/O tasks retry (retries=2, 2 s apart); their work is idempotent: staging
# replaces the run's rows, and the commit is one transaction.


@task(name="ingest", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def ingest_task(sources: list[str], settings: Settings) -> steps.Ingested:
    return steps.ingest(sources, settings)


@task(name="plan", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def plan_task(settings: Settings, articles: list[Article]) -> ArticlePlan:
    return steps.plan(settings, articles)


@task(name="extract", cache_policy=NO_CACHE)
def extract_task(articles, settings: Settings):
    return steps.extract(articles, settings)


@task(name="load", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def load_task(settings: Settings, run_id: str, article_plan, claims) -> dict[str, int]:
    return steps.load(settings, run_id, article_plan, claims)


@task(name="check", cache_policy=NO_CACHE)
def check_task(settings: Settings, run_id: str) -> steps.Checked:
    return steps.check(settings, run_id)


@task(name="enqueue", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def enqueue_task(settings: Settings, run_id: str, checked: steps.Checked, rejected, counts) -> steps.RunSummary:
    return steps.enqueue(settings, run_id, checked, rejected, counts)


@task(name="publish", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def publish_task(settings: Settings, run_id: str) -> dict[str, int]:
    return steps.publish(settings, run_id)


class PipelineError(ClaimflowError):
    """A run failed; the message names the run and the step."""


@flow(name="claimflow-pipeline", log_prints=False)
def pipeline(
    sources: list[str] | None = None,
    home: str | None = None,
    threshold: float | None = None,
    batch_size: int | None = None,
) -> dict:
    """Run claimflow once over ``sources`` (default: the bundled samples)."""
    from prefect.runtime import flow_run

    from claims.extract import extractor_label
    from warehouse.load import fail_run, first_line, new_run_id, start_run

    settings = load_settings(home=home, threshold=threshold, batch_size=batch_size)
    sources = list(sources or [str(steps.samples_dir())])
    run_id = new_run_id()
    scorer = steps.load_scorer_for(settings)
    start_run(
        settings.db_path,
        run_id,
        sources=sources,
        model=f"{scorer.name}@{scorer.version}",
        extractor=extractor_label(steps.load_tagger_for(settings)),
        flow_run_id=str(flow_run.id) if flow_run.id else None,
        lock_timeout=settings.lock_timeout,
    )
    step = "ingest"
    try:
        progress.PROGRESS.stage("ingest")
        ingested = ingest_task(sources, settings)
        step = "plan"
        article_plan = plan_task(settings, ingested.articles)
        step = "extract"
        progress.PROGRESS.start(len(article_plan.new))
        futures = [extract_task.submit(b, settings) for b in steps.batches(article_plan.new, settings.batch_size)]
        extracted = [f.result() for f in futures]
        claims = [c for r in extracted for c in r.claims]
        step = "load"
        progress.PROGRESS.stage("load")
        staged = load_task(settings, run_id, article_plan, claims)
        step = "check"
        progress.PROGRESS.stage("check")
        checked = check_task(settings, run_id)
        counts = {
            "articles_in": ingested.articles_in,
            "articles_duplicate": ingested.in_batch_duplicates + len(article_plan.duplicates),
            "articles_rejected": len(ingested.rejected),
            "articles_recovered": staged["articles_recovered"],
            "sentences": sum(r.sentences for r in extracted),
            "claims_recovered": staged["claims_recovered"],
        }
        step = "enqueue"
        progress.PROGRESS.stage("enqueue")
        summary = enqueue_task(settings, run_id, checked, ingested.rejected, counts)
        step = "publish"
        summary.exported = publish_task(settings, run_id)
        progress.PROGRESS.done()
    except Exception as exc:
        progress.PROGRESS.done()
        message = f"run {run_id} failed at step={step}: {first_line(str(exc)) or type(exc).__name__}"
        try:
            fail_run(settings.db_path, run_id, message, lock_timeout=settings.lock_timeout)
        except Exception:  # never hide the original error behind a bookkeeping one
            pass
        raise PipelineError(message) from exc
    except BaseException:  # Ctrl-C: record it, then stop
        progress.PROGRESS.done()
        try:
            fail_run(settings.db_path, run_id, f"run {run_id} interrupted at step={step}", lock_timeout=5)
        except Exception:
            pass
        raise
    return {
        "run_id": summary.run_id,
        "counts": summary.counts,
        "rejected": summary.rejected,
        "report_path": summary.report_path,
        "exported": summary.exported,
        "db_path": str(settings.db_path),
    }
