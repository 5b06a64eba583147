"""Conversions between binary data and ASCII (hex, base64) and the CRC-32 checksum.

The work is native (`_binascii`, runtime/src/modules/binascii.rs).
"""

import _binascii


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


Error.__module__ = Incomplete.__module__ = "binascii"


def _checked(result):
    if isinstance(result, str):
        raise Error(result)
    return result


def hexlify(data, sep=None, bytes_per_sep=1):
    return _binascii.hexlify(data, sep, bytes_per_sep)


def b2a_hex(data, sep=None, bytes_per_sep=1):
    return _binascii.hexlify(data, sep, bytes_per_sep)


def unhexlify(hexstr):
    return _checked(_binascii.unhexlify(hexstr))


def a2b_hex(hexstr):
    return _checked(_binascii.unhexlify(hexstr))


def b2a_base64(data, *, newline=True):
    return _binascii.b2a_base64(data, newline)


def a2b_base64(data, *, strict_mode=False):
    return _checked(_binascii.a2b_base64(data, strict_mode))


def crc32(data, crc=0):
    return _binascii.crc32(data, crc)


def crc_hqx(data, crc):
    """CRC-CCITT (XMODEM): polynomial 0x1021, most significant bit first."""
    crc &= 0xFFFF
    for byte in bytes(data):
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc
