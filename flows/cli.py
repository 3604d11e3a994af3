"""The ``claimflow`` command line: a thin click layer over the packages.

Start-up is kept fast (click + stdlib); each command imports what it needs.
claimflow's own errors become one-line messages, never tracebacks.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from claims.errors import ClaimflowError
from flows import formatting
from flows.cli_model import score, train, train_speakers
from flows.settings import Settings, load_settings


class _Group(click.Group):
    """Turns claimflow's errors into one line (`Error: ...`) and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ClaimflowError as exc:
            raise click.ClickException(str(exc)) from None


def home_option(fn: Callable) -> Callable:
    """``--home DIR`` on every command that touches the data home."""

    @click.option(
        "--home",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Data home (default: $CLAIMFLOW_HOME, else ~/.local/share/claimflow).",
    )
    @functools.wraps(fn)
    def wrapper(*args: Any, home: Path | None, **kwargs: Any) -> Any:
        return fn(*args, settings=load_settings(home=home), **kwargs)

    return wrapper


def snapshot_option(fn: Callable) -> Callable:
    return click.option(
        "--snapshot",
        is_flag=True,
        help="Read the snapshot taken after the last run instead of the live warehouse "
        "(for long sessions while runs write).",
    )(fn)


def format_option(fn: Callable) -> Callable:
    return click.option(
        "--format", "fmt", type=click.Choice(formatting.FORMATS), default="table", show_default=True,
        help="Output format.",
    )(fn)


def _db(settings: Settings, snapshot: bool) -> Path:
    return settings.snapshot_path if snapshot else settings.db_path


def _read(settings: Settings, snapshot: bool, fn: Callable[[Path], Any]) -> Any:
    """Run a read; if a writer holds the live file too long, fall back to the snapshot."""
    from warehouse.errors import WarehouseBusy

    try:
        return fn(_db(settings, snapshot))
    except WarehouseBusy:
        if snapshot or not settings.snapshot_path.exists():
            raise
        click.echo(
            f"note: {settings.db_path} is busy; answering from the snapshot of the last run", err=True
        )
        return fn(settings.snapshot_path)


def _show_query(settings: Settings, snapshot: bool, fmt: str, query: str) -> None:
    """Run a read-only query (live file, or the snapshot) and print it in ``fmt``."""
    from warehouse.review import run_sql

    res = _read(settings, snapshot, lambda db: run_sql(db, query, lock_timeout=settings.lock_timeout))
    click.echo(formatting.render(res.columns, res.rows, fmt))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimflow")
def cli() -> None:
    """claimflow: articles in, check-worthy claims out, queued for fact-checkers.

    Every command reads CLAIMFLOW_* environment variables (see `claimflow settings`).
    """


# ---------------------------------------------------------------------------- run
@cli.command()
@click.argument("sources", nargs=-1)
@home_option
@click.option("--threshold", type=click.FloatRange(0, 1), default=None, help="Override the model's threshold.")
@click.option("--batch-size", type=click.IntRange(1), default=None, help="Articles per extract task.")
@click.option("--show", type=click.IntRange(0), default=10, show_default=True, help="Queue rows to print after the run.")
@click.option("--progress/--no-progress", default=None, help="Progress on stderr (default: when a terminal).")
def run(
    sources: tuple[str, ...], settings: Settings, threshold: float | None, batch_size: int | None,
    show: int, progress: bool | None,
) -> None:
    """Run the pipeline once over SOURCES (files, folders, feeds, URLs).

    With no SOURCES it reads the bundled sample articles.
    """
    from flows import progress as progress_mod
    from flows.prefect_env import configure_prefect

    settings = load_settings(home=settings.home, threshold=threshold, batch_size=batch_size)
    configure_prefect(settings)
    reporter = progress_mod.configure(progress if progress is not None else settings.progress)
    reporter.stage("starting Prefect")
    # The CLI reports a failed run in one line (with its run_id); Prefect's own
    # tracebacks for the flow and task runs stay in its UI and API.
    import logging

    from flows.pipeline import pipeline

    for name in ("prefect.flow_runs", "prefect.task_runs"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    from flows.steps import RunSummary

    result = pipeline(
        sources=list(sources) or None,
        home=str(settings.home),
        threshold=settings.threshold,
        batch_size=settings.batch_size,
    )
    summary = RunSummary(
        run_id=result["run_id"], counts=result["counts"], rejected=result["rejected"],
        report_path=result["report_path"], exported=result["exported"],
    )
    for line in summary.rejected:
        click.echo(f"rejected: {line}", err=True)
    click.echo("\n".join(summary.lines()))
    if show:
        from warehouse.review import top_of_queue

        res = top_of_queue(settings.db_path, show, lock_timeout=settings.lock_timeout)
        click.echo(f"\nreview queue (top {show}) in {settings.db_path}:")
        click.echo(formatting.table(res.columns, res.rows))


# -------------------------------------------------------------------------- serve
@cli.command()
@click.argument("sources", nargs=-1)
@home_option
@click.option("--cron", required=True, help='Cron schedule, e.g. "*/30 * * * *".')
@click.option("--name", default="claimflow-scheduled", show_default=True, help="Deployment name.")
@click.option("--port", type=int, default=4200, show_default=True, help="Port of the local Prefect server, when one is started.")
def serve(sources: tuple[str, ...], settings: Settings, cron: str, name: str, port: int) -> None:
    """Run the pipeline on a cron schedule until stopped (Ctrl-C).

    With PREFECT_API_URL set, it registers with that server.  Without it, it
    starts a local `prefect server` (state in the data home), and Ctrl-C stops
    both.  Schedules are paused when serve stops.
    """
    from flows.serving import serve_pipeline

    serve_pipeline(settings, sources=list(sources), cron=cron, name=name, port=port, echo=click.echo)


# -------------------------------------------------------------------- the queue
@cli.command()
@home_option
@snapshot_option
@format_option
@click.option("-n", "--limit", type=click.IntRange(1), default=None, help="Rows to show (default 20, CLAIMFLOW_QUEUE_LIMIT).")
@click.option("--status", type=click.Choice(["queued", "in_review"]), default=None, help="Only this status.")
def queue(settings: Settings, snapshot: bool, fmt: str, limit: int | None, status: str | None) -> None:
    """Print the top of the review queue, highest priority first."""
    from warehouse.review import top_of_queue

    n = limit or settings.queue_limit
    res = _read(settings, snapshot, lambda db: top_of_queue(db, n, status=status, lock_timeout=settings.lock_timeout))
    click.echo(formatting.render(res.columns, res.rows, fmt))


@cli.command()
@click.argument("query")
@home_option
@snapshot_option
@format_option
def sql(query: str, settings: Settings, snapshot: bool, fmt: str) -> None:
    """Run a read-only SQL QUERY against the warehouse (see docs/schema.md)."""
    _show_query(settings, snapshot, fmt, query)


@cli.command()
@click.argument("claim_id")
@home_option
@snapshot_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def claim(claim_id: str, settings: Settings, snapshot: bool, fmt: str) -> None:
    """Print the full record of CLAIM_ID, with the sentence in its paragraph."""
    from warehouse.review import claim_detail

    rec = _read(settings, snapshot, lambda db: claim_detail(db, claim_id, lock_timeout=settings.lock_timeout))
    if fmt == "json":
        click.echo(_json(rec))
        return
    click.echo(render_claim(rec))


def _json(value: Any) -> str:
    import json

    return json.dumps(formatting._jsonable(value), ensure_ascii=False, indent=2)


def render_claim(rec: dict[str, Any]) -> str:
    """The claim record for a reviewer to read."""
    art = rec["article"]
    start = rec["char_start"] - rec["paragraph_offset"]
    end = rec["char_end"] - rec["paragraph_offset"]
    para = rec["paragraph"]
    lines = [
        f"claim_id     {rec['claim_id']}   status {rec['status']}"
        + (f" (assignee {rec['assignee']})" if rec.get("assignee") else ""),
        f"claim        {rec['claim']}",
        f"sentence     {rec['sentence']}",
        f"speaker      {rec['speaker'] or '-'}" + (f", {rec['speaker_role']}" if rec.get("speaker_role") else "")
        + f"   (attribution: {rec['attribution']})",
        f"publisher    {rec['publisher'] or '-'}",
        f"types        {', '.join(rec['claim_types']) or '-'}   checkable: {'yes' if rec['checkable'] else 'no'}",
        f"score        {rec['score']:.3f} (threshold {rec['threshold']:.3f}, model {rec['model']})"
        + (f"   priority {rec['priority']}" if rec.get("priority") is not None else ""),
        f"flags        {', '.join(rec['flags']) or '-'}",
        f"article      {art['title'] or '-'}  [{art['source'] or '-'}]  {art['url'] or ''}",
        f"             article_id {art['article_id']} v{art['version']}, chars {rec['char_start']}-{rec['char_end']}"
        + (f", quote {rec['quote_start']}-{rec['quote_end']}" if rec.get("quote_start") is not None else ""),
        f"extractor    {rec['extractor']}, extracted {rec['extracted_at']}",
    ]
    if rec["parts"]:
        lines.append("parts        " + "; ".join(f"{p['role']}={p['text']}" for p in rec["parts"]))
    if rec["entities"]:
        lines.append(
            "entities     "
            + "; ".join(f"{e['kind']}:{e['text']}" + (f"={e['value']}" if e.get("value") else "") for e in rec["entities"])
        )
    for v in rec["verdicts"]:
        lines.append(f"verdict      {v['rating']} by {v['reviewer']} at {v['reviewed_at']}: {v['note'] or ''}")
    lines += ["", "in its paragraph:", "  " + para[:start] + "»" + para[start:end] + "«" + para[end:]]
    return "\n".join(lines)


@cli.command()
@click.argument("claim_id")
@home_option
@click.option("--reviewer", envvar="CLAIMFLOW_REVIEWER", required=True, help="Your name (or CLAIMFLOW_REVIEWER).")
@click.option("--force", is_flag=True, help="Take it over from another reviewer.")
def take(claim_id: str, settings: Settings, reviewer: str, force: bool) -> None:
    """Take CLAIM_ID for review (status in_review)."""
    from warehouse.review import take as take_claim

    res = take_claim(settings.db_path, claim_id, reviewer, force=force, lock_timeout=settings.lock_timeout)
    click.echo(f"{res['claim_id']}: in review by {res['assignee']}")


@cli.command()
@click.argument("claim_id")
@home_option
@click.option("--reviewer", envvar="CLAIMFLOW_REVIEWER", required=True, help="Your name (or CLAIMFLOW_REVIEWER).")
@click.option("--rating", required=True, help="false, mostly-false, misleading, half-true, mostly-true, true, unverifiable.")
@click.option("--note", default=None, help="Short explanation of the verdict.")
@click.option("--url", "review_url", default=None, help="URL of the published fact-check.")
@click.option("--force", is_flag=True, help="Rule on a claim another reviewer has taken.")
def verdict(
    claim_id: str, settings: Settings, reviewer: str, rating: str, note: str | None, review_url: str | None,
    force: bool,
) -> None:
    """Record a verdict on CLAIM_ID; it leaves the queue."""
    from warehouse.review import record_verdict

    res = record_verdict(
        settings.db_path, claim_id, reviewer=reviewer, rating=rating, note=note, review_url=review_url,
        force=force, lock_timeout=settings.lock_timeout,
    )
    click.echo(f"{res['claim_id']}: {res['rating']} (verdict {res['verdict_id']})")


@cli.command("export-claimreview")
@home_option
@snapshot_option
@click.option("--organisation", required=True, help="Your fact-checking organisation (ClaimReview author).")
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Output file (default: stdout).")
def export_claimreview(settings: Settings, snapshot: bool, organisation: str, out: Path | None) -> None:
    """Export verdicts as schema.org ClaimReview JSON-LD."""
    from warehouse.review import claimreview_records, to_json

    recs = _read(settings, snapshot, lambda db: claimreview_records(db, organisation=organisation, lock_timeout=settings.lock_timeout))
    text = to_json(recs)
    if out is None:
        click.echo(text)
    else:
        out.write_text(text + "\n", encoding="utf-8")
        click.echo(f"{len(recs)} ClaimReview records written to {out}", err=True)


@cli.command()
@home_option
@snapshot_option
@format_option
@click.option("-n", "--limit", type=click.IntRange(1), default=10, show_default=True)
def runs(settings: Settings, snapshot: bool, fmt: str, limit: int) -> None:
    """Recent runs with their counts (articles in = stored + known + rejected + quarantined)."""
    q = (
        "SELECT run_id, status, started_at, articles_in, articles_stored, articles_duplicate, "
        "articles_rejected, articles_quarantined, sentences, claims_in, claims_queued, "
        f"claims_quarantined, error FROM runs ORDER BY started_at DESC LIMIT {int(limit)}"
    )
    _show_query(settings, snapshot, fmt, q)


@cli.command()
@home_option
@snapshot_option
@format_option
@click.option("-n", "--limit", type=click.IntRange(1), default=20, show_default=True)
def quarantine(settings: Settings, snapshot: bool, fmt: str, limit: int) -> None:
    """Rows the gate or the ingest stage held back, with their reasons."""
    q = (
        'SELECT kind, record_id, "check", reason, last_run_id, times_seen FROM quarantine '
        f"ORDER BY last_seen DESC, kind, record_id LIMIT {int(limit)}"
    )
    _show_query(settings, snapshot, fmt, q)


@cli.command()
@home_option
def snapshot(settings: Settings) -> None:
    """Refresh the read-only snapshot that long SQL sessions use."""
    from warehouse.export import refresh_snapshot

    path = refresh_snapshot(settings.db_path, settings.snapshot_path, lock_timeout=settings.lock_timeout)
    click.echo(f"snapshot written: {path}")


@cli.command()
@home_option
def migrate(settings: Settings) -> None:
    """Create the warehouse or bring its schema up to date."""
    from warehouse.connection import writer
    from warehouse.schema import current_version

    with writer(settings.db_path, lock_timeout=settings.lock_timeout) as con:
        version = current_version(con)
    click.echo(f"{settings.db_path}: schema v{version}")


@cli.command("settings")
@home_option
def show_settings(settings: Settings) -> None:
    """Show every setting, its CLAIMFLOW_* variable, and the effective paths."""
    from flows.settings import describe

    for env, default, doc in describe():
        click.echo(f"{env:<36} default {default}\n    {doc}")
    click.echo(f"\neffective home: {settings.home}\nwarehouse: {settings.db_path}\nsnapshot: {settings.snapshot_path}")
    click.echo(f"exports: {settings.exports_dir}\nreports: {settings.reports_dir}")


cli.add_command(score)
cli.add_command(train)
cli.add_command(train_speakers)


def main() -> None:
    cli(prog_name="claimflow")


if __name__ == "__main__":  # pragma: no cover
    main()
