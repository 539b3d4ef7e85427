"""No network for the query worker: a seccomp filter that refuses to open IPv4 / IPv6 sockets.

The worker answers over pipes and never needs the network; Oxigraph, however, calls remote
endpoints for SPARQL ``SERVICE`` clauses. With this filter installed (Linux on x86-64 or
AArch64), such a call fails inside the engine whatever the query text looks like, so a query
that slips past the endpoint's check still cannot reach another server. The filter holds for
the calling thread and every thread and process it starts later: install it first thing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import platform
import socket
import sys

__all__ = ["deny_network"]

_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2
_LOAD, _JUMP_IF_EQUAL, _RETURN = 0x20, 0x15, 0x06
_ALLOW, _DENY = 0x7FFF0000, 0x00050000 | 13  # SECCOMP_RET_ERRNO | EACCES
#: Machine -> (audit architecture, number of the socket system call).
_ARCH = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}


class _Filter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte),
                ("k", ctypes.c_uint32)]


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_Filter))]


def deny_network() -> bool:
    """Refuse, from now on, to open IPv4 and IPv6 sockets in this process (EACCES).

    Returns:
        True when the filter is installed; False where seccomp is not available (another
        system or machine), in which case nothing changed.
    """
    arch = _ARCH.get(platform.machine().lower())
    libc_name = ctypes.util.find_library("c")
    if not sys.platform.startswith("linux") or arch is None or libc_name is None:
        return False
    audit_arch, socket_call = arch
    steps = [
        (_LOAD, 0, 0, 4),  # the architecture
        (_JUMP_IF_EQUAL, 0, 5, audit_arch),
        (_LOAD, 0, 0, 0),  # the system call number
        (_JUMP_IF_EQUAL, 0, 3, socket_call),
        (_LOAD, 0, 0, 16),  # its first argument: the address family
        (_JUMP_IF_EQUAL, 2, 0, socket.AF_INET),
        (_JUMP_IF_EQUAL, 1, 0, socket.AF_INET6),
        (_RETURN, 0, 0, _ALLOW),
        (_RETURN, 0, 0, _DENY),
    ]
    filters = (_Filter * len(steps))(*(_Filter(*step) for step in steps))
    program = _Program(len(steps), filters)
    libc = ctypes.CDLL(libc_name, use_errno=True)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return bool(libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(program), 0,
                           0) == 0)
