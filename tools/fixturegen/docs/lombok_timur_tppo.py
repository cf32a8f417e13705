# A Peraturan Bupati of Lombok Timur (Nusa Tenggara Barat): RAD TPPO 2019-2024.
# Layout: the seed's column order with six years (2019-2024), marks `X` and
# `x`, and extra columns ANGGARAN and KETERANGAN at the end (no NO column), a
# header split over two tables, a page whose header row the converter lost,
# sections repeated on every page, and a shifted space.
from fixturegen import Damage

DOC = {
    "name": "013_lombok_timur_tppo",
    "seed": 13,
    "preamble": [
        "",
        "",
        "LAMPIRAN PERATURAN BUPATI LOMBOK TIMUR  ",
        " NOMOR 7 TAHUN 2019  ",
        " TENTANG RENCANA AKSI DAERAH  ",
        " PENCEGAHAN DAN PENANGANAN TINDAK  ",
        " PIDANA PERDAGANGAN ORANG  ",
        " TAHUN 2019-2024",
        "",
        "RENCANA AKSI DAERAH PENCEGAHAN DAN PENANGANAN TINDAK PIDANA PERDAGANGAN ORANG KABUPATEN LOMBOK TIMUR TAHUN 2019-2024",
        "",
    ],
    "title": "RENCANA AKSI DAERAH PENCEGAHAN DAN PENANGANAN TINDAK PIDANA PERDAGANGAN ORANG KABUPATEN LOMBOK TIMUR TAHUN 2019-2024",
    "regulation": {"kind": "Peraturan Bupati", "number": "7", "year": 2019},
    "province": "Nusa Tenggara Barat",
    "years": [2019, 2020, 2021, 2022, 2023, 2024],
    "marks": "X",
    "mark_case": 0.3,
    "split_years": 0.25,
    "columns": ["instansi", "masalah", "kegiatan", "proses", "hasil", "target", "years",
                "pj", "pelaksana", "sasaran", "anggaran", "keterangan"],
    "headers": {
        "instansi": ["INSTANSI/<br>OPD", "INSTANSI/<br>PERANGKAT<br>DAERAH", "INSTANSI"],
        "masalah": ["MASALAH", "MASALA<br>H"],
        "kegiatan": ["KEGIATAN", "KEGIATA<br>N"],
        "indikator": ["INDIKATOR"],
        "waktu": ["WAKTU PELAKSANAAN", "WAKTU<br>PELAKSANAAN"],
        "pj": ["PENANGG<br>UNG<br>JAWAB", "PENANGGUNG<br>JAWAB", "PENANGGU<br>NG JAWAB"],
        "pelaksana": ["PELAKSANA", "PELAKS<br>ANA"],
        "sasaran": ["KELOMPOK<br>SASARAN", "KELOMPO<br>K<br>SASARAN"],
        "anggaran": ["ANGGARAN", "ANGGARA<br>N"],
        "keterangan": ["KETERANGAN", "KET."],
    },
    "split_header": {
        "instansi": ("INSTANSI/", "OPD"),
        "pj": ("PENANGGUN", "G JAWAB"),
        "sasaran": ("KELOMPOK", "SASARAN"),
        "keterangan": ("KETERANGA", "N"),
    },
    "pages_special": ["split_header@4", "noheader@7"],
    "styles": {"text": ["num", "num", "dash", "blank", "semi"], "agency": ["num", "dash", "blank", "comma", "run", "lines"]},
    "rows_per_page": (1, 3),
    "cut_rate": 0.5,
    "crushed_pages": [5],
    "damage": [
        (1, Damage(13, 0.55, 0.9, 0.3, 1.0)),  # a crushed page, as the seed's narrowest
        (3, Damage(None, 0.03, 0.0, 0.0, 1.0)),
        (2, Damage(20, 0.06, 0.4, 0.35, 1.0)),
        (1, Damage(11, 0.25, 0.7, 0.25, 1.0)),
    ],
    "plan": """
§ PENCEGAHAN
+ Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana Kabupaten Lombok Timur {DP3A}
m: Lombok Timur merupakan daerah asal pekerja migran terbesar di NTB sehingga rawan perekrutan non prosedural
k: Sosialisasi bahaya TPPO dan migrasi aman di desa kantong pekerja migran
p: Sosialisasi oleh Gugus Tugas di tingkat kecamatan
p: Penyebaran leaflet dan spanduk
h: Masyarakat memahami modus TPPO dan prosedur bekerja ke luar negeri
t: 21 kecamatan
y: 2019-2024
j: DP3AKB Kab. Lombok Timur {DP3A}
l: DP3AKB Kab. Lombok Timur {DP3A}
l: Disnakertrans Kab. Lombok Timur {DISNAKERTRANS}
l: BP3MI NTB {BP3TKI}
s: Masyarakat desa kantong pekerja migran
x.anggaran: Rp 120.000.000
x.keterangan: APBD
=
m: Belum semua desa mempunyai peraturan desa tentang perlindungan pekerja migran
k: Fasilitasi penyusunan Peraturan Desa tentang Perlindungan Pekerja Migran Indonesia
p: Pendampingan penyusunan Perdes
h: Tersusunnya Perdes perlindungan PMI
t: 30 desa
y: 2020-2023
j: DP3AKB Kab. Lombok Timur {DP3A}
l: DPMD Kab. Lombok Timur {DPMD}
l: Bagian Hukum Setda Kab. Lombok Timur {BIRO_HUKUM}
l: Kepala Desa {PEMDES}
s: Pemerintah desa dan BPD
x.anggaran: Rp 75.000.000
+ Dinas Tenaga Kerja dan Transmigrasi Kabupaten Lombok Timur {DISNAKERTRANS}
m: Masih banyak {calon pekerja|calonp ekerja} migran berangkat melalui calo dan tekong
k: Pelayanan penempatan melalui Layanan Terpadu Satu Atap (LTSA) PMI Lombok Timur
p: Pelayanan dokumen calon PMI di LTSA
p: Pengawasan P3MI dan kantor cabangnya
h: Calon PMI berangkat secara prosedural
t: 100% calon PMI dilayani di LTSA
y: 2019-2024
j: Disnakertrans Kab. Lombok Timur {DISNAKERTRANS}
l: BP3MI NTB {BP3TKI}
l: Kantor Imigrasi Kelas I TPI Mataram {IMIGRASI}
l: Dinas Dukcapil Kab. Lombok Timur {DISDUKCAPIL}
s: Calon Pekerja Migran Indonesia
x.anggaran: Rp 200.000.000
x.keterangan: APBD dan APBN
=
m: Calon pekerja migran kurang keterampilan dan kemampuan bahasa
k: Pelatihan keterampilan dan bahasa bagi calon PMI
p: Pelatihan di BLK Lombok Timur
h: Calon PMI memiliki sertifikat kompetensi
t: 300 orang per tahun
y: 2020-2024
j: Disnakertrans Kab. Lombok Timur {DISNAKERTRANS}
l: BLK Lombok Timur {}
l: LPK swasta {}
s: Calon PMI
x.anggaran: Rp 450.000.000
+ Dinas Kependudukan dan Pencatatan Sipil Kabupaten Lombok Timur {DISDUKCAPIL}
m: Pemalsuan umur dan identitas calon pekerja migran
k: Verifikasi data kependudukan calon PMI secara elektronik
p: Pemberian hak akses data kependudukan bagi LTSA dan Imigrasi
h: Dokumen calon PMI sesuai data kependudukan
t: 100% dokumen terverifikasi
y: 2019-2024
j: Dinas Dukcapil Kab. Lombok Timur {DISDUKCAPIL}
l: Dinas Dukcapil Kab. Lombok Timur {DISDUKCAPIL}
l: Kantor Imigrasi Kelas I TPI Mataram {IMIGRASI}
s: Calon PMI
+ Kantor Kementerian Agama Kabupaten Lombok Timur {KEMENAG}
m: Modus keberangkatan ke Timur Tengah dengan visa umrah
k: Pengawasan Penyelenggara Perjalanan Ibadah Umrah (PPIU)
p: Pengawasan PPIU dan jamaah umrah
h: Tidak ada jamaah umrah yang tidak kembali ke tanah air
t: Seluruh PPIU terawasi
y: 2019-2024
j: Kantor Kemenag Kab. Lombok Timur {KEMENAG}
l: Kantor Kemenag Kab. Lombok Timur {KEMENAG}
l: Kantor Imigrasi Kelas I TPI Mataram {IMIGRASI}
s: PPIU dan calon jamaah
§ REHABILITASI SOSIAL, PEMULANGAN DAN REINTEGRASI SOSIAL
+ Dinas Sosial Kabupaten Lombok Timur {DINSOS}
m: Korban TPPO yang dipulangkan belum mendapat layanan rehabilitasi sosial
k: Penjemputan, rehabilitasi sosial dan pemulangan korban ke keluarga
p: {Penjemputan|Penjеmputan} korban di Bandara Internasional Lombok dan Pelabuhan Lembar
p: Penampungan sementara
p: Reunifikasi dengan keluarga
h: Korban kembali ke keluarga dan berfungsi sosial
t: 100% korban yang dipulangkan
y: 2019-2024
j: Dinas Sosial Kab. Lombok Timur {DINSOS}
l: Dinas Sosial Provinsi NTB {DINSOS}
l: P2TP2A Kab. Lombok Timur {P2TP2A}
l: BP3MI NTB {BP3TKI}
s: Korban TPPO dan PMI bermasalah
x.anggaran: Rp 95.000.000
=
m: Korban dan keluarganya tidak mempunyai sumber penghasilan
k: Pemberdayaan ekonomi mantan PMI dan korban TPPO
p: Pelatihan kewirausahaan
p: Bantuan usaha ekonomi produktif
h: Mantan PMI dan korban memiliki usaha
t: 40 orang per tahun
y: 2021-2024
j: Dinas Sosial Kab. Lombok Timur {DINSOS}
l: Dinas Koperasi dan UKM Kab. Lombok Timur {DISKOP}
l: SBMI Lombok Timur {LSM}
s: Mantan PMI, korban TPPO dan keluarganya
x.anggaran: Rp 160.000.000
+ Dinas Kesehatan Kabupaten Lombok Timur {DINKES}
m: Korban yang pulang dalam keadaan sakit atau trauma belum tertangani
k: Layanan kesehatan dan pemulihan psikologis korban
p: Pemeriksaan kesehatan korban
p: Rujukan ke rumah sakit
h: Korban pulih kesehatannya
t: 100% korban yang membutuhkan
y: 2019-2024
j: Dinas Kesehatan Kab. Lombok Timur {DINKES}
l: RSUD dr. R. Soedjono Selong {RUMAH_SAKIT}
l: Puskesmas {PUSKESMAS}
s: Korban TPPO
x.keterangan: Dijamin JKN/Jamkesda
§ PENEGAKAN HUKUM
+ Kepolisian Resor Lombok Timur {POLRES}
m: Pelaku perekrutan (calo/tekong) jarang diproses hukum
k: Penyelidikan dan penyidikan perkara TPPO
p: Penerimaan laporan
p: Penyidikan dan pemberkasan perkara
h: Pelaku TPPO diajukan ke pengadilan
t: 100% laporan diproses
y: 2019-2024
j: Polres Lombok Timur {POLRES}
l: Satreskrim Polres Lombok Timur {POLRES}
l: Ditreskrimum Polda NTB {POLDA}
s: Pelaku dan korban TPPO
=
m: Korban dan saksi takut memberikan keterangan
k: Perlindungan saksi dan korban dalam proses peradilan
p: Koordinasi dengan LPSK
p: Pendampingan saksi dan korban
h: Saksi dan korban memberikan keterangan tanpa tekanan
t: Setiap perkara
y: 2020-2024
j: Polres Lombok Timur {POLRES}
l: LPSK {LPSK}
l: P2TP2A Kab. Lombok Timur {P2TP2A}
s: Saksi dan korban TPPO
+ Kejaksaan Negeri Lombok Timur {KEJARI}
m: Tuntutan belum memuat restitusi bagi korban
k: Penuntutan perkara TPPO disertai restitusi
p: Penelitian berkas perkara
p: Penuntutan
h: Terdakwa dihukum dan korban memperoleh restitusi
t: Setiap perkara TPPO
y: 2019-2024
j: Kejari Lombok Timur {KEJARI}
l: Kejari Lombok Timur {KEJARI}
l: Pengadilan Negeri Selong {PENGADILAN}
s: Korban TPPO
§ KOORDINASI DAN KERJASAMA
+ Badan Perencanaan Pembangunan Daerah Kabupaten Lombok Timur {BAPPEDA}
m: Kegiatan Gugus Tugas belum terkoordinasi & belum dievaluasi secara berkala
k: Rapat koordinasi dan evaluasi pelaksanaan RAD PP TPPO
p: Rapat koordinasi Gugus Tugas
p: Penyusunan laporan tahunan kepada Bupati
h: Tersusunnya laporan pelaksanaan RAD setiap tahun
t: 2 kali setahun
y: 2019-2024
j: Bappeda Kab. Lombok Timur {BAPPEDA}
l: Gugus Tugas PP TPPO Kab. Lombok Timur {GUGUS_TUGAS}
s: Anggota Gugus Tugas
x.anggaran: Rp 50.000.000
+ Kantor Wilayah Kementerian Hukum dan HAM Nusa Tenggara Barat {KEMENKUMHAM}
m: Aparatur desa dan masyarakat belum memahami TPPO sebagai pelanggaran HAM
k: Penyuluhan hukum dan HAM tentang TPPO melalui Desa Sadar Hukum
p: Penyuluhan hukum di desa binaan
h: Terbentuknya Desa Sadar Hukum
t: 5 desa per tahun
y: 2021-2024
j: Kanwil Kemenkumham NTB {KEMENKUMHAM}
l: Kanwil Kemenkumham NTB {KEMENKUMHAM}
l: Bagian Hukum Setda Kab. Lombok Timur {BIRO_HUKUM}
s: Aparatur desa dan masyarakat
+ Dinas Komunikasi, Informatika dan Statistik Kabupaten Lombok Timur {DISKOMINFO}
m: Informasi lowongan kerja ke luar negeri yang tidak resmi beredar luas
k: Penyebaran informasi migrasi aman melalui radio komunitas dan media sosial
p: Siaran radio komunitas
p: Unggahan media sosial dan _website_ resmi Pemerintah Daerah
h: Masyarakat memperoleh informasi resmi tentang lowongan kerja luar negeri
t: 48 siaran per tahun
y: 2019-2024
j: Diskominfotik Kab. Lombok Timur {DISKOMINFO}
l: Diskominfotik Kab. Lombok Timur {DISKOMINFO}
l: Disnakertrans Kab. Lombok Timur {DISNAKERTRANS}
s: Masyarakat umum
x.anggaran: Rp 40.000.000
""",
}
