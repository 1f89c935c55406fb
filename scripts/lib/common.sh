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

# The local PostgreSQL cluster with role adilsoz (password adilsoz-local), used when no
# ConnectionStrings__Intake is given. Idempotent.
ensure_local_postgres() {
  command -v pg_lsclusters >/dev/null || apt_install postgresql
  if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
    local v; v=$(ls /usr/lib/postgresql | sort -V | tail -1)
    as_root pg_createcluster "$v" main >/dev/null
  fi
  local ver name
  read -r ver name _ < <(pg_lsclusters -h | head -1)
  if ! pg_lsclusters -h | head -1 | grep -q online; then
    as_root pg_ctlcluster "$ver" "$name" start
  fi
  for _ in $(seq 1 30); do
    as_root su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
    sleep 1
  done
  # The role may create databases (tests make one per test class) and is a superuser so that
  # migrations can create extensions such as pg_trgm.
  as_root su postgres -c "psql -qtAc \"DO \\\$\\\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'adilsoz') THEN
        CREATE ROLE adilsoz LOGIN SUPERUSER PASSWORD 'adilsoz-local';
      END IF; END \\\$\\\$;\"" >/dev/null
}
