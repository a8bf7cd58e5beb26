"""gunicorn settings for production: `gunicorn ealing_send.wsgi -c gunicorn.conf.py`.

WEB_CONCURRENCY sets the number of worker processes; FORWARDED_ALLOW_IPS the proxy addresses whose
forwarded headers are trusted; PORT the port.
"""

import logging
import math
import os
import re
from pathlib import Path

from gunicorn.glogging import Logger


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


# A query string in a message: from "?" to the next space or quote.
QUERY_STRING = re.compile(r"\?[^\s'\"]*")
# Control characters: a decoded path may hold a CR or LF, which would start a forged line.
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def printable(text: str) -> str:
    """`text` with its query string cut and each control character written as \\xNN."""
    return CONTROL.sub(lambda m: f"\\x{ord(m[0]):02X}", QUERY_STRING.sub("?…", text))


def without_answers(record: logging.LogRecord) -> bool:
    """Cut query strings, where a family's answers are, out of a log record, and write its control
    characters escaped (probe 2026-12, finding 10); keep the record."""
    record.msg = printable(str(record.msg))
    if isinstance(record.args, tuple):
        record.args = tuple(printable(a) if isinstance(a, str) else a for a in record.args)
    elif isinstance(record.args, dict):
        # The access log's atoms, changed in place: gunicorn's own mapping also answers header
        # lookups such as %({x-forwarded-for}i)s.
        for name, value in record.args.items():
            if isinstance(value, str):
                record.args[name] = printable(value)
    return True


class LoggerWithoutAnswers(Logger):
    """gunicorn's own error lines (a malformed request, a failed one) and its access lines quote the
    address it was sent: its query string is cut out and its line breaks escaped."""

    def setup(self, cfg):
        super().setup(cfg)
        self.error_log.addFilter(without_answers)
        self.access_log.addFilter(without_answers)


logger_class = LoggerWithoutAnswers
