#!/usr/bin/env bash
# perf-trial.sh: the timed trial of DESIGN.md's "Performance targets", in one run.
#
#   scripts/perf-trial.sh            (from anywhere in the repo)
#
# It builds targon-dash into a temporary directory and starts two demo
# servers on loopback, 50 ms per request: `targon-dash demo-server` with a
# big Targon account (10,000 extra API keys and 10,000 extra SSH keys) and
# `targon-dash demo-server --provider openrouter` with 10,000 extra keys.
# Against them:
#
#   1. `go run ./internal/perftrial` times, for Targon, a sequential walk of
#      both lists (one connection, one page at a time) and the dashboard's
#      own loader (the real root model, headless), and prints both, their
#      ratio (target ≤ 0.55; 0.50 is the floor), and the bytes and time of
#      one cursor move. For OpenRouter it times a sequential offset walk of
#      GET /keys over every workspace (one connection) against the
#      dashboard's loader (the real root model on an OpenRouter account):
#      ratio target ≤ 0.2, at most 8 list requests in flight, no page asked
#      for twice; then the same against the simulator in its own process
#      with 10,000 keys over three workspaces: ratio target ≤ 0.25.
#   2. The real binary runs in a private tmux server at 120x36 with an empty
#      HOME; once the API-keys view shows every key and the SSH-keys view
#      too, its VmRSS and VmHWM are read from /proc (target ≤ 40 MB). Without
#      tmux this part is skipped.
#
# Everything ends in one block on stdout; progress goes to stderr. It stops
# what it started (the demo servers by their PIDs, the tmux server by its socket
# name) and exits 1 when a target is missed or something fails.
# Knobs (environment): ROUNDS (3), API_KEYS (10000), SSH_KEYS (10000),
# OR_KEYS (10000, the OpenRouter account's extra keys), LATENCY (50ms).
set -euo pipefail

# grouped writes a whole number with thousands separators, as the dashboard
# does ("10,008"), without depending on the machine's locales.
grouped() {
  local n=$1 out=""
  while [ ${#n} -gt 3 ]; do
    out=",${n: -3}$out"
    n=${n:0:${#n}-3}
  done
  echo "$n$out"
}

ROUNDS=${ROUNDS:-3}
API_KEYS=${API_KEYS:-10000}
SSH_KEYS=${SSH_KEYS:-10000}
OR_KEYS=${OR_KEYS:-10000}
LATENCY=${LATENCY:-50ms}
COLS=120 ROWS=36
RSS_TARGET_MB=40
DEMO_API_KEYS=8 DEMO_SSH_KEYS=5 # the demo account's own keys

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
say() { echo "perf-trial: $*" >&2; }

# --- cleanup: only what this script started ----------------------------------
work=$(mktemp -d)
server_pid=
or_pid=
sock=perf-$$
tmux_started=
cleanup() {
  if [[ -n $tmux_started ]]; then tmux -L "$sock" kill-server 2>/dev/null || true; fi
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [[ -n $or_pid ]] && kill -0 "$or_pid" 2>/dev/null; then
    kill "$or_pid" 2>/dev/null || true
    wait "$or_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- the machine ----------------------------------------------------------------
cpu=$(grep -m1 '^model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
machine="$(nproc) CPUs, ${cpu:-unknown CPU}, $(go version | cut -d' ' -f3-)"

# --- build and start the demo servers -------------------------------------------
# await_demo STEM PID WHAT URL_NAME KEY_NAME waits for the demo server PID
# (WHAT in messages) to print its first two lines to $work/STEM.out,
# URL_NAME=... and KEY_NAME=..., and sets demo_url and demo_key from them. If
# the server ends first or prints neither, it shows $work/STEM.err and exits.
await_demo() {
  local stem=$1 pid=$2 what=$3 url_name=$4 key_name=$5
  for _ in $(seq 150); do
    [[ $(wc -l <"$work/$stem.out") -ge 2 ]] && break
    kill -0 "$pid" 2>/dev/null || { say "$what exited:"; cat "$work/$stem.err" >&2; exit 1; }
    sleep 0.1
  done
  demo_url=$(sed -n "s/^$url_name=//p" "$work/$stem.out")
  demo_key=$(sed -n "s/^$key_name=//p" "$work/$stem.out")
  if [[ -z $demo_url || -z $demo_key ]]; then
    say "$what did not print $url_name and $key_name"
    cat "$work/$stem.err" >&2
    exit 1
  fi
}

say "building targon-dash"
(cd "$repo" && go build -o "$work/targon-dash" .)

say "starting demo-server: +$API_KEYS API keys, +$SSH_KEYS SSH keys, $LATENCY per request"
"$work/targon-dash" demo-server --listen 127.0.0.1:0 \
  --api-keys "$API_KEYS" --ssh-keys "$SSH_KEYS" --latency "$LATENCY" \
  >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
await_demo server "$server_pid" demo-server TARGON_BASE_URL TARGON_API_KEY
base_url=$demo_url api_key=$demo_key

say "starting demo-server --provider openrouter: +$OR_KEYS keys, $LATENCY per request"
"$work/targon-dash" demo-server --provider openrouter --listen 127.0.0.1:0 \
  --api-keys "$OR_KEYS" --latency "$LATENCY" \
  >"$work/or.out" 2>"$work/or.err" &
or_pid=$!
await_demo or "$or_pid" "demo-server --provider openrouter" OPENROUTER_BASE_URL OPENROUTER_MANAGEMENT_KEY
or_url=$demo_url or_key=$demo_key

# --- 1. sequential walk vs the dashboard's loader -------------------------------
say "running the trial ($ROUNDS rounds per provider; each is a sequential walk and a dashboard load)"
trial_rc=0
(cd "$repo" && TARGON_BASE_URL=$base_url TARGON_API_KEY=$api_key \
  OPENROUTER_BASE_URL=$or_url OPENROUTER_MANAGEMENT_KEY=$or_key \
  go run ./internal/perftrial --rounds "$ROUNDS" --width "$COLS" --height "$ROWS") \
  >"$work/trial.out" || trial_rc=$?
if ! grep -q '^perftrial:' "$work/trial.out" || ! grep -q '^perftrial (OpenRouter):' "$work/trial.out"; then
  say "the trial failed (exit status $trial_rc)"
  exit 1
fi

# --- 2. resident memory of the real binary -------------------------------------
rss_report=()
rss_ok=1

# wait_for TEXT: poll the pane until it shows TEXT (60 s at most).
t() { tmux -L "$sock" -f /dev/null "$@"; }
wait_for() {
  for _ in $(seq 600); do
    [[ $(t capture-pane -p -t dash) == *"$1"* ]] && return 0
    sleep 0.1
  done
  say "the dashboard never showed \"$1\"; the pane:"
  t capture-pane -p -t dash >&2 || true
  return 1
}

if ! command -v tmux >/dev/null; then
  rss_report+=("  RSS: skipped (tmux is not installed)")
else
  # The list's top line writes counts with thousands separators.
  want_api="$(grouped $((API_KEYS + DEMO_API_KEYS))) API keys"
  want_ssh="$(grouped $((SSH_KEYS + DEMO_SSH_KEYS))) SSH keys"
  mkdir -p "$work/home"
  say "starting the dashboard in tmux (-L $sock) and waiting for \"$want_api\" and \"$want_ssh\""
  # The pane execs the binary, so the pane's PID is the dashboard's. A clean
  # HOME (no credentials, no preferences); the key comes in the environment.
  tmux_started=1
  t new-session -d -s dash -x "$COLS" -y "$ROWS" \
    -e "TARGON_BASE_URL=$base_url" -e "TARGON_API_KEY=$api_key" \
    -e "HOME=$work/home" -e "XDG_CONFIG_HOME=$work/home/.config" \
    "exec env -u TARGON_PROFILE -u NO_COLOR $(printf %q "$work/targon-dash") --theme dark"
  pid=$(t list-panes -t dash -F '#{pane_pid}')
  t send-keys -t dash 2
  wait_for "$want_api"
  t send-keys -t dash 3
  wait_for "$want_ssh"
  comm=$(cat "/proc/$pid/comm")
  if [[ $comm != targon-dash ]]; then
    say "pane PID $pid is $comm, not targon-dash"
    exit 1
  fi
  # /proc/PID/status gives kB (KiB); MB here is 10^6 bytes.
  kb() { awk -v k="$1" '$1 == k":" { print $2 }' "/proc/$pid/status"; }
  rss=$(kb VmRSS) hwm=$(kb VmHWM)
  mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb * 1024 / 1e6 }'; }
  verdict=PASS
  if ! awk -v kb="$hwm" -v t="$RSS_TARGET_MB" 'BEGIN { exit !(kb * 1024 / 1e6 <= t) }'; then
    verdict=MISS rss_ok=0
  fi
  rss_report+=("  real binary      $want_api and $want_ssh shown, ${COLS}x${ROWS} tmux pane")
  rss_report+=("  memory           VmRSS $(mb "$rss") MB, VmHWM (peak) $(mb "$hwm") MB   (target ≤ $RSS_TARGET_MB MB)   $verdict")
  t send-keys -t dash q
fi

# --- the report ------------------------------------------------------------------
echo "=== targon-dash performance trial ==="
echo "  machine          $machine"
echo "  demo-server      +$API_KEYS API keys, +$SSH_KEYS SSH keys, $LATENCY per request, loopback"
echo "  demo-server      --provider openrouter, +$OR_KEYS keys, $LATENCY per request, loopback"
echo "  in process       the OpenRouter simulator, 10000 keys over 3 workspaces, 50ms per request, loopback"
sed 's/^/  /' "$work/trial.out"
printf '%s\n' "${rss_report[@]}"

if grep -q MISS "$work/trial.out" || ((!rss_ok)); then
  echo "=== a target was missed ==="
  exit 1
fi
echo "=== every target met ==="
