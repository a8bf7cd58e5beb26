"""Start the real site under gunicorn, in its own process, for tests that need a real server."""

import atexit
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from contextlib import ExitStack, closing, contextmanager
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from tests.second_factor import next_recovery_code, recovery_codes_script

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def production_env(**extra) -> dict:
    """The environment of a production run on plain HTTP, on this machine."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY", "test-only-secret-key-0123456789"),
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_LOG_LEVEL="WARNING",
    )
    env.update(extra)
    return env


@contextmanager
def fresh_database(directory: Path, template: str | None = None):
    """A new database for a server under test: PostgreSQL when DATABASE_URL names one (a new
    database on that server, dropped afterwards), otherwise an SQLite file in `directory`. Empty,
    or a copy of the database at `template` (a URL this function gave)."""
    configured = os.environ.get("DATABASE_URL", "")
    if not configured.startswith(("postgres://", "postgresql://")):
        path = directory / "site.sqlite3"
        if template:
            with (
                closing(sqlite3.connect(template.removeprefix("sqlite:///"))) as source,
                closing(sqlite3.connect(path)) as target,
            ):
                source.backup(target)
        yield f"sqlite:///{path}"
        return
    import psycopg

    name = f"ealing_send_{uuid.uuid4().hex[:12]}"
    copy = f' TEMPLATE "{urlsplit(template).path.lstrip("/")}"' if template else ""
    server = urlsplit(configured)._replace(path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"{copy}')
    try:
        yield urlsplit(configured)._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout


def prepare_database(env: dict) -> None:
    """Migrate, make the cache table and load the content: what `make run` does."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "createcachetable")
    manage(env, "load_initial_content")


# The database every server of this test process starts from (see prepared_database), made once.
_template: str | None = None


def _prepared_template() -> str:
    """The URL of a database prepared as `make run` prepares one, made the first time a server in
    this process needs one and removed when the process ends."""
    global _template
    if _template is None:
        cleanup = ExitStack()
        atexit.register(cleanup.close)
        folder = Path(cleanup.enter_context(tempfile.TemporaryDirectory(prefix="ealing-send-")))
        url = cleanup.enter_context(fresh_database(folder))
        prepare_database(production_env(DATABASE_URL=url, REDIS_URL=""))
        _template = url
    return _template


def prepared_database(directory: Path):
    """A database of a server's own, as `make run` leaves it (migrated, with the cache table and
    the initial content): a copy of this process's prepared database (a file copy on SQLite,
    `CREATE DATABASE … TEMPLATE` on PostgreSQL), so a server starts in a second, not twenty."""
    return fresh_database(directory, template=_prepared_template())


def create_superuser(env: dict, username: str = "admin", password: str = "a-long-test-password-1"):
    """A superuser in the server's database, for tests that sign in to the admin, with the tests'
    recovery codes for the second step (tests/second_factor.py)."""
    manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth.models import User; "
        f"User.objects.create_superuser({username!r}, 'a@example.org', {password!r})\n"
        + recovery_codes_script(repr(username)),
    )


def wait_until_up(base: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(f"{base} did not start")


@contextmanager
def gunicorn(
    env: dict, workers: int = 1, log=None, app: str = "ealing_send.wsgi", args: tuple = ()
):
    """A gunicorn server on a free port; yields its base URL and stops it afterwards.

    With `log` (an open file), everything the server logs goes there, at production's level. `app`
    is the WSGI module it serves (tests/frozen_wsgi.py serves the site on a set day); `args` are
    more of gunicorn's command-line settings."""
    port = free_port()
    process = subprocess.Popen(
        [
            GUNICORN,
            app,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "info" if log else "warning",
            *args,
        ],
        cwd=ROOT,
        env=env,
        # The access log (stdout) would drown the test and benchmark output; errors still show.
        stdout=log or subprocess.DEVNULL,
        stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=15)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Just enough of a browser to sign in to the admin and post a form: keeps cookies by hand,
    because production cookies are marked Secure and these servers speak plain HTTP."""

    def __init__(self, base: str):
        self.base = base
        self.cookies: dict[str, str] = {}
        self.opener = urllib.request.build_opener(_NoRedirect)

    def request(self, path: str, data: dict | None = None) -> tuple[int, str, dict]:
        body = urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if body is not None:
            request.add_header("Referer", self.base + path)
        try:
            response = self.opener.open(request, timeout=10)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        return response.status, response.read().decode(), dict(response.headers)

    def sign_in(self, username: str, password: str) -> None:
        """Both steps: the password, then one of the account's recovery codes (the account needs
        them: create_superuser and tests/browser/staff.py give them)."""
        _, html, _ = self.request("/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
        status, _, _ = self.request(
            "/admin/login/?next=/admin/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password},
        )
        assert status == 302, "sign-in failed"
        second_step = "/admin/sign-in/second-step/?next=/admin/"
        _, html, _ = self.request(second_step)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
        status, _, headers = self.request(
            second_step,
            {"csrfmiddlewaretoken": token, "code": next_recovery_code(), "next": "/admin/"},
        )
        assert status == 302, "the second step failed"
        assert headers["Location"] == "/admin/", headers["Location"]


def staff_sessions(env: dict, count: int, prefix: str = "editor") -> list[str]:
    """Session keys for `count` new Content editors, already signed in, so a test can open many
    admin sessions at once without a password check (each costs a slow hash) for every one."""
    script = f"""
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import Group, User
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
editors = Group.objects.get(name="Content editor")
for number in range({count}):
    user = User.objects.create_user(f"{prefix}{{number}}", is_staff=True)
    user.groups.add(editors)
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    # Signed in with both steps: the second with an authenticator app (django_otp.login's record).
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.create()
    print(session.session_key)
"""
    return manage(env, "shell", "--no-imports", "-c", script).split()


# The TLS proxy production runs in front of gunicorn (deploy/nginx/), for tests that need it.
NGINX_TEMPLATE = ROOT / "deploy" / "nginx" / "nginx.conf.template"
NGINX = shutil.which("nginx") or next(
    (p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None
)


def render_nginx_config(values: dict) -> str:
    """deploy/nginx/nginx.conf.template with its ${NAMES} filled in, as envsubst fills them in the
    proxy's image; nginx's own $variables (lower case) stay."""
    text = NGINX_TEMPLATE.read_text()
    return re.sub(r"\$\{([A-Z_]+)\}", lambda m: values[m[1]], text)


def self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    """A certificate for localhost and 127.0.0.1 made now, and its key."""
    certificate, key = directory / "localhost.pem", directory / "localhost.key"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"),
            *("-nodes", "-days", "1", "-subj", "/CN=localhost", "-keyout", str(key)),
            *("-out", str(certificate), "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"),
        ],
        check=True,
        capture_output=True,
    )
    return certificate, key


@contextmanager
def nginx_proxy(upstream: str):
    """deploy/nginx's proxy on free ports in front of `upstream` (a base URL on this host), with a
    certificate of its own. Yields (https base, http base, access log, error log)."""
    # Not under pytest's 0700 folders: nginx's workers (www-data when the tests run as root) write
    # buffered bodies here.
    folder = Path(tempfile.mkdtemp(prefix="ealing-send-proxy-"))
    folder.chmod(0o755)
    certificate, key = self_signed_certificate(folder)
    https_port, http_port = free_port(), free_port()
    access_log, error_log = folder / "access.log", folder / "error.log"
    config = folder / "nginx.conf"
    config.write_text(
        render_nginx_config(
            {
                "SERVER_NAME": "localhost",
                "PUBLIC_ORIGIN": f"https://localhost:{https_port}",
                "HTTP_LISTEN": f"127.0.0.1:{http_port}",
                "HTTPS_LISTEN": f"127.0.0.1:{https_port}",
                "UPSTREAM": urlsplit(upstream).netloc,
                "TLS_CERTIFICATE": str(certificate),
                "TLS_CERTIFICATE_KEY": str(key),
                "RUN_DIR": str(folder),
                "ACCESS_LOG": str(access_log),
                "ERROR_LOG": str(error_log),
            }
        )
    )
    command = [NGINX, "-p", str(folder), "-c", str(config), "-e", str(error_log)]
    subprocess.run([*command, "-t", "-q"], check=True, capture_output=True)
    process = subprocess.Popen([*command, "-g", "daemon off;"], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", https_port), timeout=1).close()
                break
            except OSError as error:
                if process.poll() is not None or time.monotonic() > deadline:
                    message = process.stderr.read().decode() if process.poll() is not None else ""
                    raise RuntimeError(f"nginx did not start: {message}") from error
                time.sleep(0.05)
        yield (
            f"https://localhost:{https_port}",
            f"http://127.0.0.1:{http_port}",
            access_log,
            error_log,
        )
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)
