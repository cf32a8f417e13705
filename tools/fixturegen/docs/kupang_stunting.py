# A Peraturan Wali Kota of Kupang (Nusa Tenggara Timur): RAD on stunting
# 2021-2023. Layout: PERANGKAT DAERAH | PERMASALAHAN | RENCANA AKSI | INDIKATOR
# (PROSES/OUTPUT/TARGET) | PENANGGUNG JAWAB | MITRA KERJA | WAKTU PELAKSANAAN:
# header synonyms throughout, three years at the END of the table, no KELOMPOK
# SASARAN column, no SUB GUGUS TUGAS sections, marks `✓`, a two-line title, and
# a province the text never names except through "Provinsi NTT".
from fixturegen import Damage

DOC = {
    "name": "012_kupang_stunting",
    "seed": 12,
    "preamble": [
        "LAMPIRAN  ",
        "PERATURAN WALI KOTA KUPANG  ",
        "NOMOR 18 TAHUN 2021  ",
        "TENTANG RENCANA AKSI DAERAH PERCEPATAN  ",
        "PENURUNAN STUNTING KOTA KUPANG  ",
        "TAHUN 2021-2023",
        "",
        "RENCANA AKSI DAERAH PERCEPATAN PENURUNAN STUNTING",
        "KOTA KUPANG TAHUN 2021 - 2023",
        "",
    ],
    "title": "RENCANA AKSI DAERAH PERCEPATAN PENURUNAN STUNTING KOTA KUPANG TAHUN 2021 - 2023",
    "regulation": {"kind": "Peraturan Wali Kota", "number": "18", "year": 2021},
    "province": "Nusa Tenggara Timur",
    "years": [2021, 2022, 2023],
    "marks": "✓",
    "columns": ["instansi", "masalah", "kegiatan", "proses", "hasil", "target", "pj", "pelaksana", "years"],
    "headers": {
        "instansi": ["PERANGKAT<br>DAERAH", "PERANGKAT DAERAH", "PERANGKA<br>T DAERAH"],
        "masalah": ["PERMASALAHAN", "PERMASALA<br>HAN"],
        "kegiatan": ["RENCANA AKSI", "RENCANA<br>AKSI"],
        "indikator": ["INDIKATOR"],
        "hasil_sub": ["OUTPUT"],
        "pj": ["PENANGGUNG<br>JAWAB", "PENANGGU<br>NG JAWAB"],
        "pelaksana": ["MITRA<br>KERJA", "MITRA KERJA"],
        "waktu": ["WAKTU<br>PELAKSANAAN", "WAKTU PELAKSANAAN"],
    },
    "pages_special": ["empty@3"],
    "styles": {"text": ["num", "dash", "blank", "numsemi"], "agency": ["num", "dash", "blank", "comma", "lines"]},
    "rows_per_page": (2, 4),
    "cut_rate": 0.5,
    "crushed_pages": [4],
    "damage": [
        (1, Damage(13, 0.55, 0.9, 0.3, 1.0)),  # a crushed page, as the seed's narrowest
        (2, Damage(None, 0.03, 0.0, 0.0, 1.0)),
        (2, Damage(24, 0.05, 0.35, 0.3, 1.0)),
        (2, Damage(14, 0.18, 0.6, 0.2, 1.0)),
    ],
    "plan": """
+ Dinas Kesehatan Kota Kupang {DINKES}
m: Masih tingginya prevalensi anemia pada remaja putri
k: Pemberian Tablet Tambah Darah (TTD) bagi remaja putri di sekolah
p: Distribusi TTD ke SMP dan SMA
p: Minum TTD bersama setiap minggu
h: Remaja putri mengonsumsi TTD sesuai standar
t: 58% remaja putri
y: 2021-2023
j: Dinas Kesehatan Kota Kupang {DINKES}
l: Dinas Pendidikan dan Kebudayaan Kota Kupang {DISDIK}
l: Puskesmas se-Kota Kupang {PUSKESMAS}
=
m: Ibu hamil Kurang Energi Kronis (KEK) belum seluruhnya mendapat makanan tambahan
k: Pemberian Makanan Tambahan (PMT) bagi ibu hamil KEK
p: Skrining ibu hamil KEK melalui pengukuran LILA
p: Pemberian PMT selama 90 hari
h: Ibu hamil KEK mendapat PMT
t: 80% ibu hamil KEK
y: 2021-2023
j: Dinas Kesehatan Kota Kupang {DINKES}
l: Puskesmas se-Kota Kupang {PUSKESMAS}
l: TP PKK Kota Kupang {TP_PKK}
=
m: Cakupan ASI eksklusif dan pemantauan pertumbuhan balita di Posyandu masih rendah
k: Penguatan Posyandu dan konseling Pemberian Makan Bayi dan Anak (PMBA)
p: Pelatihan konselor PMBA
p: Penimbangan dan pengukuran balita setiap bulan
p: Input data ke aplikasi e-PPGBM
h: Balita terpantau pertumbuhannya setiap bulan
t: 90% balita ditimbang
y: 2021-2023
j: Dinas Kesehatan Kota Kupang {DINKES}
l: Puskesmas se-Kota Kupang {PUSKESMAS}
l: Kader Posyandu {}
=
m: Balita gizi buruk belum tertangani secara tuntas
k: Tata laksana balita gizi buruk dan gizi kurang
p: Pemberian F75, F100 dan RUTF
p: Rujukan ke RSUD S.K. Lerik
h: Balita gizi buruk pulih
t: 100% balita gizi buruk tertangani
y: 2021-2023
j: Dinas Kesehatan Kota Kupang {DINKES}
l: RSUD S.K. Lerik {RUMAH_SAKIT}
l: Dinas Kesehatan Provinsi NTT {DINKES}
+ Badan Perencanaan Pembangunan Daerah Kota Kupang {BAPPEDA}
m: Program dan kegiatan penurunan stunting belum konvergen di tingkat kelurahan
k: Pelaksanaan 8 (delapan) aksi konvergensi percepatan penurunan stunting
p: Analisis situasi
p: Rembuk stunting tingkat kota
p: Penilaian kinerja kelurahan
h: Intervensi spesifik dan sensitif terfokus pada kelurahan lokus
t: 10 kelurahan lokus per tahun
y: 2021-2023
j: Bappeda Kota Kupang {BAPPEDA}
l: Bappeda Kota Kupang {BAPPEDA}
l: Camat se-Kota Kupang {KECAMATAN}
l: Lurah se-Kota Kupang {}
=
m: Data sasaran stunting tersebar di berbagai perangkat daerah
k: Pengembangan sistem data terpadu sasaran penurunan stunting
p: Integrasi data e-PPGBM, DTKS dan data keluarga berisiko stunting
h: Tersedianya data sasaran by name by address
t: 1 (satu) dasbor data
y: 2022 2023
j: Bappeda Kota Kupang {BAPPEDA}
l: Dinas Komunikasi dan Informatika Kota Kupang {DISKOMINFO}
l: Dinas Kesehatan Kota Kupang {DINKES}
+ Dinas Pengendalian Penduduk dan Keluarga Berencana Kota Kupang {DISDALDUK}
m: Keluarga berisiko stunting belum mendapat pendampingan
k: Pendampingan keluarga berisiko stunting oleh Tim Pendamping Keluarga (TPK)
p: Pembentukan TPK di setiap kelurahan
p: Pendampingan calon pengantin, ibu hamil, ibu nifas dan baduta
h: Keluarga berisiko stunting terdampingi
t: 90% keluarga berisiko
y: 2021-2023
j: Dinas PPKB Kota Kupang {DISDALDUK}
l: BKKBN Perwakilan Provinsi NTT {BKKBN}
l: TP PKK Kota Kupang {TP_PKK}
l: Bidan Kelurahan {}
+ Kantor Kementerian Agama Kota Kupang {KEMENAG}
m: Calon pengantin belum memahami kesehatan reproduksi dan gizi
k: Bimbingan perkawinan dan pemeriksaan kesehatan calon pengantin tiga bulan sebelum menikah
p: Bimbingan perkawinan di KUA
p: Rujukan pemeriksaan ke Puskesmas
h: Calon pengantin siap hamil dengan status gizi baik
t: 100% calon pengantin
y: 2021-2023
j: Kantor Kemenag Kota Kupang {KEMENAG}
l: KUA Kecamatan {KEMENAG}
l: Lembaga keagamaan {MUI}
l: Puskesmas se-Kota Kupang {PUSKESMAS}
+ Dinas Pekerjaan Umum dan Penataan Ruang Kota Kupang {DPUPR}
m: Masih ada rumah tangga yang belum mengakses air minum layak
k: Pembangunan dan perluasan jaringan perpipaan air minum
p: Pemasangan sambungan rumah di kelurahan lokus
h: Rumah tangga mengakses air minum layak
t: 1.500 sambungan rumah
y: 2021-2023
j: Dinas PUPR Kota Kupang {DPUPR}
l: Dinas PUPR Kota Kupang {DPUPR}
l: Perumda Air Minum Kota Kupang {}
+ Dinas Perumahan Rakyat dan Kawasan Permukiman Kota Kupang {DISPERKIM}
m: Praktik buang air besar sembarangan masih ditemukan di kawasan padat penduduk
k: Pembangunan jamban sehat dan {sanitasi|sаnitasi} komunal
p: Pembangunan jamban keluarga
p: Pembangunan IPAL komunal
h: Kelurahan bebas Buang Air Besar Sembarangan (ODF)
t: 51 kelurahan ODF pada tahun 2023
y: 2021-2023
j: Dinas Perkim Kota Kupang {DISPERKIM}
l: Dinas Perkim Kota Kupang {DISPERKIM}
l: Dinas Lingkungan Hidup & Kebersihan Kota Kupang {DLH}
+ Dinas Pendidikan dan Kebudayaan Kota Kupang {DISDIK}
m: Orang tua anak usia dini belum memahami pola asuh dan gizi
k: Kelas _parenting_ di satuan PAUD
p: Pelatihan pendidik PAUD
p: Kelas _parenting_ setiap bulan
h: Orang tua menerapkan pola asuh dan pemberian makan yang baik
t: 150 lembaga PAUD
y: 2022 2023
j: Dinas Pendidikan dan Kebudayaan Kota Kupang {DISDIK}
l: Himpaudi Kota Kupang {}
l: Bunda PAUD Kota Kupang {}
+ Dinas Sosial Kota Kupang {DINSOS}
m: Keluarga miskin dengan balita stunting belum seluruhnya menerima bantuan sosial
k: Perluasan cakupan bantuan sosial bagi keluarga miskin dengan ibu hamil dan baduta
p: Verifikasi dan validasi DTKS
p: Pengusulan PKH dan BPNT
h: Keluarga sasaran menerima PKH dan BPNT
t: 100% keluarga sasaran yang memenuhi syarat
y: 2021-2023
j: Dinas Sosial Kota Kupang {DINSOS}
l: Pendamping PKH {}
l: Lurah se-Kota Kupang {}
+ Dinas Kependudukan dan Pencatatan Sipil Kota Kupang {DISDUKCAPIL}
m: Masih ada balita yang belum memiliki akta kelahiran
k: Pelayanan akta kelahiran bagi baduta secara jemput bola
p: Pelayanan keliling di Posyandu
h: Baduta memiliki akta kelahiran
t: 95% baduta
y: 2021-2023
j: Dispendukcapil Kota Kupang {DISDUKCAPIL}
l: Dispendukcapil Kota Kupang {DISDUKCAPIL}
l: Dinas Kesehatan Kota Kupang {DINKES}
+ Dinas Ketahanan Pangan Kota Kupang {DINAS_PANGAN}
m: Rendahnya konsumsi pangan beragam, bergizi seimbang dan aman
k: Pemanfaatan pekarangan melalui Pekarangan Pangan Lestari (P2L)
p: Bantuan bibit, benih dan sarana
p: Pendampingan kelompok wanita tani
h: Keluarga mengonsumsi sayur, buah dan protein hewani dari pekarangan
t: 20 kelompok P2L
y: 2021-2023
j: Dinas Ketahanan Pangan Kota Kupang {DINAS_PANGAN}
l: Dinas Pertanian Kota Kupang {DISTAN}
l: Dinas Perikanan Kota Kupang {DKP}
+ Dinas Komunikasi dan Informatika Kota Kupang {DISKOMINFO}
m: Masyarakat belum memahami stunting, penyebab dan pencegahannya
k: Kampanye perubahan perilaku pencegahan stunting
p: Produksi materi KIE
p: Penyebaran melalui radio, media sosial dan baliho
h: Masyarakat memahami pentingnya 1.000 Hari Pertama Kehidupan (HPK)
t: 36 materi kampanye
y: 2021-2023
j: Diskominfo Kota Kupang {DISKOMINFO}
l: Diskominfo Kota Kupang {DISKOMINFO}
l: Dinas Kesehatan Kota Kupang {DINKES}
l: Dinas PPKB Kota Kupang {DISDALDUK}
""",
}
