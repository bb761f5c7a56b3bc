/// The verified national holidays and joint-leave days of 2024-2026, with their decrees.
///
/// This is the text of `shared/reference/holidays-id-2024-2026.tsv`, kept verbatim so the app
/// needs no data file at run time; a test checks it against the reference.
public enum NationalHolidays {
    /// The name this table goes by in explanations and errors.
    public static let source = "holidays-id-2024-2026.tsv"

    /// The table as tab-separated text, in the calendar file format.
    public static let text = #"""
# Indonesian national holidays (libur) and joint leave days (cuti bersama), 2024-2026.
# Each date was confirmed by at least two independent sources. Columns: date, kind, name, legal basis.
# 2024-02-14 and 2024-11-27 are election days (Keppres 10/2024, Keppres 33/2024).
# 2025-08-18 was added by the August 2025 revision: deadlines computed before it must be recomputed.
date	kind	name	basis
2024-01-01	libur	Tahun Baru 2024 Masehi	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-02-08	libur	Isra Mikraj Nabi Muhammad SAW	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-02-09	cuti	Cuti Bersama Tahun Baru Imlek 2575 Kongzili	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-02-10	libur	Tahun Baru Imlek 2575 Kongzili	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-02-14	libur	Hari Pemungutan Suara Pemilu 2024	Keppres 10/2024
2024-03-11	libur	Hari Suci Nyepi Tahun Baru Saka 1946	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-03-12	cuti	Cuti Bersama Hari Suci Nyepi	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-03-29	libur	Wafat Yesus Kristus	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-03-31	libur	Kebangkitan Yesus Kristus (Paskah)	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-04-08	cuti	Cuti Bersama Idul Fitri 1445 H	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-04-09	cuti	Cuti Bersama Idul Fitri 1445 H	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-04-10	libur	Hari Raya Idul Fitri 1445 H	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-04-11	libur	Hari Raya Idul Fitri 1445 H (hari kedua)	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-04-12	cuti	Cuti Bersama Idul Fitri 1445 H	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-04-15	cuti	Cuti Bersama Idul Fitri 1445 H	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-05-01	libur	Hari Buruh Internasional	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-05-09	libur	Kenaikan Yesus Kristus	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-05-10	cuti	Cuti Bersama Kenaikan Yesus Kristus	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-05-23	libur	Hari Raya Waisak 2568 BE	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-05-24	cuti	Cuti Bersama Hari Raya Waisak	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-06-01	libur	Hari Lahir Pancasila	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-06-17	libur	Hari Raya Idul Adha 1445 H	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-06-18	cuti	Cuti Bersama Idul Adha 1445 H	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-07-07	libur	1 Muharam Tahun Baru Islam 1446 H	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-08-17	libur	Hari Proklamasi Kemerdekaan RI	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-09-16	libur	Maulid Nabi Muhammad SAW	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-11-27	libur	Hari Pemungutan Suara Pilkada Serentak	Keppres 33/2024
2024-12-25	libur	Hari Raya Natal	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2024-12-26	cuti	Cuti Bersama Hari Raya Natal	SKB 855/2023, 3/2023, 4/2023; Keppres 7/2024 (cuti bersama ASN)
2025-01-01	libur	Tahun Baru 2025 Masehi	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-01-27	libur	Isra Mikraj Nabi Muhammad SAW	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-01-28	cuti	Cuti Bersama Tahun Baru Imlek 2576 Kongzili	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-01-29	libur	Tahun Baru Imlek 2576 Kongzili	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-03-28	cuti	Cuti Bersama Hari Suci Nyepi	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-03-29	libur	Hari Suci Nyepi Tahun Baru Saka 1947	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-03-31	libur	Hari Raya Idul Fitri 1446 H	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-04-01	libur	Hari Raya Idul Fitri 1446 H (hari kedua)	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-04-02	cuti	Cuti Bersama Idul Fitri 1446 H	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-04-03	cuti	Cuti Bersama Idul Fitri 1446 H	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-04-04	cuti	Cuti Bersama Idul Fitri 1446 H	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-04-07	cuti	Cuti Bersama Idul Fitri 1446 H	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-04-18	libur	Wafat Yesus Kristus	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-04-20	libur	Kebangkitan Yesus Kristus (Paskah)	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-05-01	libur	Hari Buruh Internasional	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-05-12	libur	Hari Raya Waisak 2569 BE	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-05-13	cuti	Cuti Bersama Hari Raya Waisak	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-05-29	libur	Kenaikan Yesus Kristus	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-05-30	cuti	Cuti Bersama Kenaikan Yesus Kristus	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-06-01	libur	Hari Lahir Pancasila	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-06-06	libur	Hari Raya Idul Adha 1446 H	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-06-09	cuti	Cuti Bersama Idul Adha 1446 H	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-06-27	libur	1 Muharam Tahun Baru Islam 1447 H	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-08-17	libur	Hari Proklamasi Kemerdekaan RI	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-08-18	cuti	Cuti Bersama HUT ke-80 RI	SKB 933/2025, 1/2025, 3/2025 (revision of 7 Aug 2025)
2025-09-05	libur	Maulid Nabi Muhammad SAW	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-12-25	libur	Kelahiran Yesus Kristus (Natal)	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2025-12-26	cuti	Cuti Bersama Kelahiran Yesus Kristus	SKB 1017/2024, 2/2024, 2/2024; revised by SKB 933/2025, 1/2025, 3/2025; Keppres 2/2025
2026-01-01	libur	Tahun Baru 2026 Masehi	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-01-16	libur	Isra Mikraj Nabi Muhammad SAW	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-02-16	cuti	Cuti Bersama Tahun Baru Imlek 2577 Kongzili	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-02-17	libur	Tahun Baru Imlek 2577 Kongzili	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-03-18	cuti	Cuti Bersama Hari Suci Nyepi	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-03-19	libur	Hari Suci Nyepi Tahun Baru Saka 1948	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-03-20	cuti	Cuti Bersama Idul Fitri 1447 H	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-03-21	libur	Hari Raya Idul Fitri 1447 H	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-03-22	libur	Hari Raya Idul Fitri 1447 H (hari kedua)	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-03-23	cuti	Cuti Bersama Idul Fitri 1447 H	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-03-24	cuti	Cuti Bersama Idul Fitri 1447 H	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-04-03	libur	Wafat Yesus Kristus	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-04-05	libur	Kebangkitan Yesus Kristus (Paskah)	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-05-01	libur	Hari Buruh Internasional	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-05-14	libur	Kenaikan Yesus Kristus	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-05-15	cuti	Cuti Bersama Kenaikan Yesus Kristus	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-05-27	libur	Hari Raya Idul Adha 1447 H	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-05-28	cuti	Cuti Bersama Idul Adha 1447 H	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-05-31	libur	Hari Raya Waisak 2570 BE	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-06-01	libur	Hari Lahir Pancasila	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-06-16	libur	1 Muharam Tahun Baru Islam 1448 H	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-08-17	libur	Hari Proklamasi Kemerdekaan RI	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-08-25	libur	Maulid Nabi Muhammad SAW	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-12-24	cuti	Cuti Bersama Kelahiran Yesus Kristus	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
2026-12-25	libur	Kelahiran Yesus Kristus (Natal)	SKB 1497/2025, 2/2025, 5/2025; Keppres 42/2025
"""#

    /// The table, parsed. The shipped text is checked by tests, so parsing cannot fail.
    public static let file: CalendarFile = {
        do throws(CalendarError) {
            return try CalendarFile(source: source, text: text)
        } catch {
            preconditionFailure("The shipped holiday table does not parse: \(error.text(.english))")
        }
    }()
}
