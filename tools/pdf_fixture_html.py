#!/usr/bin/env python3
"""Turn an expected `pergub-rad/1` document (records + document metadata) into
print HTML for PDF fixtures: a LAMPIRAN block and title, then a ruled plan
table in landscape A4 with a two-row header repeated on every page, section
rows, list items as numbered lines and rows long enough to break across pages.

Usage: pdf_fixture_html.py EXPECTED.json OUT.html [--columns LIST] [--ditto]

--columns  comma-separated column order, from: no, instansi, masalah, kegiatan,
           indikator (PROSES/HASIL/TARGET under INDIKATOR), waktu (one column
           per year under WAKTU PELAKSANAAN), penanggung_jawab, pelaksana,
           kelompok_sasaran, or any other name for an extra, empty column
           (anggaran, sumber_dana, keterangan, ...).
--ditto    leave INSTANSI empty when a record has the agency of the row above
           (a "ditto" row), as many published tables do.
--issuer   the jurisdiction in the LAMPIRAN line (default: the province),
           e.g. BANYUMAS for a Peraturan Bupati.
--mark     the year mark to print (default X).
--font-size  body font size in pt (default 7.5).
--header   header names as NAME=TEXT pairs separated by ';' (e.g.
           "instansi=INSTANSI/ OPD;kegiatan=PROGRAM/ KEGIATAN").
Standard library only.
"""

import argparse
import html
import json

DEFAULT_COLUMNS = "instansi,masalah,kegiatan,indikator,waktu,penanggung_jawab,pelaksana,kelompok_sasaran"
HEADERS = {
    "no": "NO",
    "instansi": "INSTANSI/ OPD",
    "masalah": "MASALAH",
    "kegiatan": "KEGIATAN",
    "indikator": "INDIKATOR",
    "waktu": "WAKTU PELAKSANAAN",
    "penanggung_jawab": "PENANGGUNG JAWAB",
    "pelaksana": "PELAKSANA",
    "kelompok_sasaran": "KELOMPOK SASARAN",
    "keterangan": "KETERANGAN",
}
WIDTHS = {  # relative column widths
    "no": 3,
    "instansi": 11,
    "masalah": 11,
    "kegiatan": 11,
    "indikator": 10,
    "waktu": 3.2,
    "penanggung_jawab": 9,
    "pelaksana": 9,
    "kelompok_sasaran": 9,
    "keterangan": 6,
}


def esc(s):
    return html.escape(s, quote=False)


def items_html(items):
    """A cell's items: one item as text, several as numbered lines."""
    texts = [i["text"] if isinstance(i, dict) else i for i in items]
    if len(texts) <= 1:
        return esc(texts[0]) if texts else ""
    return "<br>".join(f"{n}. {esc(t)}" for n, t in enumerate(texts, 1))


def build(doc, columns, ditto, mark, headers, font_size, issuer=None):
    meta = doc["document"]
    years = list(range(meta["period"][0], meta["period"][1] + 1))
    reg = meta.get("regulation")
    lampiran = []
    if reg:
        kind = reg["kind"].upper()
        where = (issuer or meta.get("province") or "").upper()
        lampiran = [
            f"LAMPIRAN {kind} {where}".strip(),
            f"NOMOR {reg['number']} TAHUN {reg['year']}",
            "TENTANG RENCANA AKSI DAERAH",
        ]
    sub_cols = []  # leaf columns: (key, sub) in order
    for c in columns:
        if c == "indikator":
            sub_cols += [("indikator", "proses"), ("indikator", "hasil"), ("indikator", "target")]
        elif c == "waktu":
            sub_cols += [("waktu", y) for y in years]
        else:
            sub_cols.append((c, None))
    total_w = sum(WIDTHS.get(k, 6) for k, _ in sub_cols)
    out = []
    out.append("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><style>")
    out.append(
        "@page { size: A4 landscape; margin: 12mm 10mm; }\n"
        f"body {{ font-family: 'Liberation Sans', sans-serif; font-size: {font_size}pt; }}\n"
        ".lampiran p { margin: 0 0 0 62%; }\n"
        "h1 { font-size: 9pt; text-align: center; margin: 10pt 0; font-weight: bold; }\n"
        "table { border-collapse: collapse; width: 100%; table-layout: fixed; }\n"
        "th, td { border: 0.75pt solid #000; padding: 2pt 2.5pt; vertical-align: top; "
        "text-align: left; overflow-wrap: break-word; }\n"
        "th { text-align: center; vertical-align: middle; font-weight: bold; }\n"
        "thead { display: table-header-group; }\n"
        "tr { break-inside: auto; page-break-inside: auto; }\n"
        "td.mark { text-align: center; }\n"
    )
    out.append("</style></head><body>")
    if lampiran:
        out.append("<div class=\"lampiran\">" + "".join(f"<p>{esc(l)}</p>" for l in lampiran) + "</div>")
    if meta.get("title"):
        out.append(f"<h1>{esc(meta['title'])}</h1>")
    out.append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><colgroup>")
    for k, _ in sub_cols:
        out.append(f"<col width=\"{100 * WIDTHS.get(k, 6) / total_w:.0f}%\">")
    out.append("</colgroup><thead><tr>")
    for c in columns:
        name = esc(headers.get(c, HEADERS.get(c, c.replace("_", " ").upper())))
        if c == "indikator":
            out.append(f"<th colspan=\"3\">{name}</th>")
        elif c == "waktu":
            out.append(f"<th colspan=\"{len(years)}\">{name}</th>")
        else:
            out.append(f"<th rowspan=\"2\">{name}</th>")
    out.append("</tr><tr>")
    for c in columns:
        if c == "indikator":
            out.append("<th>PROSES</th><th>HASIL</th><th>TARGET</th>")
        elif c == "waktu":
            out.append("".join(f"<th>{y}</th>" for y in years))
    out.append("</tr><tr>")
    out.append("".join(f"<th>{n}</th>" for n in range(1, len(sub_cols) + 1)))
    out.append("</tr></thead><tbody>")
    section = None
    prev_instansi = None
    for rec in doc["records"]:
        if rec.get("sub_gugus_tugas") and rec["sub_gugus_tugas"] != section:
            section = rec["sub_gugus_tugas"]
            out.append(f"<tr><td colspan=\"{len(sub_cols)}\">SUB GUGUS TUGAS {esc(section)}</td></tr>")
            prev_instansi = None
        instansi = [a["text"] for a in rec["instansi"]]
        same = ditto and instansi == prev_instansi and rec["waktu_pelaksanaan"]
        prev_instansi = instansi
        out.append("<tr valign=\"top\">")
        for key, sub in sub_cols:
            if key == "no":
                out.append(f"<td>{rec['no']}</td>")
            elif key == "instansi":
                out.append("<td></td>" if same else f"<td>{items_html(rec['instansi'])}</td>")
            elif key == "indikator":
                out.append(f"<td>{items_html(rec['indikator'][sub])}</td>")
            elif key == "waktu":
                has = sub in rec["waktu_pelaksanaan"]
                out.append(f"<td class=\"mark\">{mark if has else ''}</td>")
            elif key not in ("masalah", "kegiatan", "penanggung_jawab", "pelaksana", "kelompok_sasaran"):
                out.append("<td></td>")
            else:
                out.append(f"<td>{items_html(rec.get(key) or [])}</td>")
        out.append("</tr>")
    out.append("</tbody></table></body></html>")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("expected")
    ap.add_argument("out")
    ap.add_argument("--columns", default=DEFAULT_COLUMNS)
    ap.add_argument("--ditto", action="store_true")
    ap.add_argument("--mark", default="X")
    ap.add_argument("--header", default="")
    ap.add_argument("--font-size", default="7.5")
    ap.add_argument("--issuer", default=None)
    a = ap.parse_args()
    with open(a.expected, encoding="utf-8") as fh:
        doc = json.load(fh)
    headers = dict(p.split("=", 1) for p in a.header.split(";") if "=" in p)
    with open(a.out, "w", encoding="utf-8") as fh:
        fh.write(build(doc, a.columns.split(","), a.ditto, a.mark, headers, a.font_size, a.issuer))


if __name__ == "__main__":
    main()
