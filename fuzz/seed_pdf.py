"""Writes corpus/pdf/seed-grid.pdf: one page, a ruled plan table, uncompressed.

Kept beside the corpus so the seed can be regenerated and varied by hand.
"""
import sys

cols = [40, 160, 300, 360, 420, 560]
rows = [760, 730, 690, 650]
cells = [
    ["INSTANSI", "KEGIATAN", "2023", "2024", "PELAKSANA"],
    ["Dinas Sosial", "Pelatihan kader", "X", "", "Dinkes"],
    ["", "lanjutan (kedua)", "", "v", "DP3A"],
]

ops = ["0.5 w"]
for x in cols:
    ops.append(f"{x} {rows[-1]} m {x} {rows[0]} l S")
for y in rows:
    ops.append(f"{cols[0]} {y} m {cols[-1]} {y} l S")
ops.append("BT /F1 9 Tf")
for r, row in enumerate(cells):
    for c, text in enumerate(row):
        if text:
            esc = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"1 0 0 1 {cols[c] + 3} {rows[r + 1] + 12} Tm ({esc}) Tj")
ops.append("ET")
content = "\n".join(ops).encode()

objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
    b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
]
out = bytearray(b"%PDF-1.4\n")
offsets = []
for i, body in enumerate(objects, start=1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
for off in offsets:
    out += b"%010d 00000 n \n" % off
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
sys.stdout.buffer.write(bytes(out))
