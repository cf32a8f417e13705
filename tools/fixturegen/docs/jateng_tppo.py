# A Peraturan Gubernur of Jawa Tengah: RAD TPPO 2020-2024.
# Layout: NO first, header synonyms PERANGKAT DAERAH / PERMASALAHAN, extra columns
# ANGGARAN and SUMBER DANA at the end, marks `v` (some `V`), NO restarting per
# section, a header split over two tables, an empty header-only page.
from fixturegen import Damage

DOC = {
    "name": "010_jateng_tppo",
    "seed": 10,
    "preamble": [
        "",
        "LAMPIRAN PERATURAN GUBERNUR JAWA TENGAH  ",
        " NOMOR 37 TAHUN 2020  ",
        " TENTANG RENCANA AKSI DAERAH  ",
        " PENCEGAHAN DAN PENANGANAN TINDAK  ",
        " PIDANA PERDAGANGAN ORANG PROVINSI  ",
        " JAWA TENGAH TAHUN 2020-2024",
        "",
        "RENCANA AKSI DAERAH PENCEGAHAN DAN PENANGANAN TINDAK PIDANA PERDAGANGAN ORANG PROVINSI JAWA TENGAH TAHUN 2020 - 2024",
        "",
    ],
    "title": "RENCANA AKSI DAERAH PENCEGAHAN DAN PENANGANAN TINDAK PIDANA PERDAGANGAN ORANG PROVINSI JAWA TENGAH TAHUN 2020 - 2024",
    "regulation": {"kind": "Peraturan Gubernur", "number": "37", "year": 2020},
    "province": "Jawa Tengah",
    "years": [2020, 2021, 2022, 2023, 2024],
    "marks": "v",
    "mark_case": 0.15,
    "split_years": 0.3,
    "columns": ["no", "instansi", "masalah", "kegiatan", "proses", "hasil", "target", "years",
                "pj", "pelaksana", "sasaran", "anggaran", "sumber_dana"],
    "headers": {
        "no": ["NO", "NO."],
        "instansi": ["INSTANSI/<br>PERANGKAT<br>DAERAH", "PERANGKAT<br>DAERAH", "INSTANSI/<br>PERANGKAT DAERAH"],
        "masalah": ["PERMASALAHAN", "PERMASALA<br>HAN"],
        "kegiatan": ["KEGIATAN", "KEGIATA<br>N"],
        "indikator": ["INDIKATOR"],
        "waktu": ["WAKTU PELAKSANAAN", "WAKTU<br>PELAKSANAAN"],
        "pj": ["PENANGG<br>UNG<br>JAWAB", "PENANGGUNG<br>JAWAB", "PENANGGUN<br>G JAWAB"],
        "pelaksana": ["PELAKSANA", "PELAKSAN<br>A"],
        "sasaran": ["KELOMPOK<br>SASARAN", "KELOMPO<br>K<br>SASARAN"],
        "anggaran": ["ANGGARAN<br>(Rp)", "ANGGARAN"],
        "sumber_dana": ["SUMBER<br>DANA", "SUMBER DANA"],
    },
    "split_header": {
        "no": ("NO", ""),
        "instansi": ("INSTANSI/", "PERANGKAT DAERAH"),
        "pj": ("PENANGGUN", "G JAWAB"),
        "sasaran": ("KELOMPOK", "SASARAN"),
        "anggaran": ("ANGGARAN", "(Rp)"),
        "sumber_dana": ("SUMBER", "DANA"),
    },
    "pages_special": ["empty@4", "split_header@6"],
    "styles": {"text": ["num", "num", "dash", "numsemi"], "agency": ["num", "dash", "blank", "comma", "lines"]},
    "rows_per_page": (1, 4),
    "cut_rate": 0.45,
    "crushed_pages": [3],
    "damage": [
        (1, Damage(13, 0.55, 0.9, 0.3, 0.5)),  # a crushed page, as the seed's narrowest
        (3, Damage(None, 0.02, 0.0, 0.0, 0.5)),
        (3, Damage(28, 0.04, 0.35, 0.3, 0.5)),
        (1, Damage(13, 0.22, 0.7, 0.25, 0.5)),
    ],
    "plan": """
§ PENCEGAHAN DAN PARTISIPASI ANAK
+ Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana Provinsi Jawa Tengah {DP3A}
m: Masih rendahnya pemahaman masyarakat di daerah kantong pekerja migran tentang modus TPPO
k: Sosialisasi pencegahan TPPO di desa kantong pekerja migran
p: Pelaksanaan sosialisasi di 35 Kabupaten/Kota
h: Meningkatnya pemahaman masyarakat tentang modus perekrutan ilegal
t: 70 desa setiap tahun
y: 2020-2024
j: DP3AP2KB Provinsi Jawa Tengah {DP3A}
l: DP3AP2KB Provinsi Jawa Tengah {DP3A}
l: Disnakertrans Provinsi Jawa Tengah {DISNAKERTRANS}
l: UPT BP2MI Semarang {BP3TKI}
s: Masyarakat desa kantong pekerja migran
x.no: 1
x.anggaran: Rp 350.000.000
x.sumber_dana: APBD Provinsi
=
m: Belum tersedianya data terpilah korban TPPO yang mutakhir
k: Penyusunan database korban TPPO berbasis _online_
p: Penghimpunan data dari Kabupaten/Kota
p: Verifikasi dan validasi data
p: Pemutakhiran aplikasi
h: Tersedianya data terpilah korban TPPO yang dapat diakses Gugus Tugas
t: 1 (satu) database diperbarui setiap triwulan
y: 2021-2024
j: DP3AP2KB Provinsi Jawa Tengah {DP3A}
l: Diskominfo Provinsi Jawa Tengah {DISKOMINFO}
s: Gugus Tugas PP TPPO Provinsi dan Kabupaten/Kota
x.no: 2
x.anggaran: Rp 125.000.000
x.sumber_dana: APBD Provinsi
+ Dinas Pendidikan dan Kebudayaan Provinsi Jawa Tengah {DISDIK}
m: Pelajar SMA/SMK belum memahami bahaya perekrutan kerja dan magang ke luar negeri secara non prosedural
k: Penyuluhan pencegahan TPPO melalui Masa Pengenalan Lingkungan Sekolah
p: Penyusunan materi penyuluhan
p: Penyuluhan di SMA/SMK/SLB
h: Siswa memahami risiko magang dan kerja non prosedural
t: 200 sekolah per tahun
y: 2020-2024
j: Dinas Pendidikan dan Kebudayaan Provinsi Jawa Tengah {DISDIK}
l: Cabang Dinas Pendidikan Wilayah I s.d. XIII {DISDIK}
s: Siswa SMA/SMK/SLB dan guru BK
x.no: 3
x.anggaran: Rp 90.000.000
x.sumber_dana: APBD Provinsi
+ Dinas Tenaga Kerja dan Transmigrasi Provinsi Jawa Tengah {DISNAKERTRANS}
m: Masih banyaknya Lembaga Pelatihan Kerja dan perusahaan penempatan yang tidak memenuhi ketentuan
k: Pengawasan Perusahaan Penempatan Pekerja Migran Indonesia (P3MI) dan LPK
p: Pemeriksaan perizinan dan sarana P3MI dan LPK
h: P3MI dan LPK yang melanggar ketentuan diberi sanksi administratif
t: 100% P3MI terawasi setiap tahun
y: 2020-2024
j: Disnakertrans Provinsi Jawa Tengah {DISNAKERTRANS}
l: Disnakertrans Provinsi Jawa Tengah {DISNAKERTRANS}
l: UPT BP2MI Semarang {BP3TKI}
l: Kantor Imigrasi Kelas I TPI Semarang {IMIGRASI}
s: P3MI, LPK dan calon pekerja migran
x.no: 4
x.anggaran: Rp 210.000.000
x.sumber_dana: APBD Provinsi
=
m: Calon pekerja migran belum mendapat informasi yang benar tentang prosedur penempatan
k: Pembentukan dan penguatan Layanan Terpadu Satu Atap (LTSA) Pekerja Migran Indonesia
p: Fasilitasi LTSA di Kabupaten kantong pekerja migran
h: Pelayanan penempatan yang cepat, murah dan aman
t: 6 LTSA beroperasi
y: 2021 2022 2023
j: Disnakertrans Provinsi Jawa Tengah {DISNAKERTRANS}
l: Disnakertrans Kabupaten/Kota {DISNAKERTRANS}
s: Calon Pekerja Migran Indonesia
x.no: 5
x.anggaran: Rp 475.000.000
x.sumber_dana: APBD Provinsi dan APBN
+ Dinas Pemberdayaan Masyarakat, Desa, Kependudukan dan Pencatatan Sipil Provinsi Jawa Tengah {DPMD}
m: Pemerintah desa belum berperan dalam pencegahan perekrutan ilegal
k: Fasilitasi Desa Migran Produktif (Desmigratif) dan Desa Bebas TPPO
p: Bimbingan teknis bagi perangkat desa
h: Terbentuknya Komunitas Masyarakat Peduli TPPO di desa
t: 20 desa
y: 2021-2024
j: Dispermadesdukcapil Provinsi Jawa Tengah {DPMD}
l: Dispermadesdukcapil Provinsi Jawa Tengah {DPMD}
l: TP PKK Provinsi Jawa Tengah {TP_PKK}
s: Perangkat desa dan kader PKK
x.no: 6
x.anggaran: Rp 150.000.000
x.sumber_dana: APBD Provinsi
§ REHABILITASI KESEHATAN
+ Dinas Kesehatan Provinsi Jawa Tengah {DINKES}
m: Belum semua rumah sakit mempunyai Pusat Pelayanan Terpadu bagi korban kekerasan dan TPPO
k: Pengembangan Pusat Pelayanan Terpadu (PPT) di rumah sakit
p: Pelatihan tenaga kesehatan tentang tata laksana korban kekerasan
p: Penyediaan sarana PPT
h: Korban TPPO mendapat layanan kesehatan yang cepat dan tepat
t: 35 RSUD memiliki PPT
y: 2020-2024
j: Dinas Kesehatan Provinsi Jawa Tengah {DINKES}
l: RSUD Dr. Moewardi {RUMAH_SAKIT}
l: RSUD Tugurejo {RUMAH_SAKIT}
l: RS Bhayangkara Semarang {RUMAH_SAKIT}
s: Korban TPPO dan tenaga kesehatan
x.no: 1
x.anggaran: Rp 275.000.000
x.sumber_dana: APBD Provinsi
=
m: Pemeriksaan kesehatan calon pekerja migran belum terstandar
k: Pengawasan sarana kesehatan pemeriksa calon pekerja migran
p: Supervisi ke sarana kesehatan
h: Hasil pemeriksaan kesehatan yang sah dan akurat
t: 100% sarana terawasi
y: 2022-2024
j: Dinas Kesehatan Provinsi Jawa Tengah {DINKES}
l: Dinas Kesehatan Kabupaten/Kota {DINKES}
s: Sarana kesehatan pemeriksa calon PMI
x.no: 2
x.anggaran: Rp 60.000.000
x.sumber_dana: APBD Provinsi
§ REHABILITASI SOSIAL, PEMULANGAN DAN REINTEGRASI SOSIAL
+ Dinas Sosial Provinsi Jawa Tengah {DINSOS}
m: Korban TPPO mengalami trauma dan belum dapat berfungsi sosial secara wajar
k: Rehabilitasi sosial korban TPPO di balai rehabilitasi sosial
p: Penerimaan dan asesmen
p: Bimbingan fisik, mental dan sosial
p: Terminasi dan bimbingan lanjut
h: Pulihnya keberfungsian sosial korban
t: 100% korban yang dirujuk tertangani
y: 2020-2024
j: Dinas Sosial Provinsi Jawa Tengah {DINSOS}
l: Balai Rehabilitasi Sosial Wanita Utama Surakarta {DINSOS}
l: UPTD PPA Provinsi Jawa Tengah {P2TP2A}
s: Korban TPPO
x.no: 1
x.anggaran: Rp 400.000.000
x.sumber_dana: APBD Provinsi
=
m: Belum tersedianya biaya pemulangan korban dari daerah transit ke daerah asal
k: Fasilitasi pemulangan korban TPPO ke daerah asal
p: Koordinasi dengan Dinas Sosial daerah asal
p: Pendampingan selama perjalanan
h: Korban kembali ke daerah asal dengan selamat
t: 100% korban dipulangkan
y: 2020-2024
j: Dinas Sosial Provinsi Jawa Tengah {DINSOS}
l: Dinas Sosial Provinsi Jawa Tengah {DINSOS}
l: Dinas Perhubungan Provinsi Jawa Tengah {DISHUB}
s: Korban TPPO warga Jawa Tengah
x.no: 2
x.anggaran: Rp 180.000.000
x.sumber_dana: APBD Provinsi
+ UPTD Perlindungan Perempuan dan Anak Provinsi Jawa Tengah {P2TP2A}
m: Korban belum mendapat pendampingan psikologis dan hukum yang memadai
k: Pendampingan korban TPPO oleh psikolog dan advokat
p: Penjangkauan korban
p: Konseling psikologis
p: Pendampingan hukum pada proses peradilan
h: Korban terpenuhi hak atas pemulihan dan bantuan hukum
t: 100% korban yang melapor didampingi
y: 2020-2024
j: DP3AP2KB Provinsi Jawa Tengah {DP3A}
l: UPTD PPA Provinsi Jawa Tengah {P2TP2A}
l: LPSK {LPSK}
l: Organisasi bantuan hukum {LSM}
s: Perempuan dan anak korban TPPO
x.no: 3
x.anggaran: Rp 230.000.000
x.sumber_dana: APBD Provinsi dan DAK Non Fisik
+ Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana Provinsi Jawa Tengah {DP3A}
m: Korban yang telah pulang belum memiliki sumber penghasilan sehingga rentan menjadi korban kembali
k: Pemberdayaan ekonomi korban TPPO dan keluarganya
p: Pelatihan keterampilan usaha
p: Bantuan modal usaha
h: Korban memiliki usaha mandiri
t: 50 orang per tahun
y: 2021-2024
j: DP3AP2KB Provinsi Jawa Tengah {DP3A}
l: Dinas Koperasi dan UKM Provinsi Jawa Tengah {DISKOP}
l: Dinas Sosial Provinsi Jawa Tengah {DINSOS}
s: Korban TPPO dan keluarga
x.no: 4
x.anggaran: Rp 300.000.000
x.sumber_dana: APBD Provinsi
§ PENGEMBANGAN NORMA HUKUM
+ Biro Hukum Setda Provinsi Jawa Tengah {BIRO_HUKUM}
m: Peraturan Daerah tentang pencegahan dan penanganan TPPO belum sesuai dengan perundang-undangan yang berlaku
k: Penyusunan rancangan perubahan Peraturan Daerah tentang PP TPPO
p: Penyusunan naskah akademik
p: Konsultasi publik
p: Pembahasan bersama DPRD
h: Tersusunnya Perda yang sesuai dengan UU No. 21 Tahun 2007 dan UU No. 18 Tahun 2017
t: 1 (satu) Perda
y: 2021 2022
j: Biro Hukum Setda Provinsi Jawa Tengah {BIRO_HUKUM}
l: Biro Hukum Setda Provinsi Jawa Tengah {BIRO_HUKUM}
l: DP3AP2KB Provinsi Jawa Tengah {DP3A}
s: Eksekutif dan legislatif
x.no: 1
x.anggaran: Rp 175.000.000
x.sumber_dana: APBD Provinsi
+ Kanwil Kemenkumham Jawa Tengah {KEMENKUMHAM}
m: Masih lemahnya harmonisasi peraturan Kabupaten/Kota tentang perlindungan pekerja migran
k: Harmonisasi rancangan Peraturan Daerah Kabupaten/Kota tentang pelindungan pekerja migran dan PP TPPO
p: Fasilitasi harmonisasi rancangan Perda
h: Peraturan Daerah Kabupaten/Kota selaras dengan peraturan yang lebih tinggi
t: 10 rancangan Perda
y: 2020-2024
j: Kanwil Kemenkumham Jawa Tengah {KEMENKUMHAM}
l: Kanwil Kemenkumham Jawa Tengah {KEMENKUMHAM}
l: Bagian Hukum Setda Kabupaten/Kota {BIRO_HUKUM}
s: Pemerintah Kabupaten/Kota
x.no: 2
x.sumber_dana: DIPA Kanwil
§ PENEGAKAN HUKUM DAN KERJASAMA
+ Kepolisian Daerah Jawa Tengah {POLDA}
m: Jaringan perekrutan ilegal sulit diungkap karena korban enggan melapor
k: Penyelidikan dan penyidikan kasus TPPO
p: Patroli siber terhadap iklan lowongan kerja palsu
p: Penyidikan kasus TPPO
h: Pelaku TPPO diproses secara hukum
t: 100% laporan ditindaklanjuti
y: 2020-2024
j: Polda Jawa Tengah {POLDA}
l: Ditreskrimum Polda Jawa Tengah {POLDA}
l: Polres se-Jawa Tengah {POLRES}
s: Masyarakat korban TPPO
x.no: 1
x.sumber_dana: DIPA Polda
=
m: Penanganan kasus TPPO masih bersifat sektoral antar aparat penegak hukum
k: Rapat koordinasi penegakan hukum TPPO
p: Rapat koordinasi dan analisa evaluasi secara periodik
h: Meningkatnya sinergi aparat penegak hukum
t: Per semester
y: 2020-2024
j: Polda Jawa Tengah {POLDA}
l: Kejati Jawa Tengah {KEJATI}
l: Pengadilan Tinggi Semarang {PENGADILAN}
l: DP3AP2KB Provinsi Jawa Tengah {DP3A}
s: Aparat penegak hukum
x.no: 2
x.anggaran: Rp 45.000.000
x.sumber_dana: APBD Provinsi
+ Kejaksaan Tinggi Jawa Tengah {KEJATI}
m: Tuntutan terhadap pelaku TPPO belum mempertimbangkan restitusi bagi korban
k: Peningkatan kapasitas jaksa dalam penuntutan perkara TPPO dan restitusi
p: Bimbingan teknis penanganan perkara TPPO
h: Tuntutan memuat permohonan restitusi korban
t: 35 jaksa
y: 2021 2023
j: Kejati Jawa Tengah {KEJATI}
l: Kejari se-Jawa Tengah {KEJARI}
l: LPSK {LPSK}
s: Jaksa penuntut umum
x.no: 3
x.sumber_dana: DIPA Kejati
+ Kantor Imigrasi Kelas I TPI Semarang {IMIGRASI}
m: Masih ada calon pekerja migran yang berangkat dengan visa kunjungan atau ziarah
k: Pengetatan wawancara permohonan paspor
p: Wawancara dan verifikasi dokumen pemohon paspor
p: Penundaan penerbitan paspor bagi pemohon yang terindikasi
h: Calon korban TPPO terdeteksi sejak dini
t: Setiap permohonan paspor
y: 2020-2024
j: Kantor Imigrasi Kelas I TPI Semarang {IMIGRASI}
l: Kantor Imigrasi Kelas II TPI Cilacap {IMIGRASI}
l: Kantor Imigrasi Kelas I Surakarta {IMIGRASI}
s: Pemohon paspor
x.no: 4
x.sumber_dana: DIPA Imigrasi
+ Dinas Komunikasi dan Informatika Provinsi Jawa Tengah {DISKOMINFO}
m: Maraknya lowongan kerja palsu di media sosial & aplikasi pesan
k: Kampanye publik pencegahan TPPO melalui media sosial, radio dan _billboard_
p: Produksi konten kampanye
p: Penayangan iklan layanan masyarakat
h: Masyarakat waspada terhadap lowongan kerja palsu
t: 12 konten per tahun
y: 2020-2024
j: Diskominfo Provinsi Jawa Tengah {DISKOMINFO}
l: Diskominfo Provinsi Jawa Tengah {DISKOMINFO}
l: Polda Jawa Tengah {POLDA}
s: Masyarakat pengguna media sosial
x.no: 5
x.anggaran: Rp 85.000.000
x.sumber_dana: APBD Provinsi
+ Bappeda Provinsi Jawa Tengah {BAPPEDA}
m: Program PP TPPO belum terintegrasi dalam dokumen perencanaan daerah
k: Pengintegrasian RAD PP TPPO ke dalam RKPD
p: Penyusunan matriks {sinkronisasi|sinkrоnisasi} program antar perangkat daerah
h: Program PP TPPO termuat dalam RKPD dan Renja perangkat daerah
t: Setiap tahun
y: 2020-2024
j: Bappeda Provinsi Jawa Tengah {BAPPEDA}
l: Bappeda Provinsi Jawa Tengah {BAPPEDA}
l: DP3AP2KB Provinsi Jawa Tengah {DP3A}
s: Perangkat Daerah anggota Gugus Tugas
x.no: 6
x.anggaran: Rp 40.000.000
x.sumber_dana: APBD Provinsi
""",
}
