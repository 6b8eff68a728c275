"""`clausegate` command line. An interface other tools rely on: keep options and JSON stable.

Exit codes: 0 ok; 2 an error (bad input, configuration); 3 `--fail-on` was hit.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from typer._click.core import Context  # NOTE: typer vendors click; its Context is this one
from typer.core import TyperGroup

from assistant.errors import ClausegateError
from assistant.ingest import SUPPORTED_EXTENSIONS
from assistant.models import DocumentKind, ReviewResult, Status
from assistant.playbook import Playbook
from assistant.report import review_json, review_markdown, review_table
from assistant.review import Judge
from assistant.settings import Settings, get_settings

# NOTE: pypdf logs recoverable oddities of damaged files ("EOF marker not found") as warnings; the CLI
# reports what matters itself, as one clear error line.
logging.getLogger("pypdf").setLevel(logging.ERROR)

out = Console()
err = Console(stderr=True, soft_wrap=True)  # NOTE: no hard line breaks inside messages or paths


class _Group(TyperGroup):
    """Every command's typed errors become one clear message on stderr and exit code 2 (not a traceback)."""

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except ClausegateError as exc:
            err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
            ctx.exit(exc.exit_code)


app = typer.Typer(
    cls=_Group, add_completion=False, no_args_is_help=True, help="Contract review for technology procurement."
)

SUPPORTED = set(SUPPORTED_EXTENSIONS)  # what `batch` picks up in a folder: exactly what the parsers read


class Format(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


class FailOn(StrEnum):
    weak = "weak"
    missing = "missing"


class LLMMode(StrEnum):
    auto = "auto"
    on = "on"
    off = "off"


def main() -> None:
    """Console entry point."""
    app()


@contextmanager
def _progress(total: int, enabled: bool) -> Iterator[Progress]:
    """A progress bar on stderr (so JSON on stdout stays clean); silent when not a terminal."""
    prog = Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=err,
        disable=not enabled,
        transient=True,
    )
    with prog:
        prog.add_task("working", total=total)
        yield prog


def _settings(vectors: bool | None) -> Settings:
    settings = get_settings()
    if vectors is not None:
        settings = settings.model_copy(
            update={"review": settings.review.model_copy(update={"use_vector_search": vectors})}
        )
    return settings


def _judge(settings: Settings, mode: LLMMode) -> Judge | None:
    """The LLM judge for `--llm`, or None. `on` without a configured model is an error."""
    if mode == LLMMode.off:
        return None
    from assistant import judge as judge_mod

    settings = settings.model_copy(update={"llm": settings.llm.model_copy(update={"mode": mode.value})})
    return judge_mod.make_judge(settings)


def _parse_kinds(values: list[str]) -> dict[str, DocumentKind]:
    kinds: dict[str, DocumentKind] = {}
    for v in values:
        name, sep, kind = v.rpartition("=")
        if not sep or kind not in DocumentKind.__members__:
            raise ClausegateError(
                f"--kind {v!r}: expected FILENAME=KIND with KIND one of {', '.join(DocumentKind.__members__)}."
            )
        kinds[Path(name).name] = DocumentKind(kind)
    return kinds


def _no_folders(files: list[Path]) -> None:
    """A folder among FILES is a usage error that names it (not 'file type (no extension)')."""
    for f in files:
        if f.is_dir():
            raise ClausegateError(
                f"{str(f)!r} is a folder: pass the contract files in it (e.g. {str(f / '*.pdf')!r}), "
                f"or use 'clausegate batch {f}' to review each file on its own."
            )


def _fail_hit(result: ReviewResult, fail_on: FailOn | None) -> bool:
    if fail_on is None:
        return False
    bad = {Status.missing} if fail_on == FailOn.missing else {Status.missing, Status.weak}
    return any(f.status in bad for f in result.findings)


@app.command()
def review(
    files: Annotated[
        list[Path], typer.Argument(help="Files of one contract family (PDF, DOCX, TXT, MD, HTML).")
    ],
    playbook: Annotated[
        str, typer.Option(help="Playbook name ('default', 'cuad') or YAML path.")
    ] = "default",
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    fail_on: Annotated[
        FailOn | None, typer.Option(help="Exit 3 when a finding is this bad or worse.")
    ] = None,
    family: Annotated[str | None, typer.Option(help="Family name to store the documents under.")] = None,
    kind: Annotated[
        list[str], typer.Option(help="Override a document kind: FILENAME=KIND (repeatable).")
    ] = [],  # noqa: B006
    llm: Annotated[
        LLMMode, typer.Option(help="LLM judge: auto = on when a key or base_url is set.")
    ] = LLMMode.auto,
    dry_run: Annotated[
        bool, typer.Option(help="With --llm on: print the tokens that would be sent, call nothing.")
    ] = False,
    vectors: Annotated[
        bool | None, typer.Option(help="Use vector search for candidates (default from settings).")
    ] = None,
) -> None:
    """Review FILES as one contract family against a playbook and print one finding per requirement."""
    from assistant.service import Clausegate

    _no_folders(files)
    settings = _settings(vectors)
    kinds = _parse_kinds(kind)
    svc = Clausegate(settings)
    pb = _load_playbook(playbook)
    show = format == Format.text and err.is_terminal
    with _progress(len(files) + len(pb.requirements), show) as prog:
        step = lambda msg: prog.update(prog.task_ids[0], advance=1, description=msg)  # noqa: E731
        docs = svc.ingest(files, family=family, kinds=kinds, progress=step)
        if dry_run:
            from assistant.judge import dry_run_tokens

            out.print_json(data=dry_run_tokens(pb, docs, settings))
            return
        judge = _judge(settings, llm)
        result = svc.review(docs, pb, judge=judge, family=family, progress=step)
    _print_result(result, format)
    if _fail_hit(result, fail_on):
        raise typer.Exit(3)


def _load_playbook(name: str) -> Playbook:
    from assistant.playbook import load_playbook

    return load_playbook(name)


def _print_result(result: ReviewResult, format: Format) -> None:
    if format == Format.json:
        sys.stdout.write(json.dumps(review_json(result), ensure_ascii=False) + "\n")
    elif format == Format.markdown:
        sys.stdout.write(review_markdown(result))
    else:
        out.print(review_table(result))
        counts = {s.value: sum(1 for f in result.findings if f.status == s) for s in Status}
        out.print(", ".join(f"{n} {s}" for s, n in counts.items() if n) + f"  ({result.seconds:.2f}s)")


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED)
        else:
            files.append(p)
    return files


@app.command()
def batch(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories; each file is its own family.")],
    out_path: Annotated[Path, typer.Option("--out", help="JSON Lines output, one line per file.")],
    playbook: Annotated[
        str, typer.Option(help="Playbook name ('default', 'cuad') or YAML path.")
    ] = "default",
    vectors: Annotated[bool | None, typer.Option(help="Use vector search for candidates.")] = None,
) -> None:
    """Review each file as its own family; failures get an "error" line and the batch goes on.
    Re-running skips files already in the output."""
    from assistant.service import Clausegate

    svc = Clausegate(_settings(vectors))
    pb = _load_playbook(playbook)
    files = _expand(paths)
    done: set[str] = set()
    if out_path.exists():
        for raw in out_path.read_text(encoding="utf-8").splitlines():
            try:
                done.add(json.loads(raw)["file"])
            except (ValueError, KeyError, TypeError):
                continue
    todo = [f for f in files if str(f) not in done]
    if out_path.exists() and out_path.stat().st_size and not out_path.read_bytes().endswith(b"\n"):
        with out_path.open("a", encoding="utf-8") as fh:  # an interrupted run left half a line: end it
            fh.write("\n")
    failed = 0
    with _progress(len(todo), err.is_terminal) as prog, out_path.open("a", encoding="utf-8") as fh:
        for f in todo:
            prog.update(prog.task_ids[0], description=f.name[:40])
            try:
                docs = svc.ingest([f])
                line: dict[str, Any] = {"file": str(f), **review_json(svc.review(docs, pb))}
            except ClausegateError as exc:
                failed += 1
                line = {"file": str(f), "error": str(exc)}
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
            fh.flush()
            prog.update(prog.task_ids[0], advance=1)
    err.print(
        f"{len(todo)} reviewed ({failed} failed), {len(files) - len(todo)} skipped -> {out_path}",
        markup=False,
        highlight=False,
    )


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="What to look for, in plain words.")],
    family: Annotated[str | None, typer.Option(help="Only clauses of this family.")] = None,
    k: Annotated[int, typer.Option("-k", min=1, help="How many clauses (1 or more).")] = 5,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
) -> None:
    """Find the stored clauses that best match QUERY, with document and page."""
    from assistant.service import Clausegate

    hits = Clausegate(_settings(True)).search(query, family=family, k=k)
    if format == Format.json:
        sys.stdout.write(json.dumps([h.model_dump(mode="json") for h in hits], ensure_ascii=False) + "\n")
        return
    if not hits:
        out.print("No stored clauses. Ingest or review some documents first.")
    for h in hits:
        head = " ".join(x for x in (h.number, h.heading) if x)
        out.print(f"[bold]{h.score:.3f}[/bold] {escape(h.filename)} p.{h.page} [cyan]{escape(head)}[/cyan]")
        out.print(f"    {' '.join(h.text.split())[:240]}", markup=False, highlight=False)


@app.command()
def ingest(
    files: Annotated[list[Path], typer.Argument(help="Files to parse, store and index.")],
    family: Annotated[str | None, typer.Option(help="Family name to store the documents under.")] = None,
    kind: Annotated[list[str], typer.Option(help="Override a document kind: FILENAME=KIND.")] = [],  # noqa: B006
) -> None:
    """Parse, store and index documents without reviewing them."""
    from assistant.service import Clausegate

    _no_folders(files)
    docs = Clausegate(_settings(None)).ingest(files, family=family, kinds=_parse_kinds(kind))
    for d in docs:
        out.print(
            f"{d.id}  {d.filename}  {d.kind.value}  {len(d.pages)} pages  {len(d.clauses)} clauses",
            markup=False,
            highlight=False,
        )


class MemoFormat(StrEnum):
    markdown = "markdown"
    html = "html"
    pdf = "pdf"
    json = "json"


@app.command()
def gate(
    project: Annotated[
        Path, typer.Argument(help="Project file (YAML or JSON) with intake and contract families.")
    ],
    gate_name: Annotated[
        str | None,
        typer.Option("--gate", help="Gate to assess: discovery, pilot, scale, optimize (default: target)."),
    ] = None,
    format: Annotated[MemoFormat, typer.Option("--format", "-f", help="Memo format.")] = MemoFormat.markdown,
    out_path: Annotated[
        Path | None, typer.Option("--out", help="Write the memo here (required for pdf).")
    ] = None,
    llm: Annotated[
        LLMMode, typer.Option(help="LLM narrative: auto = on when a key or base_url is set.")
    ] = LLMMode.auto,
    today: Annotated[
        str | None, typer.Option(help="Assess as of this date (YYYY-MM-DD); default today.")
    ] = None,
    vectors: Annotated[
        bool | None, typer.Option(help="Use vector search for candidates (default from settings).")
    ] = None,
) -> None:
    """Review the project's contracts (reusing stored reviews), score the gate and write the CFO memo."""
    from datetime import date as _date

    from assistant.gates_run import run_gate

    if format == MemoFormat.pdf and out_path is None:
        raise ClausegateError("--format pdf needs --out FILE (a PDF is not printed to the terminal).")
    try:
        as_of = _date.fromisoformat(today) if today else None
    except ValueError as exc:
        raise ClausegateError(f"--today {today!r} is not a date; use YYYY-MM-DD.") from exc
    settings = _settings(vectors)
    if llm != LLMMode.auto:
        settings = settings.model_copy(update={"llm": settings.llm.model_copy(update={"mode": llm.value})})
    result = run_gate(
        project,
        gate_name,
        format.value,
        out_path,
        settings,
        today=as_of,
        use_llm=None if llm == LLMMode.auto else llm == LLMMode.on,
    )
    if out_path is None:
        sys.stdout.write(result.content.decode("utf-8"))
    else:
        a = result.assessment
        err.print(
            f"{a.gate.value} gate: {a.recommendation} (readiness {a.score:.0%}); memo written to {out_path}",
            markup=False,
            highlight=False,
        )


@app.command()
def doctor() -> None:
    """Check the configuration: LLM key, model reachable (one tiny request), embedding model, store, index."""
    from assistant.llm import doctor as run_checks
    from assistant.llm import format_checks

    checks = run_checks(get_settings())
    out.print(format_checks(checks), markup=False, highlight=False)
    if not all(c.ok for c in checks):
        raise typer.Exit(2)


from assistant.cli_admin import register as _register_admin  # noqa: E402  (serve, users, audit, reparse)

_register_admin(app)

if __name__ == "__main__":
    main()
