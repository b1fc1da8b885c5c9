#!/bin/bash
# Measure targetcli-fb, lioctl and the kernel floor in one VM run.
#
#   bench/in-vm.sh OUTDIR SIZE...      (bench/run.sh starts it in the VM)
#
# OUTDIR holds what bench/run.sh prepared on the host, per SIZE: config.json
# and ops/*.ops (the config), one.json and one-ops/*.ops (its first target
# alone), expect (the counts a restore must produce) and iqn (first target).
# Each measurement appends one line to OUTDIR/raw.tsv:
#   size  op  tool  status  seconds  runs  max_rss_kb  note
# (status ok, failed, timeout or skipped; seconds is the median of the runs).
# Facts about the run go to OUTDIR/meta.txt. A failing command never stops
# the run: its cell says so and the state is reset for the next measurement.
#
# Environment:
#   BENCH_REPEAT=3          runs of each short operation (median taken)
#   BENCH_START_ROUNDS      rounds of the start-up commands (3 × BENCH_REPEAT)
#   BENCH_CYCLES            restore+clear cycles per tool (3; 1 for large)
#   BENCH_LONG=60           a run longer than this (s) is not repeated
#   BENCH_TIMEOUT=1800      limit for one command (s)
#   BENCH_TC_BUDGET=900     limit for one targetcli command (s). Past it in
#                           a read-only command or LUN create, targetcli's
#                           later commands at that size are skipped. Its
#                           restore and clear are skipped where the restore
#                           is estimated over it (a smaller size's time
#                           scaled by the number of ops: a lower bound).
#   BENCH_SKIP_TARGETCLI    sizes to run without targetcli, e.g. "large"
#   BENCH_LIOCTL            lioctl command (run.sh: its snapshot of bin/ and dist/)
#   BENCH_SKIP_TARGETCLID   sizes to run without targetclid (targetcli's daemon)
set -u
OUT=$(cd "$1" && pwd) || exit 2
shift
SIZES=("$@")

CFS=/sys/kernel/config/target
W=/tmp/bench                      # the guest's tmpfs: nothing timed touches 9p
REPEAT=${BENCH_REPEAT:-3}
START_ROUNDS=${BENCH_START_ROUNDS:-$((3 * REPEAT))}
LONG=${BENCH_LONG:-60}
TIMEOUT=${BENCH_TIMEOUT:-1800}
TC_BUDGET=${BENCH_TC_BUDGET:-900}
LIOCTL=${BENCH_LIOCTL:-$PWD/bin/lioctl}
RAW=$OUT/raw.tsv
HERE=$(cd "$(dirname "$0")" && pwd)

T_START=$EPOCHSECONDS
log() { printf '[%4ds] %s\n' $((EPOCHSECONDS - T_START)) "$*" >&2; }
die() { log "$*"; exit 1; }

mkdir -p "$W"
: > "$RAW"
: > "$OUT/errors.log"
cc -O2 -o "$W/floor" "$HERE/floor.c" && cc -O2 -o "$W/tm" "$HERE/tm.c" || die "cannot compile floor.c, tm.c"
FLOOR=$W/floor
TM=$W/tm
for s in "${SIZES[@]}"; do cp -r "$OUT/$s" "$W/$s" || die "no $OUT/$s: run bench/run.sh"; done

longer() { awk -v t="$1" -v l="$LONG" 'BEGIN { exit !(t > l) }'; }

# --- measuring ------------------------------------------------------------------

# timed CMD...: one run under tm. Sets T (s), RSS (kB), RC, ERR (last stderr line).
timed() {
    rm -f "$W/res"
    "$TM" "$W/res" "$LIMIT" "$@" > "$W/out.txt" 2> "$W/err.txt"
    read -r T RSS RC < "$W/res" || { T=0 RSS=0 RC=125; }
    # The line that says what went wrong: an error line if there is one (a
    # crash trace ends with node's version, not with the error), else the last.
    # targetcli prints some errors on stdout, hence the fallback.
    ERR=$({ grep -m1 -E '(Error|error)\b' "$W/err.txt" || cat "$W/err.txt" "$W/out.txt" | grep -v '^[[:space:]]*$' | tail -n 1; } | tr '\t' ' ' | cut -c1-200)
}

# Accumulators keyed "size|op|tool": run times, peak RSS, why it failed.
declare -A ACC_T ACC_RSS ACC_FAIL ACC_NOTE
acc_add() {
    local k=$1
    if [ "$RC" = 0 ]; then
        ACC_T[$k]+="$T "
        [ "${ACC_RSS[$k]:-0}" -ge "$RSS" ] || ACC_RSS[$k]=$RSS
    elif [ "$RC" = 124 ]; then
        ACC_FAIL[$k]="timeout: over $LIMIT s"
    else
        ACC_FAIL[$k]="exit $RC: $ERR"
    fi
    # Whole stderr of failures, for whoever fixes them.
    [ "$RC" = 0 ] || { echo "== $k: exit $RC"; head -n 60 "$W/err.txt"; tail -n 5 "$W/out.txt"; } >> "$OUT/errors.log"
}

# record KEY: the raw.tsv line for one cell.
record() {
    local k=$1 size op tool status secs n note
    IFS='|' read -r size op tool <<< "$k"
    local times=(${ACC_T[$k]:-})
    n=${#times[@]}
    secs=$(printf '%s\n' "${times[@]}" | sort -g | awk 'NF { a[++n] = $1 } END {
        if (n % 2) print a[(n + 1) / 2]; else if (n) printf "%.4f\n", (a[n / 2] + a[n / 2 + 1]) / 2 }')
    note=${ACC_FAIL[$k]:-${ACC_NOTE[$k]:-}}
    case ${ACC_FAIL[$k]:-} in
        timeout*) status=timeout ;;
        skipped*) status=skipped ;;
        ?*) status=failed ;;
        *) if [ "$n" -gt 0 ]; then status=ok; else status=skipped; fi ;;
    esac
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$op" "$tool" "$status" "$secs" "$n" "${ACC_RSS[$k]:-}" "$note" >> "$RAW"
    log "$size | $op | $tool: $status${secs:+ $secs s (n=$n)}${note:+ - $note}"
}

# repeat KEY AFTER CMD...: up to REPEAT runs, AFTER (untimed) after each.
# A failing or long run is not repeated.
repeat() {
    local k=$1 after=$2 i
    shift 2
    for ((i = 0; i < REPEAT; i++)); do
        timed "$@"
        acc_add "$k"
        # An ls that exits 0 but prints half the tree must not pass unseen.
        case $k in *"|floor" | *"|port" | *"|node") ;; *"|ls"*) [ "$RC" != 0 ] || ACC_NOTE[$k]="$(wc -l < "$W/out.txt") lines of output" ;; esac
        $after
        [ "$RC" = 0 ] || break
        longer "$T" && break
    done
    record "$k"
}

# cli TOOL ARGS...: CMD for a targetcli-compatible CLI, and its time limit.
cli() {
    local tool=$1
    shift
    case $tool in
        targetcli) CMD=(targetcli "$@") LIMIT=$TC_BUDGET ;;
        lioctl) CMD=("$LIOCTL" "$@") LIMIT=$TIMEOUT ;;
        # targetcli as a client of targetclid: its own prefs say auto_use_daemon=true
        targetclid) CMD=(env "TARGETCLI_HOME=$TCD_HOME" targetcli "$@") LIMIT=$TC_BUDGET ;;
    esac
}

# --- targetclid -----------------------------------------------------------------
# targetcli's daemon holds one shell and answers clients over /var/run/targetclid.sock.
# It reads configfs once, when it starts, so it is started on the state it is to answer
# about and stopped after. Its clients have a TARGETCLI_HOME of their own, whose prefs
# say auto_use_daemon=true; targetcli's own prefs stay as they were (one-shot).
TCD_HOME=$W/targetclid-home
TCD_SOCK=/var/run/targetclid.sock
TCD_PID=
TCD_FAIL=
tcd_start() {
    TCD_FAIL=
    if ! command -v targetclid > /dev/null; then TCD_FAIL="skipped: targetclid is not installed"; return 1; fi
    rm -f "$TCD_SOCK"
    targetclid > "$W/targetclid.log" 2>&1 &
    TCD_PID=$!
    local i
    for ((i = 0; i < 1200; i++)); do
        [ -S "$TCD_SOCK" ] && break
        kill -0 "$TCD_PID" 2> /dev/null || break
        sleep 0.5
    done
    if [ ! -S "$TCD_SOCK" ]; then
        TCD_FAIL="failed: targetclid did not open $TCD_SOCK: $(tail -n 1 "$W/targetclid.log")"
        tcd_stop
        return 1
    fi
    # It answers, and about this state: its ls / has about the lines lioctl's has.
    local lines
    lines=$(env "TARGETCLI_HOME=$TCD_HOME" targetcli ls / 2>&1 | wc -l)
    if [ $((2 * lines)) -lt "${1:-2}" ]; then
        TCD_FAIL="failed: targetclid answered ls / with $lines lines, lioctl with ${1:-2}"
        tcd_stop
        return 1
    fi
    log "targetclid $TCD_PID answers ($lines lines)"
}
tcd_stop() {
    [ -n "$TCD_PID" ] || return 0
    kill "$TCD_PID" 2> /dev/null
    wait "$TCD_PID" 2> /dev/null
    TCD_PID=
    rm -f "$TCD_SOCK"
}
trap tcd_stop EXIT

# measure OP TOOL AFTER ARGS...: a CLI command at the current size, repeated.
# Once targetcli has blown its budget at a size, its later cells say skipped.
TC_SKIP=
measure() {
    local op=$1 tool=$2 after=$3 k="$size|$1|$2"
    shift 3
    if [ "$tool" = targetcli ] && [ -n "$TC_SKIP" ]; then
        ACC_FAIL[$k]=$TC_SKIP
        record "$k"
        return
    fi
    cli "$tool" "$@"
    repeat "$k" "$after" "${CMD[@]}"
    [ "$tool" != targetcli ] || [ "$RC" != 124 ] || TC_SKIP="skipped: targetcli $op exceeded the ${TC_BUDGET} s budget"
}

# read_floor OP ARGS...: the floor of a read-only command. The configfs calls
# one `lioctl ARGS` makes, recorded with strace and replayed from C (floor -i:
# the calls that failed for lioctl fail again and cost the same). The same
# calls through node:fs alone (cells "node": the least any Node.js program
# making them one at a time costs) and through lioctl's own configfs port
# (cells "port") show what Node.js and the port add to them.
LIBRARY=$(dirname "$LIOCTL")/../dist/index.mjs
read_floor() {
    local op=$1 k="$size|$1|floor"
    shift
    if ! command -v strace > /dev/null; then
        ACC_FAIL[$k]="skipped: strace is not installed"
        record "$k"
        return
    fi
    if ! "$HERE/record-ops.sh" "$W/read.ops" "$LIOCTL" "$@"; then
        ACC_FAIL[$k]="failed: lioctl $* failed under strace, so there are no calls to replay"
        record "$k"
        return
    fi
    ACC_NOTE[$k]="$(wc -l < "$W/read.ops") configfs calls"
    LIMIT=$TIMEOUT
    repeat "$k" : "$FLOOR" -i "$W/read.ops"
    repeat "$size|$op|node" : node "$HERE/port-replay.mjs" node:fs "$W/read.ops"
    [ ! -f "$LIBRARY" ] || repeat "$size|$op|port" : node "$HERE/port-replay.mjs" "$LIBRARY" "$W/read.ops"
}

# --- state ------------------------------------------------------------------------

live() { node "$HERE/check.mjs" live; }
EMPTY="so=0 so_enabled=0 targets=0 tpgs=0 tpgs_enabled=0 luns=0 portals=0 acls=0 chap=0 mluns=0"

# Tear down whatever is configured, whatever its names and aliases (untimed).
reset() {
    node "$HERE/gen-ops.mjs" --live-clear > "$W/reset.ops"
    "$FLOOR" -k "$W/reset.ops" 2> /dev/null
    local now
    now=$(live)
    [ "$now" = "$EMPTY" ] || die "cannot get back to an empty config: $now"
}

# Untimed floor replay that must succeed: it builds the state others read.
setup() { "$FLOOR" "$1" || { log "setup $1 failed"; reset; return 1; }; }

# del_lun TPG_DIR LUN: remove a LUN made by any tool, and its mapped LUNs.
del_lun() {
    node "$HERE/gen-ops.mjs" --live-dellun "$1" "$2" > "$W/dellun.ops"
    "$FLOOR" -k "$W/dellun.ops"
}

# Neither tool asks tcmu-runner: the guest has it installed, and its D-Bus activation
# would make every `ls` of both tools also ask the bus (and list user:<handler>
# backstores), which the floors' configfs calls do not cover. As in the kernel tests.
TCMU_ACTIVATION=/usr/share/dbus-1/system-services
if [ -f "$TCMU_ACTIVATION/org.kernel.TCMUService1.service" ]; then
    mount -t tmpfs -o mode=755 tmpfs "$TCMU_ACTIVATION" &&
        busctl --system call org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus ReloadConfig > /dev/null ||
        die "cannot hold tcmu-runner's bus activation"
fi
pkill -x tcmu-runner 2> /dev/null || true

# --- meta -------------------------------------------------------------------------

{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "kernel: $(uname -r)"
    echo "targetcli: $(targetcli --version 2>&1 | grep -o 'version .*' | head -n 1)"
    echo "lioctl: $("$LIOCTL" --version 2>&1 | head -n 1)"
    echo "node: $(node --version)"
    echo "cc: $(cc --version | head -n 1)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) vCPUs, ${BENCH_ACCEL:-tcg}"
    echo "memory: $(awk '/MemTotal/ { printf "%d MiB", $2 / 1024 }' /proc/meminfo)"
    echo "settings: repeat=$REPEAT, long=${LONG} s, timeout=${TIMEOUT} s, targetcli budget=${TC_BUDGET} s"
    echo "tcmu-runner: not running, not started on demand (neither tool asks D-Bus)"
} > "$OUT/meta.txt"

# The iSCSI fabric directory is registered once, as at boot: no tool pays for it.
mkdir -p "$CFS/iscsi"
reset

# Warm the page cache (the root filesystem is 9p) so no tool pays for coming first.
node -e 0
"$LIOCTL" --version > /dev/null 2>&1
"$LIOCTL" ls > /dev/null 2>&1
targetcli ls > /dev/null 2>&1

# targetclid's clients: auto_use_daemon=true in prefs of their own, set while the
# config is empty (one-shot targetcli reads all of configfs first).
mkdir -p "$TCD_HOME"
TARGETCLI_HOME=$TCD_HOME targetcli set global auto_use_daemon=true > /dev/null 2>&1 ||
    log "cannot set auto_use_daemon in $TCD_HOME"

# --- start-up ---------------------------------------------------------------------

size=start
# A second or two each: measured in rounds, one run of each command per round, so that
# a slow minute of the VM weighs on all of them alike rather than on one cell.
START_CELLS=("node -e 0|node" "--version|lioctl" "ls (empty config)|lioctl" "--version|targetcli" "ls (empty config)|targetcli")
for ((r = 0; r < START_ROUNDS; r++)); do
    for cell in "${START_CELLS[@]}"; do
        IFS='|' read -r op tool <<< "$cell"
        case $op in
            "node -e 0") CMD=(node -e 0) LIMIT=$TIMEOUT ;;
            --version) cli "$tool" --version ;;
            *) cli "$tool" ls ;;
        esac
        timed "${CMD[@]}"
        acc_add "start|$cell"
    done
done
for cell in "${START_CELLS[@]}"; do record "start|$cell"; done

# --- per size ---------------------------------------------------------------------

declare -A TC_RESTORE   # size -> targetcli's fastest restore (s), for estimates
ops_lines() { wc -l < "$W/$1/ops/restore.ops"; }

for size in "${SIZES[@]}"; do
    D=$W/$size
    IQN=$(cat "$D/iqn")
    TPG=$CFS/iscsi/$IQN/tpgt_1
    EXPECT=$(cat "$D/expect")
    CYCLES=${BENCH_CYCLES:-$([ "$size" = large ] && echo 1 || echo 3)}
    log "== $size: $EXPECT"

    TC_SKIP=
    case ",${BENCH_SKIP_TARGETCLI:-}," in *",$size,"*) TC_SKIP="skipped: BENCH_SKIP_TARGETCLI" ;; esac
    # An estimate over budget skips targetcli's restore and clear only: the
    # read-only cells run on a state the floor builds.
    TC_RESTORE_SKIP=$TC_SKIP
    # From the largest size measured so far: a small one's time is mostly start-up,
    # which does not grow with the config.
    prev=
    for p in "${!TC_RESTORE[@]}"; do
        [ -n "$prev" ] && [ "$(ops_lines "$p")" -le "$(ops_lines "$prev")" ] || prev=$p
    done
    if [ -n "$prev" ] && [ -z "$TC_RESTORE_SKIP" ]; then
        est=$(awk -v t="${TC_RESTORE[$prev]}" -v a="$(ops_lines "$prev")" -v b="$(ops_lines "$size")" 'BEGIN { printf "%d", t * b / a }')
        [ "$est" -le "$TC_BUDGET" ] ||
            TC_RESTORE_SKIP="skipped: restoreconfig estimated at ${est} s or more (from $prev), over the ${TC_BUDGET} s budget"
    fi

    # restoreconfig from empty, then clearconfig, CYCLES times per tool.
    # floor8: the same calls side by side (floor -j 8), what a tool that runs
    # independent calls at once could reach.
    # floormin: the floor without the calls lioctl does not need to make (a LUN's ALUA
    # group written as the default group it is already in), issue 27's floor;
    # floormin8 the same side by side.
    grep -v '/alua_tg_pt_gp default_tg_pt_gp$' "$D/ops/restore.ops" > "$D/ops/restore-min.ops"
    for tool in floor floor8 floormin floormin8 lioctl targetcli; do
        kr="$size|restoreconfig|$tool" kc="$size|clearconfig|$tool"
        if [ $tool = targetcli ] && [ -n "$TC_RESTORE_SKIP" ]; then
            ACC_FAIL[$kr]=$TC_RESTORE_SKIP ACC_FAIL[$kc]=$TC_RESTORE_SKIP
            record "$kr"
            record "$kc"
            continue
        fi
        for ((c = 0; c < CYCLES; c++)); do
            if [ $tool = floor ]; then CMD=("$FLOOR" "$D/ops/restore.ops") LIMIT=$TIMEOUT
            elif [ $tool = floor8 ]; then CMD=("$FLOOR" -j 8 "$D/ops/restore.ops") LIMIT=$TIMEOUT
            elif [ $tool = floormin ]; then CMD=("$FLOOR" "$D/ops/restore-min.ops") LIMIT=$TIMEOUT
            elif [ $tool = floormin8 ]; then CMD=("$FLOOR" -j 8 "$D/ops/restore-min.ops") LIMIT=$TIMEOUT
            else cli $tool restoreconfig "savefile=$D/config.json"
            fi
            timed "${CMD[@]}"
            acc_add "$kr"
            if [ "$RC" = 0 ] && [ "$(live)" != "$EXPECT" ]; then ACC_FAIL[$kr]="exit 0, but configfs has $(live)"; fi
            if [ -n "${ACC_FAIL[$kr]:-}" ]; then
                ACC_NOTE[$kc]="not measured: restoreconfig failed"
                reset
                break
            fi
            restore_t=$T
            if [ $tool = floor ] || [ $tool = floormin ]; then CMD=("$FLOOR" "$D/ops/clear.ops")
            elif [ $tool = floor8 ] || [ $tool = floormin8 ]; then CMD=("$FLOOR" -j 8 "$D/ops/clear.ops")
            else cli $tool clearconfig confirm=true
            fi
            timed "${CMD[@]}"
            acc_add "$kc"
            if [ "$RC" = 0 ] && [ "$(live)" != "$EMPTY" ]; then ACC_FAIL[$kc]="exit 0, but configfs has $(live)"; fi
            [ -z "${ACC_FAIL[$kc]:-}" ] || { reset; break; }
            longer "$restore_t" && break
        done
        record "$kr"
        record "$kc"
        # A restore over budget skips nothing else: the read-only commands
        # below run on a state the floor builds.
        if [ $tool = targetcli ] && [ -z "${ACC_FAIL[$kr]:-}" ]; then
            TC_RESTORE[$size]=$(printf '%s\n' ${ACC_T[$kr]} | sort -g | head -n 1)
        fi
    done

    # Read-only commands on a state the floor builds (untimed), so they are
    # measured even where a tool's own restore failed.
    setup "$D/ops/restore.ops" || continue
    for tool in lioctl targetcli; do
        measure "ls /" $tool : ls /
        measure saveconfig $tool : saveconfig "savefile=$W/save-$tool.json"
        [ ! -f "$W/save-$tool.json" ] || cp "$W/save-$tool.json" "$OUT/$size/save-$tool.json"
    done
    read_floor "ls /" ls /
    read_floor saveconfig saveconfig "savefile=$W/save-floor.json"

    # targetclid, started on this state (untimed: it reads configfs once, at its start).
    case ",${BENCH_SKIP_TARGETCLID:-}," in *",$size,"*) TCD_FAIL="skipped: BENCH_SKIP_TARGETCLID" ;; *) tcd_start "$("$LIOCTL" ls / 2> /dev/null | wc -l)" ;; esac
    for op in "ls /" saveconfig; do
        k="$size|$op|targetclid"
        if [ -n "$TCD_FAIL" ]; then ACC_FAIL[$k]=$TCD_FAIL; record "$k"; continue; fi
        if [ "$op" = "ls /" ]; then measure "$op" targetclid : ls /
        else measure "$op" targetclid : saveconfig "savefile=$W/save-targetclid.json"
        fi
    done
    tcd_stop
    [ ! -f "$W/save-targetclid.json" ] || cp "$W/save-targetclid.json" "$OUT/$size/save-targetclid.json"

    # A shell session (lines on stdin): what each further line costs once lioctl has
    # started. "shell: pwd" is a session of one pwd; the other cells add lines to it.
    # A further `ls /` is what the fifth session costs over the second, a fourth of it:
    # the first `ls /` of a session also compiles what the code cache left out.
    printf 'pwd\n' > "$W/shell-base.txt"
    { echo pwd; echo "ls /"; } > "$W/shell-ls1.txt"
    { echo pwd; for i in 1 2 3 4 5; do echo "ls /"; done; } > "$W/shell-ls5.txt"
    { echo pwd; for i in $(seq 50); do echo "cd /iscsi/$IQN/tpg1/acls"; echo pwd; echo "cd /"; echo help; done; } > "$W/shell-cd.txt"
    LIMIT=$TIMEOUT
    for cell in "base|shell: pwd" "ls1|shell: pwd, ls /" "ls5|shell: pwd, 5 × ls /" "cd|shell: pwd, 50 × (cd, pwd, cd /, help)"; do
        IFS='|' read -r f op <<< "$cell"
        repeat "$size|$op|lioctl" : bash -c '"$1" < "$2"' shell "$LIOCTL" "$W/shell-$f.txt"
    done

    # Tab completion in the interactive shell (bench/tab-complete.py on a pseudo-terminal,
    # the shell's start untimed): the median of 10 Tabs from the key to the shell's answer,
    # a path in the first TPG, then an ACL's name in its list (completed with its "/").
    acl=$(ls "$TPG/acls" | head -n 1)
    for cell in "tpg1/ac|shell: Tab completes tpg1/ac" "tpg1/acls/$acl|shell: Tab completes an ACL's path"; do
        IFS='|' read -r typed op <<< "$cell"
        k="$size|$op|lioctl"
        if out=$(timeout "$TIMEOUT" /usr/bin/python3 "$HERE/tab-complete.py" 10 "cd /iscsi/$IQN/$typed" "$LIOCTL" 2> "$W/err.txt"); then
            read -r T n <<< "$out"
            ACC_T[$k]="$T " ACC_NOTE[$k]="median of $n Tabs"
        else
            ACC_FAIL[$k]="failed: $(tail -n 1 "$W/err.txt" | cut -c1-200)"
        fi
        record "$k"
    done

    # One LUN into the full config, then into its first target alone: the
    # same TPG, so the same mapped LUNs are made (targetcli maps a new LUN
    # into every ACL); only the rest of the config differs. The same for a
    # one-shot ls of that TPG. Each tool's full and alone cells are measured
    # next to each other, on either side of the switch, so that the VM's pace
    # changes as little as possible between them: targetcli first, then
    # lioctl, in the full config; lioctl first in the alone one.
    for variant in full alone; do
        if [ $variant = alone ]; then
            "$FLOOR" "$D/ops/clear.ops" || reset
            OPS=$D/one-ops
            setup "$OPS/restore.ops" || continue
            suffix=", first target alone"
            tools=(lioctl targetcli)
        else
            OPS=$D/ops
            suffix=
            tools=(targetcli lioctl)
        fi
        setup "$OPS/extra.ops" || continue
        next_lun=$(ls "$TPG/lun" | wc -l)   # LUNs are 0..n-1: the new one is n
        LIMIT=$TIMEOUT
        repeat "$size|create LUN$suffix|floor" "$FLOOR $OPS/dellun.ops" "$FLOOR" "$OPS/addlun.ops"
        for tool in "${tools[@]}"; do
            if [ $variant = alone ]; then measure "ls of one TPG$suffix" $tool : "/iscsi/$IQN/tpg1" ls; fi
            measure "create LUN$suffix" $tool "del_lun $TPG $next_lun" "/iscsi/$IQN/tpg1/luns" create /backstores/ramdisk/benchextra
            if [ $variant = full ]; then measure "ls of one TPG$suffix" $tool : "/iscsi/$IQN/tpg1" ls; fi
        done
        "$FLOOR" "$OPS/unextra.ops" || true
    done
    "$FLOOR" "$D/one-ops/clear.ops" || true
    reset
done
log "done"
