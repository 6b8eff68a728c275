"""`clausegate serve`, `clausegate users ...`, `clausegate audit verify` and `clausegate reparse`: the
server, its people and the stored documents' upkeep.

Registered on the main CLI by `assistant.cli` (`register(app)`); FastAPI and uvicorn are imported only
when `serve` runs.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from sqlalchemy import Engine

from assistant.settings import get_settings
from assistant.users import Role

out = Console()
err = Console(stderr=True)
users_app = typer.Typer(no_args_is_help=True, help="Users, roles and API tokens.")
audit_app = typer.Typer(no_args_is_help=True, help="The hash-chained audit trail.")


def _engine() -> Engine:
    from assistant.store import Store

    return Store(get_settings()).engine


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    reload: Annotated[bool, typer.Option(help="Reload on code changes (development).")] = False,
) -> None:
    """Start the API and web pages (uvicorn). Open http://HOST:PORT/ and log in with a user's token."""
    import uvicorn

    uvicorn.run("api.app:create_app", factory=True, host=host, port=port, reload=reload)


@users_app.command("create")
def users_create(
    name: Annotated[str, typer.Argument(help="Login name, e.g. 'dana.legal'.")],
    role: Annotated[Role, typer.Option(help="procurement, legal, cfo or admin.")],
) -> None:
    """Create a user and print its API token (shown once; only its hash is stored)."""
    from assistant.audit import AuditLog
    from assistant.users import UserService

    engine = _engine()
    user, token = UserService(engine).create_user(name, role)
    AuditLog(engine).append("cli", "user.create", "user", user.name, after={"role": user.role.value})
    err.print(f"created {user.name} ({user.role.value}); the token below is shown once, store it now:")
    sys.stdout.write(token + "\n")


@users_app.command("token")
def users_token(name: Annotated[str, typer.Argument(help="Existing user.")]) -> None:
    """Issue another API token for a user (printed once)."""
    from assistant.audit import AuditLog
    from assistant.users import UserService

    engine = _engine()
    token = UserService(engine).issue_token(name)
    AuditLog(engine).append("cli", "user.token", "user", name, after={"issued": True})
    sys.stdout.write(token + "\n")


@users_app.command("list")
def users_list() -> None:
    """List users and their roles."""
    from assistant.users import UserService

    for u in UserService(_engine()).list():
        out.print(f"{u.name}\t{u.role.value}\t{'active' if u.active else 'disabled'}")


@audit_app.command("verify")
def audit_verify(
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Check the audit hash chain; exit 3 when an event was edited, deleted or reordered."""
    from assistant.audit import AuditLog

    result = AuditLog(_engine()).verify()
    if as_json:
        sys.stdout.write(json.dumps(result.model_dump()) + "\n")
    elif result.ok:
        out.print(f"audit chain ok: {result.count} events, head {result.head_hash[:16]}…")
    else:
        out.print(f"[red]audit chain broken at seq {result.first_broken_seq}:[/red] {result.problem}")
    if not result.ok:
        raise typer.Exit(3)


def reparse(
    document_ids: Annotated[
        list[str] | None, typer.Argument(help="Ids of stored documents to re-parse, current or not.")
    ] = None,
    all_documents: Annotated[
        bool, typer.Option("--all", help="Re-parse every stored document, current or not.")
    ] = False,
) -> None:
    """Re-parse stored documents from their original bytes with the current parser: those parsed by an
    older parser version (default), every one (--all) or the given ids. Prints each document's clause
    count before and after; exits 2 when a document could not be re-parsed (it keeps its old parse)."""
    from assistant.ingest import PARSER_VERSION
    from assistant.service import Clausegate

    if all_documents and document_ids:
        raise typer.BadParameter("give document ids or --all, not both")
    svc = Clausegate(get_settings())
    done = svc.reparse_documents(document_ids or None, force=all_documents or bool(document_ids))
    if not done:
        total = len(svc.store.list_documents())
        out.print(f"all {total} stored documents are current (parser version {PARSER_VERSION})")
    for r in done:
        if r.error is not None:
            err.print(
                f"{r.document_id}  {r.filename}  failed, kept parser v{r.old_version}: {r.error}",
                markup=False,
                highlight=False,
            )
            continue
        change = "text changed" if r.text_changed else "text unchanged"
        out.print(
            f"{r.document_id}  {r.filename}  parser v{r.old_version} -> v{r.new_version}  "
            f"clauses {r.clauses_before} -> {r.clauses_after}  ({change})",
            markup=False,
            highlight=False,
        )
    if any(r.error is not None for r in done):
        raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    """Add `serve`, `users`, `audit` and `reparse` to the main CLI."""
    app.command()(serve)
    app.command()(reparse)
    app.add_typer(users_app, name="users")
    app.add_typer(audit_app, name="audit")
