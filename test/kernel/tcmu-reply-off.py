#!/usr/bin/python3
"""Turns target_core_user's netlink command replies off again, as after a fresh boot.

tcmu-runner tells the kernel at start that it answers netlink commands
(TCMU_CMD_SET_FEATURES with TCMU_ATTR_SUPP_KERN_CMD_REPLY=1), and nothing turns that
off when it exits: from then on, enabling a user device waits for tcmu-runner's reply
without a timeout, so a later test that enables one without tcmu-runner (as the kernel
allows on a fresh boot) would hang the VM. The kernel test of user backstores runs this
once it has stopped tcmu-runner. Generic netlink, on a raw socket (no library needed).
"""
import socket
import struct
import sys

NETLINK_GENERIC = 16
NLMSG_ERROR = 2
NLM_F_REQUEST, NLM_F_ACK = 1, 4
GENL_ID_CTRL, CTRL_CMD_GETFAMILY = 0x10, 3
CTRL_ATTR_FAMILY_ID, CTRL_ATTR_FAMILY_NAME = 1, 2
# include/uapi/linux/target_core_user.h
TCMU_CMD_SET_FEATURES = 7
TCMU_ATTR_SUPP_KERN_CMD_REPLY = 9


def nla(kind, data):
    size = 4 + len(data)
    return struct.pack("=HH", size, kind) + data + b"\0" * (-size % 4)


def request(sock, family, cmd, version, attrs, seq, flags):
    body = struct.pack("=BBH", cmd, version, 0) + attrs
    sock.send(struct.pack("=IHHII", 16 + len(body), family, flags, seq, 0) + body)
    reply = sock.recv(65536)
    size, kind = struct.unpack_from("=IH", reply)
    if kind == NLMSG_ERROR:
        (error,) = struct.unpack_from("=i", reply, 16)
        if error != 0:
            raise OSError(-error, f"netlink command {cmd} to family {family} failed")
        return None
    return reply[20:size]


def attributes(data):
    while len(data) >= 4:
        size, kind = struct.unpack_from("=HH", data)
        yield kind & 0x3FFF, data[4:size]
        data = data[(size + 3) & ~3:]


def main():
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
    sock.bind((0, 0))
    found = request(sock, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1, nla(CTRL_ATTR_FAMILY_NAME, b"TCM-USER\0"), 1, NLM_F_REQUEST)
    family = next((struct.unpack("=H", v[:2])[0] for k, v in attributes(found or b"") if k == CTRL_ATTR_FAMILY_ID), None)
    if family is None:
        sys.exit("tcmu-reply-off: no TCM-USER netlink family (target_core_user not loaded?)")
    # Its only reply is the acknowledgement, which request() checks.
    request(sock, family, TCMU_CMD_SET_FEATURES, 2, nla(TCMU_ATTR_SUPP_KERN_CMD_REPLY, b"\0"), 2, NLM_F_REQUEST | NLM_F_ACK)


if __name__ == "__main__":
    main()
