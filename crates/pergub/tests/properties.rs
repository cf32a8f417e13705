//! Properties of the pipeline over generated documents.
//!
//! - Restoring text that is already clean changes nothing.
//! - Nothing is silently dropped: for every generated plan document, the
//!   output records, in order, hold every letter and digit that the author
//!   typed into the data cells, however the document was broken on the way
//!   (words split by line breaks, hyphenated line ends, rows cut by page
//!   breaks, ditto rows, markup and entities, other column orders).
//!
//! The documents are of our own making: random column orders and header
//! spellings, random year ranges, random text from a small vocabulary. The
//! generator keeps away from what the contract treats as structure rather
//! than data (list markers at the start of a line, lone year marks in a text
//! column, cells that spell a column header); each of those has its own test.

use pergub::{Document, Format, Pipeline, Record};
use proptest::prelude::*;
use proptest::sample::select;
use std::fmt::Write as _;

/// Everyday words of RAD plans, in no particular document's spelling. None
/// is a column header synonym, a year mark or a single letter.
const WORDS: &[&str] = &[
    "pencegahan",
    "penanganan",
    "perlindungan",
    "anak",
    "perempuan",
    "korban",
    "kekerasan",
    "perdagangan",
    "orang",
    "layanan",
    "kesehatan",
    "pendidikan",
    "masyarakat",
    "pelatihan",
    "sosialisasi",
    "koordinasi",
    "rapat",
    "data",
    "jumlah",
    "meningkatnya",
    "tersedianya",
    "rehabilitasi",
    "pemulangan",
    "reintegrasi",
    "desa",
    "kabupaten",
    "kota",
    "tenaga",
    "kerja",
    "pekerja",
    "migran",
    "hukum",
    "penegakan",
    "aparat",
    "tokoh",
    "agama",
    "forum",
    "terpadu",
    "berbasis",
    "pemahaman",
    "tentang",
    "bentuk",
    "dan",
    "di",
    "dari",
    "untuk",
    "yang",
    "dengan",
    "pada",
    "dalam",
    "secara",
    "setiap",
    "bagi",
    "oleh",
    "melalui",
    "serta",
    "kasus",
    "pendampingan",
    "rujukan",
    "shelter",
    "kebijakan",
    "tingkat",
    "aktif",
    "dini",
    "deteksi",
    "penguatan",
    "pembentukan",
    "kapasitas",
    "petugas",
    "sekolah",
    "keluarga",
    "perundang-undangan",
    "bentuk-bentuk",
    "kader",
    "relawan",
    "pengaduan",
    "pusat",
    "pelayanan",
    "terhadap",
    "tersedia",
    "meningkat",
    "menurun",
    "persen",
    "laporan",
    "pemantauan",
    "evaluasi",
    "penyusunan",
    "pedoman",
    "modul",
    "kampanye",
    "media",
    "TPPO",
    "PATBM",
    "P2TP2A",
    "KLA",
    "PKK",
    "HAM",
    "UPTD",
    "PPA",
    "27",
    "60",
    "100",
    "2,5",
];

/// Agency mentions, as authors write them.
const AGENCIES: &[&str] = &[
    "Dinas Sosial Provinsi Contoh",
    "Dinas Kesehatan Kabupaten Contoh",
    "DP3AKKB Provinsi Contoh",
    "Kanwil Hukum dan HAM Contoh",
    "BP3TKI Serang",
    "Polda Contoh",
    "Dinsos Kabupaten / Kota",
    "Dinas Tenaga Kerja dan Transmigrasi",
    "Bappeda",
    "Pemerintah Desa",
];

/// Year marks of the contract.
const MARKS: &[&str] = &["X", "x", "v", "V", "√", "✓"];

/// A column of a generated table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    No,
    Instansi,
    Masalah,
    Kegiatan,
    Proses,
    Hasil,
    Target,
    PenanggungJawab,
    Pelaksana,
    KelompokSasaran,
    Anggaran,
    Keterangan,
}

impl Column {
    /// Header spellings, including split and glued ones.
    fn headers(self) -> &'static [&'static str] {
        match self {
            Column::No => &["NO", "NO."],
            Column::Instansi => &[
                "INSTANSI",
                "INSTANSI/<br>PERANGKAT<br>DAERAH",
                "OPD",
                "INSTANSI/ OPD",
            ],
            Column::Masalah => &["MASALAH", "PERMASALAHAN"],
            Column::Kegiatan => &["KEGIATAN", "KEGIATA<br>N", "PROGRAM/ KEGIATAN"],
            Column::Proses => &["PROSES"],
            Column::Hasil => &["HASIL"],
            Column::Target => &["TARGET"],
            Column::PenanggungJawab => &["PENANGGUNG JAWAB", "PENANGG<br>UNG<br>JAWAB"],
            Column::Pelaksana => &["PELAKSANA", "PELAKSAN<br>A", "INSTANSI TERKAIT"],
            Column::KelompokSasaran => &["KELOMPOK SASARAN", "KELOMPOK<br>SASARAN", "SASARAN"],
            Column::Anggaran => &["ANGGARAN"],
            Column::Keterangan => &["KETERANGAN", "KETERA<br>NGAN"],
        }
    }

    fn is_indikator(self) -> bool {
        matches!(self, Column::Proses | Column::Hasil | Column::Target)
    }

    fn is_agency(self) -> bool {
        matches!(
            self,
            Column::Instansi | Column::PenanggungJawab | Column::Pelaksana
        )
    }

    /// The output text of this column in a record, items joined by spaces.
    fn output(self, record: &Record) -> String {
        let agencies = |list: &[pergub::Agency]| {
            list.iter()
                .map(|a| a.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let extra = |key: &str| {
            record
                .extra
                .get(key)
                .map(|v| v.join(" "))
                .unwrap_or_default()
        };
        match self {
            Column::No => extra("no"),
            Column::Instansi => agencies(&record.instansi),
            Column::Masalah => record.masalah.join(" "),
            Column::Kegiatan => record.kegiatan.join(" "),
            Column::Proses => record.indikator.proses.join(" "),
            Column::Hasil => record.indikator.hasil.join(" "),
            Column::Target => record.indikator.target.join(" "),
            Column::PenanggungJawab => agencies(&record.penanggung_jawab),
            Column::Pelaksana => agencies(&record.pelaksana),
            Column::KelompokSasaran => record.kelompok_sasaran.join(" "),
            Column::Anggaran => extra("anggaran"),
            Column::Keterangan => extra("keterangan"),
        }
    }
}

/// The order fields appear in an output record (and so in the output text).
const OUTPUT_ORDER: [Column; 12] = [
    Column::Instansi,
    Column::Masalah,
    Column::Kegiatan,
    Column::Proses,
    Column::Hasil,
    Column::Target,
    Column::PenanggungJawab,
    Column::Pelaksana,
    Column::KelompokSasaran,
    Column::Anggaran,
    Column::Keterangan,
    Column::No,
];

/// How one cell was broken into the visual lines of the PDF it came from.
#[derive(Debug, Clone)]
struct Breaks(Vec<u8>);

impl Breaks {
    fn at(&self, i: usize) -> u8 {
        if self.0.is_empty() {
            0
        } else {
            self.0[i % self.0.len()]
        }
    }
}

/// A generated cell: the items its author typed, and how it was broken.
#[derive(Debug, Clone)]
struct GenCell {
    items: Vec<String>,
    marker: u8,
    breaks: Breaks,
}

/// A generated plan row.
#[derive(Debug, Clone)]
struct GenRecord {
    /// One cell per non-year column of the table, in column order.
    cells: Vec<GenCell>,
    /// Which year columns carry a mark (at least one does).
    marks: Vec<bool>,
    mark: &'static str,
    /// A section row above this record.
    section: Option<String>,
    /// Left its agency cell empty (a ditto row of the record above).
    ditto: bool,
    /// Cut by a page break after this many visual lines of each cell.
    page_break: Option<u8>,
}

#[derive(Debug, Clone)]
struct GenDoc {
    columns: Vec<Column>,
    /// Where the year block sits among the columns.
    years_at: usize,
    first_year: u16,
    year_count: usize,
    two_row_header: bool,
    header_choice: Vec<u8>,
    numbering_row: bool,
    records: Vec<GenRecord>,
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A phrase of clean text: words separated by single spaces, some commas,
/// perhaps a parenthesis or an ampersand, perhaps a final full stop.
fn phrase() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((select(WORDS), 0u8..12), 1..9),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(words, capital, full_stop)| {
            let mut out = String::new();
            let last = words.len() - 1;
            for (i, (word, decoration)) in words.into_iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                let word = if i == 0 && capital {
                    capitalised(word)
                } else {
                    word.to_string()
                };
                match decoration {
                    0 if i < last => write!(out, "{word},").unwrap_or_default(),
                    1 if i > 0 => write!(out, "({word})").unwrap_or_default(),
                    2 if i > 0 && i < last => write!(out, "& {word}").unwrap_or_default(),
                    3 if i > 0 && i < last => write!(out, "{word} /").unwrap_or_default(),
                    _ => out.push_str(&word),
                }
            }
            // A phrase starts with a word, so no line of it can read as a
            // list marker; a full stop only follows a word.
            if full_stop && out.ends_with(|c: char| c.is_alphabetic()) {
                out.push('.');
            }
            out
        })
        .prop_filter("starts with a letter", |p| {
            p.starts_with(|c: char| c.is_alphabetic())
        })
}

fn cell(column: Column) -> BoxedStrategy<GenCell> {
    let items = if column.is_agency() {
        prop::collection::vec(select(AGENCIES).prop_map(String::from), 1..4).boxed()
    } else if column == Column::No {
        (1u32..200).prop_map(|n| vec![n.to_string()]).boxed()
    } else {
        prop::collection::vec(phrase(), 1..4).boxed()
    };
    (
        items,
        any::<u8>(),
        prop::collection::vec(any::<u8>(), 0..16),
    )
        .prop_map(|(items, marker, breaks)| GenCell {
            items,
            marker,
            breaks: Breaks(breaks),
        })
        .boxed()
}

fn section_name() -> impl Strategy<Value = String> {
    prop::collection::vec(select(WORDS), 1..5).prop_map(|w| w.join(" ").to_uppercase())
}

fn record(columns: Vec<Column>, year_count: usize) -> impl Strategy<Value = GenRecord> {
    let cells: Vec<BoxedStrategy<GenCell>> = columns.iter().map(|c| cell(*c)).collect();
    (
        cells,
        prop::collection::vec(any::<bool>(), year_count),
        0..year_count,
        select(MARKS),
        prop::option::weighted(0.2, section_name()),
        prop::bool::weighted(0.25),
        prop::option::weighted(0.25, 1u8..4),
    )
        .prop_map(
            |(cells, mut marks, forced, mark, section, ditto, page_break)| {
                marks[forced] = true;
                GenRecord {
                    cells,
                    marks,
                    mark,
                    section,
                    ditto,
                    page_break,
                }
            },
        )
}

fn document() -> impl Strategy<Value = GenDoc> {
    let optional = [
        Column::No,
        Column::Masalah,
        Column::Kegiatan,
        Column::Proses,
        Column::Hasil,
        Column::Target,
        Column::PenanggungJawab,
        Column::Pelaksana,
        Column::KelompokSasaran,
        Column::Anggaran,
        Column::Keterangan,
    ];
    (
        prop::sample::subsequence(optional.to_vec(), 1..=optional.len()),
        any::<bool>(),
        1990u16..2090,
        1usize..6,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_flat_map(
            move |(picked, shuffle, first_year, year_count, two_row, numbering)| {
                let mut columns = vec![Column::Instansi];
                columns.extend(picked);
                let columns = if shuffle {
                    Just(columns).prop_shuffle().boxed()
                } else {
                    Just(columns).boxed()
                };
                (
                    columns,
                    Just((first_year, year_count, two_row, numbering)),
                    prop::collection::vec(any::<u8>(), 16),
                )
            },
        )
        .prop_map(
            |(columns, (first_year, year_count, two_row, numbering), choice)| {
                // The indicator columns sit side by side under their group.
                let mut ordered: Vec<Column> = Vec::new();
                for c in &columns {
                    if c.is_indikator() {
                        if !ordered.iter().any(|o| o.is_indikator()) {
                            ordered.extend(columns.iter().filter(|c| c.is_indikator()));
                        }
                    } else {
                        ordered.push(*c);
                    }
                }
                (ordered, first_year, year_count, two_row, numbering, choice)
            },
        )
        .prop_flat_map(
            |(columns, first_year, year_count, two_row, numbering, choice)| {
                let years_at = 1..=columns.len();
                (
                    Just((
                        columns.clone(),
                        first_year,
                        year_count,
                        two_row,
                        numbering,
                        choice,
                    )),
                    years_at,
                    prop::collection::vec(record(columns, year_count), 1..8),
                )
            },
        )
        .prop_map(
            |((columns, first_year, year_count, two_row, numbering, choice), years_at, records)| {
                GenDoc {
                    columns,
                    years_at,
                    first_year,
                    year_count,
                    two_row_header: two_row,
                    header_choice: choice,
                    numbering_row: numbering,
                    records,
                }
            },
        )
}

/// Escape what Markdown and inline HTML would read as markup.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('|', "\\|")
        .replace('<', "&lt;")
}

/// One item of a cell as visual lines: some spaces become line breaks, some
/// words are cut inside (plainly, or with a hyphen at the end of the line).
fn item_lines(item: &str, breaks: &Breaks, counter: &mut usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for (i, word) in item.split(' ').enumerate() {
        let choice = breaks.at(*counter);
        *counter += 1;
        let current = lines.len() - 1;
        if i > 0 {
            if choice % 5 == 1 {
                lines.push(String::new());
            } else {
                lines[current].push(' ');
            }
        }
        let current = lines.len() - 1;
        let letters: Vec<char> = word.chars().collect();
        let cut_inside = letters.len() >= 6
            && letters.iter().all(|c| c.is_alphabetic())
            && matches!(choice % 7, 2 | 3);
        if cut_inside {
            let at = 2 + usize::from(choice) % (letters.len() - 3);
            let head: String = letters[..at].iter().collect();
            let tail: String = letters[at..].iter().collect();
            let head = if choice % 7 == 3 {
                format!("{head}-")
            } else {
                head
            };
            lines[current].push_str(&escape(&head));
            lines.push(escape(&tail));
        } else if choice % 11 == 4 && letters.iter().all(|c| c.is_alphabetic()) {
            write!(lines[current], "<i>{}</i>", escape(word)).unwrap_or_default();
        } else {
            lines[current].push_str(&escape(word));
        }
    }
    lines
}

/// A cell's visual lines: items with list markers when there are several.
fn cell_lines(cell: &GenCell) -> Vec<String> {
    let mut lines = Vec::new();
    let mut counter = 0;
    let listed = cell.items.len() > 1;
    for (n, item) in cell.items.iter().enumerate() {
        let mut item_lines = item_lines(item, &cell.breaks, &mut counter);
        if listed {
            let marker = match cell.marker % 3 {
                0 => format!("{}. ", n + 1),
                1 => "- ".to_string(),
                _ => "• ".to_string(),
            };
            item_lines[0] = format!("{marker}{}", item_lines[0]);
        }
        lines.extend(item_lines);
    }
    lines
}

fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

impl GenDoc {
    fn width(&self) -> usize {
        self.columns.len() + self.year_count
    }

    /// Place the cells of the non-year columns and the year cells in a row.
    fn layout_row(&self, cells: Vec<String>, years: Vec<String>) -> Vec<String> {
        let mut out = cells;
        let tail = out.split_off(self.years_at.min(out.len()));
        out.extend(years);
        out.extend(tail);
        out
    }

    fn header(&self) -> String {
        let mut md = String::new();
        let name = |i: usize, c: Column| {
            let options = c.headers();
            options[usize::from(self.header_choice[i % self.header_choice.len()]) % options.len()]
        };
        let years: Vec<String> = (0..self.year_count)
            .map(|y| (self.first_year + y as u16).to_string())
            .collect();
        // A second header row needs two sub-headers to read as a header: a
        // lone year below WAKTU PELAKSANAAN is a known gap of assembly (see
        // `two_row_header_over_a_single_year`), so such tables get one row.
        let subs = self.year_count + self.columns.iter().filter(|c| c.is_indikator()).count();
        if self.two_row_header && subs >= 2 {
            let mut top = Vec::new();
            let mut bottom = Vec::new();
            let mut indikator_done = false;
            for (i, c) in self.columns.iter().enumerate() {
                if c.is_indikator() {
                    top.push(if indikator_done {
                        String::new()
                    } else {
                        "INDIKATOR".to_string()
                    });
                    indikator_done = true;
                    bottom.push(name(i, *c).to_string());
                } else {
                    top.push(name(i, *c).to_string());
                    bottom.push(String::new());
                }
            }
            let mut top_years = vec![String::new(); self.year_count];
            top_years[0] = "WAKTU PELAKSANAAN".to_string();
            md.push_str(&row(&self.layout_row(top, top_years)));
            md.push_str(&row(&vec!["---".to_string(); self.width()]));
            md.push_str(&row(&self.layout_row(bottom, years)));
        } else {
            let names = self
                .columns
                .iter()
                .enumerate()
                .map(|(i, c)| name(i, *c).to_string())
                .collect();
            md.push_str(&row(&self.layout_row(names, years)));
            md.push_str(&row(&vec!["---".to_string(); self.width()]));
        }
        if self.numbering_row {
            let numbers: Vec<String> = (1..=self.width()).map(|n| n.to_string()).collect();
            md.push_str(&row(&numbers));
        }
        md
    }

    fn section_row(&self, name: &str) -> String {
        let mut cells = vec![String::new(); self.width()];
        cells[0] = format!("SUB GUGUS TUGAS {name}");
        row(&cells)
    }

    /// The document as a PDF converter's Markdown.
    fn markdown(&self) -> String {
        let mut md = String::from(
            "LAMPIRAN PERATURAN GUBERNUR CONTOH\nNOMOR 1 TAHUN 2024\n\nRENCANA AKSI DAERAH\n\n",
        );
        md.push_str(&self.header());
        for (index, rec) in self.records.iter().enumerate() {
            if let Some(name) = &rec.section {
                md.push_str(&self.section_row(name));
            }
            let lines: Vec<Vec<String>> = rec.cells.iter().map(cell_lines).collect();
            let ditto = rec.ditto && index > 0;
            let cut = rec.page_break.map(usize::from);
            let mut first = Vec::new();
            let mut rest = Vec::new();
            for (c, cell) in self.columns.iter().zip(&lines) {
                let keep_whole = matches!(c, Column::Instansi | Column::No);
                let at = match cut {
                    Some(at) if !keep_whole => at.min(cell.len()),
                    _ => cell.len(),
                };
                let blank = ditto && *c == Column::Instansi;
                first.push(if blank {
                    String::new()
                } else {
                    cell[..at].join("<br>")
                });
                rest.push(if blank {
                    String::new()
                } else {
                    cell[at..].join("<br>")
                });
            }
            let years = rec
                .marks
                .iter()
                .map(|m| {
                    if *m {
                        rec.mark.to_string()
                    } else {
                        String::new()
                    }
                })
                .collect();
            md.push_str(&row(&self.layout_row(first, years)));
            if cut.is_some() {
                // A page break: the table ends, the next page repeats the
                // header, and the rest of the row continues there.
                md.push('\n');
                md.push_str(&self.header());
                md.push_str(&row(
                    &self.layout_row(rest, vec![String::new(); self.year_count])
                ));
            }
        }
        md
    }

    /// What the author typed into a record's cell that the document shows:
    /// a ditto row leaves its agency cell empty.
    fn typed(&self, index: usize, column: usize) -> String {
        let rec = &self.records[index];
        if rec.ditto && index > 0 && self.columns[column] == Column::Instansi {
            return String::new();
        }
        rec.cells[column].items.join(" ")
    }

    /// The years each record marks.
    fn years(&self, rec: &GenRecord) -> Vec<u16> {
        rec.marks
            .iter()
            .enumerate()
            .filter(|(_, m)| **m)
            .map(|(y, _)| self.first_year + y as u16)
            .collect()
    }
}

fn alnum(text: &str) -> Vec<char> {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// How many letters and digits of `input` are not found, in order, in
/// `output` (0 when `input`'s letters and digits are a subsequence).
fn lost(input: &str, output: &str) -> usize {
    let output = alnum(output);
    let mut at = 0;
    let mut missing = 0;
    for c in alnum(input) {
        match output[at..].iter().position(|o| *o == c) {
            Some(found) => at += found + 1,
            None => missing += 1,
        }
    }
    missing
}

fn extract(md: &str) -> Document {
    Pipeline::new()
        .extract(md.as_bytes(), Format::Markdown, "generated.md")
        .unwrap_or_else(|e| panic!("Markdown extraction failed: {e}"))
}

/// The author's text of every data cell and the output text, both in
/// record order and then the output's field order.
fn texts(gen: &GenDoc, doc: &Document) -> (String, String) {
    let mut input = String::new();
    let mut output = String::new();
    for (index, out) in doc.records.iter().enumerate().take(gen.records.len()) {
        for column in OUTPUT_ORDER {
            if let Some(i) = gen.columns.iter().position(|c| *c == column) {
                input.push_str(&gen.typed(index, i));
                input.push(' ');
            }
            output.push_str(&column.output(out));
            output.push(' ');
        }
    }
    (input, output)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn restoring_clean_text_changes_nothing(text in phrase()) {
        let normaliser = pergub::Normaliser::new();
        let lines = vec![text.clone()];
        prop_assert_eq!(normaliser.restorer().items(&lines), vec![text.clone()]);
        prop_assert_eq!(normaliser.restorer().restore(&lines), text);
    }

    #[test]
    fn clean_list_items_come_back_as_they_were(items in prop::collection::vec(phrase(), 1..6)) {
        let normaliser = pergub::Normaliser::new();
        let lines: Vec<String> = items.iter().enumerate().map(|(n, t)| format!("{}. {t}", n + 1)).collect();
        prop_assert_eq!(normaliser.restorer().items(&lines), items);
    }

    #[test]
    fn no_letter_or_digit_of_a_data_cell_is_lost(gen in document()) {
        let md = gen.markdown();
        let doc = extract(&md);
        prop_assert_eq!(
            doc.records.len(),
            gen.records.len(),
            "records read from:\n{}\ndiagnostics: {:#?}",
            md,
            doc.diagnostics
        );
        let mut section = None;
        for (n, (rec, out)) in gen.records.iter().zip(&doc.records).enumerate() {
            if rec.section.is_some() {
                section = rec.section.clone();
            }
            prop_assert_eq!(&out.sub_gugus_tugas, &section, "record {} of:\n{}", n + 1, md);
            prop_assert_eq!(&out.waktu_pelaksanaan, &gen.years(rec), "record {} of:\n{}", n + 1, md);
            for (i, column) in gen.columns.iter().enumerate() {
                let typed = gen.typed(n, i);
                let got = column.output(out);
                prop_assert_eq!(
                    lost(&typed, &got),
                    0,
                    "record {} {:?}: typed {:?}, output {:?}, from:\n{}",
                    n + 1,
                    column,
                    typed,
                    got,
                    md
                );
            }
        }
        let (input, output) = texts(&gen, &doc);
        prop_assert_eq!(lost(&input, &output), 0, "characters lost from:\n{}", md);
    }
}

#[test]
fn lost_counts_what_is_missing_in_order() {
    assert_eq!(lost("Pe-ncegahan 2024", "Pencegahan, 2024."), 0);
    assert_eq!(lost("abc", "cba"), 2);
    assert_eq!(lost("Dinas Sosial", "Dinas"), 6);
    assert_eq!(lost("", "anything"), 0);
}

#[test]
fn generated_documents_read_back_their_structure() {
    // A fixed document through the generator's rendering, so that a broken
    // generator cannot make the properties above pass vacuously.
    let cell = |items: &[&str], breaks: &[u8]| GenCell {
        items: items.iter().map(|s| s.to_string()).collect(),
        marker: 0,
        breaks: Breaks(breaks.to_vec()),
    };
    let gen = GenDoc {
        columns: vec![Column::Kegiatan, Column::Instansi, Column::Target],
        years_at: 2,
        first_year: 2024,
        year_count: 2,
        two_row_header: true,
        header_choice: vec![1],
        numbering_row: true,
        records: vec![
            GenRecord {
                cells: vec![
                    cell(
                        &["Sosialisasi pencegahan kekerasan", "Pelatihan kader"],
                        &[0, 1, 2, 0],
                    ),
                    cell(&["Dinas Sosial Provinsi Contoh"], &[]),
                    cell(&["Meningkatnya pemahaman"], &[3]),
                ],
                marks: vec![true, false],
                mark: "x",
                section: Some("PENCEGAHAN".into()),
                ditto: false,
                page_break: Some(1),
            },
            GenRecord {
                cells: vec![
                    cell(&["Rapat"], &[]),
                    cell(&["Bappeda"], &[]),
                    cell(&["Data"], &[]),
                ],
                marks: vec![false, true],
                mark: "√",
                section: None,
                ditto: true,
                page_break: None,
            },
        ],
    };
    let md = gen.markdown();
    assert!(md.contains("KEGIATA<br>N"), "{md}");
    assert!(md.contains("| SUB GUGUS TUGAS PENCEGAHAN |"), "{md}");
    assert_eq!(
        md.matches("WAKTU PELAKSANAAN").count(),
        2,
        "the header repeats after the page break:\n{md}"
    );
    let doc = extract(&md);
    assert_eq!(doc.records.len(), 2, "{md}");
    assert_eq!(doc.records[0].waktu_pelaksanaan, [2024]);
    assert_eq!(doc.records[1].waktu_pelaksanaan, [2025]);
    assert_eq!(
        doc.records[1].sub_gugus_tugas.as_deref(),
        Some("PENCEGAHAN")
    );
    assert_eq!(
        doc.records[1].instansi[0].text, "Dinas Sosial Provinsi Contoh",
        "ditto row"
    );
    let (input, output) = texts(&gen, &doc);
    assert_eq!(lost(&input, &output), 0, "{input}\n{output}");
}

fn one_record(md: &str) -> Document {
    let doc = extract(md);
    assert_eq!(doc.records.len(), 1, "{md}\n{:#?}", doc.diagnostics);
    doc
}

#[test]
fn two_row_header_over_a_single_year() {
    let md = "| INSTANSI | WAKTU PELAKSANAAN | KEGIATAN |\n|---|---|---|\n| | 2024 | |\n\
              | Dinas Sosial | x | Pelatihan kader |\n";
    let doc = one_record(md);
    assert_eq!(doc.records[0].waktu_pelaksanaan, [2024]);
    assert_eq!(doc.records[0].kegiatan, ["Pelatihan kader"]);
}

#[test]
fn data_row_of_header_words_is_kept() {
    let md =
        "| INSTANSI | KEGIATAN | PELAKSANA | KELOMPOK SASARAN | 2024 |\n|---|---|---|---|---|\n\
              | Dinas Sosial | Pelatihan kader desa | Dinkes | Masyarakat | x |\n\
              | Bappeda | Koordinasi | Mitra | Sasaran | |\n";
    let doc = extract(md);
    assert_eq!(doc.records.len(), 2, "{:#?}", doc.diagnostics);
    assert_eq!(doc.records[1].kelompok_sasaran, ["Sasaran"]);
}
