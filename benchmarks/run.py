"""Benchmark the public pages against two floors: a bare Django view and a static file.

Prints requests per second, median and 99th-percentile latency and errors for each URL, and each
page's throughput as a ratio to both floors, then the targets. Traffic goes to 127.0.0.1 only, for a
fixed time per URL.
"""

import gzip
import os
import re
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.servers import fresh_database, gunicorn, prepare_database, production_env  # noqa: E402

SECONDS = int(sys.argv[1]) if len(sys.argv) > 1 else 10
CONNECTIONS = 16
RESULT = (
    "/what-can-i-do/result/?who=parent&concern=la-decision&decision=refuse-plan"
    "&decision_date=2026-10-02&mediation=no"
)
PAGES = {
    "route page": "/routes/appeal/",
    "organisations": "/organisations/",
    "home page": "/",
    "result page": RESULT,
}


def wrk(url: str) -> dict:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = 0
    for pattern in (
        r"Non-2xx or 3xx responses: (\d+)",
        r"Socket errors: connect (\d+), read (\d+), "
        r"write (\d+), timeout (\d+)",
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


def static_css_path(base: str) -> str:
    html = urllib.request.urlopen(base + "/").read().decode()
    return re.search(r'href="(/static/css/main\.[0-9a-f]+\.css)"', html)[1]


def page_weight(base: str, path: str, css: str) -> float:
    request = urllib.request.Request(base + path, headers={"Accept-Encoding": "gzip"})
    html = urllib.request.urlopen(request).read()
    css_bytes = urllib.request.urlopen(
        urllib.request.Request(base + css, headers={"Accept-Encoding": "gzip"})
    ).read()
    html_gz = html if html[:2] == b"\x1f\x8b" else gzip.compress(html)
    return (len(html_gz) + len(css_bytes)) / 1024


def main() -> int:
    workers = os.environ.get("BENCH_WORKERS", str(os.cpu_count() * 2 + 1))
    with tempfile.TemporaryDirectory() as folder, fresh_database(Path(folder)) as database_url:
        env = production_env(
            DATABASE_URL=database_url,
            DJANGO_ROOT_URLCONF="benchmarks.urls",
            REDIS_URL=os.environ.get("REDIS_URL", ""),
        )
        prepare_database(env)
        with gunicorn(env, workers=int(workers)) as base:
            css = static_css_path(base)
            targets = {"bare view (floor)": "/bench/floor", "static CSS (floor)": css, **PAGES}
            for path in targets.values():  # warm every worker's cache and connections
                for _ in range(50):
                    urllib.request.urlopen(base + path).read()
            results = {name: wrk(base + path) for name, path in targets.items()}
            weights = {name: page_weight(base, path, css) for name, path in PAGES.items()}
    floor = results["bare view (floor)"]["rps"]
    static = results["static CSS (floor)"]["rps"]
    cache = "Redis" if os.environ.get("REDIS_URL") else "database cache"
    database = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    print(
        f"gunicorn, {workers} workers, {database}, {cache}; wrk -t2 -c{CONNECTIONS}, "
        f"{SECONDS}s per URL; {os.cpu_count()} cores"
    )
    print(
        f"{'URL':<20}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'/bare':>8}"
        f"{'/static':>9}{'KB gz':>8}"
    )
    failed = []
    for name, r in results.items():
        ratio_floor, ratio_static = r["rps"] / floor, r["rps"] / static
        weight = f"{weights[name]:.1f}" if name in weights else ""
        print(
            f"{name:<20}{r['rps']:>9.0f}{r['p50']:>9.2f}{r['p99']:>9.2f}{r['errors']:>8}"
            f"{ratio_floor:>8.2f}{ratio_static:>9.2f}{weight:>8}"
        )
        if r["errors"]:
            failed.append(f"{name}: {r['errors']} errors")
        if name in PAGES:
            target = 0.5 if name == "result page" else 0.8
            if ratio_floor < target:
                failed.append(f"{name}: {ratio_floor:.2f} of the bare view, target {target}")
            if weights[name] >= 60:
                failed.append(f"{name}: {weights[name]:.1f} KB, target under 60")
    print("Targets: no errors; pages >= 0.8 of the bare view (result page >= 0.5); under 60 KB.")
    print("All targets met." if not failed else "Missed: " + "; ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
