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

It also answers `POST /v1/embeddings` in OpenAI's wire format (`{"object": "list", "data": [{"object":
"embedding", "index": i, "embedding": ...}], "model", "usage"}`; base64 float32 vectors when the request
asks `encoding_format: base64`, as openai-python does by default). Vectors are a hashed bag of word stems
projected to the model's real size (1536 for text-embedding-3-small), L2-normalised, so texts sharing
words are close. Like the real endpoint it rejects an empty input string (400) and an unknown model (404).
Scenario keys for embeddings: `"reverse_embeddings": true` returns `data` in reverse order (indices kept),
and `errors` / `always_error` apply here as well (401 gives OpenAI's invalid-key error).

Usage: python scripts/fake_openai_server.py --scenario normal --port 8765
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import math
import re
import struct
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


EMBEDDING_DIMS = {
    "text-embedding-3-small": 1536,
    "text-embedding-3-large": 3072,
    "text-embedding-ada-002": 1536,
}
_STOP = frozenset(
    "a an and any as at be by for from in into is it its of on or shall such that the this to with".split()
)


def embedding_vector(text: str, dim: int) -> list[float]:
    """A deterministic unit vector for `text`: each word stem (first five letters, stop words left out)
    adds +-1 at three hashed positions; a text without words hashes as a whole (never a zero vector)."""
    vector = [0.0] * dim
    words = [w[:5] for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP]
    for word in words or [text]:
        digest = hashlib.sha256(word.encode("utf-8")).digest()
        for k in range(3):
            position = int.from_bytes(digest[4 * k : 4 * k + 4], "little") % dim
            vector[position] += 1.0 if digest[16 + k] & 1 else -1.0
    norm = math.sqrt(sum(x * x for x in vector)) or 1.0
    return [x / norm for x in vector]


def _encode(vector: list[float], encoding_format: str) -> list[float] | str:
    if encoding_format == "base64":  # little-endian float32, what the real endpoint sends
        return base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode("ascii")
    return [round(x, 8) for x in vector]


def embedding_problem(request: dict[str, Any]) -> tuple[int, dict[str, Any]] | None:
    """The (status, error) the real endpoint gives for this request, or None when it is valid."""
    model = request.get("model")
    if model not in EMBEDDING_DIMS:
        message = f"The model `{model}` does not exist or you do not have access to it."
        return 404, {
            "message": message,
            "type": "invalid_request_error",
            "param": None,
            "code": "model_not_found",
        }
    texts = request.get("input")
    texts = [texts] if isinstance(texts, str) else texts
    if not isinstance(texts, list) or not texts or any(t == "" for t in texts):
        message = "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference."
        return 400, {"message": message, "type": "invalid_request_error", "param": None, "code": None}
    return None


def embedding_payload(request: dict[str, Any], scenario: dict[str, Any]) -> dict[str, Any]:
    """The embeddings body answering a valid `request` under `scenario`."""
    texts = request["input"] if isinstance(request["input"], list) else [request["input"]]
    dim = int(request.get("dimensions") or EMBEDDING_DIMS[request["model"]])
    encoding = request.get("encoding_format", "float")
    data = [
        {"object": "embedding", "index": i, "embedding": _encode(embedding_vector(str(t), dim), encoding)}
        for i, t in enumerate(texts)
    ]
    if scenario.get("reverse_embeddings"):
        data.reverse()
    used = sum(tokens(str(t)) for t in texts)
    return {
        "object": "list",
        "data": data,
        "model": request["model"],
        "usage": {"prompt_tokens": used, "total_tokens": used},
    }


def invalid_key_error(authorization: str) -> dict[str, Any]:
    """OpenAI's 401 body for the (masked) bearer key in `authorization`."""
    key = authorization.removeprefix("Bearer ").strip()
    masked = key[:7] + "*" * max(0, len(key) - 11) + key[-4:] if len(key) > 11 else "*" * len(key)
    return {
        "message": f"Incorrect API key provided: {masked}. You can find your API key at "
        "https://platform.openai.com/account/api-keys.",
        "type": "invalid_request_error",
        "param": None,
        "code": "invalid_api_key",
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
        embeddings = self.path.rstrip("/").endswith("/embeddings")
        if not embeddings and not self.path.rstrip("/").endswith("/chat/completions"):
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
            error = ERRORS.get(status, ERRORS[500])
            if status == 401:
                error = invalid_key_error(self.headers.get("Authorization", ""))
            self._send(status, {"error": error}, extra)
            return
        if embeddings:
            self._embeddings(request)
            return
        self._send(200, reply_payload(request, self.scenario))

    def _embeddings(self, request: dict[str, Any]) -> None:
        problem = embedding_problem(request)
        if problem:
            self._send(problem[0], {"error": problem[1]})
            return
        self._send(200, embedding_payload(request, self.scenario), {"openai-model": request["model"]})

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
