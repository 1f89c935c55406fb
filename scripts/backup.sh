#!/usr/bin/env bash
# Backs up the whole AdilSoz.Intake database into one file (pg_dump custom format):
# reports, raw messages, files (blobs live in the database), reporters, the registry, the
# Data Protection key ring and the reporter hash secret -- everything a restore needs, together.
#
#   scripts/backup.sh [FILE]            default FILE: backups/adilsoz-YYYYMMDD-HHMMSS.dump
#
# Connection: the usual libpq variables; without PGUSER, the local database of run.sh as its owner.
# The key rings in the dump are encrypted with the key-encryption certificate: a restore needs that
# certificate too, so keep a copy of it apart from the dumps.
set -euo pipefail
# Without PGUSER: the local database of run.sh, as its owner role (password in .local/pg-owner.pass).
if [ -z "${PGUSER:-}" ]; then
  local_db="${ADILSOZ_DATABASE:-adilsoz}"
  export PGUSER="${local_db}_owner" PGDATABASE="${PGDATABASE:-$local_db}"
  owner_pass="$(dirname "$0")/../.local/pg-owner.pass"
  [ -z "${PGPASSWORD:-}" ] && [ -r "$owner_pass" ] && { PGPASSWORD="$(cat "$owner_pass")"; export PGPASSWORD; } || true
fi
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}"
export PGDATABASE="${PGDATABASE:-adilsoz}"

out="${1:-backups/adilsoz-$(date -u +%Y%m%d-%H%M%S).dump}"
mkdir -p "$(dirname "$out")"
umask 077
# One consistent snapshot (pg_dump runs in a single repeatable-read transaction); writers go on.
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$out.partial" "$PGDATABASE"
mv "$out.partial" "$out"

# A backup that cannot be listed is no backup: check the archive and name what it holds.
listing=$(pg_restore --list "$out")
tables=$(grep -cE ' TABLE DATA ' <<<"$listing" || true)
for needed in Submissions InboundItems Blobs Attachments Reporters DataProtectionKeys SessionKeys AppSecrets; do
  grep -qE "TABLE DATA public \"?$needed\"? " <<<"$listing" \
    || { echo "backup: $out lacks table $needed" >&2; exit 1; }
done
echo "backup: $out ($(du -h "$out" | cut -f1), $tables tables with data, key ring included)"
