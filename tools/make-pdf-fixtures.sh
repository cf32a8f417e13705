#!/usr/bin/env bash
# Render the PDF fixtures under fixtures/pdf/ from expected JSON documents:
# each source becomes print HTML (tools/pdf_fixture_html.py), which headless
# Chromium and LibreOffice each print to a PDF, and an expected JSON per PDF
# (tools/pdf_fixture_expected.py, pages from pdftotext).
#
# Needs Debian's chromium, libreoffice-writer, poppler-utils, qpdf and
# fonts-liberation. Run from anywhere; rewrites fixtures/pdf/*.pdf and
# fixtures/pdf/*.expected.json.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/fixtures/pdf"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# render NAME SOURCE [OPTIONS for pdf_fixture_html.py...]
render() {
  local name="$1" source="$2"
  shift 2
  local html="$work/$name.html"
  python3 "$root/tools/pdf_fixture_html.py" "$source" "$html" "$@"
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --disable-pdf-tagging \
    --no-pdf-header-footer --user-data-dir="$work/profile" \
    --print-to-pdf="$out/$name-chromium.pdf" "$html" >/dev/null 2>&1
  soffice --headless -env:UserInstallation="file://$work/lo-profile" \
    --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export \
    --outdir "$work" "$html" >/dev/null 2>&1
  mv "$work/$name.pdf" "$out/$name-libreoffice.pdf"
  for pdf in "$out/$name-chromium.pdf" "$out/$name-libreoffice.pdf"; do
    python3 "$root/tools/pdf_fixture_expected.py" "$source" "$pdf" "${pdf%.pdf}.expected.json"
    echo "$(basename "$pdf"): $(pdfinfo "$pdf" | awk '/^Pages/ {print $2}') pages, $(stat -c %s "$pdf") bytes"
  done
}

# The seed's records in the seed's column order, ditto rows, X marks.
render banten-2018 "$root/fixtures/documents/000_861539b47a742229.expected.json" --ditto

# Another province, another column order, a NO and an extra column,
# other header names and years, check marks.
render jateng-2021 "$out/sources/jateng-2021.source.json" \
  --columns no,kegiatan,instansi,penanggung_jawab,indikator,waktu,masalah,pelaksana,kelompok_sasaran,keterangan \
  --mark "√" --font-size 9 \
  --header "instansi=INSTANSI PENGAMPU;kegiatan=PROGRAM/ KEGIATAN;masalah=PERMASALAHAN"

# A colleague's documents: a province with NO, ANGGARAN and SUMBER DANA
# columns, and a regency (Peraturan Bupati) without a MASALAH column.
render jateng-2020 "$root/fixtures/documents/010_jateng_tppo.expected.json" \
  --columns no,instansi,masalah,kegiatan,indikator,waktu,penanggung_jawab,pelaksana,kelompok_sasaran,anggaran,sumber_dana \
  --header "instansi=PERANGKAT DAERAH;masalah=PERMASALAHAN;waktu=WAKTU PELAKSANAAN"
render banyumas-2022 "$root/fixtures/documents/011_banyumas_kpa.expected.json" \
  --columns no,kegiatan,instansi,indikator,kelompok_sasaran,waktu,penanggung_jawab,pelaksana,keterangan \
  --issuer BANYUMAS --mark v --font-size 8 \
  --header "instansi=OPD;indikator=INDIKATOR KINERJA;kelompok_sasaran=SASARAN;waktu=TAHUN PELAKSANAAN;pelaksana=INSTANSI TERKAIT"

# An encrypted copy of one page (user password "rahasia"), which the reader
# must refuse with a clear error. Needs qpdf.
qpdf --empty --pages "$out/jateng-2021-chromium.pdf" 1 -- "$work/one-page.pdf"
qpdf --encrypt rahasia rahasia 256 -- "$work/one-page.pdf" "$out/encrypted.pdf"
echo "encrypted.pdf: $(stat -c %s "$out/encrypted.pdf") bytes"
