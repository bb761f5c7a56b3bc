import PPIDDomain

/// The portal's words in the reader's language: what the templates show as `t.<key>`.
enum PortalText {
    static func words(_ language: Language) -> [String: String] {
        let pick = language.pick
        return [
            "portal": pick("Portal PPID", "PPID Portal"),
            "skip": pick("Langsung ke isi", "Skip to content"),
            "menu": pick("Menu utama", "Main menu"),
            "dip": pick("Daftar Informasi Publik", "Public Information List"),
            "footer": pick("Hak atas informasi dijamin Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik.",
                           "The right to information is guaranteed by Law 14/2008 on Public Information Disclosure."),
            "homeIntro": pick("Di sini Anda dapat membaca daftar informasi publik setiap unit kerja badan publik ini, setiap saat.",
                              "Here you can read the public information list of every work unit of this public body, at any time."),
            "dipIntro": pick("Daftar informasi yang dikuasai badan publik ini, menurut unit dan kategori (Pasal 9-11 UU 14/2008). Informasi yang dikecualikan hanya disebut dasar hukum dan jangka waktunya (Pasal 17).",
                             "The information this public body holds, by unit and category (Articles 9-11 of Law 14/2008). Exempt information is listed with its legal basis and period only (Article 17)."),
            "openDip": pick("Buka daftar informasi publik", "Open the public information list"),
            "rightsTitle": pick("Hak Anda", "Your rights"),
            "rights": pick("Setiap orang berhak meminta informasi publik. Badan publik wajib menjawab secara tertulis paling lambat 10 hari kerja, dapat diperpanjang 7 hari kerja dengan alasan tertulis. Bila tidak puas, Anda dapat mengajukan keberatan kepada atasan PPID dalam 30 hari kerja.",
                           "Everyone may request public information. The body must answer in writing within 10 working days, extendable by 7 working days with a written reason. If you are not satisfied, you may object to the PPID's superior within 30 working days."),
            "search": pick("Cari", "Search"),
            "unit": pick("Unit kerja", "Work unit"),
            "allUnits": pick("Semua unit", "All units"),
            "category": pick("Kategori", "Category"),
            "allCategories": pick("Semua kategori", "All categories"),
            "find": pick("Tampilkan", "Show"),
            "openData": pick("Data terbuka", "Open data"),
            "number": pick("Nomor", "Number"),
            "titleColumn": pick("Judul", "Title"),
            "details": pick("Keterangan", "Details"),
            "pages": pick("Halaman", "Pages"),
            "previous": pick("Sebelumnya", "Previous"),
            "next": pick("Berikutnya", "Next"),
            "backToList": pick("Kembali ke daftar", "Back to the list"),
            "exemptNotice": pick("Informasi ini dikecualikan: isinya tidak dibuka. Yang ditampilkan hanya dasar hukum dan jangka waktu pengecualiannya. Anda tetap dapat memohonnya; penolakan wajib disertai alasan tertulis dan dapat diajukan keberatan.",
                                 "This information is exempt: its content is not disclosed. Only the legal basis and the period of the exemption are shown. You may still request it; a refusal must give its reasons in writing and may be objected to."),
            "notFound": pick("Halaman tidak ditemukan", "Page not found"),
            "notFoundHelp": pick("Alamat ini tidak ada atau entri sudah dihapus dari daftar. Periksa alamatnya, atau cari dari daftar informasi publik.",
                                 "This address does not exist or the entry has been taken off the list. Check the address, or search the public information list."),
        ]
    }
}
