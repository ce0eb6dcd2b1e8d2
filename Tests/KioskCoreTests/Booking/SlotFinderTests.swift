// Passerelle — KioskCore booking tests. Licensed under the EUPL-1.2.
import XCTest
@testable import KioskCore

final class SlotFinderTests: XCTestCase {
    private let everyDay = WeekdaySet.all

    func test_a_weekday_range_is_cut_by_the_service_duration() {
        let slots = SlotFinder.freeSlots(
            for: "demarches", in: agenda(duration: 45), from: paris("2026-06-08 07:00"), days: 1)
        XCTAssertEqual(wallTimes(slots), ["09:00", "09:45", "10:30", "11:15"])
        XCTAssertTrue(
            slots.allSatisfy {
                $0.end.timeIntervalSince($0.start) == 45 * 60 && $0.helper == "amina" && $0.place == "fs"
            })
        XCTAssertTrue(
            SlotFinder.freeSlots(for: "unknown", in: agenda(), from: paris("2026-06-08 07:00"), days: 5).isEmpty)
    }

    func test_no_slot_on_a_public_holiday_including_easter_based_ones_in_2026_and_2027() {
        let range = [
            (weekdays: everyDay, start: "09:00", end: "10:00", from: "2025-12-01", until: Optional("2027-12-31"))
        ]
        let holidays = [
            "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25", "2026-07-14",
            "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25", "2027-01-01", "2027-03-29", "2027-05-06",
            "2027-05-17", "2027-11-11", "2027-12-25",
        ]
        let snapshot = agenda(duration: 60, ranges: range)
        for holiday in holidays {
            let before = day(holiday).adding(days: -1)
            let slots = SlotFinder.freeSlots(
                for: "demarches", in: snapshot, from: ParisTime.date(before, minute: 0)!, days: 3)
            let days = slots.map(\.day)
            XCTAssertFalse(days.contains(day(holiday)), "\(holiday) is a holiday")
            XCTAssertTrue(
                days.contains(before) || FrenchHoliday.holiday(on: before) != nil, "the day before \(holiday) is open")
        }
    }

    func test_alsace_moselle_also_closes_good_friday_and_26_december() {
        let range = [
            (weekdays: everyDay, start: "09:00", end: "10:00", from: "2026-01-01", until: Optional("2027-12-31"))
        ]
        for (text, alsace, open) in [
            ("2026-04-03", false, true), ("2026-04-03", true, false), ("2027-03-26", true, false),
            ("2026-12-26", false, true), ("2026-12-26", true, false),
        ] {
            let slots = SlotFinder.freeSlots(
                for: "demarches", in: agenda(duration: 60, ranges: range, alsaceMoselle: alsace),
                from: ParisTime.date(day(text), minute: 0)!, days: 1)
            XCTAssertEqual(!slots.isEmpty, open, "\(text) alsaceMoselle=\(alsace)")
        }
    }

    func test_absences_booked_slots_and_closed_days_are_removed() {
        let now = paris("2026-06-08 07:00")  // a Monday
        let cases: [(name: String, busy: [BusyInterval], closed: Set<LocalDay>, expected: [String])] = [
            ("nothing", [], [], ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"]),
            (
                "absence 10:00-11:00",
                [BusyInterval(helper: "amina", start: paris("2026-06-08 10:00"), end: paris("2026-06-08 11:00"))], [],
                ["09:00", "09:30", "11:00", "11:30"]
            ),
            (
                "booked 09:30-10:00",
                [BusyInterval(helper: "amina", start: paris("2026-06-08 09:30"), end: paris("2026-06-08 10:00"))], [],
                ["09:00", "10:00", "10:30", "11:00", "11:30"]
            ),
            (
                "booked 09:45-10:15 overlaps two",
                [BusyInterval(helper: "amina", start: paris("2026-06-08 09:45"), end: paris("2026-06-08 10:15"))], [],
                ["09:00", "10:30", "11:00", "11:30"]
            ),
            (
                "overlapping absence and booking",
                [
                    BusyInterval(helper: "amina", start: paris("2026-06-08 09:00"), end: paris("2026-06-08 10:00")),
                    BusyInterval(helper: "amina", start: paris("2026-06-08 09:30"), end: paris("2026-06-08 10:30")),
                ], [], ["10:30", "11:00", "11:30"]
            ),
            (
                "someone else's booking",
                [BusyInterval(helper: "zoe", start: paris("2026-06-08 09:00"), end: paris("2026-06-08 12:00"))], [],
                ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"]
            ),
            (
                "absence over the whole day",
                [BusyInterval(helper: "amina", start: paris("2026-06-07 18:00"), end: paris("2026-06-09 00:00"))], [],
                []
            ),
            ("closed day", [], [day("2026-06-08")], []),
        ]
        for (name, busy, closed, expected) in cases {
            let slots = SlotFinder.freeSlots(
                for: "demarches", in: agenda(busy: busy, closedDays: closed), from: now, days: 1)
            XCTAssertEqual(wallTimes(slots), expected, name)
        }
    }

    func test_the_notice_window_bounds_the_first_and_last_slot() {
        let now = paris("2026-06-10 09:10")  // Wednesday
        let soon = SlotFinder.freeSlots(for: "demarches", in: agenda(minNotice: 120), from: now, days: 1)
        XCTAssertEqual(wallTimes(soon), ["11:30"], "2 h notice: nothing before 11:10")
        let late = SlotFinder.freeSlots(
            for: "demarches", in: agenda(minNotice: 0, maxNoticeDays: 2), from: now, days: 10)
        XCTAssertEqual(late.first?.start, paris("2026-06-10 09:30"))
        XCTAssertEqual(late.last?.start, paris("2026-06-12 09:00"), "nothing starts after 2 days")
        let none = SlotFinder.freeSlots(for: "demarches", in: agenda(), from: paris("2026-06-13 08:00"), days: 2)
        XCTAssertTrue(none.isEmpty, "a weekend")
        XCTAssertEqual(
            SlotFinder.firstFreeSlot(for: "demarches", in: agenda(), from: paris("2026-06-13 08:00"))?.start,
            paris("2026-06-15 09:00"))
    }

    func test_ranges_start_and_end_on_their_days() {
        let ranges = [
            (
                weekdays: WeekdaySet([2]), start: "14:00", end: "15:00", from: "2026-06-09",
                until: Optional("2026-06-16")
            ),
            (weekdays: WeekdaySet.none, start: "16:00", end: "17:00", from: "2026-06-11", until: nil),
        ]
        let slots = SlotFinder.freeSlots(
            for: "demarches", in: agenda(duration: 60, ranges: ranges), from: paris("2026-06-01 00:00"), days: 30)
        XCTAssertEqual(
            slots.map(\.start), [paris("2026-06-09 14:00"), paris("2026-06-11 16:00"), paris("2026-06-16 14:00")])
    }

    func test_winter_to_summer_time_29_march_2026() {
        // Every day 01:00-04:00, 60 minutes: 02:00 does not exist that night.
        let night = [
            (weekdays: everyDay, start: "01:00", end: "04:00", from: "2026-03-01", until: Optional("2026-04-30"))
        ]
        let slots = SlotFinder.freeSlots(
            for: "demarches", in: agenda(duration: 60, ranges: night), from: paris("2026-03-29 00:00"), days: 1)
        XCTAssertEqual(slots.map(\.start), [utc("2026-03-29T00:00Z"), utc("2026-03-29T01:00Z")])
        XCTAssertEqual(wallTimes(slots), ["01:00", "03:00"])
        XCTAssertTrue(slots.allSatisfy { $0.end.timeIntervalSince($0.start) == 3600 })
        // 30 minutes: 01:30 lasts until the jump (03:00 on the wall), no slot at 02:00 or 02:30.
        let halves = SlotFinder.freeSlots(
            for: "demarches", in: agenda(duration: 30, ranges: night), from: paris("2026-03-29 00:00"), days: 1)
        XCTAssertEqual(wallTimes(halves), ["01:00", "01:30", "03:00", "03:30"])
        XCTAssertEqual(halves.last?.end, utc("2026-03-29T02:00Z"))
        // Office hours either side of the change keep their wall-clock times.
        let week = SlotFinder.freeSlots(
            for: "demarches", in: agenda(duration: 60), from: paris("2026-03-27 00:00"), days: 4)
        XCTAssertEqual(week.first?.start, utc("2026-03-27T08:00Z"))
        XCTAssertEqual(week.filter { $0.day == day("2026-03-30") }.first?.start, utc("2026-03-30T07:00Z"))
        XCTAssertEqual(wallTimes(week), ["09:00", "10:00", "11:00", "09:00", "10:00", "11:00"])
    }

    func test_a_slot_that_crosses_the_spring_gap_keeps_its_real_duration_and_the_next_one_starts_after_it() {
        // 29 March 2026, open all day, 45 minutes: 01:30 (00:30Z) lasts until 01:15Z (03:15 on
        // the wall); the grid's 02:15 does not exist and its 03:00 (01:00Z) would overlap it.
        let day = [
            (weekdays: everyDay, start: "00:00", end: "24:00", from: "2026-03-01", until: Optional("2026-04-30"))
        ]
        let slots = SlotFinder.freeSlots(
            for: "demarches", in: agenda(duration: 45, ranges: day), from: paris("2026-03-29 00:00"), days: 1)
        XCTAssertTrue(slots.allSatisfy { $0.end.timeIntervalSince($0.start) == 45 * 60 })
        XCTAssertTrue(
            zip(slots, slots.dropFirst()).allSatisfy { $0.end <= $1.start }, "the slots of a range never overlap")
        XCTAssertEqual(
            Array(slots.map(\.start).prefix(4)),
            [utc("2026-03-28T23:00Z"), utc("2026-03-28T23:45Z"), utc("2026-03-29T00:30Z"), utc("2026-03-29T01:45Z")])
        XCTAssertEqual(Array(wallTimes(slots).prefix(4)), ["00:00", "00:45", "01:30", "03:45"])
        XCTAssertEqual(slots.last?.end, utc("2026-03-29T22:00Z"), "the last one ends at midnight")
        // Every start the grid keeps is still a wall-clock multiple of 45 minutes from 00:00.
        XCTAssertTrue(slots.allSatisfy { ParisTime.minuteOfDay($0.start) % 45 == 0 })
    }

    func test_summer_to_winter_time_25_october_2026() {
        let night = [
            (weekdays: everyDay, start: "01:00", end: "04:00", from: "2026-10-01", until: Optional("2026-11-30"))
        ]
        let slots = SlotFinder.freeSlots(
            for: "demarches", in: agenda(duration: 60, ranges: night), from: paris("2026-10-25 00:00"), days: 1)
        // 02:00 happens twice; it means the first one. Every slot lasts one real hour; none overlap.
        XCTAssertEqual(
            slots.map(\.start), [utc("2026-10-24T23:00Z"), utc("2026-10-25T00:00Z"), utc("2026-10-25T02:00Z")])
        XCTAssertTrue(slots.allSatisfy { $0.end.timeIntervalSince($0.start) == 3600 })
        XCTAssertTrue(zip(slots, slots.dropFirst()).allSatisfy { $0.end <= $1.start })
        let week = SlotFinder.freeSlots(
            for: "demarches", in: agenda(duration: 60), from: paris("2026-10-23 00:00"), days: 4)
        XCTAssertEqual(week.first?.start, utc("2026-10-23T07:00Z"))
        XCTAssertEqual(week.filter { $0.day == day("2026-10-26") }.first?.start, utc("2026-10-26T08:00Z"))
    }

    func test_slots_group_by_day_and_part_of_day_and_one_per_time() {
        let snapshot = AgendaSnapshot(
            places: [AgendaPlace(key: "fs", name: "FS", address: "ici")],
            services: [
                AgendaService(
                    key: "s", name: LocalizedText(fr: "S", en: "S", ar: "س"), support: .workshop, durationMinutes: 60)
            ],
            helpers: [
                AgendaHelper(key: "amina", firstName: "Amina"), AgendaHelper(key: "zoe", firstName: "Zoé"),
                AgendaHelper(key: "gone", firstName: "Gone", isActive: false),
            ],
            ranges: ["amina", "zoe", "gone"].map {
                AgendaOpeningRange(
                    helper: $0, place: "fs", services: ["s"], firstDay: day("2026-06-01"), untilDay: nil,
                    weekdays: WeekdaySet([1, 2]), startMinute: 11 * 60, endMinute: 14 * 60)
            })
        let slots = SlotFinder.freeSlots(for: "s", in: snapshot, from: paris("2026-06-01 08:00"), days: 7)
        XCTAssertEqual(slots.count, 12, "two helpers (one inactive), two days, three slots")
        let days = slots.groupedByDay()
        XCTAssertEqual(days.map(\.day), [day("2026-06-01"), day("2026-06-02")])
        XCTAssertEqual(wallTimes(days[0].morning), ["11:00", "11:00"])
        XCTAssertEqual(wallTimes(days[0].afternoon), ["12:00", "12:00", "13:00", "13:00"])
        XCTAssertEqual(wallTimes(slots.onePerStartTime()), ["11:00", "12:00", "13:00", "11:00", "12:00", "13:00"])
        XCTAssertEqual(slots.onePerStartTime().first?.helper, "amina")
        XCTAssertTrue(SlotFinder.isFree(slots[1], in: snapshot, now: paris("2026-06-01 08:00")))
        let booked = snapshot.adding(
            busy: BusyInterval(helper: slots[1].helper, start: slots[1].start, end: slots[1].end))
        XCTAssertFalse(SlotFinder.isFree(slots[1], in: booked, now: paris("2026-06-01 08:00")))
        XCTAssertFalse(SlotFinder.isFree(slots[1], in: snapshot, now: paris("2026-06-01 11:30")), "it has started")
    }
}
