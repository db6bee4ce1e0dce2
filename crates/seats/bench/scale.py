"""Whole-process benchmark of `per-seats allocate` against votelib on many zones.

Makes a deterministic election of ZONES random zones (10 parties, 4 to 40 seats each,
D'Hondt, no threshold), then runs, side by side in one run, each command REPEAT times as a
whole process with its output to /dev/null, the runs of the commands interleaved:

  per-seats allocate FILE --rules dhondt --format text|json|csv
  python votelib_dhondt.py FILE           (votelib's HighestAverages('d_hondt') per zone)

and prints, per command, the median wall-clock and CPU seconds (the wrapper's own start-up
subtracted), the peak resident memory (the largest over the runs, as GNU time reports it for
the command alone), the speed ratio to votelib and the memory ratio to the input. With
SCALE_CALLGRIND=1 (and valgrind installed) it also counts each per-seats command's
instructions once (callgrind).

Usage (crates/seats/bench/scale runs it in its venv):  python scale.py PER_SEATS [ZONES] [REPEAT]
"""

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GNU_TIME = "/usr/bin/time"


def election(zones: int, seed: int = 2026) -> dict:
    rng = random.Random(seed)
    parties = [f"P{i}" for i in range(10)]
    out = []
    for z in range(zones):
        votes = {p: rng.randrange(0, 100_000) for p in parties}
        out.append({"name": f"Z{z:05d}", "seats": rng.randrange(4, 41), "votes": votes})
    return {"name": f"{zones} random zones (synthetic)", "rules": "dhondt", "zones": out}


def run(cmd: list[str], tmp: str) -> tuple[float, float, int]:
    """Wall and CPU seconds, and peak RSS (bytes), of one whole process.

    GNU time starts the command from a small process of its own and reports the command's
    peak RSS; a child forked by Python would count Python's pages as its own. The CPU time
    is that of the `time` process and its child (os.wait4), to the microsecond."""
    report = os.path.join(tmp, "rss")
    start = time.perf_counter()
    child = subprocess.Popen(
        [GNU_TIME, "-f", "%M", "-o", report, *cmd], stdout=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{cmd[0]} failed ({status})")
    with open(report) as f:
        rss_kb = int(f.read().split()[-1])
    return wall, usage.ru_utime + usage.ru_stime, rss_kb * 1024


def instructions(cmd: list[str], tmp: str) -> int | None:
    """Instructions of one run under callgrind, or None without valgrind."""
    if not shutil.which("valgrind"):
        return None
    out = os.path.join(tmp, "callgrind.out")
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    for line in done.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split(":")[-1].strip())
    return None


def main() -> None:
    per_seats = sys.argv[1]
    zones = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
    repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "zones.json")
        with open(path, "w") as f:
            json.dump(election(zones), f)
        size = os.path.getsize(path)
        commands = {
            f"per-seats {fmt}": [per_seats, "allocate", path, "--rules", "dhondt", "--format", fmt]
            for fmt in ("text", "json", "csv")
        }
        commands["votelib d_hondt"] = [sys.executable, os.path.join(HERE, "votelib_dhondt.py"), path]
        print(
            f"input: {zones} zones, {size / 1e6:.2f} MB JSON; {repeat} runs each, interleaved; "
            "median wall and CPU, peak RSS"
        )
        runs: dict[str, list[tuple[float, float, int]]] = {name: [] for name in commands}
        base = []
        for _ in range(repeat):
            # The wrapper's own start-up (GNU time starting a process that does nothing).
            base.append(run(["/bin/true"], tmp))
            for name, cmd in commands.items():
                runs[name].append(run(cmd, tmp))
        base_wall = statistics.median(b[0] for b in base)
        base_cpu = statistics.median(b[1] for b in base)
        rows = {}
        for name, rs in runs.items():
            wall = max(statistics.median(r[0] for r in rs) - base_wall, 1e-6)
            cpu = max(statistics.median(r[1] for r in rs) - base_cpu, 1e-6)
            rows[name] = (wall, cpu, max(r[2] for r in rs))
        counted = {}
        if os.environ.get("SCALE_CALLGRIND") == "1":
            for name, cmd in commands.items():
                if name.startswith("per-seats"):
                    counted[name] = instructions(cmd, tmp)
        vl_wall, vl_cpu, _ = rows["votelib d_hondt"]
        print(
            f"{'command':<18} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'x faster':>9} "
            f"{'x (cpu)':>8} {'RSS/input':>9}" + (f" {'instructions':>14}" if counted else "")
        )
        for name, (wall, cpu, rss) in rows.items():
            line = (
                f"{name:<18} {wall:>8.3f} {cpu:>8.3f} {rss / 1e6:>8.1f} {vl_wall / wall:>9.1f} "
                f"{vl_cpu / cpu:>8.1f} {rss / size:>9.2f}"
            )
            if counted:
                n = counted.get(name)
                line += f" {n:>14,}" if n else f" {'':>14}"
            print(line)


if __name__ == "__main__":
    main()
