// Passerelle — benchmark of the slot finder. Licensed under the EUPL-1.2.
//
// 50 helpers, each with a year of weekly opening ranges (Mo-Fr 09:00-12:00, 14:00-17:00 at one
// of two places), absences and booked appointments; we time the next 30 days of free slots for
// one service, as the booking screen asks them. The target is under 5 ms.
//
//   swift build -c release --product passerelle-agenda-bench && .build/release/passerelle-agenda-bench [rounds]
import Foundation
import KioskCore

let rounds = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 500
let firstDay = LocalDay("2026-01-05")!
let now = ParisTime.date(LocalDay("2026-03-16")!, minute: 8 * 60)!

var generator = SystemRandomNumberGenerator()
let places = [
    AgendaPlace(key: "fs", name: "France Services", address: "1 place de la Mairie"),
    AgendaPlace(key: "media", name: "Médiathèque", address: "2 rue des Écoles"),
]
let services = [
    AgendaService(
        key: "demarches", name: LocalizedText(fr: "Démarches", en: "Procedures", ar: "إجراءات"),
        support: .procedureHelp, durationMinutes: 30, minNoticeMinutes: 120, maxNoticeDays: 60),
    AgendaService(
        key: "atelier", name: LocalizedText(fr: "Atelier", en: "Workshop", ar: "ورشة"),
        support: .workshop, durationMinutes: 90, maxNoticeDays: 60),
]
var helpers: [AgendaHelper] = []
var ranges: [AgendaOpeningRange] = []
var busy: [BusyInterval] = []
for h in 0..<50 {
    let key = "helper-\(h)"
    helpers.append(AgendaHelper(key: key, firstName: "Aidant \(h)"))
    let place = h % 2 == 0 ? "fs" : "media"
    for (start, end) in [(9 * 60, 12 * 60), (14 * 60, 17 * 60)] {
        ranges.append(
            AgendaOpeningRange(
                helper: key, place: place, services: ["demarches", "atelier"], firstDay: firstDay,
                untilDay: firstDay.adding(days: 364), weekdays: WeekdaySet([1, 2, 3, 4, 5]), startMinute: start,
                endMinute: end))
    }
    // A Saturday morning once a month, and an absence and ten appointments within the window.
    for month in 0..<12 {
        ranges.append(
            AgendaOpeningRange(
                helper: key, place: place, services: ["demarches"], firstDay: firstDay.adding(days: 5 + 28 * month),
                untilDay: nil, weekdays: .none, startMinute: 9 * 60, endMinute: 12 * 60))
    }
    let absenceDay = LocalDay("2026-03-16")!.adding(days: Int.random(in: 0..<30, using: &generator))
    busy.append(
        BusyInterval(
            helper: key, start: ParisTime.date(absenceDay, minute: 0)!,
            end: ParisTime.date(absenceDay.adding(days: 1), minute: 0)!))
    for _ in 0..<10 {
        let day = LocalDay("2026-03-16")!.adding(days: Int.random(in: 0..<30, using: &generator))
        let start = ParisTime.date(day, minute: 9 * 60 + 30 * Int.random(in: 0..<6, using: &generator))!
        busy.append(BusyInterval(helper: key, start: start, end: start.addingTimeInterval(1800)))
    }
}
let agenda = AgendaSnapshot(places: places, services: services, helpers: helpers, ranges: ranges, busy: busy)

func measure(_ label: String, _ body: () -> Int) {
    var samples: [Double] = []
    var count = 0
    for _ in 0..<20 { count = body() }  // warm up
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        count = body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    samples.sort()
    let median = samples[samples.count / 2]
    let p99 = samples[min(samples.count - 1, Int(Double(samples.count) * 0.99))]
    print(
        String(
            format: "%@: %d slots, median %.3f ms, p99 %.3f ms, max %.3f ms (%d rounds)%@",
            label, count, median, p99, samples.last!, rounds, p99 < 5 ? "" : "  <-- over the 5 ms budget"))
}

print("agenda: \(helpers.count) helpers, \(ranges.count) opening ranges over a year, \(busy.count) busy intervals")
measure("freeSlots demarches (30 min), next 30 days") {
    SlotFinder.freeSlots(for: "demarches", in: agenda, from: now, days: 30).count
}
measure("freeSlots atelier (90 min), next 30 days") {
    SlotFinder.freeSlots(for: "atelier", in: agenda, from: now, days: 30).count
}
measure("firstFreeSlot demarches") {
    SlotFinder.firstFreeSlot(for: "demarches", in: agenda, from: now) == nil ? 0 : 1
}
measure("freeSlots + groupedByDay + onePerStartTime") {
    SlotFinder.freeSlots(for: "demarches", in: agenda, from: now, days: 30).onePerStartTime().groupedByDay().count
}
