#!/usr/bin/env python3
"""Write the expected `pergub-rad/1` output of a PDF fixture: the source
document's records with `source` set to the pages each record is printed on.

Usage: pdf_fixture_expected.py SOURCE.json FIXTURE.pdf OUT.json

Pages come from poppler's `pdftotext -bbox` (an independent reader): a word,
or a pair of words next to each other, that occurs exactly once in the whole
PDF and exactly once in the records' text belongs to one record, and the
pages of such words give the record's first and last page. A record with no
such word takes the pages of its neighbours. A row broken across a page
break is found from the words the next page prints between its repeated
header and the first row placed there: they belong to the row in progress. Standard library only (plus pdftotext on PATH).
"""

import collections
import html
import json
import re
import subprocess
import sys

TEXT = ("masalah", "kegiatan", "kelompok_sasaran")
AGENCY = ("instansi", "penanggung_jawab", "pelaksana")


def record_words(rec):
    """The record's words and pairs of adjacent words (within one item)."""
    parts = []
    for f in TEXT:
        parts += rec.get(f) or []
    for f in ("proses", "hasil", "target"):
        parts += rec["indikator"].get(f) or []
    for f in AGENCY:
        parts += [a["text"] for a in rec.get(f) or []]
    keys = []
    for part in parts:
        ws = part.split()
        keys += ws
        keys += [a + " " + b for a, b in zip(ws, ws[1:])]
    return keys


def pdf_words(path):
    """[(text, page, top)] for words, then for pairs of adjacent words."""
    out = subprocess.run(["pdftotext", "-bbox", path, "-"], check=True, capture_output=True, text=True).stdout
    page = 0
    words = []
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'<word xMin="[^"]*" yMin="([^"]*)"[^>]*>(.*)</word>', line)
        if m:
            words.append((html.unescape(m.group(2)), page, float(m.group(1))))
    pairs = [(a + " " + b, pa, ya) for (a, pa, ya), (b, pb, _) in zip(words, words[1:]) if pa == pb]
    return words, pairs


def main():
    src, pdf, out = sys.argv[1:4]
    with open(src, encoding="utf-8") as fh:
        doc = json.load(fh)
    words, pairs = pdf_words(pdf)
    in_pdf = collections.Counter(w for w, _, _ in words + pairs)
    page_of = {w: (p, y) for w, p, y in words + pairs}
    per_record = [record_words(r) for r in doc["records"]]
    in_records = collections.Counter(w for ws in per_record for w in ws)
    spans = []
    evidence = []
    for ws in per_record:
        found = sorted(page_of[w] for w in ws if in_records[w] == 1 and in_pdf[w] == 1)
        if found:
            # A stray coincidence far from the record's other words is noise.
            median = found[len(found) // 2][0]
            found = [f for f in found if abs(f[0] - median) <= 1]
        evidence.append(found)
        pages = [p for p, _ in found]
        spans.append([min(pages), max(pages)] if pages else None)
    for i, s in enumerate(spans):
        if s is None:
            before = next((spans[j][1] for j in range(i - 1, -1, -1) if spans[j]), 1)
            spans[i] = [before, before]
    # The repeated header ends with its numbering row (1, 2, 3, ...): the
    # height on each page where most words are small numbers.
    n_pages = max(p for _, p, _ in words)
    header_bottom = {}
    for page in range(1, n_pages + 1):
        heights = collections.Counter(round(y) for w, p, y in words if p == page and w.isdigit() and len(w) <= 2)
        header_bottom[page] = heights.most_common(1)[0][0] if heights else -1
    section_words = {"SUB", "GUGUS", "TUGAS"}
    for r in doc["records"]:
        section_words |= set((r.get("sub_gugus_tugas") or "").split())
    for page in range(2, n_pages + 1):
        starting = [i for i, s in enumerate(spans) if s[0] == page]
        in_progress = [i for i, s in enumerate(spans) if s[0] < page]
        if not in_progress:
            continue
        first_y = min((y for i in starting for p, y in evidence[i] if p == page), default=float("inf"))
        # Words of the first row placed on this page that sit above its
        # first distinctive word are that row's, not a fragment's.
        own = set(per_record[starting[0]]) if starting else set()
        body = [
            w for w, p, y in words
            if p == page
            and y < first_y
            and y > header_bottom[page] + 1
            and w not in section_words
            and w not in own
            and any(c.isalpha() for c in w)
        ]
        if body:
            last = in_progress[-1]
            spans[last][1] = max(spans[last][1], page)
    for rec, span in zip(doc["records"], spans):
        rec["source"] = {"pages": span}
    doc["source"] = {"name": pdf.rsplit("/", 1)[-1], "format": "pdf"}
    doc["diagnostics"] = []
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
