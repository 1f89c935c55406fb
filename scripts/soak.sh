#!/usr/bin/env bash
# Soak: real Bot and Worker processes against PostgreSQL, Dovecot, an SMTP capture and the Bot API
# stand-in; reports at a steady rate through Telegram and mail (half each) for a set time. Prints
# sent, received, queued, lost, duplicated, acknowledgements, send -> pending latency p50/p95/p99 and
# the load average (also in artifacts/reliability/soak-latest.txt, appended to soak-history.txt).
#   scripts/soak.sh --rate 4 --seconds 600 [--workers 8] [--debug]
# The crash test at 1,000 reports: scripts/soak.sh --crash 1000
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/common.sh

rate=4 seconds=60 workers=8 config=Release crash=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    --crash) crash=$2; shift 2 ;;
    --debug) config=Debug; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

ensure_dotnet
apt_install dovecot-imapd
ensure_local_postgres
ensure_test_roles
mkdir -p artifacts/reliability

if [ -n "$crash" ]; then
  export ADILSOZ_FAULT_REPORTS="$crash"
  filter="FullyQualifiedName~AdilSoz.Intake.Tests.Reliability.CrashTests"
  figures="artifacts/reliability/crash-$crash.txt"
else
  export ADILSOZ_SOAK_RATE="$rate" ADILSOZ_SOAK_SECONDS="$seconds" ADILSOZ_SOAK_WORKERS="$workers"
  filter="FullyQualifiedName~AdilSoz.Intake.Tests.Reliability.SoakRun"
  figures="artifacts/reliability/soak-latest.txt"
fi
rm -f "$figures"
set +e
dotnet test tests/AdilSoz.Intake.Tests -c "$config" --nologo --filter "$filter" \
  --logger "console;verbosity=minimal" > artifacts/reliability/run-output.log 2>&1
status=$?
set -e
if [ -f "$figures" ]; then cat "$figures"; else tail -40 artifacts/reliability/run-output.log; fi
exit "$status"
