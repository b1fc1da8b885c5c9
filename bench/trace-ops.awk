# strace output -> floor.c op list: the configfs calls one command made.
#
#   strace -o TRACE -e trace=openat,readlink,statx,newfstatat,access CMD
#   awk -v root=/sys/kernel/config/target -f bench/trace-ops.awk TRACE > OPS
#
# An open of a directory is a listing, any other read-only open a read (open,
# read, close); writes are left out, since only read-only commands are replayed.
# Calls that failed stay in: the command paid for them too (replay with floor -i).
match($0, /"[^"]*"/) {
    path = substr($0, RSTART + 1, RLENGTH - 2)
    if (index(path, root) != 1) next
    if ($0 ~ /^openat/) {
        if ($0 ~ /O_DIRECTORY/) print "list " path
        else if ($0 !~ /O_WRONLY|O_RDWR/) print "read " path
    } else if ($0 ~ /^readlink/) print "readlink " path
    else print "stat " path
}
