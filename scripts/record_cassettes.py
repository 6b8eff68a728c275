"""Re-record the scripted LLM cassettes against the fake OpenAI-compatible server.

For each cassette test, starts `scripts/fake_openai_server.py` with the test's scenario on a free
local port, runs the test with `--record-mode=rewrite --llm-base-url=<that server>`, then rewrites
the recorded URIs to `https://api.openai.com/v1/...` so the cassette replays with default settings.

    .venv/bin/python scripts/record_cassettes.py            # all
    .venv/bin/python scripts/record_cassettes.py --only test_rate_limited_then_success

Cassettes that a real endpoint can reproduce can instead be re-recorded live (tests/cassettes/README.md).
"""

from __future__ import annotations

import argparse
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OPENAI = "https://api.openai.com/v1"

# test file -> {test name: scenario in tests/fixtures/llm/scenarios}
PLAN: dict[str, dict[str, str]] = {
    "tests/test_judge_cassettes.py": {
        "test_normal_judge_call_structured_output_and_cache": "normal",
        "test_function_calling_mode": "normal",
        "test_doctor_model_reachable": "normal",
        "test_hallucinated_quote_is_rejected": "hallucinated",
        "test_rate_limited_then_success": "rate_limited",
        "test_server_error_until_retries_are_spent": "server_error",
        "test_malformed_json_falls_back_to_rules": "malformed",
        "test_prompt_injection_changes_no_status": "injection",
    },
    "tests/test_llm_evals.py": {
        "test_evaluator_measures_the_llm_path": "eval_gold",
    },
    "tests/test_embeddings_openai.py": {
        "test_batches_keep_input_order": "embedding_reversed",
        "test_blank_texts_are_sent_as_one_space": "normal",
        "test_dimension_known_or_probed_once": "normal",
        "test_cached_index_search_with_openai_provider": "normal",
        "test_rejected_key_raises_llm_error": "embedding_unauthorized",
    },
}


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(port: int, seconds: float = 10.0) -> None:
    """Block until something listens on `port`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise SystemExit(f"fake server did not start on port {port}")


def rewrite(cassette: Path, base_url: str) -> None:
    """Point a cassette recorded against `base_url` at the real OpenAI endpoint."""
    text = cassette.read_text(encoding="utf-8")
    text = text.replace(base_url, OPENAI)
    text = re.sub(r"(?m)^(\s+)(- )?127\.0\.0\.1:\d+$", r"\1\2api.openai.com", text)
    cassette.write_text(text, encoding="utf-8")


def record(test_file: str, test: str, scenario: str) -> None:
    """Record one test's cassette against the fake server running `scenario`."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}/v1"
    server = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "scripts" / "fake_openai_server.py"),
            "--scenario",
            scenario,
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for(port)
        cmd = [sys.executable, "-m", "pytest", f"{test_file}::{test}", "-q", "-p", "no:cacheprovider",
               "--record-mode=rewrite", f"--llm-base-url={base_url}"]  # fmt: skip
        result = subprocess.run(cmd, cwd=ROOT, check=False)
        if result.returncode != 0:
            raise SystemExit(f"{test} failed while recording (scenario {scenario!r})")
    finally:
        server.terminate()
        server.wait(timeout=10)
    cassette = ROOT / Path(test_file).parent / "cassettes" / Path(test_file).stem / f"{test}.yaml"
    rewrite(cassette, base_url)
    print(f"recorded {cassette.relative_to(ROOT)} ({scenario})")


def main() -> None:
    """Record every planned cassette (or the one named with --only)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", help="record only this test name")
    args = ap.parse_args()
    for test_file, tests in PLAN.items():
        for test, scenario in tests.items():
            if args.only in (None, test):
                record(test_file, test, scenario)


if __name__ == "__main__":
    main()
