//! Text restoration rules of `OUTPUT.md`, one case per behaviour.
//!
//! Each case is a cell's visual lines (`|` separates lines, an empty part is
//! a blank line), the items expected (`‖` separates items) and why. The
//! words are not the seed's: the rules are general.

use pergub_normaliser::Normaliser;

struct Case {
    lines: &'static str,
    items: &'static str,
    why: &'static str,
}

const CASES: &[Case] = &[
    // Rule 2: line breaks.
    Case {
        lines: "Pelatihan kader|Posyandu desa",
        items: "Pelatihan kader Posyandu desa",
        why: "a break between two words is a space",
    },
    Case {
        lines: "Penanggulang|an Bencana",
        items: "Penanggulangan Bencana",
        why: "a break inside a word joins with nothing",
    },
    Case {
        lines: "pada tahun 202|2",
        items: "pada tahun 2022",
        why: "digits of a year cut by a break join",
    },
    Case {
        lines: "Perlindungan Anak|Provinsi Bali",
        items: "Perlindungan Anak Provinsi Bali",
        why: "two known words at a break stay apart",
    },
    Case {
        lines: "bersih|narkoba",
        items: "bersih narkoba",
        why: "the join is no word: a space",
    },
    // Rule 3: hyphens at breaks.
    Case {
        lines: "Pe-|nanggulangan bencana",
        items: "Penanggulangan bencana",
        why: "a hyphen that cut a word is dropped",
    },
    Case {
        lines: "Keseja|-hteraan Sosial",
        items: "Kesejahteraan Sosial",
        why: "a hyphen at the start of the next line is dropped too",
    },
    Case {
        lines: "peraturan perundang-|undangan",
        items: "peraturan perundang-undangan",
        why: "a reduplication keeps its hyphen",
    },
    Case {
        lines: "anak-|anak jalanan",
        items: "anak-anak jalanan",
        why: "a whole reduplication keeps its hyphen",
    },
    Case {
        lines: "masing-|masing perangkat",
        items: "masing-masing perangkat",
        why: "reduplication of a listed word",
    },
    Case {
        lines: "warga se-|Kabupaten Sleman",
        items: "warga se-Kabupaten Sleman",
        why: "a prefix before a capitalised word keeps the hyphen",
    },
    // Rule 4: lost and shifted spaces.
    Case {
        lines: "Pemberianmakanantambahan|bagibalita",
        items: "Pemberian makanan tambahan bagi balita",
        why: "glued words are separated",
    },
    Case {
        lines: "DinasKesehatan Kabupaten",
        items: "Dinas Kesehatan Kabupaten",
        why: "a capital inside a word starts a new word",
    },
    Case {
        lines: "Pelatihan relaw anan ti narkoba",
        items: "Pelatihan relawan anti narkoba",
        why: "shifted spaces move back",
    },
    Case {
        lines: "sosialisasi Peraturan Bupati Nomor12 Tahun2021",
        items: "sosialisasi Peraturan Bupati Nomor 12 Tahun 2021",
        why: "numbers glued to words stand apart",
    },
    Case {
        lines: "forum anak P2TP2A dan TPPO",
        items: "forum anak P2TP2A dan TPPO",
        why: "acronyms and codes stay whole",
    },
    Case {
        lines: "BNN|P Sulawesi",
        items: "BNNP Sulawesi",
        why: "an acronym cut before its last letter joins",
    },
    Case {
        lines: "UPTD PPA|Kabupaten",
        items: "UPTD PPA Kabupaten",
        why: "two acronyms at a break stay apart",
    },
    Case {
        lines: "Kab./ Kota dan kekerasan / perdagangan",
        items: "Kab./ Kota dan kekerasan / perdagangan",
        why: "spaces typed around a slash stay",
    },
    Case {
        lines: "Pendataan penyandang disabilitas berbasis nama",
        items: "Pendataan penyandang disabilitas berbasis nama",
        why: "correct text is left alone",
    },
    Case {
        lines: "Penyandang disabilitas di Kabupaten Pandeglang",
        items: "Penyandang disabilitas di Kabupaten Pandeglang",
        why: "an unknown name is not cut",
    },
    // Rule 5: look-alike letters.
    Case {
        lines: "Penanganan kasus seкто|ral",
        items: "Penanganan kasus sektoral",
        why: "Cyrillic look-alikes inside Latin words become Latin",
    },
    Case {
        lines: "Ρelayanan kesehatan",
        items: "Pelayanan kesehatan",
        why: "a Greek capital look-alike becomes Latin",
    },
    // Rule 6: whitespace and punctuation.
    Case {
        lines: "  Balita ,  ibu hamil ; dan lansia  ",
        items: "Balita, ibu hamil; dan lansia",
        why: "spaces collapse; none before , and ;",
    },
    // Rule 7: list items.
    Case {
        lines: "1. Rapat koordinasi|2. Pelatihan kader|desa",
        items: "Rapat koordinasi‖Pelatihan kader desa",
        why: "numbered items split, markers dropped",
    },
    Case {
        lines: "1. Dinas Sosial;|2. BPBD;|3. Polres",
        items: "Dinas Sosial‖BPBD‖Polres",
        why: "the separating ; goes",
    },
    Case {
        lines: "- Bidan desa|- Kader|Posyandu",
        items: "Bidan desa‖Kader Posyandu",
        why: "bullets split",
    },
    Case {
        lines: "Dinas Sosial||Dinas Kesehatan",
        items: "Dinas Sosial‖Dinas Kesehatan",
        why: "a blank line splits",
    },
    Case {
        lines: "1. Pelatihan:|a. kader|b. bidan|2. Evaluasi.",
        items: "Pelatihan: a. kader b. bidan‖Evaluasi.",
        why: "lettered sub-items stay in their parent; a full stop stays",
    },
    Case {
        lines: "Sosialisasi UU No.|21 Tahun 2007",
        items: "Sosialisasi UU No. 21 Tahun 2007",
        why: "a number at a line start that is no list marker",
    },
    // Typed spaces and typed words are the author's.
    Case {
        lines: "300 peserta per bulan",
        items: "300 peserta per bulan",
        why: "`per` is the preposition of rates: a typed space before it stays",
    },
    Case {
        lines: "Per minggu",
        items: "Per minggu",
        why: "a typed space between two acceptable words stays, even at the start",
    },
    Case {
        lines: "Penanganan korban|penyalahguna obat",
        items: "Penanganan korban penyalahguna obat",
        why: "a valid word typed whole is not cut into rarer pieces",
    },
    Case {
        lines: "Puskesmas Batulayang|Kota Selatan",
        items: "Puskesmas Batulayang Kota Selatan",
        why: "an unknown capitalised word among capitalised words is a name: kept whole",
    },
    // Glued tokens with digits and brackets.
    Case {
        lines: "5UPT beroperasi",
        items: "5 UPT beroperasi",
        why: "a count glued to an acronym is two tokens",
    },
    Case {
        lines: "Satgas K3Ldibentuk",
        items: "Satgas K3L dibentuk",
        why: "capitals between a code's digit and a lower-case word belong to the code",
    },
    Case {
        lines: "Penderita gangguan jiwa (ODGJ)belum|terdata",
        items: "Penderita gangguan jiwa (ODGJ) belum terdata",
        why: "a closing bracket glued to a word gets its space back",
    },
    Case {
        lines: "2( dua) kegiatan",
        items: "2 (dua) kegiatan",
        why: "brackets hug what they enclose and stand apart from the number",
    },
    Case {
        lines: "Balai Karantina Kelas I Denpasar",
        items: "Balai Karantina Kelas I Denpasar",
        why: "a typed space before a capital is never removed (no `KelasI`)",
    },
    Case {
        lines: "Balai Karantina Kelas I|DPS Bandara",
        items: "Balai Karantina Kelas I DPS Bandara",
        why: "capitals across a line break join into an acronym only when it is known",
    },
];

fn check(normaliser: &Normaliser, case: &Case) -> Option<String> {
    let lines: Vec<String> = case.lines.split('|').map(str::to_string).collect();
    let got = normaliser.restorer().items(&lines);
    let want: Vec<&str> = case.items.split('‖').collect();
    if got == want {
        return None;
    }
    Some(format!(
        "{}\n  lines {:?}\n  want  {:?}\n  got   {:?}",
        case.why, lines, want, got
    ))
}

#[test]
fn restoration_cases() {
    let normaliser = Normaliser::new();
    let failures: Vec<String> = CASES.iter().filter_map(|c| check(&normaliser, c)).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn continuation_fragment_joins_the_cell_above() {
    // The parser appends a continuation row's fragment as further lines.
    let normaliser = Normaliser::new();
    let lines = vec![
        "Pencegahan dan Penangan".to_string(),
        "an kekerasan".to_string(),
    ];
    assert_eq!(
        normaliser.restorer().restore(&lines),
        "Pencegahan dan Penanganan kekerasan"
    );
}

#[test]
fn document_vocabulary_joins_codes_it_spells_whole() {
    let normaliser = Normaliser::new();
    let restorer = normaliser.restorer();
    let cells: Vec<Vec<String>> = vec![
        vec!["Koordinasi dengan BPPKB dan Dinsos".into()],
        vec!["Laporan BPPKB setiap tahun".into()],
    ];
    let vocabulary = restorer.vocabulary(cells.iter().map(Vec::as_slice));
    assert!(
        vocabulary.contains("BPPKB"),
        "the acronym spelled whole is evidence"
    );
    let lines = vec!["Rapat BPP".to_string(), "KB Provinsi".to_string()];
    assert_eq!(
        restorer.items_in(&lines, &vocabulary),
        ["Rapat BPPKB Provinsi"]
    );
    assert_eq!(
        restorer.items(&lines),
        ["Rapat BPP KB Provinsi"],
        "without evidence the parts stay apart"
    );
}

#[test]
fn empty_and_blank_cells_give_no_items() {
    let normaliser = Normaliser::new();
    assert!(normaliser.restorer().items(&[]).is_empty());
    assert!(normaliser
        .restorer()
        .items(&[String::new(), "  ".into()])
        .is_empty());
    assert_eq!(normaliser.restorer().restore(&[]), "");
}

#[test]
fn odd_input_does_not_panic() {
    let normaliser = Normaliser::new();
    for lines in [
        vec!["-".to_string()],
        vec!["-".into(), "-".into()],
        vec!["1.".into(), "2.".into()],
        vec!["ab-".into()],
        vec!["\u{00AD}".into(), "İstanbul ΣΑΣ".into()],
        vec!["((((".into(), "))))".into()],
        vec!["a".repeat(500)],
        vec!["x-y-z-w".into(), "-q".into()],
    ] {
        let _ = normaliser.restorer().items(&lines);
    }
}
