#!/usr/bin/env python3
"""Generate pergub's test documents: a damaged Markdown rendering and its
hand-written expected `pergub-rad/1` JSON, from one clean plan description.

Each document lives in `tools/fixturegen/docs/<name>.py` as a `DOC` dict: the
text above the tables, the table layout (column order, header spellings,
years, mark) and the plan rows in a small line format (see `parse_plan`).
The rows are the author's clean text; this script damages them the way a
PDF-to-Markdown converter does (headers repeated per page, split header
words, line wraps inside and between words, hyphen cuts, lost spaces, rows
cut by page breaks, ditto rows, lists, markup, entities, look-alike letters,
ragged rows) with a fixed random seed, and tracks the line every row lands
on, so the expected `source.lines` are exact.

Damage never loses a letter: everything is recoverable by the rules of
`spec/OUTPUT.md`.

Usage:
    python3 tools/fixturegen/fixturegen.py [--out fixtures/documents] [--check] [NAME...]

`--check` regenerates in memory and fails if a file on disk differs.
Standard library only.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import re
import sys
from dataclasses import dataclass, field

sys.dont_write_bytecode = True  # the document modules import this one

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
REGISTRY = os.path.join(ROOT, "crates", "normaliser", "data", "agencies.tsv")

TEXT_FIELDS = ("masalah", "kegiatan", "proses", "hasil", "target", "sasaran")
AGENCY_FIELDS = ("instansi", "pj", "pelaksana")
EXTRA_FIELDS = ("no", "anggaran", "sumber_dana", "keterangan")
PLAN_KEYS = {
    "m": "masalah",
    "k": "kegiatan",
    "p": "proses",
    "h": "hasil",
    "t": "target",
    "s": "sasaran",
    "j": "pj",
    "l": "pelaksana",
}

# Words after which a lost space would make another real word.
NO_GLUE_AFTER = {"per", "se", "ber", "ter", "pe", "me"}

# Latin letter -> Cyrillic look-alike.
CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "k": "к", "x": "х", "y": "у"}


# --------------------------------------------------------------------------- plan format


@dataclass
class Mention:
    text: str  # clean text with damage markers
    id: str | None


@dataclass
class PlanRecord:
    section: str | None
    instansi: list[Mention]
    ditto: bool
    fields: dict[str, list] = field(default_factory=dict)  # text: [str], agency: [Mention]
    years: list[int] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)
    styles: dict[str, str] = field(default_factory=dict)
    cut: str | None = None  # "yes", "no" or None (random)
    line: int = 0  # line in the plan file, for error messages


MENTION_RE = re.compile(r"^(.*?)\s*\{([A-Z0-9_]*)\}\s*$")


def parse_mention(text: str, where: str) -> Mention:
    m = MENTION_RE.match(text)
    if not m:
        raise SystemExit(f"{where}: agency mention without {{ID}} or {{}}: {text!r}")
    return Mention(m.group(1).strip(), m.group(2) or None)


def parse_years(spec: str) -> list[int]:
    years: list[int] = []
    for part in spec.split():
        if "-" in part:
            a, b = part.split("-")
            years.extend(range(int(a), int(b) + 1))
        else:
            years.append(int(part))
    return sorted(set(years))


def parse_plan(text: str, name: str) -> list[PlanRecord]:
    """Read the plan rows.

    One directive per line:
        § NAME            a SUB GUGUS TUGAS section starts (NAME as printed)
        + MENTION ;; ...  a new row of this agency (MENTION = `text {ID}`, `{}` = no id)
        =                 a new row of the agency above (printed as a ditto row)
        m: k: p: h: t: s: one item of MASALAH, KEGIATAN, PROSES, HASIL, TARGET, SASARAN
        j: l:             one mention of PENANGGUNG JAWAB, PELAKSANA
        y: 2020-2022 2024 years marked
        x.KEY: value      an extra column (no, anggaran, sumber_dana, keterangan)
        ! FIELD=STYLE ... how a list cell is printed; `! cut` / `! nocut` forces a page break
    Item text may carry damage markers: `_word_` is printed in <i>; `{clean|printed}`
    is printed as `printed` and expected as `clean`.
    """
    records: list[PlanRecord] = []
    section = None
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        where = f"{name}:{n}"
        if not line or line.startswith("#"):
            continue
        if line.startswith("§"):
            section = line[1:].strip() or None
            continue
        if line.startswith("+"):
            ments = [parse_mention(t, where) for t in line[1:].split(";;")]
            records.append(PlanRecord(section, ments, False, line=n))
            continue
        if line == "=":
            if not records:
                raise SystemExit(f"{where}: ditto row with no row above")
            records.append(PlanRecord(section, records[-1].instansi, True, line=n))
            continue
        if not records:
            raise SystemExit(f"{where}: field before any row")
        rec = records[-1]
        if line.startswith("!"):
            for opt in line[1:].split():
                if opt in ("cut", "nocut"):
                    rec.cut = "yes" if opt == "cut" else "no"
                else:
                    k, v = opt.split("=")
                    rec.styles[k] = v
            continue
        key, _, value = line.partition(":")
        value = value.strip()
        if key == "y":
            rec.years = parse_years(value)
        elif key.startswith("x."):
            rec.extra[key[2:]] = value
        elif key in PLAN_KEYS:
            f = PLAN_KEYS[key]
            item = parse_mention(value, where) if f in AGENCY_FIELDS else value
            rec.fields.setdefault(f, []).append(item)
        else:
            raise SystemExit(f"{where}: unknown directive {line!r}")
    for rec in records:
        if not rec.years:
            raise SystemExit(f"{name}:{rec.line}: row without years (every row needs its own marks)")
    return records


# --------------------------------------------------------------------------- markers

MARK_RE = re.compile(r"\{([^{}|]*)\|([^{}]*)\}|_([^_\s][^_]*?)_")


def clean(text: str) -> str:
    def sub(m: re.Match) -> str:
        if m.group(1) is not None:
            return m.group(1)
        return m.group(3)

    return MARK_RE.sub(sub, text)


def tokens(text: str) -> list[tuple[str, bool]]:
    """Split marked text into printed words; (word, breakable). Marked groups are units."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in MARK_RE.finditer(text):
        for w in text[pos : m.start()].split():
            out.append((w, True))
        printed = m.group(2) if m.group(1) is not None else f"<i>{m.group(3)}</i>"
        # A unit glued to the text before or after it (no space) stays glued.
        if out and m.start() > 0 and not text[m.start() - 1].isspace():
            w, _ = out.pop()
            printed = w + printed
        out.append((printed, False))
        pos = m.end()
        if pos < len(text) and not text[pos].isspace():
            rest = text[pos:].split(maxsplit=1)
            out[-1] = (out[-1][0] + rest[0], False)
            pos += len(rest[0])
    for w in text[pos:].split():
        out.append((w, True))
    return out


# --------------------------------------------------------------------------- damage


@dataclass
class Damage:
    width: int | None  # column text width in characters; None = no wrapping
    glue: float  # chance a space inside a printed line is lost
    split: float  # chance a long word is split at a wrap rather than moved whole
    hyphen: float  # chance a split word gets a hyphen at the cut
    amp: float  # chance `&` is printed as `&amp;`


# The damage of the seed's narrowest pages: nearly every space lost, most
# wraps inside words.
CRUSHED = Damage(13, 0.55, 0.9, 0.3, 0.5)

def entity(word: str, rng: random.Random, dmg: Damage) -> str:
    if "&" in word and "&amp;" not in word and rng.random() < dmg.amp:
        return word.replace("&", "&amp;")
    return word


def can_split(word: str) -> bool:
    return len(word) >= 6 and word.isalpha()


def wrap(text: str, rng: random.Random, dmg: Damage, first_prefix: str = "") -> list[str]:
    """Printed lines of one logical line of a cell."""
    toks = tokens(text)
    if first_prefix:
        toks.insert(0, (first_prefix.rstrip(), False))
    lines: list[str] = []
    cur = ""
    width = dmg.width
    for i, (word, breakable) in enumerate(toks):
        word = entity(word, rng, dmg)
        if not cur:
            cur = word
            continue
        if i == 1 and first_prefix:
            cur += " " + word  # a list marker stays with its first word
            continue
        # a lost space; never after words that would glue into another real
        # word ("per tahun" is not "pertahun")
        sep = "" if rng.random() < dmg.glue and cur.split(" ")[-1].lower() not in NO_GLUE_AFTER else " "
        if width is None or len(cur) + len(sep) + len(word) <= width:
            cur += sep + word
            continue
        room = width - len(cur) - 1
        if breakable and can_split(word) and room >= 3 and rng.random() < dmg.split:
            cut = rng.randint(2, min(room, len(word) - 3))
            if rng.random() < dmg.hyphen:
                lines.append(cur + " " + word[:cut] + "-")
            else:
                lines.append(cur + " " + word[:cut])
            word = word[cut:]
        elif "-" in word and breakable is not False and word.count("-") == 1 and rng.random() < 0.8:
            # a real hyphenated word wraps at its hyphen
            a, b = word.split("-")
            if a and b and len(cur) + 1 + len(a) + 1 <= width:
                lines.append(cur + " " + a + "-")
                word = b
            else:
                lines.append(cur)
        else:
            lines.append(cur)
        # words longer than the column break inside
        while breakable and len(word) > width + 2 and word.isalpha():
            lines.append(word[:width])
            word = word[width:]
        cur = word
    if cur:
        lines.append(cur)
    return lines


MARKERS = {
    "num": lambda i, n: f"{i + 1}. ",
    "numsemi": lambda i, n: f"{i + 1}. ",
    "dash": lambda i, n: "- ",
    "blank": lambda i, n: "",
    "semi": lambda i, n: "",
    "lines": lambda i, n: "",
    "comma": lambda i, n: "",
    "run": lambda i, n: "",
}


def render_items(items: list[str], style: str, rng: random.Random, dmg: Damage, resolvable: bool = True) -> list[str]:
    """Printed lines of a cell holding `items` (marked text) in a list style.

    Agencies are run together (`run`, `lines`) only when every one of them is
    in the registry: only then can a reader tell where one name ends.
    """
    if not items:
        return []
    if style in ("run", "lines") and not resolvable:
        style = "num"
    if style in ("comma", "run") and any("," in i for i in items):
        style = "num"  # names with commas are never run together
    if len(items) == 1 and (style != "dash" or rng.random() < 0.7):
        return wrap(items[0], rng, dmg)
    if style in ("comma", "run"):
        joiner = ", " if style == "comma" else " "
        return wrap(joiner.join(items), rng, dmg)
    lines: list[str] = []
    for i, item in enumerate(items):
        text = item
        if style in ("semi", "numsemi") and i < len(items) - 1:
            text = item + ";"
        if style == "blank" and i > 0:
            lines.append("")
        lines.extend(wrap(text, rng, dmg, MARKERS[style](i, len(items))))
    return lines


# --------------------------------------------------------------------------- layout


@dataclass
class Column:
    role: str  # instansi, masalah, ..., year:2020, no, anggaran, ...
    year: int | None = None


def columns_of(doc: dict) -> list[Column]:
    cols = []
    for role in doc["columns"]:
        if role == "years":
            cols.extend(Column(f"year:{y}", y) for y in doc["years"])
        else:
            cols.append(Column(role))
    return cols


GROUP_OF = {"proses": "indikator", "hasil": "indikator", "target": "indikator"}
SUB_LABEL = {"proses": "PROSES", "hasil": "HASIL", "target": "TARGET"}


def header_rows(doc: dict, cols: list[Column], rng: random.Random) -> tuple[list[str], list[str]]:
    """Top and sub header cells of one page."""
    heads = doc["headers"]
    top, sub = [], []
    seen_group = set()
    for c in cols:
        if c.year is not None:
            top.append(rng.choice(heads["waktu"]) if "waktu" not in seen_group else "")
            seen_group.add("waktu")
            y = str(c.year)
            if doc.get("split_years") and rng.random() < doc["split_years"]:
                y = f"{y[:3]}<br>{y[3]}"
            sub.append(doc.get("year_label", "{y}").format(y=y))
        elif c.role in GROUP_OF:
            g = GROUP_OF[c.role]
            top.append(rng.choice(heads[g]) if g not in seen_group else "")
            seen_group.add(g)
            sub.append(heads.get(c.role + "_sub", [SUB_LABEL[c.role]])[0])
        else:
            top.append(rng.choice(heads[c.role]))
            sub.append("")
    return top, sub


def pad(cell: str, rng: random.Random) -> str:
    return cell + " " * rng.choice((0, 0, 1, 2, 3, 6))


def row_line(cells: list[str], rng: random.Random) -> str:
    return "| " + " | ".join(pad(c, rng) for c in cells) + " |"


def sep_line(n: int, rng: random.Random) -> str:
    return "|" + "|".join("-" * rng.choice((2, 3, 3, 5, 8)) for _ in range(n)) + "|"


# --------------------------------------------------------------------------- rendering


@dataclass
class Rendered:
    cells: dict[str, list[str]]  # role -> printed lines


def record_lines(doc: dict, rec: PlanRecord, rng: random.Random, dmg: Damage) -> Rendered:
    styles = doc.get("styles", {})
    out: dict[str, list[str]] = {}
    for f in TEXT_FIELDS + AGENCY_FIELDS:
        if f == "instansi":
            items = [m.text for m in rec.instansi] if not rec.ditto else []
        else:
            raw = rec.fields.get(f, [])
            items = [m.text if isinstance(m, Mention) else m for m in raw]
        kind = "agency" if f in AGENCY_FIELDS else "text"
        style = rec.styles.get(f) or rng.choice(styles.get(kind, ["num"]))
        ments = rec.instansi if f == "instansi" else rec.fields.get(f, [])
        resolvable = all(isinstance(m, Mention) and m.id is not None for m in ments)
        out[f] = render_items(items, style, rng, dmg, resolvable)
    for k, v in rec.extra.items():
        out[k] = wrap(v, rng, Damage(dmg.width, 0.0, 0.0, 0.0, dmg.amp)) if v else []
    return out


def split_word_line(line: str, rng: random.Random) -> tuple[str, str] | None:
    """Cut one printed line in two for a page break (at a space or inside a word)."""
    words = line.split(" ")
    if len(words) >= 2 and rng.random() < 0.6:
        k = rng.randint(1, len(words) - 1)
        return " ".join(words[:k]), " ".join(words[k:])
    # inside a plain alphabetic word of the line
    spots = [i for i, w in enumerate(words) if len(w) >= 7 and w.isalpha()]
    if not spots:
        if len(words) >= 2:
            k = rng.randint(1, len(words) - 1)
            return " ".join(words[:k]), " ".join(words[k:])
        return None
    i = rng.choice(spots)
    w = words[i]
    c = rng.randint(3, len(w) - 3)
    return " ".join(words[:i] + [w[:c]]), " ".join([w[c:]] + words[i + 1 :])


MARKUP_RE = re.compile(r"<[^>]*>|&amp;")


def safe_to_cut(line: str) -> bool:
    return not MARKUP_RE.search(line)


def cut_record(cells: dict[str, list[str]], rng: random.Random) -> tuple[dict, dict] | None:
    """Split a row's printed lines at a page break: (kept, continued)."""
    cuttable = {f: ls for f, ls in cells.items() if f not in ("instansi",) + EXTRA_FIELDS and ls}
    tallest = max((len(ls) for ls in cuttable.values()), default=0)
    kept = {f: list(ls) for f, ls in cells.items()}
    cont: dict[str, list[str]] = {}
    if tallest >= 3:
        at = rng.randint(max(1, tallest // 3), tallest - 1)
        for f, ls in cuttable.items():
            if len(ls) > at:
                head, tail = ls[:at], ls[at:]
                # A blank line between items does not survive a page break (a
                # cell's leading and trailing blank lines carry nothing), so
                # such a cell stays whole rather than lose where its items part.
                if head and tail and head[-1] != "" and tail[0] != "":
                    kept[f], cont[f] = head, tail
        return (kept, cont) if cont else None
    # unwrapped cells: cut the longest few cells inside their text
    order = sorted(cuttable, key=lambda f: -len(" ".join(cuttable[f])))
    for f in order[: rng.randint(1, 3)]:
        ls = cuttable[f]
        last = ls[-1]
        if len(last) < 14 or not safe_to_cut(last):
            continue
        parts = split_word_line(last, rng)
        if parts and parts[0].strip() and parts[1].strip():
            kept[f] = ls[:-1] + [parts[0]]
            cont[f] = [parts[1]]
    return (kept, cont) if cont else None


def cell_text(lines: list[str]) -> str:
    return "<br>".join(lines)


@dataclass
class Page:
    records: list[int]  # indices into the plan
    cont: tuple[int, dict] | None = None  # continuation row at the top: (record index, cells)
    cut_last: bool = False


def render(doc: dict, plan: list[PlanRecord], registry: set[str]) -> tuple[str, dict, list[str]]:
    rng = random.Random(doc["seed"])
    cols = columns_of(doc)
    ncols = len(cols)
    notes: list[str] = []
    out: list[str] = []  # output lines

    def emit(line: str) -> int:
        out.append(line)
        return len(out)

    for line in doc["preamble"]:
        emit(line)

    spans: dict[int, list[int]] = {}
    damage_modes = doc["damage"]  # list of (weight, Damage)
    per_page = doc.get("rows_per_page", (1, 4))
    cut_rate = doc.get("cut_rate", 0.35)
    mark = doc["marks"]
    specials = set(doc.get("pages_special", []))  # e.g. "split_header@3", "noheader@5", "empty@7"
    i = 0
    page_no = 0
    pending_cont: tuple[int, dict] | None = None
    prev_section: str | None = None
    while i < len(plan) or pending_cont:
        page_no += 1
        dmg = rng.choices([d for _, d in damage_modes], [w for w, _ in damage_modes])[0]
        if page_no in doc.get("crushed_pages", ()):
            dmg = CRUSHED
        joined = page_no > 1 and doc.get("same_table_rate") and rng.random() < doc["same_table_rate"]
        if page_no > 1 and not joined:
            for _ in range(rng.choice((1, 1, 1, 2, 3))):
                emit("")
        # else: the converter ran this page's table into the previous one
        # ------------------------------------------------------------- header
        top, sub = header_rows(doc, cols, rng)
        special = {s.split("@")[0] for s in specials if int(s.split("@")[1]) == page_no}
        if "empty" in special:
            # a page with only its header: the converter kept an empty table
            emit(row_line(top, rng))
            emit(sep_line(ncols, rng))
            emit(row_line(sub, rng))
            emit(row_line([str(n) for n in range(1, ncols + 1)], rng))
            emit("")
            emit("")
        if "split_header" in special:
            halves = doc["split_header"]
            first, second = [], []
            seen = set()
            for c, t, s in zip(cols, top, sub):
                key = "waktu" if c.year is not None else GROUP_OF.get(c.role, c.role)
                if key in ("waktu", "indikator"):
                    if key not in seen:
                        first.append(halves.get(key, (t.replace("<br>", " "), ""))[0])
                    seen.add(key)
                    second.append(s.replace("<br>", ""))
                else:
                    a, b = halves.get(c.role, (t.replace("<br>", " "), ""))
                    first.append(a)
                    second.append(b)
            emit(row_line(first, rng))
            emit(sep_line(len(first), rng))
            emit(sep_line(len(first), rng))
            emit("")
            emit(row_line(second, rng))
            emit(sep_line(ncols, rng))
        elif "noheader" in special:
            emit(row_line([""] * ncols, rng))
            emit(sep_line(ncols, rng))
        else:
            emit(row_line(top, rng))
            emit(sep_line(ncols, rng))
            emit(row_line(sub, rng))
        cur_section = plan[i].section if i < len(plan) else prev_section
        if pending_cont:
            cur_section = plan[pending_cont[0]].section
        numbering = [str(n) for n in range(1, ncols + 1)]
        if rng.random() < 0.2:
            numbering[-1] = ""
        section_first = rng.random() < 0.6
        show_section = cur_section is not None and (cur_section != prev_section or rng.random() < 0.5)
        if "noheader" not in special:
            if show_section and section_first:
                emit(row_line([f"SUB GUGUS TUGAS {cur_section}"] + [""] * (ncols - 1), rng))
            emit(row_line(numbering, rng))
            if show_section and not section_first:
                emit(row_line([f"SUB GUGUS TUGAS {cur_section}"] + [""] * (ncols - 1), rng))
        if show_section and "noheader" not in special:
            prev_section = cur_section
        # ------------------------------------------------------------- rows
        if pending_cont:
            idx, cells = pending_cont
            row = [cell_text(cells.get(c.role, [])) if c.year is None else "" for c in cols]
            if rng.random() < 0.3:
                row.append("")  # ragged: one cell too many
            ln = emit(row_line(row, rng))
            spans[idx][1] = ln
            pending_cont = None
        take = rng.randint(*per_page)
        for _ in range(take):
            if i >= len(plan):
                break
            rec = plan[i]
            if rec.section != prev_section:
                emit(row_line([f"SUB GUGUS TUGAS {rec.section}"] + [""] * (ncols - 1), rng))
                prev_section = rec.section
            cells = record_lines(doc, rec, rng, dmg)
            last_on_page = _ == take - 1 and i < len(plan) - 1
            want_cut = rec.cut == "yes" or (rec.cut is None and last_on_page and rng.random() < cut_rate)
            cont = None
            if want_cut and (last_on_page or rec.cut == "yes"):
                split = cut_record(cells, rng)
                if split:
                    cells, cont = split
                elif rec.cut == "yes":
                    notes.append(f"row at plan line {rec.line} could not be cut")
            row = []
            for c in cols:
                if c.year is not None:
                    m = mark if c.year in rec.years else ""
                    if m and doc.get("mark_case") and rng.random() < doc["mark_case"]:
                        m = m.swapcase()
                    row.append(m)
                else:
                    row.append(cell_text(cells.get(c.role, [])))
            if row[-1] == "" and rng.random() < 0.4:
                row.pop()  # ragged: trailing empty cell missing
            ln = emit(row_line(row, rng))
            spans[i] = [ln, ln]
            i += 1
            if cont:
                pending_cont = (i - 1, cont)
                break
    text = "\n".join(out) + "\n"
    expected = expected_json(doc, plan, spans, registry, notes)
    return text, expected, notes


# --------------------------------------------------------------------------- expected


def agency_json(m: Mention, registry: set[str], notes: list[str]) -> dict:
    ident = m.id
    if ident is not None and ident not in registry:
        notes.append(f"id {ident} of {clean(m.text)!r} is not in agencies.tsv: expected id null")
        ident = None
    return {"text": clean(m.text), "id": ident}


def expected_json(doc: dict, plan: list[PlanRecord], spans: dict, registry: set[str], notes: list[str]) -> dict:
    records = []
    for n, rec in enumerate(plan):
        f = rec.fields

        def items(name: str) -> list[str]:
            return [clean(x) for x in f.get(name, [])]

        def ments(name: str) -> list[dict]:
            return [agency_json(m, registry, notes) for m in f.get(name, [])]

        r = {
            "no": n + 1,
            "sub_gugus_tugas": rec.section,
            "instansi": [agency_json(m, registry, notes) for m in rec.instansi],
            "masalah": items("masalah"),
            "kegiatan": items("kegiatan"),
            "indikator": {"proses": items("proses"), "hasil": items("hasil"), "target": items("target")},
            "waktu_pelaksanaan": rec.years,
            "penanggung_jawab": ments("pj"),
            "pelaksana": ments("pelaksana"),
            "kelompok_sasaran": items("sasaran"),
        }
        extra = {k: [clean(v)] for k, v in rec.extra.items() if v}
        if extra:
            r["extra"] = extra
        r["source"] = {"lines": spans[n]}
        records.append(r)
    years = doc["years"]
    return {
        "schema": "pergub-rad/1",
        "source": {"name": doc["name"] + ".md", "format": "markdown"},
        "document": {
            "title": doc["title"],
            "regulation": doc["regulation"],
            "province": doc["province"],
            "period": [years[0], years[-1]],
        },
        "records": records,
        "diagnostics": [],
    }


# --------------------------------------------------------------------------- main


def load_registry() -> set[str]:
    ids = set()
    with open(REGISTRY, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            ids.add(line.split("\t", 1)[0].strip())
    return ids


def load_doc(path: str) -> dict:
    spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.DOC


def check_columns(doc: dict, plan: list[PlanRecord]) -> None:
    roles = set(doc["columns"])
    for rec in plan:
        for f in rec.fields:
            if f not in roles:
                raise SystemExit(f"{doc['name']}:{rec.line}: field {f} has no column in this layout")
        for k in rec.extra:
            if k not in roles:
                raise SystemExit(f"{doc['name']}:{rec.line}: extra {k} has no column in this layout")
        for y in rec.years:
            if y not in doc["years"]:
                raise SystemExit(f"{doc['name']}:{rec.line}: year {y} outside {doc['years']}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="documents to generate (default: all)")
    ap.add_argument("--out", default=os.path.join(ROOT, "fixtures", "documents"))
    ap.add_argument("--check", action="store_true", help="fail if the files on disk differ")
    args = ap.parse_args()
    registry = load_registry()
    docs_dir = os.path.join(HERE, "docs")
    paths = sorted(os.path.join(docs_dir, p) for p in os.listdir(docs_dir) if p.endswith(".py") and not p.startswith("_"))
    status = 0
    for path in paths:
        doc = load_doc(path)
        if args.names and doc["name"] not in args.names:
            continue
        plan = parse_plan(doc["plan"], doc["name"])
        check_columns(doc, plan)
        text, expected, notes = render(doc, plan, registry)
        js = json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
        md_path = os.path.join(args.out, doc["name"] + ".md")
        js_path = os.path.join(args.out, doc["name"] + ".expected.json")
        if args.check:
            for p, content in ((md_path, text), (js_path, js)):
                try:
                    same = open(p, encoding="utf-8").read() == content
                except OSError:
                    same = False
                if not same:
                    print(f"{p}: differs from the generator's output", file=sys.stderr)
                    status = 1
        else:
            with open(md_path, "w", encoding="utf-8") as fh:
                fh.write(text)
            with open(js_path, "w", encoding="utf-8") as fh:
                fh.write(js)
        print(f"{doc['name']}: {len(plan)} records, {text.count(chr(10))} lines")
        for note in sorted(set(notes)):
            print(f"  note: {note}")
    return status


if __name__ == "__main__":
    sys.exit(main())
