"""Files that are small to upload and huge to open, built in a moment for the guard's tests (and by hand, with
`python -m tests.bombs FILE [MiB]`, for measuring the app against one).

A ZIP part is a deflate stream. Deflate compresses 1 MiB of long shared strings of one letter to about a kilobyte,
and after a full flush it starts afresh, byte-aligned: so the compressed kilobyte of one MiB is the compressed
kilobyte of every MiB, and a part that unpacks to 1.5 GiB (1.536 strings of a MiB that a reader keeps in memory)
is 1.5 MB written by repeating it. The archive is written by hand (local
headers, central directory) so nothing ever holds or compresses the unpacked bytes; it is a valid ZIP (sizes and
CRC-32 are right), which any unzip tool would faithfully expand.
"""

from __future__ import annotations

import io
import struct
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

from tests.spreadsheets import xlsx_bytes

MIB = 1024 * 1024
# A MiB per string: runs of one letter pack a thousandfold (short strings, in their markup, only three hundredfold),
# and a text node stays under the 10 MB that XML parsers refuse.
_STRING = b"<si><t>" + b"A" * (MIB - 16) + b"</t></si>"
_CHUNK = _STRING * (MIB // len(_STRING))
_SHARED_STRINGS = "xl/sharedStrings.xml"
_SST_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
_SST_TAIL = b"</sst>"
# openpyxl writes its strings inline; the workbook must name a shared-strings part for a reader to load it.
_SST_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
)
_SST_RELATION = (
    b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    b'Target="sharedStrings.xml" Id="rIdBom"/>'
)


def _repeated_deflate(head: bytes, mib: int, tail: bytes) -> Iterator[bytes]:
    """The raw deflate stream of head + `mib` MiB of shared strings + tail, yielded in pieces."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    yield compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(_CHUNK) + compressor.flush(zlib.Z_FULL_FLUSH)
    for _ in range(mib):
        yield block  # the compressor's state after a full flush is the same each time: so are these bytes
    yield compressor.compress(tail) + compressor.flush(zlib.Z_FINISH)


def _crc_and_size(head: bytes, mib: int, tail: bytes) -> tuple[int, int]:
    crc = zlib.crc32(head)
    for _ in range(mib):
        crc = zlib.crc32(_CHUNK, crc)
    return zlib.crc32(tail, crc), len(head) + mib * MIB + len(tail)


def _write_zip(parts: list[tuple[str, int, int, list[bytes]]]) -> bytes:
    """A ZIP archive of deflated parts given as (name, crc, unpacked size, compressed pieces)."""
    out = io.BytesIO()
    directory = []
    for name, crc, size, pieces in parts:
        offset = out.tell()
        packed = sum(len(piece) for piece in pieces)
        encoded = name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, packed, size, len(encoded), 0))
        out.write(encoded)
        for piece in pieces:
            out.write(piece)
        directory.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0x21,
                crc,
                packed,
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    start = out.tell()
    for entry in directory:
        out.write(entry)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(directory), len(directory), out.tell() - start, start, 0))
    return out.getvalue()


def bomb_xlsx(unpacked_mib: int = 1536) -> bytes:
    """A real XLSX (two rows, made by openpyxl) whose sharedStrings part unpacks to `unpacked_mib` MiB."""
    import zipfile

    template = zipfile.ZipFile(io.BytesIO(xlsx_bytes([["Tanggal", "Judul"], ["29/11/2026", "Selokan"]])))
    parts = []
    for info in template.infolist():
        data = template.read(info)
        if info.filename == "[Content_Types].xml":
            data = data.replace(b"</Types>", _SST_TYPE + b"</Types>")
        elif info.filename == "xl/_rels/workbook.xml.rels":
            data = data.replace(b"</Relationships>", _SST_RELATION + b"</Relationships>")
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        parts.append((info.filename, zlib.crc32(data), len(data), [compressor.compress(data) + compressor.flush()]))
    crc, size = _crc_and_size(_SST_HEAD, unpacked_mib, _SST_TAIL)
    parts.append((_SHARED_STRINGS, crc, size, list(_repeated_deflate(_SST_HEAD, unpacked_mib, _SST_TAIL))))
    return _write_zip(parts)


if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.write_bytes(bomb_xlsx(int(sys.argv[2]) if len(sys.argv) > 2 else 1536))
    print(f"{target}: {target.stat().st_size / MIB:.2f} MiB")
