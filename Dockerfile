# Every base image is pinned by digest. The digests were taken from public Dockerfiles pinning the
# same tags (December 2026; none could be pulled where this was written): before a release, check
# each with `docker buildx imagetools inspect <tag>` and update tag and digest together.
# Stage 1: Node builds the CSS from GOV.UK Frontend and our brand (Node 24, LTS until April 2028).
FROM node:24.18.0-bookworm-slim@sha256:6f7b03f7c2c8e2e784dcf9295400527b9b1270fd37b7e9a7285cf83b6951452d AS css
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY static_src static_src
RUN mkdir -p static/css && npm run --silent build:css

# Stage 2: gettext compiles the interface words of each language (locale/*/LC_MESSAGES/django.po);
# only the .mo files go on, not gettext.
FROM python:3.11.14-slim-bookworm@sha256:65a93d69fa75478d554f4ad27c85c1e69fa184956261b4301ebaf6dbb0a3543d AS messages
RUN apt-get update && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /build
COPY requirements.txt .
RUN pip install --no-cache-dir --require-hashes -r requirements.txt
COPY . .
RUN DJANGO_DEBUG=0 DJANGO_SECRET_KEY=compilemessages-only python manage.py compilemessages --verbosity 0

# Stage 3: a slim Python image serves the site with gunicorn, as a user who cannot change the code.
FROM python:3.11.14-slim-bookworm@sha256:65a93d69fa75478d554f4ad27c85c1e69fa184956261b4301ebaf6dbb0a3543d
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PORT=8000
RUN useradd --create-home --uid 10001 app
WORKDIR /app
COPY requirements.txt .
# Every package is pinned with its hashes (pip-compile --generate-hashes): pip refuses anything else.
RUN pip install --no-cache-dir --require-hashes -r requirements.txt
# The code and static files stay owned by root: the app user may read them, not change them.
COPY . .
COPY --from=css /build/static/css static/css
COPY --from=messages /build/locale locale
# collectstatic needs settings but no secrets: the key here is thrown away with this layer.
RUN DJANGO_DEBUG=0 DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput
USER app
EXPOSE 8000
# /healthz answers plain HTTP with any Host, 200 when the database answers and 503 when not.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ['PORT'] + '/healthz', timeout=4)"]
# Serve only, behind the TLS proxy (deploy/nginx: sync workers need it to buffer slow clients).
# Migrations and the initial content run once per release, not in every replica:
#   docker run --rm <image> python manage.py release   (compose.yaml's release service)
# The access log goes to stdout and errors to stderr, one line each: the platform's log view.
CMD ["gunicorn", "ealing_send.wsgi", "-c", "gunicorn.conf.py"]
