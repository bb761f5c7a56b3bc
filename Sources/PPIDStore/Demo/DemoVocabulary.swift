/// Indonesian names, places and subjects for demo workspaces.
enum DemoVocabulary {
    static let firstNames = [
        "Siti", "Budi", "Agus", "Dewi", "Rina", "Ahmad", "Muhammad", "Nur", "Putri", "Andi", "Wahyu", "Sri", "Joko",
        "Indah", "Rizky", "Fajar", "Ayu", "Dian", "Eko", "Hendra", "Yohanes", "Made", "Ketut", "Nyoman", "Wayan",
        "Ni Luh", "Maria", "Stefanus", "Theresia", "Lestari", "Fitri", "Rahmat", "Bayu", "Citra", "Gita", "Yusuf",
        "Aisyah", "Fransiska", "Benediktus", "Oktaviani", "Hasanuddin", "Ratna", "Imam", "Kartika", "Lukas", "Yosephina",
    ]
    static let lastNames = [
        "Santoso", "Wijaya", "Saputra", "Pratama", "Hidayat", "Nasution", "Siregar", "Simanjuntak", "Harahap",
        "Hutapea", "Kusuma", "Wibowo", "Setiawan", "Rahayu", "Susanti", "Gunawan", "Halim", "Tanjung", "Lubis",
        "Manurung", "Sembiring", "Ginting", "Tarigan", "Rumbiak", "Wenda", "Mandacan", "Kambu", "Pakpahan",
        "Matondang", "Daulay", "Rumagesan", "Latuconsina", "Pattimura", "Tuasikal", "Mokodompit", "Lasut", "Sumual",
    ]
    static let entities = [
        "Yayasan Lembaga Bantuan Hukum", "Indonesia Corruption Watch", "Perkumpulan Transparansi Anggaran",
        "Forum Masyarakat Peduli", "Koperasi Nelayan Sejahtera", "CV Maju Bersama", "PT Sinar Nusantara",
        "Aliansi Jurnalis Independen", "Lembaga Kajian Kebijakan Publik", "Serikat Petani Mandiri",
    ]
    static let occupations = [
        "Mahasiswa", "Wartawan", "Peneliti", "Wiraswasta", "Guru", "Pegawai swasta", "Petani", "Nelayan",
        "Advokat", "Ibu rumah tangga", "Aktivis LSM", "Dosen",
    ]
    static let cities = [
        "Jakarta", "Bandung", "Surabaya", "Medan", "Makassar", "Denpasar", "Jayapura", "Pontianak", "Ambon",
        "Manado", "Kupang", "Padang", "Palembang", "Samarinda", "Yogyakarta", "Semarang", "Mataram", "Sorong",
    ]
    static let streets = ["Jl. Merdeka", "Jl. Sudirman", "Jl. Diponegoro", "Jl. Gatot Subroto", "Jl. Ahmad Yani",
                          "Jl. Pattimura", "Jl. Hasanuddin", "Jl. Gajah Mada", "Jl. Cendrawasih", "Jl. Kartini"]
    static let documents = [
        "Laporan keuangan", "Laporan realisasi anggaran", "Rencana strategis", "DIPA", "Daftar aset tetap",
        "Kontrak pengadaan", "Laporan hasil pemeriksaan BPK", "Laporan kinerja instansi", "Data penerima bantuan sosial",
        "Notulen rapat koordinasi", "SK penetapan", "Rencana kerja tahunan", "Dokumen AMDAL", "Standar pelayanan",
        "Rekapitulasi pengaduan masyarakat", "Rincian perjalanan dinas", "Dokumen lelang", "Peta rencana tata ruang",
        "Statistik layanan", "Laporan evaluasi program", "Daftar informasi publik", "Rencana pengadaan barang dan jasa",
    ]
    static let topics = [
        "pembangunan jalan provinsi", "program beasiswa daerah", "puskesmas kecamatan", "pengelolaan sampah kota",
        "bantuan usaha mikro", "penanganan banjir", "jaringan irigasi", "revitalisasi pasar tradisional", "dana desa",
        "program vaksinasi", "transportasi umum", "rumah sakit umum daerah", "penyediaan air bersih",
        "rehabilitasi sekolah dasar", "reklamasi pesisir", "perizinan tambang", "bantuan pangan non-tunai",
        "pembangunan jembatan", "konservasi hutan", "penataan kawasan kumuh", "penerangan jalan umum", "pelabuhan rakyat",
    ]
    static let purposes = [
        "Penelitian skripsi", "Bahan liputan berita", "Kajian kebijakan", "Pengawasan penggunaan anggaran",
        "Advokasi masyarakat", "Kepentingan pribadi", "Bahan tesis", "Pendampingan hukum", "Evaluasi program",
    ]
    static let holders = [
        "Biro Keuangan", "Bagian Umum", "Bidang Perencanaan", "Sekretariat", "Bagian Pengadaan", "Inspektorat",
        "Bidang Program", "Bagian Hukum", "Bidang Data dan Informasi", "Bagian Kepegawaian",
    ]
    static let summaryPhrases = [
        "memuat rincian", "disusun berdasarkan", "mencakup data", "menjelaskan pelaksanaan", "menyajikan ringkasan",
        "berisi daftar", "menguraikan capaian", "memuat anggaran", "serta lampiran pendukung", "untuk periode berjalan",
        "sesuai ketentuan peraturan perundang-undangan", "yang telah diverifikasi", "per triwulan", "di seluruh kecamatan",
    ]
    static let otherUnits = ["ITJEN", "DITJEN-ANGGARAN", "BIRO-HUKUM", "PUSDATIN"]
    static let otherBodies = ["Badan Pusat Statistik", "Kementerian Keuangan", "Pemerintah Provinsi", "Badan Pertanahan Nasional"]
}
