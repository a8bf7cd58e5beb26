"""gunicorn settings for production: `gunicorn ealing_send.wsgi -c gunicorn.conf.py`.

WEB_CONCURRENCY sets the number of worker processes; FORWARDED_ALLOW_IPS the proxy addresses whose
forwarded headers are trusted; PORT the port.
"""

import math
import os
from pathlib import Path


def container_cpus() -> int:
    """The CPUs this container may use: its CPU set and its cgroup quota, not the host's count."""
    cpus = len(os.sched_getaffinity(0))
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()
    except (OSError, ValueError):
        return cpus
    if quota == "max":
        return cpus
    return max(1, min(cpus, math.ceil(int(quota) / int(period))))


bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
# gunicorn's advice, two a CPU plus one, capped: each worker holds a database connection, and
# PostgreSQL allows 100 in all by default.
workers = int(os.environ.get("WEB_CONCURRENCY") or min(2 * container_cpus() + 1, 9))
timeout = 30
graceful_timeout = 20
# Only the TLS-terminating proxy may say the request came over HTTPS: set FORWARDED_ALLOW_IPS to its
# address (a comma-separated list) when it is not on this host.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = "-"
errorlog = "-"
# Only the request line and timing: query strings hold a family's answers, so they are not logged.
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
