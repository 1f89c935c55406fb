#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into a database that does not exist yet (or is empty),
# bringing back reports, files and the Data Protection keys together, so the restored reports'
# identities and raw messages decrypt as before.
#
#   scripts/restore.sh FILE [DATABASE]   default DATABASE: $PGDATABASE or adilsoz
#
# Connection: libpq variables as in backup.sh. The target must be new or empty: restoring over a
# live database is refused (drop or rename it first, with the Worker, Bot and Admin stopped).
# The restored processes need the same key-encryption certificate; the restore brings no grants:
# run `Admin migrate --app-role ROLE` with the restored database's owner connection string afterwards.
set -euo pipefail
# Without PGUSER: the local database of run.sh, as its owner role (password in .local/pg-owner.pass).
if [ -z "${PGUSER:-}" ]; then
  local_db="${ADILSOZ_DATABASE:-adilsoz}"
  export PGUSER="${local_db}_owner" PGDATABASE="${PGDATABASE:-$local_db}"
  owner_pass="$(dirname "$0")/../.local/pg-owner.pass"
  [ -z "${PGPASSWORD:-}" ] && [ -r "$owner_pass" ] && { PGPASSWORD="$(cat "$owner_pass")"; export PGPASSWORD; } || true
fi
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}"

file="${1:?usage: scripts/restore.sh FILE [DATABASE]}"
db="${2:-${PGDATABASE:-adilsoz}}"
[ -r "$file" ] || { echo "restore: cannot read $file" >&2; exit 1; }
pg_restore --list "$file" >/dev/null || { echo "restore: $file is not a pg_dump archive" >&2; exit 1; }

exists=$(psql -d postgres -qtAX -v name="$db" <<<"SELECT 1 FROM pg_database WHERE datname = :'name'")
if [ "$exists" = "1" ]; then
  used=$(psql -d "$db" -qtAX -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
  [ "$used" = "0" ] || { echo "restore: database $db already has tables; restore into a new database" >&2; exit 1; }
else
  createdb "$db"
fi

pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$db" "$file"
counts=$(psql -d "$db" -qtAX -F ' ' -c 'SELECT
  (SELECT count(*) FROM "Submissions"), (SELECT count(*) FROM "Blobs"), (SELECT count(*) FROM "DataProtectionKeys")')
read -r submissions blobs keys <<<"$counts"
echo "restore: $db ($submissions submissions, $blobs files, $keys data-protection keys)"
