#!/bin/sh
# Installs a PostgreSQL server for the dbmail tests and benchmark, which start their own throwaway cluster
# (initdb + pg_ctl) and never touch a system cluster. Idempotent: does nothing when binaries already exist.
set -eu

have_pg_ctl() {
    for candidate in /usr/lib/postgresql/*/bin/pg_ctl; do
        [ -x "$candidate" ] && return 0
    done
    return 1
}

if have_pg_ctl; then
    echo "PostgreSQL binaries already present: $(ls -d /usr/lib/postgresql/*/bin | tr '\n' ' ')"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi

$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends postgresql

if ! have_pg_ctl; then
    echo "postgresql was installed but no /usr/lib/postgresql/*/bin/pg_ctl was found" >&2
    exit 1
fi
echo "PostgreSQL installed: $(ls -d /usr/lib/postgresql/*/bin | tr '\n' ' ')"
