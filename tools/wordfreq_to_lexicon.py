#!/usr/bin/env python3
"""Convert wordfreq's Indonesian word list into the lexicon data file of pergub.

Input: ``small_id.msgpack.gz`` from the wordfreq wheel (PyPI ``wordfreq``, 3.x;
``pip download --no-deps wordfreq`` and unzip). The file is msgpack: a header
dict ``{"format": "cB", ...}`` followed by one list of words per centibel bucket
(bucket *i* holds the words whose frequency is about ``10 ** (-i / 100)``).

Output: ``crates/normaliser/data/lexicon/wordfreq_id.txt``, one line per
non-empty bucket, ``CB<TAB>word word word ...``. Only words made of letters
(with inner hyphens or apostrophes) are kept: numbers and symbols are not
evidence for word segmentation.

The data is CC BY-SA 4.0 (wordfreq by Robyn Speer and its sources); see
``crates/normaliser/data/lexicon/README.md``.

Usage: python3 tools/wordfreq_to_lexicon.py small_id.msgpack.gz OUT.txt
"""

import gzip
import re
import sys

import msgpack

WORD = re.compile(r"^[a-z]+(?:[-'][a-z]+)*$")


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    src, out = sys.argv[1], sys.argv[2]
    with gzip.open(src) as f:
        data = msgpack.unpackb(f.read(), raw=False)
    header, buckets = data[0], data[1:]
    if header.get("format") != "cB":
        print(f"unexpected format: {header!r}", file=sys.stderr)
        return 1
    kept = 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# wordfreq small_id (CC BY-SA 4.0), see README.md; CB<TAB>words\n")
        for cb, words in enumerate(buckets):
            words = sorted(w for w in words if WORD.match(w))
            if words:
                kept += len(words)
                f.write(f"{cb}\t{' '.join(words)}\n")
    print(f"{kept} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
