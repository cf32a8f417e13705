# A Peraturan Bupati of Banyumas (Jawa Tengah): RAD on violence against women
# and children 2022-2026. Layout: NO | PROGRAM/KEGIATAN | OPD | INDIKATOR KINERJA
# (PROSES/HASIL/TARGET) | SASARAN | TAHUN PELAKSANAAN | PENANGGUNG JAWAB |
# INSTANSI TERKAIT | KETERANGAN: no MASALAH column, agency column third, header
# synonyms throughout, marks `√`, ditto rows that carry their own NO, a page
# whose header row the converter lost.
from fixturegen import Damage

DOC = {
    "name": "011_banyumas_kpa",
    "seed": 11,
    "preamble": [
        "",
        "",
        "LAMPIRAN  ",
        "PERATURAN BUPATI BANYUMAS  ",
        "NOMOR 58 TAHUN 2022  ",
        "TENTANG  ",
        "RENCANA AKSI DAERAH PENCEGAHAN DAN  ",
        "PENANGANAN KEKERASAN TERHADAP  ",
        "PEREMPUAN DAN ANAK TAHUN 2022-2026",
        "",
        "",
        "MATRIKS RENCANA AKSI DAERAH PENCEGAHAN DAN PENANGANAN KEKERASAN TERHADAP PEREMPUAN DAN ANAK KABUPATEN BANYUMAS TAHUN 2022-2026",
        "",
    ],
    "title": "MATRIKS RENCANA AKSI DAERAH PENCEGAHAN DAN PENANGANAN KEKERASAN TERHADAP PEREMPUAN DAN ANAK KABUPATEN BANYUMAS TAHUN 2022-2026",
    "regulation": {"kind": "Peraturan Bupati", "number": "58", "year": 2022},
    "province": "Jawa Tengah",
    "years": [2022, 2023, 2024, 2025, 2026],
    "marks": "√",
    "columns": ["no", "kegiatan", "instansi", "proses", "hasil", "target", "sasaran", "years",
                "pj", "pelaksana", "keterangan"],
    "headers": {
        "no": ["NO", "NO."],
        "kegiatan": ["PROGRAM/<br>KEGIATAN", "PROGRAM/ KEGIATAN"],
        "instansi": ["OPD", "OPD"],
        "indikator": ["INDIKATOR<br>KINERJA", "INDIKATOR KINERJA"],
        "sasaran": ["SASARAN", "SASARA<br>N"],
        "waktu": ["TAHUN PELAKSANAAN", "TAHUN<br>PELAKSANAAN"],
        "pj": ["PENANGGUNG<br>JAWAB", "PENANGGUNG JAWAB", "PENANGGUN<br>G JAWAB"],
        "pelaksana": ["INSTANSI<br>TERKAIT", "INSTANSI TERKAIT"],
        "keterangan": ["KETERANGAN", "KETERA<br>NGAN", "KET."],
    },
    "pages_special": ["noheader@5"],
    "styles": {"text": ["num", "dash", "blank", "semi"], "agency": ["num", "dash", "blank", "comma", "run", "lines"]},
    "rows_per_page": (2, 4),
    "cut_rate": 0.5,
    "crushed_pages": [2],
    "damage": [
        (1, Damage(13, 0.55, 0.9, 0.3, 1.0)),  # a crushed page, as the seed's narrowest
        (2, Damage(None, 0.03, 0.0, 0.0, 1.0)),
        (3, Damage(22, 0.06, 0.4, 0.35, 1.0)),
        (1, Damage(11, 0.2, 0.7, 0.3, 1.0)),
    ],
    "plan": """
§ PENCEGAHAN
+ Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Banyumas {DP3A}
k: Sosialisasi pencegahan kekerasan terhadap perempuan dan anak di tingkat desa
p: Sosialisasi di 27 kecamatan
h: Meningkatnya pemahaman masyarakat tentang bentuk-bentuk kekerasan
t: 27 kecamatan setiap tahun
s: Masyarakat, tokoh agama dan tokoh masyarakat
y: 2022-2026
j: DPPKBP3A Kab. Banyumas {DP3A}
l: Camat se-Kabupaten Banyumas {KECAMATAN}
l: TP PKK Kab. Banyumas {TP_PKK}
x.no: 1
x.keterangan: Kegiatan rutin
=
k: Pembentukan dan penguatan Perlindungan Anak Terpadu Berbasis Masyarakat (PATBM)
p: Pelatihan aktivis PATBM
p: Pendampingan PATBM
h: PATBM aktif melakukan deteksi dini dan rujukan kasus
t: 60 desa memiliki PATBM aktif
s: Aktivis PATBM
y: 2022-2026
j: DPPKBP3A Kab. Banyumas {DP3A}
l: Dinpermades Kab. Banyumas {DPMD}
l: Pemerintah Desa {PEMDES}
x.no: 2
=
k: Pengembangan Kabupaten Layak Anak (KLA) dan Sekolah Ramah Anak
p: Penilaian mandiri gugus tugas KLA
p: Pendampingan sekolah calon Sekolah Ramah Anak
h: Meningkatnya peringkat KLA Kabupaten Banyumas
t: Predikat KLA Nindya pada tahun 2024
s: Gugus Tugas KLA dan satuan pendidikan
y: 2022-2025
j: DPPKBP3A Kab. Banyumas {DP3A}
l: Dinas Pendidikan Kab. Banyumas {DISDIK}
l: Kantor Kementerian Agama Kab. Banyumas {KEMENAG}
x.no: 3
x.keterangan: Bekerja sama dengan Forum Anak Banyumas
+ Dinas Pendidikan Kabupaten Banyumas {DISDIK}
k: Pencegahan perundungan dan kekerasan di satuan pendidikan
p: Pembentukan Tim Pencegahan dan Penanganan Kekerasan (TPPK) di sekolah
p: Pelatihan guru BK sebagai konselor sebaya
h: Setiap SD dan SMP memiliki TPPK
t: 100% sekolah negeri
s: Peserta didik, guru dan tenaga kependidikan
y: 2023-2026
j: Dinas Pendidikan Kab. Banyumas {DISDIK}
l: Dinas Pendidikan Kab. Banyumas {DISDIK}
l: Korwilcam Bidang Pendidikan {DISDIK}
x.no: 4
+ Kantor Kementerian Agama Kabupaten Banyumas {KEMENAG}
k: Bimbingan perkawinan bagi calon pengantin untuk mencegah kekerasan dalam rumah tangga
p: Kursus pranikah di KUA
h: Calon pengantin memahami hak dan kewajiban dalam keluarga
t: 27 KUA
s: Calon pengantin
y: 2022-2026
j: Kantor Kemenag Kab. Banyumas {KEMENAG}
l: KUA Kecamatan {KEMENAG}
l: Pengadilan Agama Purwokerto {PENGADILAN}
x.no: 5
x.keterangan: Pencegahan perkawinan anak
+ Dinas Komunikasi dan Informatika Kabupaten Banyumas {DISKOMINFO}
k: Kampanye "Stop Kekerasan terhadap Perempuan dan Anak" melalui media massa dan media sosial
p: Produksi dan penayangan _talkshow_ di radio dan televisi lokal
h: Informasi pencegahan kekerasan menjangkau masyarakat luas
t: 24 kali tayang per tahun
s: Masyarakat umum
y: 2022-2026
j: Dinkominfo Kab. Banyumas {DISKOMINFO}
l: Dinkominfo Kab. Banyumas {DISKOMINFO}
l: DPPKBP3A Kab. Banyumas {DP3A}
x.no: 6
§ PELAYANAN DAN REHABILITASI
+ UPTD Perlindungan Perempuan dan Anak Kabupaten Banyumas {P2TP2A}
k: Layanan pengaduan & penjangkauan korban kekerasan
p: Penyediaan layanan pengaduan 24 jam melalui _hotline_
p: {Penjangkauan|Pеnjangkauan} korban
h: Korban kekerasan segera mendapat layanan
t: 100% pengaduan ditindaklanjuti dalam 1 x 24 jam
s: Perempuan dan anak korban kekerasan
y: 2022-2026
j: DPPKBP3A Kab. Banyumas {DP3A}
l: UPTD PPA Kab. Banyumas {P2TP2A}
l: Unit PPA Satreskrim Polresta Banyumas {POLRES}
x.no: 1
=
k: Pendampingan psikologis dan rumah aman bagi korban
p: Asesmen psikologis
p: Konseling
p: Penempatan di rumah aman
h: Pulihnya kondisi psikologis korban
t: 100% korban yang membutuhkan
s: Korban kekerasan dan keluarganya
y: 2022-2026
j: DPPKBP3A Kab. Banyumas {DP3A}
l: UPTD PPA Kab. Banyumas {P2TP2A}
l: Psikolog mitra {}
x.no: 2
x.keterangan: Rumah aman milik Pemerintah Kabupaten
+ Dinas Kesehatan Kabupaten Banyumas {DINKES}
k: Pelayanan kesehatan dan _visum et repertum_ bagi korban kekerasan
p: Penguatan Puskesmas mampu tatalaksana kasus kekerasan terhadap perempuan dan anak
p: Pembiayaan pemeriksaan korban
h: Korban mendapat layanan medis tanpa biaya
t: 39 Puskesmas mampu tatalaksana
s: Korban kekerasan
y: 2022-2026
j: Dinkes Kab. Banyumas {DINKES}
l: RSUD Prof. Dr. Margono Soekarjo {RUMAH_SAKIT}
l: RSUD Banyumas {RUMAH_SAKIT}
l: Puskesmas se-Kabupaten Banyumas {PUSKESMAS}
x.no: 3
+ Dinas Sosial Kabupaten Banyumas {DINSOS}
k: Rehabilitasi sosial dan reintegrasi anak korban kekerasan
p: Penyusunan rencana intervensi
p: Pengasuhan sementara
p: Reunifikasi dengan keluarga
h: Anak kembali ke lingkungan keluarga yang aman
t: 100% anak yang dirujuk
s: Anak korban kekerasan dan anak berhadapan dengan hukum
y: 2022-2026
j: Dinsos Kab. Banyumas {DINSOS}
l: Dinsos Kab. Banyumas {DINSOS}
l: Pekerja Sosial Profesional {LSM}
l: LKSA {}
x.no: 4
+ Dinas Kependudukan dan Pencatatan Sipil Kabupaten Banyumas {DISDUKCAPIL}
k: Pelayanan administrasi kependudukan bagi perempuan dan anak korban kekerasan
p: Penerbitan akta kelahiran dan KIA secara jemput bola
h: Korban memiliki dokumen kependudukan
t: 100% korban tanpa dokumen
s: Perempuan dan anak korban kekerasan
y: 2023-2026
j: Dindukcapil Kab. Banyumas {DISDUKCAPIL}
l: Dindukcapil Kab. Banyumas {DISDUKCAPIL}
l: UPTD PPA Kab. Banyumas {P2TP2A}
x.no: 5
§ PENEGAKAN HUKUM
+ Kepolisian Resor Kota Banyumas {POLRES}
k: Penanganan perkara kekerasan terhadap perempuan dan anak
p: Penyelidikan dan penyidikan
p: Pemeriksaan di ruang pelayanan khusus
h: Perkara kekerasan diselesaikan sesuai ketentuan
t: 100% laporan diproses
s: Korban dan saksi
y: 2022-2026
j: Polresta Banyumas {POLRES}
l: Unit PPA Satreskrim Polresta Banyumas {POLRES}
l: Kejaksaan Negeri Purwokerto {KEJARI}
x.no: 1
=
k: Penyuluhan hukum tentang kekerasan seksual di sekolah dan pondok pesantren
p: Penyuluhan oleh Bhabinkamtibmas
h: Peserta didik dan santri berani melapor
t: 50 sekolah dan pondok pesantren per tahun
s: Peserta didik dan santri
y: 2022-2026
j: Polresta Banyumas {POLRES}
l: Sat Binmas Polresta Banyumas {POLRES}
l: Kantor Kemenag Kab. Banyumas {KEMENAG}
x.no: 2
+ Bagian Hukum Sekretariat Daerah Kabupaten Banyumas {BIRO_HUKUM}
k: Penyusunan Peraturan Daerah tentang Penyelenggaraan Perlindungan Perempuan dan Anak
p: Penyusunan naskah akademik dan rancangan Perda
p: Pembahasan bersama DPRD
h: Tersedianya payung hukum perlindungan perempuan dan anak
t: 1 (satu) Perda
s: Pemerintah Daerah dan DPRD
y: 2023 2024
j: Bagian Hukum Setda Kab. Banyumas {BIRO_HUKUM}
l: Bagian Hukum Setda Kab. Banyumas {BIRO_HUKUM}
l: DPPKBP3A Kab. Banyumas {DP3A}
x.no: 3
+ Kejaksaan Negeri Purwokerto {KEJARI}
k: Pendampingan hukum dan pemenuhan hak restitusi korban
p: Penuntutan dengan permohonan restitusi
p: Koordinasi dengan LPSK
h: Korban memperoleh restitusi
t: Setiap perkara kekerasan seksual
s: Korban tindak pidana kekerasan seksual
y: 2022-2026
j: Kejari Purwokerto {KEJARI}
l: Kejari Purwokerto {KEJARI}
l: LPSK {LPSK}
l: UPTD PPA Kab. Banyumas {P2TP2A}
x.no: 4
""",
}
