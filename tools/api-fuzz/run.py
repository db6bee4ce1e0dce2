#!/usr/bin/env python3
"""The API fuzz check of `scripts/test api-fuzz`: schemathesis against the real server.

Starts `per-server --dev serve` ($PER_SERVER_BIN) on a free port of 127.0.0.1 with a fresh
data directory (the development outbox prints the codes, as tests/e2e/support.mjs reads
them), makes a voter through the API (codes from the outbox) and an official (`official
add`, TOTP computed here), then runs `schemathesis run http://127.0.0.1:PORT/api/openapi.json`
twice: without cookies (every operation must answer as documented, protected ones 401),
and with both session cookies (operations that would end a session left out). Checks:
not_a_server_error, status_code_conformance, content_type_conformance,
response_schema_conformance. Every request carries `Origin: http://127.0.0.1:PORT`, the
service's own origin, so the server's cross-site rule lets the state-changing requests
through to their handlers as it does the app's.

Bounded: --max-examples per operation (PER_FUZZ_EXAMPLES, default 50), a wall-clock limit
per run (PER_FUZZ_SECONDS, default 150). Prints the counts of each run (operations, test
cases, operations passed and failed, from its JUnit report and summary) and a closing
`api-fuzz: N operations tested (both runs), N test cases; operations: N passed, N failed`
line, which scripts/test adds to its total; exits 1 on any failure, a time-out or a panic.
"""

import base64
import hashlib
import hmac
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

SERVER = os.environ.get("PER_SERVER_BIN", "target/server/per-server")
EXAMPLES = os.environ.get("PER_FUZZ_EXAMPLES", "50")
SECONDS = int(os.environ.get("PER_FUZZ_SECONDS", "150"))
PASSWORD = "Shkodra-1990-Liqeni"
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
# In the signed-in run: the operations that would end the session being used.
ENDS_A_SESSION = ["sign_out", "sign_out_everywhere", "review_sign_out"]


def start_server(data_dir):
    """The server, its base URL and the OUTBOX lines it prints (a list that grows)."""
    env = dict(os.environ, RUST_LOG="warn")
    proc = subprocess.Popen(
        [SERVER, "--dev", "serve", "--addr", "127.0.0.1:0", "--data-dir", data_dir],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    outbox, base, errors = [], [], []
    ready = threading.Event()

    def read_stdout():
        for line in proc.stdout:
            m = re.match(r"^listening on (http://\S+)", line)
            if m:
                base.append(m.group(1))
                ready.set()
            if line.startswith("OUTBOX "):
                outbox.append(line)

    def read_stderr():
        for line in proc.stderr:
            errors.append(line)

    threading.Thread(target=read_stdout, daemon=True).start()
    threading.Thread(target=read_stderr, daemon=True).start()
    if not ready.wait(30):
        proc.kill()
        sys.exit("api-fuzz: the server did not start:\n" + "".join(errors))
    return proc, base[0], outbox, errors


def call(base, method, path, body=None, cookie=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    req.add_header("Origin", base)
    if cookie:
        req.add_header("Cookie", cookie)
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, r.headers.get_all("Set-Cookie") or [], json.loads(r.read() or b"null")


def code_for(outbox, channel, mark):
    for _ in range(100):
        for line in outbox[mark:]:
            if line.startswith(f"OUTBOX {channel} "):
                return re.search(r"\b(\d{6})\b", line).group(1)
        time.sleep(0.1)
    sys.exit(f"api-fuzz: no {channel} code in the outbox")


def cookie_of(set_cookies, name):
    for c in set_cookies:
        if c.startswith(name + "="):
            return c.split(";", 1)[0]
    sys.exit(f"api-fuzz: no {name} cookie")


def voter_cookie(base, outbox):
    mark = len(outbox)
    _, _, started = call(base, "POST", "/api/signup",
                         {"phone": "+39 312 345 6789", "email": "fuzz@example.it", "language": "en"})
    sid = started["signup_id"]
    for channel in ("phone", "email"):
        call(base, "POST", "/api/signup/verify",
             {"signup_id": sid, "channel": channel, "code": code_for(outbox, channel, mark)})
    _, cookies, _ = call(base, "POST", "/api/signup/complete", {"signup_id": sid, "password": PASSWORD})
    return cookie_of(cookies, "per_session")


def totp(secret_base32, at):
    key = base64.b32decode(secret_base32 + "=" * (-len(secret_base32) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def add_official(data_dir):
    out = subprocess.run(
        [SERVER, "--dev", "official", "add", "fuzz", "--role", "administrator", "--name", "Fuzz Test",
         "--password-stdin", "--data-dir", data_dir],
        input=PASSWORD + "\n", capture_output=True, text=True, check=True,
    ).stdout
    return re.search(r"TOTP secret \(base32\): (\S+)", out).group(1)


def review_cookie(base, secret):
    _, cookies, _ = call(base, "POST", "/api/review/sign-in",
                         {"login": "fuzz", "password": PASSWORD, "code": totp(secret, time.time())})
    return cookie_of(cookies, "per_review")


def schemathesis(base, name, headers, exclude, report_dir, work_dir):
    """One schemathesis run; returns (operations, cases, passed, failed, ok)."""
    exe = os.path.join(os.path.dirname(sys.executable), "schemathesis")
    junit = os.path.join(report_dir, f"schemathesis-{name.replace(' ', '-')}.xml")
    args = [exe, "run", f"{base}/api/openapi.json", "--checks", CHECKS,
            "--phases", "examples,coverage,fuzzing", "--max-examples", EXAMPLES,
            "--workers", "2", "--request-timeout", "10", "--seed", "1",
            "--generation-deterministic", "--continue-on-failure",
            "--report", "junit", "--report-junit-path", junit,
            "--header", f"Origin: {base}"]
    for h in headers:
        args += ["--header", h]
    for op in exclude:
        args += ["--exclude-operation-id", op]
    print(f"--- schemathesis run ({name}): {' '.join(a if 'Cookie' not in a else 'Cookie: …' for a in args[1:])}", flush=True)
    env = dict(os.environ, NO_COLOR="1", SCHEMATHESIS_HOOKS="")
    started = time.monotonic()
    try:
        # In the temporary directory: its caches (.hypothesis, .schemathesis) stay out of the checkout.
        proc = subprocess.run(args, env=env, timeout=SECONDS, capture_output=True, text=True, cwd=work_dir)
        output, timed_out, code = proc.stdout + proc.stderr, False, proc.returncode
    except subprocess.TimeoutExpired as e:
        output = (e.stdout or b"").decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
        timed_out, code = True, -1
    print(output, flush=True)
    # Operations and their verdicts from the JUnit report (one test case per operation),
    # test cases from the summary ("Test cases:" then "N generated, …").
    operations = failed = 0
    if os.path.exists(junit):
        import xml.etree.ElementTree as ET
        suites = ET.parse(junit).getroot()
        operations = int(suites.get("tests", 0))
        failed = int(suites.get("failures", 0)) + int(suites.get("errors", 0))
    passed = operations - failed
    lines = [l.strip() for l in output.splitlines() if l.strip()]
    cases = 0
    for i, line in enumerate(lines[:-1]):
        if line == "Test cases:":
            m = re.match(r"(\d+) generated", lines[i + 1])
            cases = int(m.group(1)) if m else 0
    seconds = time.monotonic() - started
    ok = code == 0 and not timed_out
    print(f"api-fuzz ({name}): {operations} operations, {cases} test cases; operations: {passed} passed, "
          f"{failed} failed; {seconds:.0f}s{' (TIMED OUT)' if timed_out else ''}", flush=True)
    return operations, cases, passed, failed, ok


def main():
    data_dir = tempfile.mkdtemp(prefix="per-fuzz-")
    report_dir = os.path.abspath(os.environ.get("PER_ARTIFACTS", data_dir))
    os.makedirs(report_dir, exist_ok=True)
    proc = None
    try:
        secret = add_official(data_dir)
        proc, base, outbox, errors = start_server(data_dir)
        cookies = f"Cookie: {voter_cookie(base, outbox)}; {review_cookie(base, secret)}"
        totals = [0, 0, 0, 0]
        all_ok = True
        for name, headers, exclude in (("no cookies", [], []), ("signed in", [cookies], ENDS_A_SESSION)):
            *counts, ok = schemathesis(base, name, headers, exclude, report_dir, data_dir)
            totals = [t + c for t, c in zip(totals, counts)]
            all_ok = all_ok and ok
        panics = [l for l in errors if "panicked" in l]
        if panics:
            print("api-fuzz: the server panicked:\n" + "".join(panics))
            all_ok = False
        print(f"api-fuzz: {totals[0]} operations tested (both runs), {totals[1]} test cases; "
              f"operations: {totals[2]} passed, {totals[3]} failed")
        return 0 if all_ok else 1
    finally:
        if proc:
            proc.terminate()
            proc.wait(10)
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
