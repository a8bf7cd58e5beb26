"""Benchmark what visitors really ask for, against two floors: a static file and a bare view.

For each set-up (SQLite; PostgreSQL with Redis; PostgreSQL without), on gunicorn with production
settings, it measures: the static-file floor, the bare-view floor, a content page served from the
page cache and made fresh (page cache off), a parent's result page where every request has its own
decision date, and a question page where every request differs. It prints requests per second,
median and 99th-percentile latency, errors, each page's share of both floors and its weight with
its CSS, then the targets. Traffic goes to 127.0.0.1 only, for a fixed time per URL.

Usage: make bench, or bash benchmarks/run.sh [seconds per URL]; BENCH_SETUPS=sqlite,pg-redis,pg
picks set-ups; BENCH_POSTGRES_URL and BENCH_REDIS_URL say where the servers are.
"""

import gzip
import os
import re
import subprocess
import sys
import tempfile
import urllib.request
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.servers import fresh_database, gunicorn, prepare_database, production_env  # noqa: E402

SECONDS = int(sys.argv[1]) if len(sys.argv) > 1 else 10
CONNECTIONS = 16
POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/ealing_send")
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
SETUPS = {
    "sqlite": ("SQLite, database cache", "", ""),
    "pg-redis": ("PostgreSQL, Redis", POSTGRES, REDIS),
    "pg": ("PostgreSQL, database cache", POSTGRES, ""),
}
CONTENT = "/routes/appeal/"
ANSWERS = "who=parent&concern=la-decision&decision=refuse-plan"
# {date} is a different decision date on every request (benchmarks/unique.lua).
RESULT = f"/what-can-i-do/result/?{ANSWERS}&decision_date={{date}}&mediation=no"
QUESTION = f"/what-can-i-do/mediation/?{ANSWERS}&decision_date={{date}}"
# Decision dates from here on, one a request, all in the past: every one a valid plan.
FIRST_DATE = date(2015, 1, 1)
DATES = (date(2026, 11, 1) - FIRST_DATE).days
TARGETS = {  # share of the static-file floor
    "content page, kept": 0.8,
    "content page, fresh": 0.3,
    "result page, unique": 0.25,
}
WEIGHT_LIMIT_KB = 30


def wrk(url: str, script: str | None = None) -> dict:
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency"]
    if script:
        command += ["-s", str(ROOT / "benchmarks" / "unique.lua")]
        env = {**os.environ, "BENCH_PATH": script, "BENCH_FIRST": FIRST_DATE.isoformat()}
        env["BENCH_DATES"] = str(DATES)
    else:
        env = os.environ
    out = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, env=env
    ).stdout
    errors = 0
    for pattern in (
        r"Non-2xx or 3xx responses: (\d+)",
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
    ):
        match = re.search(pattern, out)
        if match:
            errors += sum(int(n) for n in match.groups())
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
        "p50": _ms(re.search(r"50%\s+([\d.]+\w+)", out)[1]),
        "p99": _ms(re.search(r"99%\s+([\d.]+\w+)", out)[1]),
        "errors": errors,
    }


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url) as response:
        return response.status, response.read()


def static_css_path(base: str) -> str:
    html = _get(base + "/")[1].decode()
    return re.search(r'href="(/static/css/main\.[0-9a-f]+\.css)"', html)[1]


def page_weight(base: str, path: str, css: str) -> float:
    """The page and its stylesheet, gzipped, in KB."""
    html = _get(base + path)[1]
    request = urllib.request.Request(base + css, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        css_bytes = response.read()
    return (len(gzip.compress(html)) + len(css_bytes)) / 1024


def sample(template: str, n: int) -> str:
    return template.format(date=(FIRST_DATE + timedelta(days=n % DATES)).isoformat())


def check_unique_urls(base: str, template: str) -> None:
    """Every unique address the script makes must be a real page, not a redirect."""
    for n in (0, DATES // 2, DATES - 1):
        request = urllib.request.Request(base + sample(template, n), method="GET")
        with urllib.request.urlopen(request) as response:
            assert response.url == base + sample(template, n), "redirected: not a real page"


@contextmanager
def database_for(postgres_url: str, folder: Path):
    previous = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = postgres_url
    try:
        with fresh_database(folder) as database_url:
            yield database_url
    finally:
        if previous is None:
            os.environ.pop("DATABASE_URL")
        else:
            os.environ["DATABASE_URL"] = previous


def measure(setup: str, workers: int, folder: Path) -> dict:
    """Figures for one set-up: {name: wrk figures plus weight}."""
    _, postgres_url, redis_url = SETUPS[setup]
    with database_for(postgres_url, folder) as database_url:
        env = production_env(
            DATABASE_URL=database_url,
            DJANGO_ROOT_URLCONF="benchmarks.urls",
            REDIS_URL=redis_url,
        )
        prepare_database(env)
        results = {}
        with gunicorn(env, workers=workers) as base:
            css = static_css_path(base)
            for template in (RESULT, QUESTION):
                check_unique_urls(base, template)
            for path in ("/bench/floor", css, CONTENT, sample(RESULT, 1), sample(QUESTION, 1)):
                for _ in range(50):  # warm every worker's connections and kept pages
                    _get(base + path)
            results["static CSS (floor)"] = wrk(base + css)
            results["bare view (floor)"] = wrk(base + "/bench/floor")
            results["content page, kept"] = wrk(base + CONTENT)
            results["result page, unique"] = wrk(base, script=RESULT)
            results["question, unique"] = wrk(base, script=QUESTION)
            results["content page, kept"]["kb"] = page_weight(base, CONTENT, css)
            results["result page, unique"]["kb"] = page_weight(base, sample(RESULT, 2), css)
            results["question, unique"]["kb"] = page_weight(base, sample(QUESTION, 2), css)
        with gunicorn({**env, "PUBLIC_PAGE_CACHE_ENTRIES": "0"}, workers=workers) as base:
            for _ in range(50):
                _get(base + CONTENT)
            results["content page, fresh"] = wrk(base + CONTENT)
    return results


def report(setup: str, workers: int, results: dict) -> list[str]:
    """Print one set-up's table; return the targets it missed."""
    static = results["static CSS (floor)"]["rps"]
    bare = results["bare view (floor)"]["rps"]
    print(f"\n{SETUPS[setup][0]}: gunicorn, {workers} workers; wrk -t2 -c{CONNECTIONS}, {SECONDS}s")
    print(
        f"{'':<22}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'errors':>7}{'/static':>8}"
        f"{'/bare':>7}{'KB gz':>7}{'target':>8}"
    )
    missed = []
    for name, r in results.items():
        share = r["rps"] / static
        target = TARGETS.get(name)
        kb = f"{r['kb']:.1f}" if "kb" in r else ""
        print(
            f"{name:<22}{r['rps']:>8.0f}{r['p50']:>8.2f}{r['p99']:>8.2f}{r['errors']:>7}"
            f"{share:>8.2f}{r['rps'] / bare:>7.2f}{kb:>7}{(f'>={target}' if target else ''):>8}"
        )
        if r["errors"]:
            missed.append(f"{setup} {name}: {r['errors']} errors")
        if target and share < target:
            missed.append(f"{setup} {name}: {share:.2f} of the static floor, target {target}")
        if "kb" in r and r["kb"] >= WEIGHT_LIMIT_KB:
            missed.append(f"{setup} {name}: {r['kb']:.1f} KB, limit {WEIGHT_LIMIT_KB}")
    return missed


def main() -> int:
    workers = int(os.environ.get("BENCH_WORKERS", str(os.cpu_count() * 2 + 1)))
    chosen = os.environ.get("BENCH_SETUPS", ",".join(SETUPS)).split(",")
    print(f"{os.cpu_count()} cores; every result and question request has its own decision date")
    missed = []
    for setup in chosen:
        with tempfile.TemporaryDirectory() as folder:
            missed += report(setup, workers, measure(setup, workers, Path(folder)))
    print(
        "\nTargets (share of the static-file floor): content page kept >= 0.8, fresh >= 0.3; "
        f"unique result page >= 0.25; no errors; pages under {WEIGHT_LIMIT_KB} KB with their CSS."
    )
    print("All targets met." if not missed else "Missed: " + "; ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
