"""gunicorn settings for production: `gunicorn ealing_send.wsgi -c gunicorn.conf.py`."""

import multiprocessing
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
# Pages come from the shared cache, so workers are cheap; two a core plus one is gunicorn's advice.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = 30
graceful_timeout = 20
# The TLS-terminating proxy in front sets X-Forwarded-Proto; trust it.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "*")
accesslog = "-"
errorlog = "-"
# Only the request line and timing: query strings hold a family's answers, so they are not logged.
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
