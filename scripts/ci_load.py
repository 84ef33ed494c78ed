"""CI's load checks on one prepared stack, to keep them short: the scale-out
checks (which fail CI), a brief benchmark (no thresholds) and a 60-second soak
(which fails CI on any 5xx). Each also runs on its own: make scaleout, bench, soak."""

import os
import sys

os.environ.setdefault("BENCH_SECONDS", "2")
os.environ.setdefault("SOAK_SECONDS", "60")
os.environ.setdefault("SOAK_USERS", "20")
os.environ.setdefault("SOAK_SPAWN_RATE", "2")

import bench
import scaleout
import soak
import stack


def main() -> int:
    with stack.running(apps=2, proxy=True) as app:
        scaleout.run(app)
        bench.run(app)
        return soak.run(app)


if __name__ == "__main__":
    sys.exit(main())
