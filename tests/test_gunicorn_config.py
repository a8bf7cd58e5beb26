"""gunicorn's settings: workers sized to the container, forwarded headers trusted from the proxy only."""

import os
import runpy
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[1] / "gunicorn.conf.py"


def load(monkeypatch, **environment):
    for name in ("WEB_CONCURRENCY", "FORWARDED_ALLOW_IPS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONFIG))


def test_web_concurrency_sets_the_workers(monkeypatch):
    assert load(monkeypatch, WEB_CONCURRENCY="3")["workers"] == 3


def test_workers_default_to_the_cpus_this_process_may_use_not_the_host(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    assert load(monkeypatch)["workers"] == 3


def test_forwarded_headers_are_trusted_from_this_host_unless_told(monkeypatch):
    assert load(monkeypatch)["forwarded_allow_ips"] == "127.0.0.1,::1"
    assert load(monkeypatch, FORWARDED_ALLOW_IPS="10.0.0.2")["forwarded_allow_ips"] == "10.0.0.2"
