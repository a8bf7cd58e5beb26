"""How long cleaning one "Is this page useful?" comment takes, by size and shape (probe 2026-12,
finding 1: a 100 KB comment held a worker for 30 s). The tests prove why it is fast (the patterns
read at most 1,200 characters and every repetition is bounded); this measures it.

For each shape and size it prints the best and the median of several runs of `comment_to_keep`,
and, for the sizes it can bear, the same with the patterns before December 2026 run over the whole
comment as they were (`--before`; quadratic, so only up to 40 KB). No Django, no server.

Usage: .venv/bin/python benchmarks/feedback_comments.py [--before] [KB ...]
(default sizes 1.2 5 20 100 2000).
"""

import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from feedback.comments import COMMENT_MAX_LENGTH, REMOVED, comment_to_keep

KB = 1000
RUNS = 7
# The old patterns, and the old order: both over the whole comment, then cut.
OLD_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
OLD_PHONE = re.compile(r"\+?\(?\d(?:[\s().-]*\d){6,}")
OLD_LIMIT_KB = 40

SHAPES = {
    "letters (the probe's)": "a",
    "words": "word ",
    "digits and spaces": "1 ",
    "dots": "a.",
    "emails": "jane.smith@example.org ",
    "NUL bytes": "\x00",
}


def old_comment_to_keep(text: str) -> str:
    text = OLD_EMAIL.sub(REMOVED, text or "")
    text = OLD_PHONE.sub(REMOVED, text)
    return text.strip()[:COMMENT_MAX_LENGTH]


def timed(clean, text: str, runs: int) -> tuple[float, float]:
    """Best and median seconds for one call."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        clean(text)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main(argv: list[str]) -> None:
    before = "--before" in argv
    sizes = [float(arg) for arg in argv if arg != "--before"] or [1.2, 5, 20, 100, 2000]
    print(f"comment_to_keep, best / median of {RUNS} runs (ms)")
    header = f"{'shape':24s} {'size':>8s} {'now':>18s}"
    print(header + (f" {'before (old patterns)':>24s}" if before else ""))
    for shape, unit in SHAPES.items():
        for kb in sizes:
            text = (unit * (int(kb * KB) // len(unit) + 1))[: int(kb * KB)]
            best, median = timed(comment_to_keep, text, RUNS)
            line = f"{shape:24s} {kb:>6g}KB {best * 1000:>8.3f} / {median * 1000:>7.3f}"
            if before:
                if kb <= OLD_LIMIT_KB:
                    old_best, _ = timed(old_comment_to_keep, text, 1)
                    line += f" {old_best * 1000:>14.1f} (1 run)"
                else:
                    line += f" {'(not run: quadratic)':>24s}"
            print(line, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
