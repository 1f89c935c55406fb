# Shared by run.sh and scripts/test.sh: install and start what the system needs on a Debian-like machine.
# Sourced, not executed.

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root (or sudo) for: $*" >&2; return 1; fi
}

apt_updated=0
apt_install() {
  # apt_install PACKAGE... : installs the Debian packages that are missing.
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ $apt_updated -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  echo "installing: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_dotnet() {
  command -v dotnet >/dev/null || { echo "the .NET 10 SDK is required (https://dot.net); dotnet is not on PATH" >&2; exit 1; }
}

# The local PostgreSQL cluster, installed and started when missing; sets PG_PORT. Idempotent.
# Roles and databases are made by ensure_role and ensure_database: none of them is a superuser.
ensure_local_postgres() {
  command -v pg_lsclusters >/dev/null || apt_install postgresql
  if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
    local v; v=$(ls /usr/lib/postgresql | sort -V | tail -1)
    as_root pg_createcluster "$v" main >/dev/null
  fi
  # The cluster named main when there is one (a machine may hold others), else the first.
  local ver name line
  line=$(pg_lsclusters -h | awk '$2 == "main"' | head -1)
  [ -n "$line" ] || line=$(pg_lsclusters -h | head -1)
  read -r ver name PG_PORT _ <<< "$line"
  PG_CLUSTER="$ver $name"
  # The cluster runs on this machine: its connections stay on loopback, where TLS protects nothing and
  # costs a quarter to a third of the mail path's CPU (README, Benchmarks). Over a network use VerifyFull.
  LOCAL_PG="Host=127.0.0.1;Port=$PG_PORT;SSL Mode=Disable"
  if ! grep -q online <<< "$line"; then
    as_root pg_ctlcluster "$ver" "$name" start
  fi
  wait_for_local_postgres
  tune_local_postgres "$ver"
}

wait_for_local_postgres() {
  for _ in $(seq 1 30); do
    pg_admin 'select 1' >/dev/null 2>&1 && break
    sleep 1
  done
}

# tune_local_postgres VERSION: what a server of this system needs beyond PostgreSQL's defaults, set once
# (ALTER SYSTEM) and applied with one restart; a setting someone already chose is kept.
# - shared_buffers: a quarter of the machine's memory (PostgreSQL's advice for a dedicated server) instead of
#   128 MB. A duplicate lookup reads some fifty pages of the key index and two dozen candidates' rows at random;
#   at a million reports those relations are 3 GB, and pages left to the kernel's page cache are dropped when
#   the kernel reclaims them (some virtual machines do so after a minute unused), PostgreSQL's own are not.
# - pg_prewarm's autoprewarm: the list of cached pages is saved every five minutes and at shutdown, and read
#   back after a start, so a restart does not leave the lookups reading from disk.
# - max_connections: at least PG_MIN_CONNECTIONS when that is set (the tests).
tune_local_postgres() {
  local changed=0 libs
  if [ "$(pg_admin "select pg_size_bytes(current_setting('shared_buffers'))")" -eq $((128 * 1024 * 1024)) ]; then
    pg_admin "ALTER SYSTEM SET shared_buffers = '$(awk '/^MemTotal:/ { print int($2 / 4096) }' /proc/meminfo)MB'" >/dev/null
    changed=1
  fi
  libs=$(pg_admin 'show shared_preload_libraries')
  if [[ ! $libs =~ (^|[ ,])pg_prewarm($|[ ,]) ]] && [ -f "/usr/lib/postgresql/$1/lib/pg_prewarm.so" ]; then
    pg_admin "ALTER SYSTEM SET shared_preload_libraries = '${libs:+$libs,}pg_prewarm'" >/dev/null
    changed=1
  fi
  if [ -n "${PG_MIN_CONNECTIONS:-}" ] && [ "$(pg_admin 'show max_connections')" -lt "$PG_MIN_CONNECTIONS" ]; then
    pg_admin "ALTER SYSTEM SET max_connections = $PG_MIN_CONNECTIONS" >/dev/null
    changed=1
  fi
  if [ $changed -eq 1 ]; then
    # shellcheck disable=SC2086 # version and name
    as_root pg_ctlcluster $PG_CLUSTER restart
    wait_for_local_postgres
  fi
}

# pg_admin SQL [DATABASE]: runs SQL as the cluster's superuser (postgres), over the local socket.
pg_admin() {
  as_root su postgres -c "psql -v ON_ERROR_STOP=1 -qtAX -d '${2:-postgres}'" <<<"$1"
}

# secret_in FILE: a random secret kept in FILE (mode 600), made on first use; printed.
secret_in() {
  if [ ! -s "$1" ]; then
    # Made aside and moved without overwriting, so two copies starting at once agree on one secret.
    local made; made=$(umask 077; mktemp "$1.XXXXXX")
    openssl rand -hex 24 >"$made"
    mv -n "$made" "$1"; rm -f "$made"
  fi
  cat "$1"
}

# ensure_role NAME PASSWORD [ATTRIBUTES]: a login role that is not a superuser (and cannot make roles),
# with PASSWORD (set again when it no longer matches, e.g. after another copy of the repository set its own).
ensure_role() {
  local role=$1 password=$2 attributes=${3:-NOCREATEDB}
  [[ $role =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "not a plain role name: $role" >&2; return 1; }
  pg_admin "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN CREATE ROLE $role LOGIN; END IF; END \$\$;
    ALTER ROLE $role LOGIN NOSUPERUSER NOCREATEROLE NOREPLICATION NOBYPASSRLS $attributes;" >/dev/null
  if ! PGPASSWORD=$password psql -h 127.0.0.1 -p "$PG_PORT" -U "$role" -d postgres -qtAXc 'select 1' >/dev/null 2>&1; then
    pg_admin "ALTER ROLE $role PASSWORD '$password'" >/dev/null
  fi
}

# database_exists NAME: exit status 0 when the database exists.
database_exists() {
  [ "$(pg_admin "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]
}

# ensure_database NAME OWNER: the database, owned by OWNER (who then creates pg_trgm, a trusted extension).
ensure_database() {
  if database_exists "$1"; then
    pg_admin "ALTER DATABASE \"$1\" OWNER TO $2" >/dev/null
  else
    pg_admin "CREATE DATABASE \"$1\" OWNER $2" >/dev/null
  fi
  pg_admin "REVOKE CREATE ON SCHEMA public FROM PUBLIC; GRANT CREATE, USAGE ON SCHEMA public TO $2" "$1" >/dev/null
}

# Three roles, none a superuser: adilsoz_test makes one database per test class (and may end the
# connections of its own tests, pg_signal_backend); adilsoz_test_app is the processes' application role;
# adilsoz_test_public is the role of the public web form process.
# Random passwords, made on the first run into the user's state folder (mode 600), one set per machine
# account, so that several copies of the repository testing at once do not reset each other's passwords.
# Sets ADILSOZ_TEST_PG, ADILSOZ_TEST_PG_APP and ADILSOZ_TEST_PG_PUBLIC unless ADILSOZ_TEST_PG is given
# (over loopback without TLS, like the quick start: see LOCAL_PG).
ensure_test_roles() {
  [ -z "${ADILSOZ_TEST_PG:-}" ] || return 0
  local dir="${XDG_STATE_HOME:-$HOME/.local/state}/adilsoz-tests"
  (umask 077; mkdir -p "$dir")
  ensure_role adilsoz_test "$(secret_in "$dir/pg-test.pass")" CREATEDB
  ensure_role adilsoz_test_app "$(secret_in "$dir/pg-test-app.pass")" NOCREATEDB
  ensure_role adilsoz_test_public "$(secret_in "$dir/pg-test-public.pass")" NOCREATEDB
  pg_admin "GRANT pg_signal_backend TO adilsoz_test" >/dev/null
  export ADILSOZ_TEST_PG="$LOCAL_PG;Username=adilsoz_test;Password=$(cat "$dir/pg-test.pass")"
  export ADILSOZ_TEST_PG_APP="$LOCAL_PG;Username=adilsoz_test_app;Password=$(cat "$dir/pg-test-app.pass")"
  export ADILSOZ_TEST_PG_PUBLIC="$LOCAL_PG;Username=adilsoz_test_public;Password=$(cat "$dir/pg-test-public.pass")"
}
