"""The TLS proxy production runs (deploy/nginx/, Debian's nginx) in front of a real gunicorn on
loopback: it waits for slow clients so the sync workers do not, refuses big bodies, logs no answers,
and tells the site each client's own address (probe 2026-12, findings 3, 4, 5 and 10)."""

import contextlib
import functools
import http.client
import re
import socket
import ssl
import threading
import time
import urllib.request
from urllib.parse import urlsplit

import pytest

from tests.servers import (
    NGINX,
    Browser,
    create_superuser,
    gunicorn,
    nginx_proxy,
    prepared_database,
    production_env,
)

# The module's servers are started once: its tests run on one worker.
pytestmark = [
    pytest.mark.xdist_group("proxy"),
    pytest.mark.skipif(
        NGINX is None,
        reason="nginx is missing: `make test` installs Debian's (apt-get install nginx) as root",
    ),
]

# What gunicorn is told by the proxy, in its own access log (one line a request).
UPSTREAM_LOG_FORMAT = 'forwarded-for=%({x-forwarded-for}i)s proto=%({x-forwarded-proto}i)s "%(U)s"'
PASSWORD = "a-long-test-password-1"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """gunicorn with one worker, as production runs it (HTTPS required, the proxy's headers
    believed from loopback only), behind the proxy. Yields (https base, http base, the proxy's
    access log, its error log, gunicorn's access log, gunicorn's base)."""
    folder = tmp_path_factory.mktemp("proxy")
    upstream_log = folder / "gunicorn-access.log"
    with prepared_database(folder) as database_url:
        env = production_env(
            DATABASE_URL=database_url,
            REDIS_URL="",
            DJANGO_SECURE_SSL_REDIRECT="1",
            # One proxy in front: the sign-in lockout counts the address it forwards.
            DJANGO_PROXY_COUNT="1",
        )
        create_superuser(env, "lock1", PASSWORD)
        args = ("--access-logfile", str(upstream_log), "--access-logformat", UPSTREAM_LOG_FORMAT)
        with (
            gunicorn(env, workers=1, args=args) as upstream,
            nginx_proxy(upstream) as (https, plain, access_log, error_log),
        ):
            yield https, plain, access_log, error_log, upstream_log, upstream


def tls_context() -> ssl.SSLContext:
    """The test's own certificate is trusted without checking: it was made for this run."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def get(base, path, headers=None, source="127.0.0.1", method="GET", timeout=10):
    """One request from a client at `source` (any 127.x is this machine): (status, headers, body)."""
    address = urlsplit(base)
    if address.scheme == "https":
        connection = http.client.HTTPSConnection(
            address.hostname,
            address.port,
            timeout=timeout,
            context=tls_context(),
            source_address=(source, 0),
        )
    else:
        connection = http.client.HTTPConnection(
            address.hostname, address.port, timeout=timeout, source_address=(source, 0)
        )
    with contextlib.closing(connection):
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()


def log_once_written(path, text: str) -> str:
    """The log at `path` once it holds `text`: a server writes its line after it answers."""
    deadline = time.monotonic() + 5
    while text not in (log := path.read_text()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return log


def connect(base: str, source: str = "127.0.0.1") -> socket.socket:
    """A connection to `base` from `source`, over TLS when `base` is https."""
    address = urlsplit(base)
    connection = socket.create_connection(
        (address.hostname, address.port), timeout=10, source_address=(source, 0)
    )
    if address.scheme == "https":
        return tls_context().wrap_socket(connection, server_hostname=address.hostname)
    return connection


def trickle(base: str, request: bytes, at_once: int, stop: threading.Event) -> None:
    """A slow client: sends the first `at_once` bytes of `request`, then a byte a second."""
    with connect(base) as connection:
        connection.sendall(request[:at_once])
        for byte in request[at_once:]:
            if stop.wait(1):
                return
            try:
                connection.sendall(bytes([byte]))
            except OSError:
                return


def page_time_with_slow_clients(base: str, clients: int, request: bytes, at_once: int) -> float:
    """Seconds a normal page takes at `base` while `clients` slow clients trickle `request`; 3 at
    most (a timeout)."""
    stop = threading.Event()
    threads = [
        threading.Thread(target=trickle, args=(base, request, at_once, stop), daemon=True)
        for _ in range(clients)
    ]
    for thread in threads:
        thread.start()
    time.sleep(1)
    started = time.monotonic()
    try:
        status, _, _ = get(base, "/routes/", timeout=3)
        assert status == 200
    except TimeoutError:
        pass
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    return time.monotonic() - started


HEADERS = b"GET /routes/ HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + b"x" * 30 + b"\r\n\r\n"
FORM = b"POST /feedback/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: 60\r\n\r\n" + b"a" * 60


@pytest.mark.parametrize(
    ("what", "request_", "at_once"),
    [("headers", HEADERS, 20), ("a body", FORM, FORM.index(b"\r\n\r\n") + 4)],
    ids=["headers", "body"],
)
def test_slow_clients_hold_no_worker_behind_the_proxy(site, what, request_, at_once):
    https, *_ = site
    seconds = page_time_with_slow_clients(https, 3, request_, at_once)
    assert seconds < 1.5, f"a page took {seconds:.1f} s while 3 clients trickled {what} (1 worker)"


def test_without_the_proxy_one_slow_client_stops_a_one_worker_site(site):
    """The control: the same slow client sent to gunicorn itself holds its only worker."""
    *_, upstream = site
    assert page_time_with_slow_clients(upstream, 1, HEADERS, 20) >= 3


def test_a_50_mb_body_is_refused_before_it_reaches_gunicorn(site):
    https, _, _, _, upstream_log, _ = site
    address = urlsplit(https)
    connection = http.client.HTTPSConnection(
        address.hostname, address.port, timeout=10, context=tls_context()
    )
    body = b"a" * (50 * 1024 * 1024)
    with contextlib.closing(connection):
        connection.putrequest("POST", "/letters/complaint-to-school/letter/?big=1")
        connection.putheader("Content-Length", str(len(body)))
        connection.putheader("Content-Type", "application/x-www-form-urlencoded")
        connection.endheaders()
        # nginx may answer and close before it is all sent.
        with contextlib.suppress(OSError):
            connection.send(body)
        status = connection.getresponse().status
    assert status == 413
    assert "complaint-to-school" not in upstream_log.read_text()


def test_the_log_holds_neither_the_query_string_nor_the_referrer(site):
    https, _, access_log, error_log, _, _ = site
    plan = "/what-can-i-do/plan/?decision=2026-11-03&SECRET-ANSWER=1"
    get(https, plan, {"Referer": f"{https}/questions/?SECRET-REFERRER=2"})
    # A refused request is logged too, and nginx's error lines quote the request and its Referer.
    big = {"Content-Length": str(5 * 1024 * 1024), "Referer": f"{https}/?SECRET-REFERRER=3"}
    refused, _, _ = get(https, "/letters/?SECRET-ANSWER=4", big, method="POST")
    assert refused == 413
    logged = log_once_written(access_log, "/letters/") + error_log.read_text()
    assert "/what-can-i-do/plan/" in logged
    assert "SECRET" not in logged, logged
    assert "2026-11-03" not in logged


def test_a_line_break_in_the_path_forges_no_log_line(site):
    """Probe finding 10, in the proxy's log and gunicorn's (gunicorn.conf.py escapes it)."""
    https, _, access_log, _, upstream_log, _ = site
    get(https, "/routes/x%0d%0a10.9.9.9%20%22GET%20/admin/forged%22%20200/")
    for log in (access_log, upstream_log):
        lines = log_once_written(log, "forged").splitlines()
        assert not [line for line in lines if line.startswith("10.9.9.9")], log.name
        assert any(r"/routes/x\x0D\x0A10.9.9.9" in line for line in lines), log.name


def test_the_site_is_told_the_client_address_and_https_by_the_proxy_alone(site):
    https, plain, _, _, upstream_log, _ = site
    forged = {
        "X-Forwarded-For": "10.9.9.9",
        "X-Forwarded-Proto": "http",
        "Forwarded": "for=10.9.9.9",
    }
    status, _, _ = get(https, "/routes/?forwarded", forged, source="127.0.0.7")
    # Production settings: a request the site believed came over plain HTTP would be redirected.
    assert status == 200
    log = log_once_written(upstream_log, "127.0.0.7")
    line = [line for line in log.splitlines() if '"/routes/"' in line][-1]
    assert line.startswith("forwarded-for=127.0.0.7 proto=https"), line
    # Plain HTTP to the proxy is sent to HTTPS, path and query kept.
    status, headers, _ = get(plain, "/routes/?a=1")
    assert status == 301
    assert headers["Location"] == f"{https}/routes/?a=1"


def test_pages_are_compressed(site):
    https, *_ = site
    _, headers, _ = get(https, "/routes/", {"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip"


class FromAddress(urllib.request.HTTPSHandler):
    """HTTPS from a chosen source address: each 127.x is another client to the proxy."""

    def __init__(self, source: str):
        super().__init__(context=tls_context())
        self.source = source

    def https_open(self, req):
        connection = functools.partial(http.client.HTTPSConnection, source_address=(self.source, 0))
        return self.do_open(connection, req, context=self._context)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def browser_at(base: str, source: str) -> Browser:
    browser = Browser(base)
    browser.opener = urllib.request.build_opener(NoRedirect, FromAddress(source))
    return browser


def password_step(browser: Browser, username: str, password: str) -> int:
    _, html, _ = browser.request("/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
    status, _, _ = browser.request(
        "/admin/login/?next=/admin/",
        {"csrfmiddlewaretoken": token, "username": username, "password": password},
    )
    return status


def test_wrong_passwords_from_one_client_do_not_lock_out_another(site):
    """Probe finding 5: five wrong passwords from one client behind the proxy lock that client
    out, not the same member of staff signing in from elsewhere."""
    https, *_ = site
    attacker, colleague = browser_at(https, "127.0.0.2"), browser_at(https, "127.0.0.3")
    # The fifth wrong password is answered with the lockout page.
    assert [password_step(attacker, "lock1", "wrong-password") for _ in range(5)] == [200] * 4 + [
        429
    ]
    assert password_step(attacker, "lock1", PASSWORD) == 429
    assert password_step(colleague, "lock1", PASSWORD) == 302
