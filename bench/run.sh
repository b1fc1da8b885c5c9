#!/bin/bash
# Benchmark lioctl against targetcli-fb and the kernel floor; write
# bench/results.md. Run from anywhere; `npm run bench` builds first.
#
#   BENCH_SIZES=small,medium bench/run.sh
#
# Inputs are generated here on the host (fast), then everything is measured
# inside ONE VM run (test/kernel/vm/run), so all three tools see the same
# kernel, the same machine load and the same caches. Environment: BENCH_SIZES
# (default small,medium,large; names or TxLxA), BENCH_VM_TIMEOUT (default
# 5400 s), and the BENCH_* knobs documented in bench/in-vm.sh.
set -eu
cd "$(dirname "$0")/.."
SIZES=${BENCH_SIZES:-small,medium,large}
OUT=${BENCH_OUT:-bench/out}

[ -f dist/lioctl.cjs ] || echo "bench: dist/lioctl.cjs is missing (npm run build); lioctl cells will say failed" >&2

rm -rf "$OUT"
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
# The VM shares the project read-write; an OUT elsewhere is shared too.
share=()
case $OUT/ in "$PWD"/*) ;; *) share=(-w "$OUT") ;; esac
# Measure a snapshot of the build: a rebuild in the tree during the run
# (chunk names change) must not break lioctl halfway. Packages still resolve
# from the project's node_modules, up the directory tree.
mkdir -p "$OUT/lioctl"
cp -r bin dist package.json "$OUT/lioctl/" 2> /dev/null || true
export BENCH_LIOCTL=${BENCH_LIOCTL:-$OUT/lioctl/bin/lioctl}
sizes=()
for s in ${SIZES//,/ }; do
    d=$OUT/$s
    mkdir -p "$d"
    node bench/gen-config.mjs "$s" > "$d/config.json"
    # The first target alone, with its storage objects: "1xLxA" of the same
    # L and A is exactly that (the generator is deterministic per index).
    one=$(node -e 'import("./bench/gen-config.mjs").then(m => { const z = m.parseSize(process.argv[1]); console.log(`1x${z.luns}x${z.acls}`) })' "$s")
    node bench/gen-config.mjs "$one" > "$d/one.json"
    node bench/gen-ops.mjs "$d/config.json" "$d/ops"
    node bench/gen-ops.mjs "$d/one.json" "$d/one-ops"
    node bench/check.mjs expect "$d/config.json" > "$d/expect"
    node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).targets[0].wwn)' "$d/config.json" > "$d/iqn"
    sizes+=("$s")
done

test/kernel/vm/setup --check || test/kernel/vm/setup
rc=0
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
BENCH_ACCEL=${LIOCTL_VM_ACCEL:-tcg} test/kernel/vm/run -t "${BENCH_VM_TIMEOUT:-5400}" ${share[@]+"${share[@]}"} -- bench/in-vm.sh "$OUT" "${sizes[@]}" || rc=$?
# The VM shares the host's cores: other load on the host slows every tool,
# so it belongs next to the numbers.
echo "host: $(nproc) cores, load average $load_before before the VM run, $(cut -d' ' -f1-3 /proc/loadavg) after" >> "$OUT/meta.txt"
[ "$rc" = 0 ] || echo "bench: the VM run ended with status $rc; the report shows what was measured" >&2

# Saved files checked here, on the host: is the floor's state the generated
# config (targetcli's save of it), and does lioctl save what targetcli saves?
for s in "${sizes[@]}"; do
    d=$OUT/$s
    [ ! -f "$d/save-targetcli.json" ] || node bench/check.mjs compare "$d/config.json" "$d/save-targetcli.json" > "$d/cmp-floor.txt" || true
    [ ! -f "$d/save-targetcli.json" ] || [ ! -f "$d/save-lioctl.json" ] ||
        node bench/check.mjs compare "$d/save-targetcli.json" "$d/save-lioctl.json" > "$d/cmp-lioctl.txt" || true
done
REPORT=${BENCH_REPORT:-bench/results.md}
# BENCH_ALSO: out directories of earlier runs to add as sections of their own.
node bench/report.mjs "$OUT" "$rc" ${BENCH_ALSO:+--also $BENCH_ALSO} > "$REPORT"
echo "bench: wrote $REPORT" >&2
exit "$rc"
