#!/usr/bin/env bash
# A TorrentCluster cluster on one machine, all on loopback: Redis, N silos and one gateway, each its own
# process, as cluster mode runs them on many machines (README.md, "A local cluster on one machine").
#
#   deploy/local-cluster.sh start [SILOS]   build if needed, start Redis, SILOS silos and the gateway, wait until ready
#   deploy/local-cluster.sh status          every process: pid, running or not, ready or not, ports and URL
#   deploy/local-cluster.sh kill-silo N     SIGKILL silo-N, as a crash would
#   deploy/local-cluster.sh start-silo N    start silo-N again with its old name, ports and data, wait until active
#   deploy/local-cluster.sh stop [--purge]  stop what start started (gateway, silos, Redis); --purge deletes the state folder
#
# Everything lives in one state folder, ./local-cluster by default (TC_LOCAL_CLUSTER_DIR overrides):
#   cluster.env         the silo count and ports of this cluster, so later commands reach the same processes
#   jwt-secret          the gateway's JWT signing secret (made once, owner-only; silos host no gateway, need none)
#   redis-password      the password Redis demands (made once, owner-only), in every process's connection string
#   redis.conf          Redis' settings that must not show in ps: its password (owner-only)
#   certs/              the cluster CA and a certificate per silo and the gateway (deploy/certs.sh), for mutual
#                       TLS on Orleans' ports; made at the first start, completed when silos are added
#   redis/              Redis' append-only file
#   silo-N/             silo-N's torrents and resume data
#   logs/NAME.log       each process's output
#   run/NAME.pid        each process's id, written when it starts
#
# Settings (environment):
#   TC_LOCAL_CLUSTER_DIR            the state folder (default ./local-cluster, relative to where the script runs)
#   TC_LOCAL_CLUSTER_BASE_PORT      Redis listens on it; silo-N on BASE+10N (Orleans silo), +1 (Orleans gateway),
#                                   +2 (BitTorrent, TCP and UDP), +3 (HTTP: /metrics, /healthz, /readyz) (default 17000)
#   TC_LOCAL_CLUSTER_GATEWAY_PORT   the gateway's HTTP port, the API's URL (default 1337)
#   TC_LOCAL_CLUSTER_LISTEN_ADDRESS the silos' BitTorrent address (default 127.0.0.1; 0.0.0.0 to reach internet peers)
#   TC_LOCAL_CLUSTER_TIMEOUT        seconds to wait for the cluster to be ready (default 120)
#   TC_LOCAL_CLUSTER_BUILD          auto (default): build when a host is not built or sources changed since;
#                                   never: use the build as it is, fail if there is none (tests: the solution is built)
# Ports and silo count are remembered in cluster.env: a later start reuses them unless these variables say
# otherwise. Other TorrentCluster__* variables in the environment reach every silo and the gateway.
set -euo pipefail

readonly SCRIPT_NAME="deploy/local-cluster.sh"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
# Relative to where the script was started, not to the checkout, so that several clusters can live side by side;
# made absolute because processes start in folders of their own. Created by start only.
STATE_DIR="${TC_LOCAL_CLUSTER_DIR:-./local-cluster}"
[[ "$STATE_DIR" == /* ]] || STATE_DIR="$PWD/${STATE_DIR#./}"
STATE_DIR="${STATE_DIR%/}"
readonly STATE_DIR
readonly SILO_DLL="$REPO_ROOT/src/Silo/bin/Release/net10.0/TorrentCluster.Silo.dll"
readonly GATEWAY_DLL="$REPO_ROOT/src/Gateway/bin/Release/net10.0/TorrentCluster.Gateway.dll"
readonly MAX_SILOS=20
readonly API_PATH="/api/v1/jsonrpc"

# The cluster's shape; loaded from cluster.env and the environment by load_cluster_settings.
silo_count=3
base_port=17000
gateway_port=1337
listen_address=127.0.0.1

fail() {
  echo "error: $*" >&2
  exit 1
}

usage() {
  cat <<EOF
usage: $SCRIPT_NAME start [SILOS] | status | kill-silo N | start-silo N | stop [--purge]
state folder: $STATE_DIR (TC_LOCAL_CLUSTER_DIR)
EOF
}

# --- settings -------------------------------------------------------------------------------------------------

cluster_env_file() { echo "$STATE_DIR/cluster.env"; }

# Reads cluster.env as data (KEY=VALUE lines, known keys only) rather than sourcing it: the folder may be shared.
read_recorded_settings() {
  local file key value
  file="$(cluster_env_file)"
  [ -f "$file" ] || return 0
  while IFS='=' read -r key value; do
    case "$key" in
      silos) silo_count="$value" ;;
      base_port) base_port="$value" ;;
      gateway_port) gateway_port="$value" ;;
      listen_address) listen_address="$value" ;;
    esac
  done <"$file"
}

# start: the environment overrides what the last start recorded, which overrides the defaults.
load_settings_for_start() {
  read_recorded_settings
  base_port="${TC_LOCAL_CLUSTER_BASE_PORT:-$base_port}"
  gateway_port="${TC_LOCAL_CLUSTER_GATEWAY_PORT:-$gateway_port}"
  listen_address="${TC_LOCAL_CLUSTER_LISTEN_ADDRESS:-$listen_address}"
  require_number "TC_LOCAL_CLUSTER_BASE_PORT" "$base_port"
  require_number "TC_LOCAL_CLUSTER_GATEWAY_PORT" "$gateway_port"
}

# Every other command speaks to the cluster that start recorded, whatever the environment says now.
load_settings_of_existing_cluster() {
  [ -f "$(cluster_env_file)" ] || fail "no cluster was started from $STATE_DIR (run: $SCRIPT_NAME start)"
  read_recorded_settings
}

record_settings() {
  printf 'silos=%s\nbase_port=%s\ngateway_port=%s\nlisten_address=%s\n' \
    "$silo_count" "$base_port" "$gateway_port" "$listen_address" >"$(cluster_env_file)"
}

require_number() {
  [[ "$2" =~ ^[0-9]+$ ]] || fail "$1 must be a number, not '$2'"
}

require_silo_number() {
  local n="${1:-}"
  if ! [[ "$n" =~ ^[0-9]+$ ]] || [ "$n" -lt 1 ] || [ "$n" -gt "$silo_count" ]; then
    fail "no silo '$n' in this cluster: silos are numbered 1 to $silo_count (see: $SCRIPT_NAME status)"
  fi
}

# --- names, ports and files of each process -------------------------------------------------------------------

silo_name() { echo "silo-$1"; }
redis_port() { echo "$base_port"; }
silo_orleans_port() { echo $((base_port + 10 * $1)); }
silo_orleans_gateway_port() { echo $((base_port + 10 * $1 + 1)); }
silo_bittorrent_port() { echo $((base_port + 10 * $1 + 2)); }
silo_http_port() { echo $((base_port + 10 * $1 + 3)); }
gateway_url() { echo "http://127.0.0.1:$gateway_port$API_PATH"; }

pid_file() { echo "$STATE_DIR/run/$1.pid"; }
log_file() { echo "$STATE_DIR/logs/$1.log"; }

# What the process's command line must contain to be ours: pid files outlive processes, and the kernel reuses
# pids, so a bare "kill -0" could take a stranger for one of ours (and stop would then kill it).
process_marker() {
  case "$1" in
    redis) echo "redis-server" ;;
    gateway) echo "TorrentCluster.Gateway.dll --urls http://127.0.0.1:$gateway_port" ;;
    silo-*) echo "TorrentCluster.Silo.dll --urls http://127.0.0.1:$(silo_http_port "${1#silo-}")" ;;
  esac
}

# Alive, and not a zombie: a killed process whose parent has not reaped it yet still answers kill -0.
process_is_alive() {
  local state
  state="$(ps -o stat= -p "$1" 2>/dev/null)" || return 1
  [[ "$state" != Z* ]]
}

recorded_pid() {
  local file
  file="$(pid_file "$1")"
  [ -f "$file" ] && cat "$file"
}

# The pid of the named process if it runs, and nothing otherwise.
running_pid() {
  local pid command
  pid="$(recorded_pid "$1")" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  process_is_alive "$pid" || return 1
  command="$(ps -o args= -p "$pid" 2>/dev/null)" || return 1
  [[ "$command" == *"$(process_marker "$1")"* ]] || return 1
  # redis-server renames itself to "redis-server 127.0.0.1:PORT": check the port too.
  if [ "$1" = redis ] && [[ "$command" != *":$(redis_port)"* ]]; then
    return 1
  fi
  echo "$pid"
}

all_process_names() {
  local n
  echo redis
  for ((n = 1; n <= silo_count; n++)); do silo_name "$n"; done
  echo gateway
}

# --- prerequisites and build ----------------------------------------------------------------------------------

# Packages a local cluster needs besides those to build and run: Redis, and openssl for the certificates.
tc_local_cluster_packages() {
  command -v redis-server >/dev/null 2>&1 || echo redis-server
  command -v openssl >/dev/null 2>&1 || echo openssl
}

ensure_prerequisites() {
  # shellcheck source=scripts/prerequisites.sh
  source "$REPO_ROOT/scripts/prerequisites.sh"
  tc_require_dotnet || exit 1
  tc_ensure tc_runtime_packages || exit 1
  tc_ensure tc_local_cluster_packages || exit 1
}

# A host needs building when its dll is missing or a source changed after its last build: any file under src/
# (C#, projects, settings, the native shim's C++) or the repository's shared build settings, newer than the newest
# file in the host's output folder. The newest file, not the host's own dll: msbuild does not recompile the silo
# when only the body of a project it references changes, it copies that project's new dll beside it. The check
# costs nothing after a build (scripts/test.sh builds the solution before the tests that run this script).
readonly BUILD_STAMP=".local-cluster-build"

build_is_stale() {
  local dll="$1" newest
  [ -f "$dll" ] || return 0
  newest="$(find "$(dirname "$dll")" -maxdepth 1 -type f -printf '%T@ %p\n' | sort -n | tail -n 1 | cut -d' ' -f2-)"
  [ -n "$(find "$REPO_ROOT/src" \( -name bin -o -name obj -o -name '.*' \) -prune -o -type f -newer "$newest" -print -quit)" ] \
    && return 0
  [ -n "$(find "$REPO_ROOT/Directory.Build.props" "$REPO_ROOT/Directory.Packages.props" "$REPO_ROOT/global.json" \
    -newer "$newest" -print -quit 2>/dev/null)" ]
}

build_hosts_if_needed() {
  if ! build_is_stale "$SILO_DLL" && ! build_is_stale "$GATEWAY_DLL"; then
    return 0
  fi
  if [ "${TC_LOCAL_CLUSTER_BUILD:-auto}" = never ]; then
    if [ ! -f "$SILO_DLL" ] || [ ! -f "$GATEWAY_DLL" ]; then
      fail "no Release build of the silo and gateway (TC_LOCAL_CLUSTER_BUILD=never): run dotnet build TorrentCluster.sln -c Release"
    fi
    echo "note: sources changed after the last build; using the build anyway (TC_LOCAL_CLUSTER_BUILD=never)"
    return 0
  fi
  echo "building the silo and the gateway (Release)..."
  # The silo project references the gateway's, so one build makes both.
  dotnet build "$REPO_ROOT/src/Silo/Silo.csproj" -c Release --nologo -v quiet \
    || fail "the build failed (see above)"
  # A build that found nothing to do writes no file: the stamp records that the outputs match the sources now,
  # so the next start does not build again. msbuild leaves files it did not write alone.
  touch "$(dirname "$SILO_DLL")/$BUILD_STAMP" "$(dirname "$GATEWAY_DLL")/$BUILD_STAMP"
}

# --- starting processes ---------------------------------------------------------------------------------------

# A random secret in a file of the state folder, made once. Owner-only from its creation: whoever reads the JWT
# secret can sign tokens for any user, whoever reads Redis' password owns the cluster's state.
ensure_secret_file() {
  local file="$STATE_DIR/$1"
  if [ ! -s "$file" ]; then
    (umask 077 && { openssl rand -hex 32 2>/dev/null || od -An -tx1 -N32 /dev/urandom | tr -d ' \n'; } >"$file")
  fi
  chmod 600 "$file"
}

jwt_secret() { cat "$STATE_DIR/jwt-secret"; }
redis_password() { cat "$STATE_DIR/redis-password"; }
certs_dir() { echo "$STATE_DIR/certs"; }

# The cluster CA and a certificate for each named process; deploy/certs.sh keeps what is there and good. What
# it made goes to logs/certs.log; its errors to the terminal.
ensure_certificates() {
  mkdir -p "$STATE_DIR/logs"
  sh "$REPO_ROOT/deploy/certs.sh" "$(certs_dir)" "$@" >>"$(log_file certs)" \
    || fail "could not make the cluster's certificates in $(certs_dir)"
}

# Starts a program that outlives this script, output to the process's log, and records its pid. setsid gives it
# a session of its own, so closing the terminal or Ctrl+C there leaves the cluster alone. The background subshell
# is no process group leader, so setsid (and env) exec in place rather than fork: $! is the program's own pid,
# the one stop and kill-silo signal.
launch() {
  local name="$1" directory="$2"
  shift 2
  local log
  log="$(log_file "$name")"
  printf '\n=== %s started %s\n' "$name" "$(date '+%Y-%m-%d %H:%M:%S')" >>"$log"
  (cd "$directory" && exec setsid "$@" </dev/null >>"$log" 2>&1) &
  echo "$!" >"$(pid_file "$name")"
  # Not this script's job any more: no "Aborted" notice from bash when it dies; start reports that itself.
  disown "$!"
}

start_redis() {
  mkdir -p "$STATE_DIR/redis"
  # The password in a file rather than on the command line, where any local user's ps would read it.
  (umask 077 && printf 'requirepass %s\n' "$(redis_password)" >"$STATE_DIR/redis.conf")
  # AOF on, snapshots off: grain state, membership and reminders survive a restart of the cluster. appendfsync
  # always: an answered write is on disk, so a crash of redis-server loses none (everysec holds some back in memory).
  launch redis "$STATE_DIR/redis" redis-server "$STATE_DIR/redis.conf" --port "$(redis_port)" --bind 127.0.0.1 \
    --appendonly yes --appendfsync always --dir "$STATE_DIR/redis" --save ""
}

# Settings every .NET process of the cluster shares, and its own certificate for Orleans' ports.
common_environment() {
  echo "TorrentCluster__Cluster__Redis=127.0.0.1:$(redis_port),password=$(redis_password)"
  echo "TorrentCluster__Cluster__Tls__CertificatePath=$(certs_dir)/$1.crt"
  echo "TorrentCluster__Cluster__Tls__KeyPath=$(certs_dir)/$1.key"
  echo "TorrentCluster__Cluster__Tls__CaPath=$(certs_dir)/ca.crt"
  # Four or more .NET processes share this machine's cores: workstation GC keeps each one small and quiet.
  echo "DOTNET_gcServer=0"
}

start_silo_process() {
  local n="$1" name data
  name="$(silo_name "$n")"
  data="$STATE_DIR/$name"
  mkdir -p "$data"
  local settings=()
  mapfile -t settings < <(common_environment "$name")
  settings+=(
    "TorrentCluster__Cluster__Mode=Redis"
    "TorrentCluster__Cluster__SiloName=$name"
    # The standalone gateway serves the API; silos serve only health and metrics on their HTTP port.
    "TorrentCluster__Cluster__HostGateway=false"
    "TorrentCluster__Cluster__AdvertisedAddress=127.0.0.1"
    "TorrentCluster__Cluster__SiloPort=$(silo_orleans_port "$n")"
    "TorrentCluster__Cluster__GatewayPort=$(silo_orleans_gateway_port "$n")"
    "TorrentCluster__Engine__DataPath=$data"
    "TorrentCluster__Engine__ListenAddress=$listen_address"
    "TorrentCluster__Engine__ListenPort=$(silo_bittorrent_port "$n")"
    # The silos share one IP address, so each must accept several peers from it (they fetch from each other).
    "TorrentCluster__Engine__AllowMultipleConnectionsPerIp=true"
  )
  if [ "$listen_address" = 127.0.0.1 ]; then
    # On loopback the DHT and local discovery find nobody, and uTP is slow: off, unless the caller said otherwise.
    settings+=(
      "TorrentCluster__Engine__EnableDht=${TorrentCluster__Engine__EnableDht:-false}"
      "TorrentCluster__Engine__EnableLsd=${TorrentCluster__Engine__EnableLsd:-false}"
      "TorrentCluster__Engine__EnableUtp=${TorrentCluster__Engine__EnableUtp:-false}"
    )
  fi
  launch "$name" "$data" env "${settings[@]}" dotnet "$SILO_DLL" --urls "http://127.0.0.1:$(silo_http_port "$n")"
}

start_gateway_process() {
  local settings=()
  mapfile -t settings < <(common_environment gateway)
  settings+=("TorrentCluster__Auth__Secret=$(jwt_secret)")
  launch gateway "$STATE_DIR" env "${settings[@]}" dotnet "$GATEWAY_DLL" --urls "http://127.0.0.1:$gateway_port"
}

# --- waiting --------------------------------------------------------------------------------------------------

# The HTTP status of a GET, 000 without an answer. Readiness checks give up after 2 s themselves: 3 s lets their
# 503 arrive rather than cutting them off.
http_status() {
  curl -s -o /dev/null -m 3 -w '%{http_code}' "$1" 2>/dev/null || true
}

redis_answers() {
  # Bash's /dev/tcp, so no redis-cli is needed; in a subshell, which a refused connection ends on its own.
  # AUTH first: without it Redis answers -NOAUTH.
  (
    exec 3<>"/dev/tcp/127.0.0.1/$(redis_port)"
    printf 'AUTH %s\r\nPING\r\n' "$(redis_password)" >&3
    IFS= read -r -t 2 _ <&3
    IFS= read -r -t 2 reply <&3
    [[ "$reply" == "+PONG"* ]]
  ) 2>/dev/null
}

# Readiness of a process by name. A silo is ready when its own /readyz answers 200: that check passes only
# while the silo is Active in Orleans membership (its own entry in Redis, as every other silo and the gateway
# read it), its engine listens and Redis answers. It needs no token, unlike cluster.silos.list with auth on, and
# relies on no detail of how Orleans lays out membership in Redis. The gateway is ready when its /readyz answers
# 200: it reaches Redis and an active silo answers it.
is_ready() {
  case "$1" in
    redis) redis_answers ;;
    gateway) [ "$(http_status "http://127.0.0.1:$gateway_port/readyz")" = 200 ] ;;
    silo-*) [ "$(http_status "http://127.0.0.1:$(silo_http_port "${1#silo-}")/readyz")" = 200 ] ;;
  esac
}

# What the process said since it was last started: logs accumulate across restarts.
latest_output() {
  awk -v header="=== $1 started" 'index($0, header) == 1 { output = "" } { output = output $0 "\n" } END { printf "%s", output }' \
    "$(log_file "$1")"
}

# Why a process failed, for people: the first exception .NET reported (a busy port, a bad setting), then the last
# lines of its output.
show_failure_details() {
  local output cause
  output="$(latest_output "$1")"
  cause="$(grep -m1 -E '^[[:space:]]*(Unhandled exception\. )?[[:alnum:]_.]+Exception: ' <<<"$output" | sed 's/^[[:space:]]*//' || true)"
  [ -z "$cause" ] || echo "cause: $cause" >&2
  echo "last lines of $(log_file "$1"):" >&2
  tail -n 8 <<<"$output" | sed 's/^/  /' >&2
}

# Waits, bounded, until every named process is ready. A process that exits meanwhile fails the wait at once.
wait_until_ready() {
  local timeout="${TC_LOCAL_CLUSTER_TIMEOUT:-120}" deadline name pending
  deadline=$((SECONDS + timeout))
  while :; do
    pending=()
    for name in "$@"; do
      # Liveness by pid alone: the process was started moments ago, and until its exec the command line is still
      # this script's, so the check of running_pid would fail.
      if ! process_is_alive "$(recorded_pid "$name")"; then
        echo "error: $name exited before it was ready (log: $(log_file "$name"))" >&2
        show_failure_details "$name"
        return 1
      fi
      is_ready "$name" || pending+=("$name")
    done
    [ "${#pending[@]}" -eq 0 ] && return 0
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "error: not ready after ${timeout} s: ${pending[*]} (log: $(log_file "${pending[0]}"))" >&2
      show_failure_details "${pending[0]}"
      return 1
    fi
    sleep 1
  done
}

# --- stopping -------------------------------------------------------------------------------------------------

# SIGTERM to the named processes that run, a bounded wait for them to exit (silos save resume data on the way
# out), then SIGKILL to any left. Pid files go; logs and data stay.
stop_processes() {
  local timeout="$1" name pid deadline
  shift
  local running=()
  for name in "$@"; do
    if pid="$(running_pid "$name")"; then
      kill -TERM "$pid" 2>/dev/null || true
      running+=("$name:$pid")
    else
      echo "  $name was not running"
    fi
  done
  deadline=$((SECONDS + timeout))
  local entry
  for entry in "${running[@]}"; do
    name="${entry%%:*}"
    pid="${entry#*:}"
    while process_is_alive "$pid" && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
    if process_is_alive "$pid"; then
      echo "  $name (pid $pid) did not stop within ${timeout} s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
      wait_for_exit "$pid" 10 || echo "  $name (pid $pid) still runs after SIGKILL" >&2
    else
      echo "  $name (pid $pid) stopped"
    fi
  done
  for name in "$@"; do rm -f "$(pid_file "$name")"; done
}

wait_for_exit() {
  local pid="$1" deadline=$((SECONDS + $2))
  while process_is_alive "$pid"; do
    [ "$SECONDS" -ge "$deadline" ] && return 1
    sleep 0.1
  done
}

silo_names() {
  local n
  for ((n = 1; n <= silo_count; n++)); do silo_name "$n"; done
}

stop_cluster() {
  local names=()
  mapfile -t names < <(silo_names)
  # The gateway first, so no call reaches a silo that is leaving; Redis last, as silos write their goodbye
  # (membership, grain state) to it.
  stop_processes 30 gateway
  stop_processes 60 "${names[@]}"
  stop_processes 30 redis
}

# --- commands -------------------------------------------------------------------------------------------------

command_start() {
  # Whether a cluster runs is asked with the ports it was started with, before the environment may change them.
  read_recorded_settings
  local name pid
  while read -r name; do
    if pid="$(running_pid "$name")"; then
      fail "a cluster already runs from $STATE_DIR ($name is pid $pid); see: $SCRIPT_NAME status, or stop it first"
    fi
  done < <(all_process_names)

  load_settings_for_start
  if [ $# -gt 0 ]; then
    silo_count="$1"
  fi
  if ! [[ "$silo_count" =~ ^[0-9]+$ ]] || [ "$silo_count" -lt 1 ] || [ "$silo_count" -gt "$MAX_SILOS" ]; then
    fail "SILOS must be a number from 1 to $MAX_SILOS, not '$silo_count'"
  fi
  if [ "$base_port" -lt 1024 ] || [ "$(silo_http_port "$silo_count")" -gt 65535 ]; then
    fail "TC_LOCAL_CLUSTER_BASE_PORT $base_port leaves no room for $silo_count silos (ports $base_port to $(silo_http_port "$silo_count"))"
  fi

  ensure_prerequisites
  build_hosts_if_needed
  mkdir -p "$STATE_DIR/run" "$STATE_DIR/logs"
  record_settings
  ensure_secret_file jwt-secret
  ensure_secret_file redis-password
  local names=()
  mapfile -t names < <(silo_names)
  ensure_certificates "${names[@]}" gateway

  local started=$SECONDS
  echo "starting Redis, $silo_count silo(s) and the gateway in $STATE_DIR"
  start_redis
  wait_until_ready redis || abort_start
  local n silos=()
  # The silos start together and join as they come; the gateway's client retries until one is there.
  for ((n = 1; n <= silo_count; n++)); do
    start_silo_process "$n"
    silos+=("$(silo_name "$n")")
  done
  start_gateway_process
  wait_until_ready "${silos[@]}" gateway || abort_start
  echo "ready in $((SECONDS - started)) s"
  echo
  command_status || true
  print_first_steps
}

# A half-started cluster helps nobody: stop what this start started, keep the logs to read.
abort_start() {
  echo "stopping what was started; logs stay in $STATE_DIR/logs" >&2
  stop_cluster >&2
  exit 1
}

print_first_steps() {
  local url base
  url="$(gateway_url)"
  base="http://127.0.0.1:$gateway_port/api/v1"
  cat <<EOF

The API: $url
Create the first user (once per state folder) and log in:
  curl -s $base/auth/init -H 'Content-Type: application/json' -d '{"username":"admin","password":"s3cret-passphrase"}'; echo
  TOKEN=\$(curl -s $base/auth/login -H 'Content-Type: application/json' -d '{"username":"admin","password":"s3cret-passphrase"}' \\
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  curl -s $url -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"cluster.silos.list"}'; echo
Stop it with: $SCRIPT_NAME stop   (data stays in $STATE_DIR)
EOF
}

command_status() {
  load_settings_of_existing_cluster
  local name pid state all_running=0
  printf '%-9s %-8s %-20s %s\n' NAME PID STATE WHERE
  while read -r name; do
    if pid="$(running_pid "$name")"; then
      if is_ready "$name"; then state="running, ready"; else state="running, not ready"; fi
    else
      pid="$(recorded_pid "$name" || echo -)"
      state="not running"
      all_running=3
    fi
    printf '%-9s %-8s %-20s %s\n' "$name" "$pid" "$state" "$(describe_endpoints "$name")"
  done < <(all_process_names)
  return "$all_running"
}

describe_endpoints() {
  local n
  case "$1" in
    redis) echo "127.0.0.1:$(redis_port)" ;;
    gateway) gateway_url ;;
    silo-*)
      n="${1#silo-}"
      echo "http://127.0.0.1:$(silo_http_port "$n") orleans $(silo_orleans_port "$n")/$(silo_orleans_gateway_port "$n") bittorrent $listen_address:$(silo_bittorrent_port "$n")"
      ;;
  esac
}

command_kill_silo() {
  load_settings_of_existing_cluster
  require_silo_number "${1:-}"
  local name pid
  name="$(silo_name "$1")"
  pid="$(running_pid "$name")" || fail "$name is not running (see: $SCRIPT_NAME status)"
  kill -KILL "$pid"
  wait_for_exit "$pid" 10 || fail "$name (pid $pid) still runs 10 s after SIGKILL"
  echo "killed $name (pid $pid); the other silos declare it dead in about 15 s. Start it again with: $SCRIPT_NAME start-silo $1"
}

command_start_silo() {
  load_settings_of_existing_cluster
  require_silo_number "${1:-}"
  local name pid
  name="$(silo_name "$1")"
  if pid="$(running_pid "$name")"; then
    fail "$name already runs (pid $pid)"
  fi
  running_pid redis >/dev/null || fail "Redis of this cluster is not running: start the whole cluster with: $SCRIPT_NAME start"
  ensure_prerequisites
  build_hosts_if_needed
  ensure_certificates "$name"
  local started=$SECONDS
  start_silo_process "$1"
  if ! wait_until_ready "$name"; then
    stop_processes 30 "$name" >&2
    exit 1
  fi
  echo "$name is active again (pid $(running_pid "$name"), ready in $((SECONDS - started)) s)"
}

command_stop() {
  local purge=false
  case "${1:-}" in
    "") ;;
    --purge) purge=true ;;
    *) fail "stop takes only --purge, not '$1'" ;;
  esac
  load_settings_of_existing_cluster
  echo "stopping the cluster in $STATE_DIR"
  stop_cluster
  if [ "$purge" = true ]; then
    # Only a folder this script made: cluster.env marks it.
    [ -f "$(cluster_env_file)" ] || fail "$STATE_DIR holds no cluster.env: not deleting it"
    rm -rf "$STATE_DIR"
    echo "deleted $STATE_DIR"
  else
    echo "stopped; data, logs, certificates and secrets stay in $STATE_DIR (delete them with: $SCRIPT_NAME stop --purge)"
  fi
}

main() {
  local command="${1:-}"
  [ $# -gt 0 ] && shift
  case "$command" in
    start) [ $# -le 1 ] || fail "start takes at most one argument, the number of silos"; command_start "$@" ;;
    stop) command_stop "$@" ;;
    status) command_status ;;
    kill-silo) [ $# -eq 1 ] || fail "kill-silo takes the silo's number (see: $SCRIPT_NAME status)"; command_kill_silo "$1" ;;
    start-silo) [ $# -eq 1 ] || fail "start-silo takes the silo's number (see: $SCRIPT_NAME status)"; command_start_silo "$1" ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
