#!/bin/bash
# Record the configfs calls one command makes, as a floor.c op list.
#
#   bench/record-ops.sh OPSFILE CMD...
#
# Runs CMD under strace (its output discarded) and writes OPSFILE: an open of a
# directory is a listing, any other read-only open a read (open, read, close),
# readlink a readlink, and stat-like calls a stat. Writes are left out: only
# read-only commands are replayed. Calls that failed stay in, since the command
# paid for them too (replay with floor -i). Exits with CMD's status.
set -u
ops=$1
shift
# BENCH_ROOT: another root, such as a tree from sim-tree.mjs (profiling on a host).
root=${BENCH_ROOT:-/sys/kernel/config/target}
trace=$(mktemp)
trap 'rm -f "$trace"' EXIT
strace -f -o "$trace" -e trace=openat,readlink,statx,newfstatat,access "$@" > /dev/null 2>&1
rc=$?
# -f: a save reads storage objects on a worker thread. Each line then starts with the
# thread's id, taken off before the call's name is looked at.
awk -v root="$root" '
    { sub(/^[0-9]+ +/, "") }
    match($0, /"[^"]*"/) {
        path = substr($0, RSTART + 1, RLENGTH - 2)
        if (index(path, root) != 1) next
        if ($0 ~ /^openat/) {
            if ($0 ~ /O_DIRECTORY/) print "list " path
            else if ($0 !~ /O_WRONLY|O_RDWR/) print "read " path
        } else if ($0 ~ /^readlink/) print "readlink " path
        else print "stat " path
    }' "$trace" > "$ops"
exit "$rc"
