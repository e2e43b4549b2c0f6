#!/usr/bin/env bash
# Installs the Debian packages Dateline's tests and benchmarks need, if they are missing:
# Chromium (browser tests), ffmpeg (media), wrk (benchmarks), a Java runtime (the Nu HTML
# checker in the validity test), fonts. Safe to run again: what is present is left alone.
#
# With --database NAME --role NAME it also makes the test database ready on this machine:
# installs PostgreSQL from Debian if there is none, starts its cluster if it is stopped,
# creates the role and the database if they are missing, and lets that role log in over
# 127.0.0.1 without a password if it cannot yet. `npm test` runs this (as root, or with
# passwordless sudo) when its quick checks find something missing.
set -euo pipefail

database=
role=
while [ $# -gt 0 ]; do
  case "$1" in
    --database) database="${2:-}"; shift 2 ;;
    --role) role="${2:-}"; shift 2 ;;
    *) echo "setup: unknown argument $1 (use --database NAME --role NAME)" >&2; exit 2 ;;
  esac
done
plain='^[a-z_][a-z0-9_]{0,62}$'
if [ -n "$database$role" ] && ! { [[ $database =~ $plain ]] && [[ $role =~ $plain ]]; }; then
  echo "setup: --database and --role take plain lower-case names" >&2
  exit 2
fi

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi

need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)
command -v ffprobe >/dev/null 2>&1 || need+=(ffmpeg)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
# Fonts for Cyrillic and Persian pages in browser tests and screenshots.
dpkg -s fonts-noto-core >/dev/null 2>&1 || need+=(fonts-noto-core)
if [ -n "$database" ] && ! ls /etc/postgresql/*/main/postgresql.conf >/dev/null 2>&1; then
  need+=(postgresql)
fi

if [ ${#need[@]} -eq 0 ]; then
  echo "setup: all Debian packages present"
else
  echo "setup: installing ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

[ -n "$database" ] || exit 0

# PostgreSQL: this machine's Debian cluster (the first version under /etc/postgresql), "main".
version="$(ls /etc/postgresql | sort -V | tail -n 1)"
port="$(sed -n 's/^[[:space:]]*port[[:space:]]*=[[:space:]]*\([0-9]*\).*/\1/p' "/etc/postgresql/$version/main/postgresql.conf")"
port="${port:-5432}"
if ! pg_isready -h 127.0.0.1 -p "$port" -q; then
  # A server that was just restarted may still be starting (or stopping): start it only if it
  # is not running, then wait until it accepts connections.
  if ! pg_lsclusters --no-header | grep -q ' online'; then
    echo "setup: starting PostgreSQL $version"
    $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  fi
  for _ in $(seq 1 60); do pg_isready -h 127.0.0.1 -p "$port" -q && break; sleep 1; done
  pg_isready -h 127.0.0.1 -p "$port" -q || { echo "setup: PostgreSQL did not start within 60 s" >&2; exit 1; }
fi

as_postgres() { $SUDO runuser -u postgres -- "$@"; }
psql_admin() { as_postgres psql -p "$port" -X -q -t -A -v ON_ERROR_STOP=1 "$@"; }
if [ "$(psql_admin -c "select 1 from pg_roles where rolname = '$role'")" != 1 ]; then
  echo "setup: creating the role $role"
  psql_admin -c "create role \"$role\" login"
fi
if [ "$(psql_admin -c "select 1 from pg_database where datname = '$database'")" != 1 ]; then
  echo "setup: creating the database $database"
  as_postgres createdb -p "$port" -O "$role" "$database"
fi
# The tests connect over TCP without a password; a fresh Debian cluster asks for one.
if ! PGCONNECT_TIMEOUT=5 psql "host=127.0.0.1 port=$port user=$role dbname=$database" -X -q -c 'select 1' </dev/null >/dev/null 2>&1; then
  hba="$(psql_admin -c 'show hba_file')"
  echo "setup: letting $role log in to $database from this machine without a password ($hba)"
  lines="host $database $role 127.0.0.1/32 trust"$'\n'"host $database $role ::1/128 trust"
  $SUDO sh -c "{ printf '%s\n' \"\$1\"; cat \"\$2\"; } > \"\$2.new\" && cat \"\$2.new\" > \"\$2\" && rm \"\$2.new\"" sh "$lines" "$hba"
  psql_admin -c 'select pg_reload_conf()' >/dev/null
fi
echo "setup: PostgreSQL $version on port $port has the database $database for $role"
