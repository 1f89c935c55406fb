#!/usr/bin/env bash
# Backs up the whole AdilSoz.Intake database into one file (pg_dump custom format):
# reports, raw messages, files (blobs live in the database), reporters, the registry, the
# Data Protection key ring and the reporter hash secret -- everything a restore needs, together.
#
#   scripts/backup.sh [FILE]            default FILE: backups/adilsoz-YYYYMMDD-HHMMSS.dump
#
# Connection: the usual libpq variables, with the local defaults of run.sh:
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=adilsoz PGPASSWORD=adilsoz-local PGDATABASE=adilsoz
# The dump holds the key ring: keep it as safe as the database itself (or set
# DataProtection:CertificatePath so the keys in it are encrypted, and keep the certificate apart).
set -euo pipefail
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-adilsoz}"
export PGPASSWORD="${PGPASSWORD:-adilsoz-local}" PGDATABASE="${PGDATABASE:-adilsoz}"

out="${1:-backups/adilsoz-$(date -u +%Y%m%d-%H%M%S).dump}"
mkdir -p "$(dirname "$out")"
umask 077
# One consistent snapshot (pg_dump runs in a single repeatable-read transaction); writers go on.
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$out.partial" "$PGDATABASE"
mv "$out.partial" "$out"

# A backup that cannot be listed is no backup: check the archive and name what it holds.
listing=$(pg_restore --list "$out")
tables=$(grep -cE ' TABLE DATA ' <<<"$listing" || true)
for needed in Submissions InboundItems Blobs Attachments Reporters DataProtectionKeys AppSecrets; do
  grep -qE "TABLE DATA public \"?$needed\"? " <<<"$listing" \
    || { echo "backup: $out lacks table $needed" >&2; exit 1; }
done
echo "backup: $out ($(du -h "$out" | cut -f1), $tables tables with data, key ring included)"
