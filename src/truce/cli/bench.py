"""`truce bench …`: the hot paths, measured on this machine (CONTRACTS §5)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from truce.bench import bench_rules
from truce.cli.app import JsonOption, console, print_json, sub_app
from truce.errors import TruceError

bench_app = sub_app("Benchmarks of the hot paths, each against a baseline in the same run.")


@bench_app.command("rules")
def rules_command(
    incidents: Annotated[int, typer.Option(min=1, help="Synthetic incidents.")] = 1_000_000,
    versions: Annotated[int, typer.Option(min=1, help="Synthetic versions.")] = 10,
    seed: Annotated[int, typer.Option(help="Random seed of the synthetic data.")] = 7,
    as_json: JsonOption = False,
) -> None:
    """Time the rules engine and a hand-written DuckDB query on the same synthetic data.

    Example: [bold]truce bench rules --incidents 1000000 --versions 10 --json[/]
    """
    if not as_json:
        with console.status(f"Ruling {incidents:,} incidents × {versions} versions …"):
            result = bench_rules(incidents, versions, seed=seed)
    else:
        result = bench_rules(incidents, versions, seed=seed)
    if not result.counts_agree:
        raise TruceError("the engine's verdict counts differ from DuckDB's: this is a bug")
    data = result.as_json()
    if as_json:
        print_json(data)
        return
    table = Table("figure", "value", title="truce bench rules", title_justify="left")
    for key, value in data.items():
        shown = f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else value
        table.add_row(key, str(shown))
    console.print(table)


@bench_app.command("compare")
def compare_command(
    words: Annotated[int, typer.Option(min=50, help="Words per account (≈500 a page).")] = 1000,
    as_json: JsonOption = False,
) -> None:
    """Time a whole compare of two accounts of about two pages each.

    Example: [bold]truce bench compare --json[/]
    """
    from truce.bench.compare import bench_compare

    data = bench_compare(words).as_json()
    if as_json:
        print_json(data)
        return
    table = Table("figure", "value", title="truce bench compare", title_justify="left")
    for key, value in data.items():
        table.add_row(key, str(value))
    console.print(table)


@bench_app.command("api")
def api_command(
    reports: Annotated[int, typer.Option(min=1, help="Reports to post.")] = 5000,
    concurrency: Annotated[int, typer.Option(min=1, help="Requests in flight.")] = 8,
    hostile: Annotated[
        bool,
        typer.Option(
            "--hostile",
            help="Instead: a monitor floods maximal free-text reports while a viewer reads"
            " GET /incidents; the viewer's p50/p99.",
        ),
    ] = False,
    seconds: Annotated[float, typer.Option(min=1, help="--hostile: how long.")] = 30.0,
    flood: Annotated[int, typer.Option(min=1, help="--hostile: posts in flight.")] = 4,
    as_json: JsonOption = False,
) -> None:
    """Post reports to a real `truce serve` on loopback; acknowledged reports per second,
    p99 latency, and a bare endpoint's throughput as the baseline.

    Example: [bold]truce bench api --reports 5000 --concurrency 8 --json[/]
    or [bold]truce bench api --hostile --seconds 60 --json[/]
    """
    from truce.bench.api import bench_api

    if hostile:
        from truce.bench.hostile import bench_hostile

        if as_json:
            print_json(bench_hostile(seconds, flood).as_json())
            return
        with console.status(f"Flooding for {seconds:g} s while a viewer reads …"):
            data = bench_hostile(seconds, flood).as_json()
        table = Table("figure", "value", title="truce bench api --hostile", title_justify="left")
        for key, value in data.items():
            table.add_row(key, str(value))
        console.print(table)
        return

    if as_json:
        data = bench_api(reports, concurrency).as_json()
        print_json(data)
        return
    with console.status(f"Posting {reports:,} reports at concurrency {concurrency} …"):
        data = bench_api(reports, concurrency).as_json()
    table = Table("figure", "value", title="truce bench api", title_justify="left")
    for key, value in data.items():
        table.add_row(key, str(value))
    console.print(table)


@bench_app.command("extract")
def extract_bench_command(
    reports: Annotated[int, typer.Option(min=1, help="Realistic reports (EN/UK/RU).")] = 20_000,
    seed: Annotated[int, typer.Option(help="Random seed of the reports.")] = 7,
    as_json: JsonOption = False,
) -> None:
    """Time free-text extraction on realistic reports in English, Ukrainian and Russian.

    Example: [bold]truce bench extract --reports 20000 --json[/]
    """
    from truce.bench.extract import bench_extract

    if as_json:
        print_json(bench_extract(reports, seed=seed).as_json())
        return
    with console.status(f"Extracting {reports:,} reports …"):
        data = bench_extract(reports, seed=seed).as_json()
    table = Table("figure", "value", title="truce bench extract", title_justify="left")
    for key, value in data.items():
        table.add_row(key, f"{value:,}" if isinstance(value, int) else str(value))
    console.print(table)


@bench_app.command("batch")
def batch_bench_command(
    reports: Annotated[int, typer.Option(min=1, help="Realistic reports in the corpus.")] = 100_000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes of the LocalCluster.")] = 2,
    partition_size: Annotated[
        int | None, typer.Option(min=1, help="Lines per task (default: as batch extract).")
    ] = None,
    seed: Annotated[int, typer.Option(help="Random seed of the reports.")] = 7,
    as_json: JsonOption = False,
) -> None:
    """Time serial extraction and [bold]truce batch extract[/] on a Dask LocalCluster, on the
    same corpus written to a temporary folder, and check they give the same records.

    Example: [bold]truce bench batch --reports 1000000 --workers 2 --json[/]
    """
    from truce.bench.batch import bench_batch

    def run() -> dict[str, object]:
        return bench_batch(
            reports, workers=workers, partition_size=partition_size, seed=seed
        ).as_json()

    if as_json:
        data = run()
    else:
        shown = f"Extracting {reports:,} reports serially, then on {workers} workers …"
        with console.status(shown):
            data = run()
    if not data["same_records"]:
        raise TruceError("serial and cluster extraction gave different records: this is a bug")
    if as_json:
        print_json(data)
        return
    table = Table("figure", "value", title="truce bench batch", title_justify="left")
    for key, value in data.items():
        table.add_row(key, f"{value:,}" if isinstance(value, int) else str(value))
    console.print(table)


@bench_app.command("merge")
def merge_bench_command(
    reports: Annotated[int, typer.Option(min=1, help="Synthetic structured reports.")] = 100_000,
    batch: Annotated[int, typer.Option(min=1, help="Reports per commit (as the API).")] = 500,
    db: Annotated[
        str | None,
        typer.Option(
            help="Database to merge into (default: a fresh SQLite file); it must be empty."
        ),
    ] = None,
    seed: Annotated[int, typer.Option(help="Random seed of the reports.")] = 7,
    as_json: JsonOption = False,
) -> None:
    """Time merging reports into incidents: in memory (as [bold]truce merge[/]) and into a
    database as they arrive (as the API and [bold]truce reports import[/]).

    Example: [bold]truce bench merge --reports 100000 --json[/]
    """
    from truce.bench.merge import bench_merge

    if as_json:
        print_json(bench_merge(reports, batch=batch, db=db, seed=seed).as_json())
        return
    with console.status(f"Merging {reports:,} reports …"):
        data = bench_merge(reports, batch=batch, db=db, seed=seed).as_json()
    table = Table("figure", "value", title="truce bench merge", title_justify="left")
    for key, value in data.items():
        table.add_row(key, f"{value:,}" if isinstance(value, int) else str(value))
    console.print(table)


@bench_app.command("dashboard")
def dashboard_bench_command(
    incidents: Annotated[int, typer.Option(min=1, help="Synthetic incidents.")] = 100_000,
    seed: Annotated[int, typer.Option(help="Random seed of the synthetic data.")] = 7,
    as_json: JsonOption = False,
) -> None:
    """Load the served dashboard and the offline file in headless Chromium with N
    incidents: seconds until usable, bytes fetched, the offline file's size.

    Needs Playwright (the test extra) and Debian's Chromium at /usr/bin/chromium.

    Example: [bold]truce bench dashboard --incidents 100000 --json[/]
    """
    from truce.bench.dashboard import bench_dashboard

    if as_json:
        print_json(bench_dashboard(incidents, seed=seed).as_json())
        return
    with console.status(f"Filling {incidents:,} incidents, serving and loading the dashboard …"):
        data = bench_dashboard(incidents, seed=seed).as_json()
    table = Table("figure", "value", title="truce bench dashboard", title_justify="left")
    for key, value in data.items():
        table.add_row(key, f"{value:,}" if isinstance(value, int) else str(value))
    console.print(table)
