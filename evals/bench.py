"""Benchmark (prints figures, asserts nothing): ingest throughput over the CUAD texts, review time per
document with the CUAD and default playbooks, and peak memory.

    python -m evals.bench [--cuad-dir DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from assistant.ingest import parse_file
from assistant.models import Document
from assistant.playbook import load_playbook
from assistant.review import review_documents
from evals.datasets import DEFAULT_CUAD_DIR, load_cuad


def bench_ingest(paths: Sequence[Path]) -> tuple[list[Document], dict[str, float]]:
    """Parse every file; returns the documents and docs/s, MB/s, total seconds."""
    size = sum(p.stat().st_size for p in paths)
    started = time.perf_counter()
    docs = [parse_file(p) for p in paths]
    seconds = time.perf_counter() - started
    return docs, {
        "documents": len(docs),
        "megabytes": size / 1e6,
        "seconds": seconds,
        "docs_per_s": len(docs) / seconds if seconds else 0.0,
        "mb_per_s": size / 1e6 / seconds if seconds else 0.0,
    }


def bench_review(docs: Sequence[Document], playbook_name: str) -> dict[str, float]:
    """Review each document alone against the playbook; mean/median/p95/max seconds per document."""
    playbook = load_playbook(playbook_name)
    times = []
    for doc in docs:
        started = time.perf_counter()
        review_documents([doc], playbook)
        times.append(time.perf_counter() - started)
    times.sort()
    return {
        "mean_s": statistics.fmean(times),
        "median_s": statistics.median(times),
        "p95_s": times[int(0.95 * (len(times) - 1))],
        "max_s": times[-1],
        "total_s": sum(times),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print a table of figures."""
    p = argparse.ArgumentParser(prog="python -m evals.bench", description=__doc__.split("\n")[0])
    p.add_argument("--cuad-dir", type=Path, default=DEFAULT_CUAD_DIR, help="CUAD folder (labels.json).")
    p.add_argument("--limit", type=int, default=100, help="Number of CUAD contracts (default 100).")
    args = p.parse_args(argv)
    paths = [f for c in load_cuad(args.cuad_dir, args.limit) for f in c.files]
    tracemalloc.start()
    docs, ingest = bench_ingest(paths)
    reviews = {name: bench_review(docs, name) for name in ("cuad", "default")}
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    table = Table(title=f"clausegate benchmark: {len(docs)} CUAD contract(s)")
    table.add_column("figure")
    table.add_column("value", justify="right")
    table.add_row("ingest documents/s", f"{ingest['docs_per_s']:.1f}")
    table.add_row("ingest MB/s", f"{ingest['mb_per_s']:.2f}")
    table.add_row("ingest total s", f"{ingest['seconds']:.2f} ({ingest['megabytes']:.1f} MB)")
    for name, r in reviews.items():
        table.add_row(
            f"review ({name} playbook) s/doc",
            f"mean {r['mean_s']:.3f}, p50 {r['median_s']:.3f}, p95 {r['p95_s']:.3f}, max {r['max_s']:.3f}",
        )
    table.add_row("peak traced Python memory MB", f"{peak / 1e6:.1f}")
    table.add_row("peak RSS MB", f"{rss_mb:.0f}")
    Console(width=None if sys.stdout.isatty() else 120).print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
