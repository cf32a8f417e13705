# A Peraturan Gubernur of Kalimantan Barat: RAD on narcotics (P4GN) 2019-2023.
# Layout: INSTANSI | KEGIATAN | MASALAH (KEGIATAN before MASALAH) | INDIKATOR
# (PROSES/HASIL/TARGET) | SASARAN | TAHUN 2019 ... TAHUN 2023 | PENANGGUNG JAWAB
# | PELAKSANA | SUMBER DANA | KETERANGAN, marks `x`, year headers written
# "TAHUN 2019", no SUB GUGUS TUGAS sections, and pages the converter ran into
# one table (a repeated header inside a table marks the page break).
from fixturegen import Damage

DOC = {
    "name": "014_kalbar_p4gn",
    "seed": 14,
    "preamble": [
        "",
        "LAMPIRAN",
        "PERATURAN GUBERNUR KALIMANTAN BARAT",
        "NOMOR 112 TAHUN 2019",
        "TENTANG",
        "RENCANA AKSI DAERAH FASILITASI PENCEGAHAN DAN PEMBERANTASAN PENYALAHGUNAAN DAN PEREDARAN GELAP NARKOTIKA DAN PREKURSOR NARKOTIKA TAHUN 2019-2023",
        "",
        "MATRIKS RENCANA AKSI DAERAH P4GN PROVINSI KALIMANTAN BARAT TAHUN 2019-2023",
        "",
    ],
    "title": "MATRIKS RENCANA AKSI DAERAH P4GN PROVINSI KALIMANTAN BARAT TAHUN 2019-2023",
    "regulation": {"kind": "Peraturan Gubernur", "number": "112", "year": 2019},
    "province": "Kalimantan Barat",
    "years": [2019, 2020, 2021, 2022, 2023],
    "marks": "x",
    "mark_case": 0.1,
    "columns": ["instansi", "kegiatan", "masalah", "proses", "hasil", "target", "sasaran", "years",
                "pj", "pelaksana", "sumber_dana", "keterangan"],
    "headers": {
        "instansi": ["INSTANSI", "INSTANSI/<br>OPD"],
        "kegiatan": ["KEGIATAN", "KEGIATA<br>N"],
        "masalah": ["MASALAH", "PERMASALAHAN"],
        "indikator": ["INDIKATOR"],
        "sasaran": ["SASARAN", "KELOMPOK<br>SASARAN"],
        "waktu": ["TAHUN PELAKSANAAN", "WAKTU PELAKSANAAN"],
        "pj": ["PENANGGUNG<br>JAWAB", "PENANGGUN<br>G JAWAB"],
        "pelaksana": ["PELAKSANA", "PELAKSAN<br>A"],
        "sumber_dana": ["SUMBER<br>DANA", "SUMBER DANA"],
        "keterangan": ["KETERANGAN", "KET"],
    },
    "year_label": "TAHUN<br>{y}",
    "same_table_rate": 0.5,
    "styles": {"text": ["num", "dash", "numsemi", "blank"], "agency": ["num", "dash", "comma", "run", "lines"]},
    "rows_per_page": (2, 4),
    "cut_rate": 0.45,
    "crushed_pages": [3],
    "damage": [
        (1, Damage(13, 0.55, 0.9, 0.3, 1.0)),  # a crushed page, as the seed's narrowest
        (2, Damage(None, 0.03, 0.0, 0.0, 1.0)),
        (2, Damage(25, 0.05, 0.35, 0.3, 1.0)),
        (1, Damage(12, 0.2, 0.65, 0.25, 1.0)),
    ],
    "plan": """
+ Badan Narkotika Nasional Provinsi Kalimantan Barat {BNN}
k: Diseminasi informasi bahaya penyalahgunaan narkoba di sekolah dan kampus
m: Kalimantan Barat berbatasan darat dengan Malaysia sehingga menjadi jalur masuk narkotika
p: Penyuluhan di SMP, SMA/SMK dan perguruan tinggi
p: Pembentukan satgas anti narkoba sekolah
h: Pelajar dan mahasiswa memahami bahaya narkoba
t: 120 sekolah dan 10 kampus per tahun
s: Pelajar dan mahasiswa
y: 2019-2023
j: BNNP Kalimantan Barat {BNN}
l: BNNK Pontianak {BNN}
l: BNNK Sanggau {BNN}
l: BNNK Singkawang {BNN}
l: Dinas Pendidikan dan Kebudayaan Provinsi Kalimantan Barat {DISDIK}
x.sumber_dana: APBN
=
k: Tes urine bagi Aparatur Sipil Negara dan pekerja
m: Penyalahgunaan narkoba ditemukan di lingkungan kerja
p: Tes urine secara acak dan berkala
h: ASN dan pekerja terdeteksi dini
t: 2.000 orang per tahun
s: ASN, pegawai BUMN dan pekerja swasta
y: 2019-2023
j: BNNP Kalimantan Barat {BNN}
l: BKD Provinsi Kalimantan Barat {BKD}
l: Disnakertrans Provinsi Kalimantan Barat {DISNAKERTRANS}
x.sumber_dana: APBN dan APBD
=
k: Layanan rehabilitasi rawat jalan di Klinik Pratama BNNP
m: Pecandu enggan melapor karena takut diproses hukum
p: Asesmen terpadu
p: Konseling individu dan kelompok
h: Pecandu pulih dan tidak kambuh
t: 150 klien per tahun
s: Pecandu, penyalahguna dan keluarganya
y: 2019-2023
j: BNNP Kalimantan Barat {BNN}
l: Klinik Pratama BNNP Kalimantan Barat {BNN}
l: Tim Asesmen Terpadu {}
x.sumber_dana: APBN
+ Badan Kesatuan Bangsa dan Politik Provinsi Kalimantan Barat {KESBANGPOL}
k: Fasilitasi pembentukan Tim Terpadu P4GN Provinsi dan Kabupaten/Kota
m: Koordinasi antar perangkat daerah dalam P4GN belum berjalan
p: Penyusunan SK Tim Terpadu
p: Rapat koordinasi dua kali setahun
h: Tim Terpadu P4GN terbentuk dan aktif di 14 Kabupaten/Kota
t: 14 Tim Terpadu
s: Perangkat Daerah Provinsi dan Kabupaten/Kota
y: 2019 2020 2021
j: Badan Kesbangpol Provinsi Kalimantan Barat {KESBANGPOL}
l: Badan Kesbangpol Kabupaten/Kota {KESBANGPOL}
l: BNNP Kalimantan Barat {BNN}
x.sumber_dana: APBD Provinsi
x.keterangan: Permendagri Nomor 12 Tahun 2019
+ Dinas Pendidikan dan Kebudayaan Provinsi Kalimantan Barat {DISDIK}
k: Integrasi materi bahaya narkoba ke dalam kegiatan ekstrakurikuler
m: Materi P4GN belum masuk dalam kegiatan sekolah
p: Penyusunan modul
p: Pelatihan guru pembina ekstrakurikuler
h: Sekolah melaksanakan kegiatan anti narkoba secara rutin
t: 100% SMA/SMK negeri
s: Guru dan peserta didik
y: 2020-2023
j: Dinas Pendidikan dan Kebudayaan Provinsi Kalimantan Barat {DISDIK}
l: BNNP Kalimantan Barat {BNN}
l: Cabang Dinas Pendidikan {DISDIK}
x.sumber_dana: APBD Provinsi
+ Dinas Kepemudaan dan Olahraga Provinsi Kalimantan Barat {DISPORA}
k: Kegiatan positif pemuda melalui olahraga, seni dan kewirausahaan
m: Pemuda di kawasan perbatasan rentan terlibat peredaran narkoba
p: Festival pemuda anti narkoba
p: Pelatihan kewirausahaan pemuda
h: Pemuda terlibat dalam kegiatan positif
t: 5 kabupaten perbatasan
s: Pemuda dan Karang Taruna
y: 2020-2023
j: Dispora Provinsi Kalimantan Barat {DISPORA}
l: Dispora Provinsi Kalimantan Barat {DISPORA}
l: Karang Taruna {LSM}
x.sumber_dana: APBD Provinsi
+ Dinas Kesehatan Provinsi Kalimantan Barat {DINKES}
k: Penguatan Institusi Penerima Wajib Lapor (IPWL) di Puskesmas dan rumah sakit
m: Layanan rehabilitasi medis bagi pecandu masih terbatas
p: Pelatihan tenaga kesehatan IPWL
p: Penetapan Puskesmas IPWL
h: Pecandu memperoleh layanan rehabilitasi medis
t: 30 IPWL
s: Pecandu dan korban penyalahgunaan narkoba
y: 2019-2023
j: Dinas Kesehatan Provinsi Kalimantan Barat {DINKES}
l: RSJ Sungai Bangkong {RUMAH_SAKIT}
l: Puskesmas IPWL {PUSKESMAS}
l: BNNP Kalimantan Barat {BNN}
x.sumber_dana: APBD Provinsi dan APBN
+ Dinas Sosial Provinsi Kalimantan Barat {DINSOS}
k: Rehabilitasi sosial korban penyalahgunaan narkoba
m: Mantan pecandu belum diterima kembali oleh keluarga dan lingkungan
p: Asesmen dan bimbingan sosial
p: Layanan pasca rehabilitasi
h: Mantan pecandu berfungsi sosial di masyarakat
t: 100 orang per tahun
s: Mantan pecandu dan keluarganya
y: 2019-2023
j: Dinas Sosial Provinsi Kalimantan Barat {DINSOS}
l: IPWL Sosial {}
l: Dinas Sosial Kabupaten/Kota {DINSOS}
x.sumber_dana: APBD Provinsi
+ Kepolisian Daerah Kalimantan Barat {POLDA}
k: Pengungkapan jaringan peredaran gelap narkotika lintas batas
m: Penyelundupan narkotika melalui jalur tidak resmi di {perbatasan|perbatаsan}
p: Operasi bersama di jalur perbatasan
p: Penyidikan tindak pidana narkotika dan TPPU
h: Jaringan peredaran gelap narkotika terungkap
t: 100% laporan ditindaklanjuti
s: Bandar, pengedar dan kurir narkotika
y: 2019-2023
j: Ditresnarkoba Polda Kalimantan Barat {POLDA}
l: Polres jajaran {POLRES}
l: Kanwil Bea Cukai Kalimantan Bagian Barat {BEA_CUKAI}
l: Kantor Imigrasi Kelas II TPI Entikong {IMIGRASI}
x.sumber_dana: DIPA Polda
=
k: Pemusnahan barang bukti dan lahan tanaman narkotika
m: Barang bukti narkotika menumpuk dan berisiko disalahgunakan
p: Pemusnahan barang bukti secara berkala
h: Barang bukti dimusnahkan sesuai ketentuan
t: Setiap perkara berkekuatan hukum tetap
s: Barang bukti narkotika
y: 2019-2023
j: Polda Kalimantan Barat {POLDA}
l: Kejati Kalimantan Barat {KEJATI}
l: BNNP Kalimantan Barat {BNN}
x.sumber_dana: DIPA Polda
+ Kantor Wilayah Kementerian Hukum dan HAM Kalimantan Barat {KEMENKUMHAM}
k: Pencegahan peredaran narkoba di Lapas dan Rutan
m: Masih ada peredaran narkoba yang dikendalikan dari dalam Lapas
p: Razia kamar hunian
p: Pemasangan alat pengacak sinyal
p: Tes urine warga binaan dan petugas
h: Lapas dan Rutan bersih dari narkoba
t: 11 Lapas/Rutan
s: Warga binaan dan petugas pemasyarakatan
y: 2019-2023
j: Kanwil Kemenkumham Kalimantan Barat {KEMENKUMHAM}
l: Lapas Narkotika Kelas IIA Pontianak {LAPAS}
l: Rutan Kelas IIA Pontianak {LAPAS}
x.sumber_dana: DIPA Kanwil
+ Dinas Komunikasi dan Informatika Provinsi Kalimantan Barat {DISKOMINFO}
k: Kampanye "Bersinar" (Bersih Narkoba) melalui media massa dan media sosial
m: Informasi bahaya narkoba belum menjangkau masyarakat pedesaan
p: Iklan layanan masyarakat di radio & televisi
p: Konten media sosial dan _podcast_
h: Masyarakat memperoleh informasi bahaya narkoba
t: 24 konten per tahun
s: Masyarakat umum
y: 2019-2023
j: Diskominfo Prov. Kalbar {DISKOMINFO}
l: Diskominfo Prov. Kalbar {DISKOMINFO}
l: BNNP Kalimantan Barat {BNN}
x.sumber_dana: APBD Provinsi
+ Dinas Pemberdayaan Masyarakat dan Desa Provinsi Kalimantan Barat {DPMD}
k: Pembentukan Desa Bersinar (Bersih Narkoba)
m: Desa di jalur perbatasan menjadi tempat transit narkotika
p: Pendampingan desa
p: Pembentukan relawan anti narkoba desa
h: Terbentuknya Desa Bersinar
t: 25 desa
s: Pemerintah desa dan masyarakat
y: 2021-2023
j: DPMD Provinsi Kalimantan Barat {DPMD}
l: BNNP Kalimantan Barat {BNN}
l: Pemerintah Desa {PEMDES}
x.sumber_dana: APBD Provinsi dan Dana Desa
+ Satuan Polisi Pamong Praja Provinsi Kalimantan Barat {SATPOL_PP}
k: Pengawasan tempat hiburan malam dan rumah kos
m: Tempat hiburan malam menjadi lokasi transaksi narkoba
p: Patroli gabungan
p: Penertiban usaha yang melanggar izin
h: Tempat hiburan malam taat ketentuan
t: 12 kali patroli per tahun
s: Pengelola tempat hiburan malam dan rumah kos
y: 2019-2023
j: Satpol PP Provinsi Kalimantan Barat {SATPOL_PP}
l: Satpol PP Kota Pontianak {SATPOL_PP}
l: Polresta Pontianak {POLRES}
l: BNNK Pontianak {BNN}
x.sumber_dana: APBD Provinsi
+ Kantor Wilayah Kementerian Agama Provinsi Kalimantan Barat {KEMENAG}
k: Penyuluhan bahaya narkoba oleh penyuluh agama
m: Tokoh agama belum dilibatkan dalam pencegahan narkoba
p: Pembekalan penyuluh agama
p: Penyuluhan di rumah ibadah dan pondok pesantren
h: Umat memahami bahaya narkoba dari sisi agama
t: 500 penyuluh agama
s: Umat beragama dan santri
y: 2020-2023
j: Kanwil Kemenag Provinsi Kalimantan Barat {KEMENAG}
l: Kantor Kemenag Kabupaten/Kota {KEMENAG}
l: FKUB Kalimantan Barat {MUI}
x.sumber_dana: DIPA Kanwil Kemenag
+ Biro Hukum Sekretariat Daerah Provinsi Kalimantan Barat {BIRO_HUKUM}
k: Penyusunan Peraturan Daerah tentang Fasilitasi P4GN
m: Belum ada Peraturan Daerah yang mengatur fasilitasi P4GN
p: Penyusunan naskah akademik
p: Pembahasan rancangan Perda dengan DPRD
h: Tersusunnya Perda Fasilitasi P4GN
t: 1 (satu) Perda
s: Pemerintah Provinsi dan DPRD
y: 2020 2021
j: Biro Hukum Setda Provinsi Kalimantan Barat {BIRO_HUKUM}
l: Biro Hukum Setda Provinsi Kalimantan Barat {BIRO_HUKUM}
l: Badan Kesbangpol Provinsi Kalimantan Barat {KESBANGPOL}
x.sumber_dana: APBD Provinsi
x.keterangan: Perda Nomor 3 Tahun 2021
""",
}
