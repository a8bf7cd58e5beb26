#!/usr/bin/env bash
# Start gunicorn with production settings on 127.0.0.1, warm it, and drive it with wrk.
# Usage: make bench   (or: bash benchmarks/run.sh [seconds per URL])
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "wrk is needed: install it (Debian: apt-get install wrk)" >&2
    exit 1
  fi
fi
exec .venv/bin/python benchmarks/run.py "$@"
