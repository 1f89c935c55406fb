#!/usr/bin/env bash
# Runs every test: installs and starts what they need (PostgreSQL, Dovecot, Chromium) when missing.
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Reports").
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/common.sh

ensure_dotnet
apt_install dovecot-imapd chromium
# Test classes run in parallel, each with its own database and often a Hangfire server: give them room.
PG_MIN_CONNECTIONS=500 ensure_local_postgres
# Dovecot is started by the test fixture with its own configuration; the system service is not needed.
as_root systemctl disable --now dovecot >/dev/null 2>&1 || true

ensure_test_roles
# Test hosts never reload their settings: without this each of the hundreds of hosts a run starts would hold
# inotify watches on its appsettings files, and the machine's limit (128 instances by default) runs out.
export DOTNET_hostBuilder__reloadConfigOnChange=false
mkdir -p artifacts
set +e
dotnet test AdilSoz.Intake.sln -c Release --nologo --logger "console;verbosity=normal" \
  --results-directory artifacts/test-results "$@" 2>&1 | tee artifacts/test-output.log
status=${PIPESTATUS[0]}
set -e
# One closing line for CI: "N passed, N failed", summed over every test project's "Passed: / Failed:" lines.
passed=$(grep -E '^\s+Passed: +[0-9]+' artifacts/test-output.log | grep -oE '[0-9]+' | awk '{ n += $1 } END { print n + 0 }' || true)
failed=$(grep -E '^\s+Failed: +[0-9]+' artifacts/test-output.log | grep -oE '[0-9]+' | awk '{ n += $1 } END { print n + 0 }' || true)
# CI shows only the end of the output: repeat each failed test there, its message and the top of its stack.
if [ "${failed}" != "0" ]; then
  echo "Failed tests:"
  awk '
    /^  Failed [^ ]+ \[/ { print; show = 1; lines = 0; next }
    show && /^(Failed!|Passed!|\[xUnit\.net|  (Passed|Skipped|Failed) )/ { show = 0 }
    show && lines < 24 { print; lines++ }
  ' artifacts/test-output.log
fi
echo "${passed} passed, ${failed} failed"
exit "$status"
