#!/usr/bin/env bash
# screenshots.sh: make the PNGs in screenshots/ from the built-in demo.
#
#   scripts/screenshots.sh            (from anywhere in the repo)
#
# It builds targon-dash, runs `targon-dash --demo` in a private tmux server
# at 120x36 with the demo clock frozen (TARGON_DASH_DEMO_NOW), drives it with
# keys to each state, captures the pane with its colours and renders every
# capture with xterm.js in headless Chromium. The same demo data gives the
# same pictures. First use installs, pinned: Debian's tmux, nodejs, npm,
# chromium-headless-shell and fonts-dejavu-core (apt-get), and puppeteer-core
# and @xterm/xterm (npm) into ${XDG_CACHE_HOME:-~/.cache}/targon-dash-shots.
set -euo pipefail

PUPPETEER_VERSION=24.43.1
XTERM_VERSION=6.0.0
COLS=120 ROWS=36
DEMO_NOW=2026-11-23T15:04:05Z

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$repo/screenshots
deps=${XDG_CACHE_HOME:-$HOME/.cache}/targon-dash-shots/puppeteer-$PUPPETEER_VERSION-xterm-$XTERM_VERSION
say() { echo "screenshots: $*" >&2; }

# --- what it needs -----------------------------------------------------------
missing=()
command -v tmux >/dev/null || missing+=(tmux)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v chromium-headless-shell >/dev/null || missing+=(chromium-headless-shell)
fc-list 2>/dev/null | grep -q 'DejaVu Sans Mono' || missing+=(fonts-dejavu-core)
if ((${#missing[@]})); then
  say "installing ${missing[*]} with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [[ ! -f $deps/.ok ]]; then
  say "installing puppeteer-core@$PUPPETEER_VERSION and @xterm/xterm@$XTERM_VERSION into $deps"
  mkdir -p "$deps"
  (cd "$deps" && npm install --no-audit --no-fund --silent --no-save \
    "puppeteer-core@$PUPPETEER_VERSION" "@xterm/xterm@$XTERM_VERSION")
  touch "$deps/.ok"
fi

# --- build --------------------------------------------------------------------
work=$(mktemp -d)
sock=targon-dash-shots-$$
cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
say "building targon-dash"
(cd "$repo" && go build -o "$work/targon-dash" .)
mkdir -p "$work/home" "$out"

t() { tmux -L "$sock" -f /dev/null "$@"; }

# start NAME THEME: run the demo in a fresh tmux session.
start() {
  # A clean home (no credentials, no ~/.ssh) and no display, so the
  # clipboard path (OSC 52) is the same on every machine.
  t new-session -d -s "$1" -x $COLS -y $ROWS \
    "env -i PATH=\"$PATH\" HOME=\"$work/home\" TERM=xterm-256color COLORTERM=truecolor \
      TARGON_DASH_DEMO_NOW=$DEMO_NOW \"$work/targon-dash\" --demo --theme $2; sleep 86400"
  t set-option -g status off >/dev/null
  t resize-window -t "$1" -x $COLS -y $ROWS 2>/dev/null || true
}

# wait_for NAME REGEX: until the screen shows REGEX (10 s at most).
wait_for() {
  local i
  for ((i = 0; i < 200; i++)); do
    t capture-pane -p -t "$1" | grep -Eq -- "$2" && return 0
    sleep 0.05
  done
  say "timed out waiting for /$2/ in $1; the screen was:"
  t capture-pane -p -t "$1" >&2
  exit 1
}

keys() { local s=$1; shift; t send-keys -t "$s" "$@"; sleep 0.25; }
text() { t send-keys -t "$1" -l -- "$2"; sleep 0.25; }

# account NAME REGEX: open the account picker (P) and the account whose row
# matches REGEX, whatever its place in the list.
account() {
  local i
  keys "$1" P
  wait_for "$1" 'Switch account'
  for ((i = 0; i < 20; i++)); do
    if t capture-pane -p -t "$1" | grep -F '›' | grep -Eq -- "$2"; then
      keys "$1" Enter
      return 0
    fi
    keys "$1" j
  done
  say "no account matching /$2/ in the picker of $1; the screen was:"
  t capture-pane -p -t "$1" >&2
  exit 1
}

# shot NAME THEME: capture the settled screen for rendering.
jobs=()
shot() {
  sleep 0.6 # let spinners stop and toasts settle
  t capture-pane -e -p -t "$1" >"$work/$1.ans"
  jobs+=("$work/$1.ans:$out/$1.png:$2")
  t kill-session -t "$1"
  say "captured $1"
}

# --- the states ----------------------------------------------------------------
start credits dark
wait_for credits 'USD'
for _ in 1 2 3 4 5; do keys credits r; wait_for credits 'updated'; done
shot credits dark

start api-keys dark
wait_for api-keys 'USD'
keys api-keys 2
wait_for api-keys 'production-inference'
keys api-keys j j
shot api-keys dark

start api-keys-sorted dark
wait_for api-keys-sorted 'USD'
keys api-keys-sorted 2
wait_for api-keys-sorted 'production-inference'
keys api-keys-sorted j j s s
wait_for api-keys-sorted 'NAME ▲'
shot api-keys-sorted dark

start ssh-keys dark
wait_for ssh-keys 'USD'
keys ssh-keys 3
wait_for ssh-keys 'work-laptop'
shot ssh-keys dark

start new-key dark
wait_for new-key 'USD'
keys new-key 2
wait_for new-key 'production-inference'
keys new-key n
text new-key 'eval-runner'
keys new-key Enter
wait_for new-key 'copied via'
shot new-key dark

start confirm-delete dark
wait_for confirm-delete 'USD'
keys confirm-delete 2
wait_for confirm-delete 'production-inference'
keys confirm-delete j j j j j j
keys confirm-delete d
wait_for confirm-delete 'Delete API key'
shot confirm-delete dark

start help dark
wait_for help 'USD'
keys help 2
wait_for help 'production-inference'
keys help '?'
wait_for help 'Keys'
shot help dark

start ssh-add dark
wait_for ssh-add 'USD'
keys ssh-add 3
wait_for ssh-add 'work-laptop'
keys ssh-add n
text ssh-add 'deploy-laptop'
keys ssh-add Tab
text ssh-add '-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAAABG5vbmU='
keys ssh-add Enter
wait_for ssh-add 'private key'
shot ssh-add dark

start api-keys-light light
wait_for api-keys-light 'USD'
keys api-keys-light 2
wait_for api-keys-light 'production-inference'
keys api-keys-light j j
shot api-keys-light light

start credits-light light
wait_for credits-light 'USD'
for _ in 1 2 3; do keys credits-light r; wait_for credits-light 'updated'; done
shot credits-light light

# OpenRouter: the picker (P), then the demo's OpenRouter account.
start account-picker dark
wait_for account-picker 'USD'
keys account-picker P
wait_for account-picker 'demo-openrouter'
shot account-picker dark

start or-credits dark
wait_for or-credits 'USD'
account or-credits 'demo-openrouter'
wait_for or-credits 'management key'
shot or-credits dark

start or-api-keys dark
wait_for or-api-keys 'USD'
account or-api-keys 'demo-openrouter'
wait_for or-api-keys 'management key'
keys or-api-keys 2
wait_for or-api-keys 'old-prototype'
keys or-api-keys j j j j j
shot or-api-keys dark

start or-replace dark
wait_for or-replace 'USD'
account or-replace 'demo-openrouter'
wait_for or-replace 'management key'
keys or-replace 2
wait_for or-replace 'old-prototype'
keys or-replace j j j j j j j j
keys or-replace R
wait_for or-replace 'Replace API key'
shot or-replace dark

# open_or NAME: start NAME on the OpenRouter demo account's API keys (its
# two workspaces), with the keys' activity read.
open_or() {
  start "$1" dark
  wait_for "$1" 'USD'
  account "$1" 'demo-openrouter'
  wait_for "$1" 'management key'
  keys "$1" 2
  wait_for "$1" 'WORKSPACE'
}

open_or or-workspaces
shot or-workspaces dark

open_or or-workspace-picker
keys or-workspace-picker w
wait_for or-workspace-picker 'Show one workspace'
shot or-workspace-picker dark

open_or or-expiry
for _ in 1 2 3 4 5 6; do
  t capture-pane -p -t or-expiry | grep -q 'STATE ▲' && break
  keys or-expiry s
done
wait_for or-expiry 'STATE ▲'
shot or-expiry dark

open_or or-key-details
keys or-key-details /
text or-key-details 'production-chat'
keys or-key-details Enter Enter
wait_for or-key-details 'Top models'
keys or-key-details G
shot or-key-details dark

open_or or-credits-history
keys or-credits-history 1
wait_for or-credits-history 'Top keys'
shot or-credits-history dark
# Targon v3: the demo's v3 account, acting in the team organization acme.
start v3-credits dark
wait_for v3-credits 'USD'
account v3-credits 'demo-v3 .* acme'
wait_for v3-credits 'Organizations'
wait_for v3-credits '\(personal\).*USD'
shot v3-credits dark

start v3-api-tokens dark
wait_for v3-api-tokens 'USD'
account v3-api-tokens 'demo-v3 .* acme'
wait_for v3-api-tokens 'Organizations'
keys v3-api-tokens 2
wait_for v3-api-tokens 'production-inference'
keys v3-api-tokens j j
shot v3-api-tokens dark

start v3-service-tokens dark
wait_for v3-service-tokens 'USD'
account v3-service-tokens 'demo-v3 .* acme'
wait_for v3-service-tokens 'Organizations'
keys v3-service-tokens 4
wait_for v3-service-tokens 'grafana-exporter'
shot v3-service-tokens dark

# --- render ----------------------------------------------------------------------
say "rendering ${#jobs[@]} screenshots"
DEPS=$deps CHROME=$(command -v chromium-headless-shell) \
  node "$repo/scripts/render-ansi.mjs" --cols $COLS --rows $ROWS --scale 2 "${jobs[@]}"
say "done: $out"
