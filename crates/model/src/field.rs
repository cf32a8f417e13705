//! The fields of a record, as diagnostics name them.

use std::fmt;

/// A field of a [`crate::Record`]; [`Field::path`] is the name diagnostics use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// `instansi`
    Instansi,
    /// `masalah`
    Masalah,
    /// `kegiatan`
    Kegiatan,
    /// `indikator.proses`
    Proses,
    /// `indikator.hasil`
    Hasil,
    /// `indikator.target`
    Target,
    /// `waktu_pelaksanaan`
    WaktuPelaksanaan,
    /// `penanggung_jawab`
    PenanggungJawab,
    /// `pelaksana`
    Pelaksana,
    /// `kelompok_sasaran`
    KelompokSasaran,
}

impl Field {
    /// Every field, in output order.
    pub const ALL: [Field; 10] = [
        Field::Instansi,
        Field::Masalah,
        Field::Kegiatan,
        Field::Proses,
        Field::Hasil,
        Field::Target,
        Field::WaktuPelaksanaan,
        Field::PenanggungJawab,
        Field::Pelaksana,
        Field::KelompokSasaran,
    ];

    /// The text fields (arrays of strings).
    pub const TEXT: [Field; 6] = [
        Field::Masalah,
        Field::Kegiatan,
        Field::Proses,
        Field::Hasil,
        Field::Target,
        Field::KelompokSasaran,
    ];

    /// The agency fields (arrays of mentions).
    pub const AGENCY: [Field; 3] = [Field::Instansi, Field::PenanggungJawab, Field::Pelaksana];

    /// The JSON path of the field inside a record (`indikator.target`).
    pub fn path(self) -> &'static str {
        match self {
            Field::Instansi => "instansi",
            Field::Masalah => "masalah",
            Field::Kegiatan => "kegiatan",
            Field::Proses => "indikator.proses",
            Field::Hasil => "indikator.hasil",
            Field::Target => "indikator.target",
            Field::WaktuPelaksanaan => "waktu_pelaksanaan",
            Field::PenanggungJawab => "penanggung_jawab",
            Field::Pelaksana => "pelaksana",
            Field::KelompokSasaran => "kelompok_sasaran",
        }
    }

    /// Whether the field holds agency mentions.
    pub fn is_agency(self) -> bool {
        Field::AGENCY.contains(&self)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.path())
    }
}
