#!/usr/bin/env python3
"""Render a converter's Markdown (pipe tables with inline HTML) as HTML.

The HTML says the same as the Markdown, the way HTML converters say it:

- one <table> per Markdown table (one per page), with <thead> and <tbody>;
- header cells that the Markdown leaves empty are merged: a group header
  (INDIKATOR, WAKTU PELAKSANAAN) gets colspan over the empty cells to its
  right when the row below names its sub-columns (PROSES, HASIL, TARGET,
  years), and the other header cells of such a two-row header get rowspan=2;
- cell text is copied as written, damage included: a <br> stays a <br>,
  inline markup and entities stay as they are;
- text outside tables becomes <p> paragraphs (lines joined by <br>) or
  <hN> headings;
- every Markdown line stays on the same line number in the HTML, so that
  source spans can be compared.

Usage:
    md2html.py IN.md [-o OUT.html]
    md2html.py --dir fixtures/documents --out fixtures/html
"""

import argparse
import html
import re
import sys
from pathlib import Path

TAG = re.compile(r"<[^>]*>")


def split_row(line):
    """Split a pipe-table row into raw cell texts, as the Markdown reader does.

    `\\|` is a literal pipe; text after the last pipe is a cell only when it
    is not blank (a row cut short).
    """
    body = line[1:] if line.startswith("|") else line
    cells, current, i = [], [], 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body) and body[i + 1] == "|":
            current.append("|")
            i += 2
            continue
        if c == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(c)
        i += 1
    rest = "".join(current)
    if rest.strip():
        cells.append(rest)
    return cells


def is_separator(cells):
    return bool(cells) and all(
        c.strip() and all(ch in "-: " for ch in c.strip()) for c in cells
    )


def plain(cell):
    """A cell's visible text, for deciding about merges only."""
    return html.unescape(TAG.sub(" ", cell)).strip()


def groups_of(header):
    """Runs [a, b] of a header row: a named cell followed by empty cells."""
    runs = []
    i = 0
    while i < len(header):
        if plain(header[i]):
            j = i
            while j + 1 < len(header) and not plain(header[j + 1]):
                j += 1
            if j > i:
                runs.append((i, j))
            i = j + 1
        else:
            i += 1
    return runs


def is_sub_header(header, row):
    """Whether `row` names the sub-columns of `header`'s groups only."""
    if len(row) != len(header):
        return False
    texts = [plain(c) for c in row]
    if not any(texts):
        return False
    in_group = set()
    for a, b in groups_of(header):
        in_group.update(range(a, b + 1))
    for i, text in enumerate(texts):
        if not text:
            continue
        if i not in in_group or len(text) > 25:
            return False
    # A group must have its sub-columns named below it.
    return all(any(texts[k] for k in range(a, b + 1)) for a, b in groups_of(header))


def cell_html(tag, raw, attrs=""):
    return f"<{tag}{attrs}>{raw.strip()}</{tag}>"


def header_rows(header, sub):
    """The <tr>s of a header, merged when `sub` names its groups' columns."""
    if sub is None:
        return ["<tr>" + "".join(cell_html("th", c) for c in header) + "</tr>"]
    runs = {a: b for a, b in groups_of(header) if any(plain(sub[k]) for k in range(a, b + 1))}
    covered = set()
    for a, b in runs.items():
        covered.update(range(a, b + 1))
    top, bottom = [], []
    i = 0
    while i < len(header):
        if i in runs:
            b = runs[i]
            top.append(cell_html("th", header[i], f' colspan="{b - i + 1}"'))
            bottom.extend(cell_html("th", sub[k]) for k in range(i, b + 1))
            i = b + 1
            continue
        if plain(header[i]) and not plain(sub[i]):
            top.append(cell_html("th", header[i], ' rowspan="2"'))
        else:
            top.append(cell_html("th", header[i]))
            bottom.append(cell_html("th", sub[i]))
        i += 1
    return ["<tr>" + "".join(top) + "</tr>", "<tr>" + "".join(bottom) + "</tr>"]


def render_table(lines):
    """HTML lines for one Markdown table, one output line per input line."""
    rows = [(i, split_row(line.strip())) for i, line in enumerate(lines)]
    out = [""] * len(lines)
    first_sep = next((i for i, cells in rows if is_separator(cells)), None)
    head_at = first_sep - 1 if first_sep is not None and first_sep > 0 else None
    if head_at is not None and is_separator(rows[head_at][1]):
        head_at = None
    body = [(i, cells) for i, cells in rows if not is_separator(cells) and i != head_at]
    sub_at = None
    if head_at is not None and body and body[0][0] > head_at:
        nxt = body[0]
        if is_sub_header(rows[head_at][1], nxt[1]):
            sub_at = nxt[0]
            body = body[1:]
    # Rows above the header (before the first separator) stay body rows.
    if head_at is not None:
        header = rows[head_at][1]
        sub = rows[sub_at][1] if sub_at is not None else None
        trs = header_rows(header, sub)
        out[head_at] = "<thead>" + trs[0]
        if sub_at is not None:
            out[sub_at] = trs[1]
        last_head = sub_at if sub_at is not None else head_at
        out[last_head] += "</thead>"
    before = [r for r in body if head_at is not None and r[0] < head_at]
    after = [r for r in body if head_at is None or r[0] > head_at]
    for group in (before, after):
        for n, (i, cells) in enumerate(group):
            tr = "<tr>" + "".join(cell_html("td", c) for c in cells) + "</tr>"
            if n == 0:
                tr = "<tbody>" + tr
            if n == len(group) - 1:
                tr += "</tbody>"
            out[i] = tr
    out[0] = "<table>" + out[0]
    out[-1] += "</table>"
    return out


def text_html(lines):
    """HTML lines for one paragraph of text, one output line per input line."""
    stripped = [line.strip() for line in lines]
    if len(stripped) == 1 and stripped[0].startswith("#"):
        level = min(len(stripped[0]) - len(stripped[0].lstrip("#")), 6)
        return [f"<h{level}>{stripped[0].lstrip('#').strip()}</h{level}>"]
    body = [s.lstrip("#").strip() for s in stripped]
    out = [b + "<br>" for b in body[:-1]] + [body[-1]]
    out[0] = "<p>" + out[0]
    out[-1] += "</p>"
    return out


def convert(markdown, title="document"):
    lines = markdown.split("\n")
    trailing_newline = markdown.endswith("\n")
    if trailing_newline:
        lines = lines[:-1]
    out = []
    i = 0
    while i < len(lines):
        if lines[i].strip().startswith("|"):
            j = i
            while j < len(lines) and lines[j].strip().startswith("|"):
                j += 1
            out.extend(render_table(lines[i:j]))
        elif lines[i].strip():
            j = i
            while j < len(lines) and lines[j].strip() and not lines[j].strip().startswith("|"):
                j += 1
            out.extend(text_html(lines[i:j]))
        else:
            j = i + 1
            out.append("")
        i = j
    if not out:
        out = [""]
    head = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>'
        + html.escape(title)
        + "</title></head><body>"
    )
    out[0] = head + out[0]
    out[-1] += "</body></html>"
    return "\n".join(out) + ("\n" if trailing_newline else "")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input", nargs="?", help="a Markdown file")
    ap.add_argument("-o", "--output", help="where to write (default: stdout)")
    ap.add_argument("--dir", help="convert every *.txt and *.md document here")
    ap.add_argument("--out", help="with --dir: the folder for the .html files")
    args = ap.parse_args()
    if args.dir:
        if not args.out:
            ap.error("--dir needs --out")
        out_dir = Path(args.out)
        out_dir.mkdir(parents=True, exist_ok=True)
        sources = sorted(p for p in Path(args.dir).iterdir() if p.suffix in (".txt", ".md"))
        for src in sources:
            dst = out_dir / (src.stem + ".html")
            dst.write_text(convert(src.read_text(encoding="utf-8"), src.name), encoding="utf-8")
            print(f"{src} -> {dst}")
        return 0
    if not args.input:
        ap.error("give a Markdown file or --dir")
    text = Path(args.input).read_text(encoding="utf-8")
    result = convert(text, Path(args.input).name)
    if args.output:
        Path(args.output).write_text(result, encoding="utf-8")
    else:
        sys.stdout.write(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
