"""An encrypted PDF made here (the standard security handler, revision 2: RC4 with a
40-bit key, as PDF 1.3 wrote them), for the tests of ``--password``: no tool on the
machine writes one, and no report is copied."""

from __future__ import annotations

import hashlib

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted_pdf(text: str, password: str, *more_pages: str) -> bytes:
    """A PDF writing *text* (ASCII) in Helvetica on its first page and each of
    *more_pages* on a page of its own, encrypted with the standard security handler
    (revision 2, RC4 40-bit) under the user password *password*."""
    def pad(pw: str) -> bytes:
        return (pw.encode("latin-1") + _PAD)[:32]

    owner = _rc4(hashlib.md5(pad(password + "-owner")).digest()[:5], pad(password))
    permissions = -4
    file_id = hashlib.md5(text.encode()).digest()
    key = hashlib.md5(pad(password) + owner + permissions.to_bytes(4, "little", signed=True)
                      + file_id).digest()[:5]
    user = _rc4(key, _PAD)

    def crypt(number: int, data: bytes) -> bytes:
        object_key = hashlib.md5(key + number.to_bytes(3, "little") + b"\0\0").digest()[:10]
        return _rc4(object_key, data)

    texts = (text, *more_pages)
    kids = " ".join(f"{5 + 2 * k} 0 R" for k in range(len(texts)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(texts)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + owner.hex().encode() + b"> /U <"
        + user.hex().encode() + b"> /P " + str(permissions).encode() + b" >>",
    ]
    for k, page_text in enumerate(texts):
        number = 6 + 2 * k
        content = crypt(number, f"BT /F1 24 Tf 72 700 Td ({page_text}) Tj ET".encode("latin-1"))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents "
                       + f"{number} 0 R".encode() + b" /Resources << /Font << /F1 3 0 R >> >> >>")
        objects.append(b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content
                       + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Encrypt 4 0 R "
            f"/ID [<{file_id.hex()}> <{file_id.hex()}>] >>\nstartxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)
