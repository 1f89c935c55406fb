#!/usr/bin/env bash
# Runs the whole system: Admin (http://127.0.0.1:5080), the public web form (http://127.0.0.1:5090),
# Worker, and the Bot when a token is set.
# Without ConnectionStrings__Intake it provisions a local PostgreSQL database with three roles (an owner
# that migrates, an application role without superuser rights for the processes, a public role that may
# only store web reports and read their status, for the public process), a key-encryption
# certificate for the key ring, a first admin, and the demo data of the foundation's February 2021
# report. Secrets live in .local/ (mode 600). Starts on whatever state it finds. Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib/common.sh

umask 077
urls="${ADMIN_URLS:-http://127.0.0.1:5080}"
health="${WORKER_HEALTH_URLS:-http://127.0.0.1:5082}"
public_urls="${PUBLIC_URLS:-http://127.0.0.1:5090}"
state=.local
mkdir -p "$state" && chmod 700 "$state"

ensure_dotnet
command -v openssl >/dev/null || apt_install openssl
local_default=0
fresh_database=0
db="${ADILSOZ_DATABASE:-adilsoz}"
if [ -z "${ConnectionStrings__Intake:-}" ]; then
  local_default=1
  [[ $db =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "ADILSOZ_DATABASE: use lower-case letters, digits and _" >&2; exit 1; }
  ensure_local_postgres
  owner="${db}_owner" app="${db}_app" public_role="${db}_public"
  ensure_role "$owner" "$(secret_in "$state/pg-owner.pass")" NOCREATEDB
  ensure_role "$app" "$(secret_in "$state/pg-app.pass")" NOCREATEDB
  ensure_role "$public_role" "$(secret_in "$state/pg-public.pass")" NOCREATEDB
  database_exists "$db" || fresh_database=1
  ensure_database "$db" "$owner"
  owner_connection="$LOCAL_PG;Database=$db;Username=$owner;Password=$(cat "$state/pg-owner.pass")"
  export ConnectionStrings__Intake="$LOCAL_PG;Database=$db;Username=$app;Password=$(cat "$state/pg-app.pass")"
  public_connection="$LOCAL_PG;Database=$db;Username=$public_role;Password=$(cat "$state/pg-public.pass")"
fi

# The key ring is encrypted with a certificate of this copy (keep .local/keyring.* apart from backups).
new_certificate=0
if [ -z "${DataProtection__CertificatePath:-}" ]; then
  if [ ! -s "$state/keyring.pfx" ]; then
    secret_in "$state/keyring.pass" >/dev/null
    openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj "/CN=AdilSoz.Intake key ring" \
      -keyout "$state/keyring.key" -out "$state/keyring.crt" 2>/dev/null
    openssl pkcs12 -export -inkey "$state/keyring.key" -in "$state/keyring.crt" \
      -out "$state/keyring.pfx" -passout "file:$state/keyring.pass"
    rm -f "$state/keyring.key" "$state/keyring.crt"
    new_certificate=1
    echo "made a key-encryption certificate: $state/keyring.pfx (password in $state/keyring.pass)"
  fi
  export DataProtection__CertificatePath="$PWD/$state/keyring.pfx"
  DataProtection__CertificatePassword="$(cat "$state/keyring.pass")"
  export DataProtection__CertificatePassword
fi

echo "building…"
dotnet build AdilSoz.Intake.sln -c Release -v quiet -nologo >"$state/build.log" 2>&1 || { cat "$state/build.log"; exit 1; }
root=$PWD
bin() { echo "$root/$1/bin/Release/net10.0/AdilSoz.Intake.$1.dll"; }
admin() { dotnet "$(bin Admin)" "$@"; }
# `./run.sh admin ARGS…`: an Admin sub-command (users, api-keys, …) against this copy's local database,
# with its roles and certificate; nothing is started. `migrate` changes the schema: it runs as the owner.
if [ "${1:-}" = admin ]; then
  shift
  if [ "${1:-}" = migrate ] && [ $local_default -eq 1 ]; then export ConnectionStrings__Intake="$owner_connection"; fi
  exec dotnet "$(bin Admin)" "$@"
fi
# Each process runs from its project folder, its content root (wwwroot for the Admin site).
start() { local name=$1; shift; (cd "$name" && exec dotnet "$(bin "$name")" "$@") >"$state/${name,,}.log" 2>&1 & pids+=($!); }

migrate() {
  if [ $local_default -eq 1 ]; then
    ConnectionStrings__Intake="$owner_connection" admin migrate --app-role "$app"
    ConnectionStrings__Intake="$owner_connection" admin migrate --public-role "$public_role"
  else
    admin migrate
  fi
}
if migrate >"$state/migrate.log" 2>&1; then
  tail -1 "$state/migrate.log"
else
  if [ $local_default -eq 1 ] && [ $fresh_database -eq 0 ] && [ $new_certificate -eq 1 ] && grep -q "cannot be decrypted" "$state/migrate.log"; then
    # The database was made by another copy (or before .local/ was deleted): its key ring opens only
    # with that copy's certificate. Keep it, under another name, and start a new one.
    kept="${db}_locked_$(date -u +%Y%m%d_%H%M%S)"
    pg_admin "ALTER DATABASE \"$db\" RENAME TO \"$kept\"" >/dev/null 2>"$state/rename.err" || {
      echo "the local database $db was made with another key-encryption certificate, and it is in use (another copy running?): stop that copy first, or put its .local/keyring.pfx and keyring.pass here" >&2
      exit 1; }
    echo "the local database $db was made with another key-encryption certificate (another copy, or .local/ was deleted):"
    echo "  kept as $kept (it opens with that copy's .local/keyring.pfx and keyring.pass); starting a new $db"
    ensure_database "$db" "$owner"
    fresh_database=1
    migrate
  else
    tail -1 "$state/migrate.log" >&2
    echo "(the whole output is in $state/migrate.log)" >&2
    exit 1
  fi
fi

email="${ADMIN_EMAIL:-admin@adilsoz.local}"
if [ ! -s "$state/admin-login.txt" ]; then
  password="$(openssl rand -base64 18 | tr -d '/+=' | head -c 20)"
  if out=$(echo "$password" | admin users add --email "$email" --role Admin 2>&1); then
    printf 'email: %s\npassword: %s\n' "$email" "$password" >"$state/admin-login.txt"
    echo "$out"
    echo "first admin created; log in with (shown once, kept in $state/admin-login.txt):"
    sed 's/^/  /' "$state/admin-login.txt"
  elif grep -q "already exists" <<<"$out"; then
    printf 'email: %s\npassword: (set before this copy; not known here)\n' "$email" >"$state/admin-login.txt"
    echo "the first admin $email already exists in this database; to give it a new password:"
    echo "  echo 'NEW PASSWORD' | ./run.sh admin users reset-password --email $email"
  else
    echo "$out" >&2
    exit 1
  fi
fi
if [ $local_default -eq 1 ] && [ "${ADILSOZ_DEMO:-1}" = 1 ] && [ ! -e "$state/demo-loaded" ]; then
  admin demo && touch "$state/demo-loaded"
fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

if curl -fsS "$urls/healthz" >/dev/null 2>&1; then
  echo "something already answers on $urls (another copy of the admin site?); stop it or set ADMIN_URLS" >&2
  exit 1
fi
if curl -fsS "$health/healthz" >/dev/null 2>&1; then
  worker_line="already running on $health (not started again here; that Worker serves its own database)"
else
  Health__Urls="$health" start Worker
  worker_line="running (log: $state/worker.log; probes and metrics on $health)"
fi
if [ -n "${Telegram__BotToken:-}" ]; then start Bot --urls "${BOT_URLS:-http://127.0.0.1:5081}"; fi
start Admin --urls "$urls"
# The public process: the web form and the status page, with the public role (outside the local default,
# PUBLIC_CONNECTION_STRING, or else the processes' connection string).
if curl -fsS "$public_urls/healthz" >/dev/null 2>&1; then
  public_line="not started: something already answers on $public_urls (another copy?); set PUBLIC_URLS"
else
  (cd Admin && ConnectionStrings__Intake="${public_connection:-${PUBLIC_CONNECTION_STRING:-$ConnectionStrings__Intake}}" \
    exec dotnet "$(bin Admin)" public --urls "$public_urls") >"$state/public.log" 2>&1 & pids+=($!)
  public_line="$public_urls/report and /status (log: $state/public.log)"
fi

healthy=0
for _ in $(seq 1 60); do curl -fsS "$urls/healthz" >/dev/null 2>&1 && { healthy=1; break; }; sleep 1; done
if [ $healthy -eq 0 ]; then echo "the admin site did not come up; see $state/admin.log:" >&2; tail -5 "$state/admin.log" >&2; exit 1; fi
cat <<MSG

AdilSoz.Intake is running.
  Admin site:  $urls   (log in as $email; the password was shown when it was made and is in $state/admin-login.txt)
  Web form:    $public_line
  Worker:      $worker_line
  Bot:         $([ -n "${Telegram__BotToken:-}" ] && echo "running (log: $state/bot.log; probes and metrics on ${BOT_URLS:-http://127.0.0.1:5081})" || echo "not started: set Telegram__BotToken to run it")
  Mailbox:     $([ -n "${Mailbox__Host:-}" ] && echo "watching ${Mailbox__Host}" || echo "not watched: set Mailbox__Host, Mailbox__Username, Mailbox__Password")
Press Ctrl+C to stop.
MSG
wait -n "${pids[@]}" || true
echo "a process stopped; see $state/*.log" >&2
