# Stage 1: Node builds the CSS from GOV.UK Frontend and our brand.
FROM node:20-bookworm-slim AS css
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY static_src static_src
RUN mkdir -p static/css && npm run --silent build:css

# Stage 2: a slim Python image runs gunicorn as a non-root user.
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PORT=8000
RUN useradd --create-home --uid 10001 app
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY --chown=app:app . .
COPY --from=css --chown=app:app /build/static/css static/css
# collectstatic needs settings but no secrets: the key here is thrown away with this layer.
RUN DJANGO_DEBUG=0 DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput \
    && chown -R app:app /app/staticfiles
USER app
EXPOSE 8000
# Migrate, make the cache table, load the content into an empty database only, then serve.
CMD ["sh", "-c", "python manage.py migrate --noinput && python manage.py createcachetable && python manage.py load_initial_content && exec gunicorn ealing_send.wsgi -c gunicorn.conf.py"]
