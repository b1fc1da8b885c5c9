#!/bin/bash
# How much of a read-only lioctl command is the kernel's own cost.
#
#   test/kernel/vm/run -t 3600 -- bench/read-floor.sh CONFIG.json [REPEAT] -- LIOCTL-WORDS...
#   e.g. bench/read-floor.sh bench/out/large/config.json 3 -- saveconfig savefile=/tmp/s.json
#
# Inside the VM: restores CONFIG, records the configfs calls one run of the command makes
# (strace: opens, listings, readlinks, stats), replays exactly those calls with
# bench/floor.c, and prints the median wall time of the command, of the replay and of a
# bare `node -e 0`. Restore and clear have a floor in the main benchmark; this gives one
# to ls and saveconfig, whose calls depend on what the kernel shows.
set -euo pipefail
cd "$(dirname "$0")/.."
config=$1; shift
repeat=3
if [ "${1:-}" != "--" ]; then repeat=$1; shift; fi
[ "${1:-}" = "--" ] || { echo "usage: read-floor.sh CONFIG [REPEAT] -- LIOCTL-WORDS..." >&2; exit 2; }
shift
command -v strace >/dev/null || { echo "read-floor: strace is not installed" >&2; exit 2; }

w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
cc -O2 -o "$w/floor" bench/floor.c && cc -O2 -o "$w/tm" bench/tm.c
bin/lioctl restoreconfig savefile="$config" clear_existing=true >/dev/null

bench/record-ops.sh "$w/ops" bin/lioctl "$@"

# Wall seconds of one run, timed by bench/tm.c as in the main benchmark.
seconds() { "$w/tm" "$w/res" 3600 "$@" >/dev/null 2>&1 || true; read -r t _ < "$w/res"; echo "$t"; }
median() { sort -g | awk '{ v[NR] = $1 } END { printf "%.3f", v[int((NR + 1) / 2)] }'; }
node -e 0
lio=$(for _ in $(seq "$repeat"); do seconds bin/lioctl "$@"; done | median)
floor=$(for _ in $(seq "$repeat"); do seconds "$w/floor" -i "$w/ops"; done | median)
bare=$(for _ in $(seq "$repeat"); do seconds node -e 0; done | median)
echo "lioctl $*: $lio s; its $(wc -l < "$w/ops") configfs calls from C: $floor s; node -e 0: $bare s"
echo "calls: $(cut -d' ' -f1 "$w/ops" | sort | uniq -c | awk '{ printf "%s %s  ", $2, $1 }')"
bin/lioctl clearconfig confirm=true >/dev/null
