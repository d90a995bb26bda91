"""`truce batch extract`: extraction over a large corpus on Dask (CONTRACTS §3)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from truce.batch import (
    DEFAULT_PARTITION_SIZE,
    BatchSummary,
    batch_extract,
    check_corpus_path,
    check_versions,
    dask_client,
)
from truce.cli.app import JsonOption, QuietOption, console, err, print_json, sub_app
from truce.errors import BadInput

batch_app = sub_app("Work over large corpora on a Dask cluster (a local one by default).")


class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.0f} reports/s", style="progress.data.speed")


def _run(
    corpus: list[Path],
    out: Path,
    scheduler: str | None,
    workers: int | None,
    partition_size: int,
    show: bool,
    merge_out: Path | None,
) -> tuple[BatchSummary, int]:
    with dask_client(scheduler, workers=workers) as client:
        count = check_versions(client)
        if not show:
            summary = batch_extract(
                client, corpus, out, partition_size=partition_size, merge_out=merge_out
            )
            return summary, count
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
        extra = (_Rate(), TimeElapsedColumn(), TimeRemainingColumn())
        with Progress(*columns, *extra, console=err, transient=False) as bar:
            task = bar.add_task(f"Extracting on {count} Dask workers", total=None)

            def update(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            summary = batch_extract(
                client,
                corpus,
                out,
                partition_size=partition_size,
                progress=update,
                merge_out=merge_out,
            )
        return summary, count


def extract_command(
    corpus: Annotated[
        list[Path],
        typer.Argument(help="Report files: .jsonl or .jsonl.gz (globs expanded by the shell)."),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Records, as JSON Lines.")],
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Address of a running Dask scheduler (tcp://host:port); "
            "default: a local cluster on this machine."
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Worker processes of the local cluster (default: one per core)."),
    ] = None,
    partition_size: Annotated[
        int, typer.Option(min=1, help="Lines per task; a big file spreads over many tasks.")
    ] = DEFAULT_PARTITION_SIZE,
    merge: Annotated[
        Path | None,
        typer.Option(
            "--merge",
            help="Also merge the records into incidents (as truce merge --json) into this file.",
        ),
    ] = None,
    as_json: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Extract incident records from a large corpus of reports on Dask.

    The records are those of [bold]truce extract[/], in any order, one JSON object a line.
    Workers read the files themselves: on a remote cluster the paths must be the same on
    every worker (a shared filesystem). A bad line stops the run with its file and line,
    and --out is not written.

    With --merge FILE.json the records are also merged into incidents with their
    corroboration, the same as [bold]truce merge[/] on the corpus gives.

    Example: [bold]truce batch extract reports/*.jsonl.gz --out records.jsonl[/]
    Example: [bold]truce batch extract /shared/*.jsonl --out r.jsonl --scheduler tcp://10.0.0.5:8786[/]
    """
    for path in corpus:
        check_corpus_path(path, here=scheduler is None)
    if not out.parent.is_dir():
        raise BadInput("no such folder to write to", file=str(out), field="--out")
    if merge is not None and not merge.parent.is_dir():
        raise BadInput("no such folder to write to", file=str(merge), field="--merge")
    show = not (as_json or quiet) and err.is_terminal
    summary, count = _run(corpus, out, scheduler, workers, partition_size, show, merge)
    data = {
        "files": summary.files,
        "partitions": summary.partitions,
        "reports": summary.reports,
        "records": summary.records,
        "seconds": round(summary.seconds, 3),
        "reports_per_s": round(summary.reports / summary.seconds) if summary.seconds else 0,
        "workers": count,
        "out": summary.out,
        **({"incidents": summary.incidents, "merge": str(merge)} if merge is not None else {}),
    }
    if as_json:
        print_json(data)
    elif not quiet:
        console.print(
            f"{summary.reports:,} reports → {summary.records:,} records in {summary.out} "
            f"({summary.seconds:.1f} s, {data['reports_per_s']:,} reports/s on {count} workers)"
            + (f"; {summary.incidents:,} incidents in {merge}" if merge is not None else ""),
            highlight=False,
        )


batch_app.command("extract")(extract_command)

__all__ = ["batch_app"]
