#!/usr/bin/env bash
# Starts a local MariaDB for the MySQL store tests and makes sure user "qhook" (password "qhook",
# allowed to create databases) and database "qhook" exist. Idempotent: safe to run when the server
# is already up. Needs root (installs the Debian package when it is missing). Prints the JDBC URL:
#   jdbc:mariadb://127.0.0.1:3306/qhook?user=qhook&password=qhook
set -euo pipefail

if ! command -v mariadbd >/dev/null 2>&1 || ! command -v mariadb-admin >/dev/null 2>&1; then
  echo "start-mariadb: installing mariadb-server" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq mariadb-server >/dev/null
fi

running() { mariadb-admin --protocol=socket -uroot ping >/dev/null 2>&1; }

if ! running; then
  if [ ! -d /var/lib/mysql/mysql ]; then
    echo "start-mariadb: initialising /var/lib/mysql" >&2
    mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
  fi
  mkdir -p /run/mysqld
  chown mysql:mysql /run/mysqld
  # The init script works without systemd (the package's own start is refused by policy-rc.d here).
  /etc/init.d/mariadb start >/dev/null
fi

for _ in $(seq 1 30); do
  if running; then
    break
  fi
  sleep 1
done
if ! running; then
  echo "start-mariadb: the server did not answer within 30 s" >&2
  exit 1
fi

# root logs in through the socket (unix_socket authentication, Debian's default).
mariadb --protocol=socket -uroot <<'SQL'
CREATE USER IF NOT EXISTS 'qhook'@'localhost' IDENTIFIED BY 'qhook';
CREATE USER IF NOT EXISTS 'qhook'@'127.0.0.1' IDENTIFIED BY 'qhook';
GRANT ALL PRIVILEGES ON *.* TO 'qhook'@'localhost';
GRANT ALL PRIVILEGES ON *.* TO 'qhook'@'127.0.0.1';
CREATE DATABASE IF NOT EXISTS qhook CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
SQL

echo "jdbc:mariadb://127.0.0.1:3306/qhook?user=qhook&password=qhook"
