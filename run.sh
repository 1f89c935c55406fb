#!/usr/bin/env bash
# Runs the whole system: Admin (http://127.0.0.1:5080), Worker, and the Bot when a token is set.
# Without ConnectionStrings__Intake it provisions a local PostgreSQL, creates a first admin and
# loads the demo data of the foundation's February 2021 report. Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib/common.sh

urls="${ADMIN_URLS:-http://127.0.0.1:5080}"
state=.local
mkdir -p "$state"

ensure_dotnet
local_default=0
if [ -z "${ConnectionStrings__Intake:-}" ]; then
  local_default=1
  ensure_local_postgres
  export ConnectionStrings__Intake="Host=127.0.0.1;Port=5432;Database=adilsoz;Username=adilsoz;Password=adilsoz-local"
fi

echo "building…"
dotnet build AdilSoz.Intake.sln -c Release -v quiet -nologo >"$state/build.log" 2>&1 || { cat "$state/build.log"; exit 1; }
root=$PWD
bin() { echo "$root/$1/bin/Release/net10.0/AdilSoz.Intake.$1.dll"; }
# Each process runs from its project folder, its content root (wwwroot for the Admin site).
start() { local name=$1; shift; (cd "$name" && exec dotnet "$(bin "$name")" "$@") >"$state/${name,,}.log" 2>&1 & pids+=($!); }

dotnet "$(bin Admin)" migrate

if [ ! -s "$state/admin-login.txt" ]; then
  email="${ADMIN_EMAIL:-admin@adilsoz.local}"
  password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=' | head -c 20)"
  echo "$password" | dotnet "$(bin Admin)" users add --email "$email" --role Admin
  printf 'email: %s\npassword: %s\n' "$email" "$password" >"$state/admin-login.txt"
  chmod 600 "$state/admin-login.txt"
  if [ $local_default -eq 1 ] && [ "${ADILSOZ_DEMO:-1}" = 1 ]; then dotnet "$(bin Admin)" demo; fi
fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

Health__Urls="${WORKER_HEALTH_URLS:-http://127.0.0.1:5082}" start Worker
if [ -n "${Telegram__BotToken:-}" ]; then start Bot --urls "${BOT_URLS:-http://127.0.0.1:5081}"; fi
start Admin --urls "$urls"

healthy=0
for _ in $(seq 1 60); do curl -fsS "$urls/healthz" >/dev/null 2>&1 && { healthy=1; break; }; sleep 1; done
if [ $healthy -eq 0 ]; then echo "the admin site did not come up; see $state/admin.log:" >&2; tail -5 "$state/admin.log" >&2; exit 1; fi
cat <<MSG

AdilSoz.Intake is running.
  Admin site:  $urls   (log in as below)
$(sed 's/^/  /' "$state/admin-login.txt")
  Worker:      running (log: $state/worker.log; probes and metrics on ${WORKER_HEALTH_URLS:-http://127.0.0.1:5082})
  Bot:         $([ -n "${Telegram__BotToken:-}" ] && echo "running (log: $state/bot.log; probes and metrics on ${BOT_URLS:-http://127.0.0.1:5081})" || echo "not started: set Telegram__BotToken to run it")
  Mailbox:     $([ -n "${Mailbox__Host:-}" ] && echo "watching ${Mailbox__Host}" || echo "not watched: set Mailbox__Host, Mailbox__Username, Mailbox__Password")
Press Ctrl+C to stop.
MSG
wait -n "${pids[@]}" || true
echo "a process stopped; see $state/*.log" >&2
