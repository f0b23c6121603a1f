#!/usr/bin/env bash
# Starts a local PostgreSQL for the store tests and makes sure role and database "qhook"
# (password "qhook") exist. Idempotent: safe to run when the server is already up.
# Needs root (installs the Debian package when it is missing). Prints the JDBC URL to use:
#   jdbc:postgresql://127.0.0.1:5432/qhook?user=qhook&password=qhook
set -euo pipefail

# The client package brings pg_ctlcluster too; what matters is the server binary.
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "start-postgres: installing postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi

version="$(ls -d /usr/lib/postgresql/*/bin/postgres | awk -F/ '{print $5}' | sort -V | tail -n 1)"
if [ -z "$version" ]; then
  echo "start-postgres: no PostgreSQL version under /usr/lib/postgresql" >&2
  exit 1
fi

if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  echo "start-postgres: creating cluster $version/main" >&2
  pg_createcluster "$version" main >/dev/null
fi

if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  pg_ctlcluster "$version" main start
fi

for _ in $(seq 1 30); do
  if su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1; then
    break
  fi
  sleep 1
done

psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -qAt -c \"$1\""; }

if [ "$(psql_admin "select 1 from pg_roles where rolname = 'qhook'")" != "1" ]; then
  psql_admin "create role qhook login password 'qhook'"
fi
if [ "$(psql_admin "select 1 from pg_database where datname = 'qhook'")" != "1" ]; then
  psql_admin "create database qhook owner qhook"
fi

echo "jdbc:postgresql://127.0.0.1:5432/qhook?user=qhook&password=qhook"
