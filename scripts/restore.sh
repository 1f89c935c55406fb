#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into a database that does not exist yet (or is empty),
# bringing back reports, files and the Data Protection keys together, so the restored reports'
# identities and raw messages decrypt as before.
#
#   scripts/restore.sh FILE [DATABASE]   default DATABASE: $PGDATABASE or adilsoz
#
# Connection: libpq variables as in backup.sh. The target must be new or empty: restoring over a
# live database is refused (drop or rename it first, with the Worker, Bot and Admin stopped).
# With DataProtection:CertificatePath in use, the restored processes need the same certificate.
set -euo pipefail
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-adilsoz}"
export PGPASSWORD="${PGPASSWORD:-adilsoz-local}"

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
