# Helpers shared by ./setup and ./run (sourced by bash, not executable).
#
# Cache layout ($LIOCTL_VM_CACHE, default ~/.cache/lioctl-vm):
#   current                      version of the kernel `run` boots, e.g. 6.1.0-56-amd64
#   <kver>/pkg                   "<package> <version>" the tree was unpacked from
#   <kver>/root/                 dpkg-deb -x of that package (boot/, lib/modules/)
#   <kver>/vmlinux               the bzImage payload, decompressed (PVH boot)
#   <kver>/no-pvh                present instead if that was not possible
#   <kver>/initramfs.cpio        busybox + virtio/9p/overlay modules + ./init
#   <kver>/initramfs.key         hash of what went into initramfs.cpio

VM_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# LIOCTL_VM_KERNEL=6.12 picks Debian's linux-image-6.12-amd64 and a cache of its own, so
# that both kernels stay ready side by side; unset or 6.1 is bookworm's default kernel
# (linux-image-amd64), in the plain cache.
VM_KERNEL=${LIOCTL_VM_KERNEL:-}
case $VM_KERNEL in
    ''|6.1) VM_KERNEL_META=linux-image-amd64 VM_CACHE_SUFFIX= ;;
    *[!0-9.]*) echo "lioctl-vm: error: LIOCTL_VM_KERNEL must be a version such as 6.12, not '$VM_KERNEL'" >&2; exit 1 ;;
    *) VM_KERNEL_META=linux-image-$VM_KERNEL-amd64 VM_CACHE_SUFFIX=-$VM_KERNEL ;;
esac
VM_CACHE=${LIOCTL_VM_CACHE:-${HOME:-/root}/.cache/lioctl-vm$VM_CACHE_SUFFIX}

# What the host needs, and the peers used by tests and bench/ inside the guest
# (the guest sees the host's filesystem, so they are installed on the host).
HOST_PKGS="qemu-system-x86 busybox-static kmod xz-utils zstd"
# tcmu-runner serves user:<handler> backstores (its D-Bus policy comes with it); qemu-utils
# (qemu-img) and e2fsprogs (mkfs.ext4) make the qcow2 images and the filesystem under them.
PEER_PKGS="open-iscsi targetcli-fb python3-rtslib-fb python3-configshell-fb dbus strace resource-agents tcmu-runner qemu-utils e2fsprogs"

# Loaded by the initramfs to reach the host's root over virtio-9p.
STAGE1_MODULES="virtio_pci virtio_console 9pnet_virtio 9p overlay"

DIE_RC=1
say() { printf 'lioctl-vm: %s\n' "$*" >&2; }
die() { say "error: $*"; exit "$DIE_RC"; }

# A statically linked busybox (it runs in the initramfs, without a libc).
static_busybox() {
    local b
    for b in /bin/busybox /usr/bin/busybox; do
        if [ -x "$b" ] && ! ldd "$b" >/dev/null 2>&1; then echo "$b"; return 0; fi
    done
    return 1
}

# Set KVER KDIR KROOT MODDIR VMLINUZ VMLINUX BOOTIMG INITRD from
# $VM_CACHE/current.
# Fails if no kernel tree has been unpacked.
load_kernel() {
    [ -f "$VM_CACHE/current" ] || return 1
    KVER=$(cat "$VM_CACHE/current")
    [ -n "$KVER" ] || return 1
    KDIR=$VM_CACHE/$KVER
    KROOT=$KDIR/root
    MODDIR=$KROOT/lib/modules/$KVER
    VMLINUZ=$KROOT/boot/vmlinuz-$KVER
    VMLINUX=$KDIR/vmlinux
    INITRD=$KDIR/initramfs.cpio
    BOOTIMG=$VMLINUZ
    [ -f "$VMLINUX" ] && BOOTIMG=$VMLINUX
    [ -f "$VMLINUZ" ] && [ -f "$MODDIR/modules.dep.bin" ]
}

initrd_key() {
    {
        echo "$KVER $STAGE1_MODULES"
        cat "$VM_DIR/init" "$(static_busybox)"
    } | sha256sum | cut -c1-16
}

initrd_fresh() {
    [ -f "$INITRD" ] && [ -f "$KDIR/initramfs.key" ] &&
        [ "$(cat "$KDIR/initramfs.key")" = "$(initrd_key)" ]
}

# The kernel is unpacked, decompressed and the initramfs matches ./init.
vm_ready() {
    load_kernel && { [ -f "$VMLINUX" ] || [ -f "$KDIR/no-pvh" ]; } && initrd_fresh
}

# Uncompressed newc cpio (decompressing it would cost time under TCG):
# busybox, ./init, and the stage-1 modules with their dependencies.
build_initrd() {
    local bb tmp ko rel
    bb=$(static_busybox) || die "no static busybox (apt-get install busybox-static)"
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/lioctl-vm-initrd.XXXXXX")
    mkdir -p "$tmp"/{bin,dev,proc,sys,state,lower,ovl,newroot} "$tmp/lib/modules/$KVER"
    cp "$bb" "$tmp/bin/busybox"
    cp "$VM_DIR/init" "$tmp/init"
    chmod 755 "$tmp/init" "$tmp/bin/busybox"
    ln -s busybox "$tmp/bin/sh"
    for m in $STAGE1_MODULES; do
        modprobe -d "$KROOT" -S "$KVER" --show-depends "$m" || die "module $m not found"
    done | awk '$1 == "insmod" && !seen[$2]++ { print $2 }' | while read -r ko; do
        rel=${ko#"$MODDIR"/}
        mkdir -p "$tmp/lib/modules/$KVER/$(dirname "$rel")"
        cp "$ko" "$tmp/lib/modules/$KVER/$rel"
    done
    cp "$MODDIR"/modules.{order,builtin,builtin.modinfo} "$tmp/lib/modules/$KVER/"
    depmod -b "$tmp" "$KVER"
    (cd "$tmp" && find . -mindepth 1 | "$bb" cpio -o -H newc -R 0:0 2>/dev/null) > "$INITRD.tmp"
    mv "$INITRD.tmp" "$INITRD"
    initrd_key > "$KDIR/initramfs.key"
    rm -rf "$tmp"
}

# Decompress the bzImage payload (xz up to 6.1, zstd in Debian's 6.12) into an ELF that
# qemu boots directly through its PVH entry note: no in-guest decompression.
# Boot header: setup_sects at 0x1f1 (0 means 4), payload_offset at 0x248,
# relative to the protected-mode code that follows the setup sectors.
extract_vmlinux() { # BZIMAGE OUT
    local sects off magic unpack
    sects=$(od -An -tu1 -j $((0x1f1)) -N1 "$1" | tr -d ' ')
    off=$(od -An -tu4 -j $((0x248)) -N4 "$1" | tr -d ' ')
    [ "$sects" = 0 ] && sects=4
    off=$(( (sects + 1) * 512 + off ))
    magic=$(od -An -tx1 -j "$off" -N6 "$1" | tr -d ' ')
    case $magic in
        fd377a585a00) unpack='xz -dc --single-stream' ;;
        28b52ffd*) unpack='zstd -dcq' ;;
        *) say "the kernel payload is neither xz nor zstd"; return 1 ;;
    esac
    # zstd stops at the end of its frame but complains about the trailing size word.
    tail -c +$((off + 1)) "$1" | { $unpack > "$2.tmp" 2>/dev/null || [ -s "$2.tmp" ]; } || return 1
    # ELF, with a Xen PHYS32_ENTRY note (type 0x12): what qemu needs for PVH.
    [ "$(head -c4 "$2.tmp" | od -An -tx1 | tr -d ' ')" = 7f454c46 ] &&
        LC_ALL=C grep -qaP '\x04\x00\x00\x00[\x04\x08]\x00\x00\x00\x12\x00\x00\x00Xen\x00' "$2.tmp" ||
        { say "the decompressed kernel has no PVH entry point"; rm -f "$2.tmp"; return 1; }
    mv "$2.tmp" "$2"
}
