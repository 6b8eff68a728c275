"""A scripted OpenAI-compatible chat.completions server, used only to author the test cassettes.

It speaks the exact wire format of `POST /v1/chat/completions` (id, object, created, model,
system_fingerprint, choices[0].message.content or .tool_calls, finish_reason, usage with token
details, OpenAI-style response headers and error bodies), and answers from a scenario file
(`tests/fixtures/llm/scenarios/<name>.json`) instead of a model:

    {"errors": [429],             # statuses returned first, one per request, then normal replies
     "always_error": 500,         # every request fails with this status
     "malformed": true,           # the reply content is broken JSON
     "auto": true,                # a crude keyword "model" answers requirements not listed below
     "default": {"status": "missing", "reason": "..."},
     "verdicts": {"audit_rights": {"status": "present", "quote_containing": "audit",
                                   "params": {"notice_days": "30"}, "reason": "..."},
                  "other_req": {"status": "present", "quote": "literal (possibly invented) text"}}}

`quote_containing` makes the server quote, verbatim, the first sentence containing that phrase in the
clauses offered for the requirement, the way a model would (line breaks collapsed to spaces).

Usage: python scripts/fake_openai_server.py --scenario normal --port 8765
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

SCENARIOS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "llm" / "scenarios"
MODEL_SNAPSHOT = "gpt-4o-mini-2024-07-18"
CREATED = 1763812800  # fixed, so re-recorded cassettes only differ where behaviour does

_REQ = re.compile(r'<requirement id="([^"]+)">(.*?)</requirement>', re.S)
_CLAUSE = re.compile(r'<contract_clause id="(C\d+)"[^>]*>\n(.*?)\n</contract_clause>', re.S)
_SENT = re.compile(r"(?<=[.;])\s+")


def tokens(text: str) -> int:
    """Token count in the style of the real tokenizer (about four characters per token)."""
    return max(1, math.ceil(len(text) / 4))


def _quote(phrase: str, clause_ids: list[str], clauses: dict[str, str]) -> dict[str, str] | None:
    for cid in clause_ids:
        for sentence in _SENT.split(clauses.get(cid, "")):
            if phrase.lower() in " ".join(sentence.split()).lower():
                return {"clause": cid, "text": " ".join(sentence.split())}
    return None


def _auto(body: str, clause_ids: list[str], clauses: dict[str, str]) -> dict[str, Any]:
    """A crude stand-in model: 'present', quoting the first offered sentence that shares a word stem
    with the requirement's title; else 'missing'. Used for the evaluation cassettes."""
    title = re.search(r"title: (.*)", body)
    stems = {w[:5] for w in re.findall(r"[a-z]{5,}", (title.group(1) if title else "").lower())}
    for cid in clause_ids:
        for sentence in _SENT.split(clauses.get(cid, "")):
            words = {w[:5] for w in re.findall(r"[a-z]{5,}", sentence.lower())}
            if stems & words and len(sentence) > 40:
                return {
                    "status": "present",
                    "quote": " ".join(sentence.split()),
                    "clause": cid,
                    "reason": "The quoted sentence addresses the requirement.",
                }
    return {"status": "missing", "reason": "No offered clause addresses the requirement."}


def _verdict(rid: str, body: str, clauses: dict[str, str], scenario: dict[str, Any]) -> dict[str, Any]:
    offered = re.search(r"candidate clauses: (.*)", body)
    clause_ids = [c.strip() for c in offered.group(1).split(",")] if offered else []
    spec = scenario.get("verdicts", {}).get(rid) or scenario.get("default") or {"status": "missing"}
    if scenario.get("auto") and rid not in scenario.get("verdicts", {}):
        spec = _auto(body, clause_ids, clauses)
    quotes = []
    if "quote_containing" in spec and (q := _quote(spec["quote_containing"], clause_ids, clauses)):
        quotes.append(q)
    if "quote" in spec:
        quotes.append(
            {"clause": spec.get("clause", clause_ids[0] if clause_ids else "C1"), "text": spec["quote"]}
        )
    status = spec["status"] if quotes or spec["status"] in ("missing", "unclear") else "unclear"
    return {
        "requirement_id": rid,
        "status": status,
        "params": [{"name": k, "value": str(v)} for k, v in spec.get("params", {}).items()],
        "quotes": quotes,
        "reason": spec.get("reason", f"The offered clauses were read for {rid}."),
    }


def reply_payload(request: dict[str, Any], scenario: dict[str, Any]) -> dict[str, Any]:
    """The chat.completion body answering `request` under `scenario`."""
    messages = request.get("messages", [])
    user = next((m["content"] for m in reversed(messages) if m.get("role") == "user"), "")
    prompt = "".join(str(m.get("content", "")) for m in messages)
    digest = hashlib.sha256(json.dumps(request, sort_keys=True).encode()).hexdigest()
    message: dict[str, Any] = {"role": "assistant", "refusal": None, "annotations": []}
    finish = "stop"
    if "response_format" in request or "tools" in request:
        clauses = dict(_CLAUSE.findall(user))
        verdicts = [_verdict(rid, body, clauses, scenario) for rid, body in _REQ.findall(user)]
        content = json.dumps({"verdicts": verdicts}, ensure_ascii=False)
        if scenario.get("malformed"):
            content = content[: max(20, len(content) // 2)].replace('"status"', "status", 1)
        if "tools" in request:
            name = request["tools"][0]["function"]["name"]
            call = {
                "id": f"call_{digest[:24]}",
                "type": "function",
                "function": {"name": name, "arguments": content},
            }
            message.update(content=None, tool_calls=[call])
            finish = "tool_calls"
        else:
            message["content"] = content
    else:
        content = "ok"
        message["content"] = content
    completion = tokens(content)
    return {
        "id": f"chatcmpl-{digest[:29]}",
        "object": "chat.completion",
        "created": CREATED,
        "model": MODEL_SNAPSHOT,
        "choices": [{"index": 0, "message": message, "logprobs": None, "finish_reason": finish}],
        "usage": {
            "prompt_tokens": tokens(prompt),
            "completion_tokens": completion,
            "total_tokens": tokens(prompt) + completion,
            "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
            "completion_tokens_details": {
                "reasoning_tokens": 0,
                "audio_tokens": 0,
                "accepted_prediction_tokens": 0,
                "rejected_prediction_tokens": 0,
            },
        },
        "service_tier": "default",
        "system_fingerprint": "fp_560af6e559",
    }


ERRORS = {
    429: {
        "message": "Rate limit reached for gpt-4o-mini in organization org-redacted on requests per min (RPM): "
        "Limit 500, Used 500, Requested 1. Please try again in 120ms.",
        "type": "requests",
        "param": None,
        "code": "rate_limit_exceeded",
    },
    500: {
        "message": "The server had an error while processing your request. Sorry about that!",
        "type": "server_error",
        "param": None,
        "code": None,
    },
    503: {
        "message": "The engine is currently overloaded, please try again later.",
        "type": "server_error",
        "param": None,
        "code": None,
    },
}


class Handler(BaseHTTPRequestHandler):
    scenario: dict[str, Any] = {}
    lock = threading.Lock()
    served = 0

    def version_string(self) -> str:
        return "cloudflare"  # what api.openai.com answers with

    def _send(self, status: int, body: dict[str, Any], extra: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        headers = {
            "Content-Type": "application/json",
            "openai-processing-ms": "412",
            "openai-version": "2020-10-01",
            "x-ratelimit-limit-requests": "500",
            "x-ratelimit-remaining-requests": "499",
            "x-request-id": "req_" + hashlib.sha256(data).hexdigest()[:32],
            "Content-Length": str(len(data)),
            **(extra or {}),
        }
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:  # noqa: N802 - http.server naming
        request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._send(
                404, {"error": {"message": f"Unknown path {self.path}", "type": "invalid_request_error"}}
            )
            return
        with Handler.lock:
            n = Handler.served
            Handler.served += 1
        errors = self.scenario.get("errors", [])
        status = self.scenario.get("always_error") or (errors[n] if n < len(errors) else 200)
        if status != 200:
            extra = {"retry-after": "1", "x-ratelimit-remaining-requests": "0"} if status == 429 else {}
            self._send(status, {"error": ERRORS.get(status, ERRORS[500])}, extra)
            return
        self._send(200, reply_payload(request, self.scenario))

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server naming
        print(f"fake-openai: {format % args}", flush=True)


def main() -> None:
    """Serve one scenario on 127.0.0.1 until interrupted."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scenario", default="normal", help="scenario name in tests/fixtures/llm/scenarios")
    ap.add_argument("--port", type=int, default=8765)
    args = ap.parse_args()
    Handler.scenario = json.loads((SCENARIOS / f"{args.scenario}.json").read_text(encoding="utf-8"))
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(f"fake-openai: scenario {args.scenario!r} on http://127.0.0.1:{args.port}/v1", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
