"""Whole-process benchmark of `per-seats allocate` against votelib on many zones.

Makes a deterministic election of ZONES random zones (10 parties, 4 to 40 seats each,
D'Hondt, no threshold), then runs, side by side in one run, each command REPEAT times as a
whole process with its output to /dev/null:

  per-seats allocate FILE --rules dhondt --format text|json|csv
  python votelib_dhondt.py FILE           (votelib's HighestAverages('d_hondt') per zone)

and prints, per command, the median wall-clock seconds and the peak resident memory (the
largest over the runs), then the speed ratio to votelib and the memory ratio to the input.
Usage (crates/seats/bench/scale runs it in its venv):  python scale.py PER_SEATS [ZONES] [REPEAT]
"""

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def election(zones: int, seed: int = 2026) -> dict:
    rng = random.Random(seed)
    parties = [f"P{i}" for i in range(10)]
    out = []
    for z in range(zones):
        votes = {p: rng.randrange(0, 100_000) for p in parties}
        out.append({"name": f"Z{z:05d}", "seats": rng.randrange(4, 41), "votes": votes})
    return {"name": f"{zones} random zones (synthetic)", "rules": "dhondt", "zones": out}


def run(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (bytes) of one whole process."""
    start = time.perf_counter()
    # Each command in its own child of a fresh `time`-less wrapper: ru_maxrss of
    # RUSAGE_CHILDREN is the largest child so far, so measure it in a fresh subprocess.
    probe = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *cmd], capture_output=True, text=True, check=True
    )
    seconds = time.perf_counter() - start
    return seconds, int(done.stdout.strip()) * 1024


def main() -> None:
    per_seats = sys.argv[1]
    zones = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
    repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "zones.json")
        with open(path, "w") as f:
            json.dump(election(zones), f)
        size = os.path.getsize(path)
        # The wrapper's own interpreter start-up is in every figure; measure it to subtract.
        base = statistics.median(run([sys.executable, "-c", "pass"])[0] for _ in range(repeat))
        commands = {
            f"per-seats {fmt}": [per_seats, "allocate", path, "--rules", "dhondt", "--format", fmt]
            for fmt in ("text", "json", "csv")
        }
        commands["votelib d_hondt"] = [sys.executable, os.path.join(HERE, "votelib_dhondt.py"), path]
        print(f"input: {zones} zones, {size / 1e6:.1f} MB JSON; {repeat} runs each, median wall, peak RSS")
        rows = {}
        for name, cmd in commands.items():
            runs = [run(cmd) for _ in range(repeat)]
            wall = max(statistics.median(r[0] for r in runs) - base, 0.0)
            rss = max(r[1] for r in runs)
            rows[name] = (wall, rss)
        vl = rows["votelib d_hondt"][0]
        print(f"{'command':<18} {'seconds':>8} {'peak MB':>8} {'× faster':>9} {'RSS/input':>9}")
        for name, (wall, rss) in rows.items():
            ratio = vl / wall if wall > 0 else float("inf")
            print(f"{name:<18} {wall:>8.3f} {rss / 1e6:>8.1f} {ratio:>9.1f} {rss / size:>9.2f}")


if __name__ == "__main__":
    main()
