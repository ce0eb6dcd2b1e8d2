// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation

/// Fills a store with a plausible run of the kiosk over some days (visits, diagnostics,
/// bookings, cancellations, help requests, remote sessions), through the same public writes
/// the kiosk uses, with a moving clock. Deterministic for a given seed. Used by
/// `passerellectl debug simulate` and by the tests of stats and reports; never by the kiosk.
public enum DemoScenario {
    /// Writes `days` days starting at local midnight of `firstDay` ("YYYY-MM-DD") into the store
    /// in `dataDir`; returns how many visits were written.
    @discardableResult
    public static func run(dataDir: URL, firstDay: String, days: Int, seed: UInt64 = 42) throws(StoreProblem) -> Int {
        guard let components = AppDatabase.parseDay(firstDay),
            let start = ParisCalendar.calendar.date(from: components)
        else {
            throw .rejected(rule: "first day must be YYYY-MM-DD")
        }
        let clock = ManualClock(start)
        let database = try AppDatabase.open(dataDir: dataDir, clock: clock.storeClock)
        var random = SplitMix(seed: seed)
        let placeID = try database.addPlace(
            PlaceDraft(name: "Mairie — accueil numérique \(seed)", phone: "+33100000000"))
        let helpers = [
            try database.addHelper(displayName: "Conseillère numérique A"),
            try database.addHelper(displayName: "Agent d’accueil B"),
        ]
        let services = [
            try database.addService(
                ServiceDraft(
                    name: "Aide aux démarches \(seed)", durationMinutes: 30, thematique: "papiers_elections_citoyennete"
                )),
            try database.addService(
                ServiceDraft(
                    name: "Prendre en main un smartphone \(seed)", durationMinutes: 45,
                    thematique: "prendre_en_main_du_materiel")),
            try database.addService(
                ServiceDraft(name: "Créer une adresse e-mail \(seed)", durationMinutes: 30, thematique: "email")),
        ]
        let languages = ["fr", "fr", "fr", "fr", "fr", "fr", "ar", "en", "uk", "pt"]
        let demarches = Thematique.demarches.map(\.code)
        var booked: [UUID] = []
        var visits = 0
        for day in 0..<days {
            let dayStart = ParisCalendar.calendar.date(byAdding: .day, value: day, to: start)!
            let weekday = ParisCalendar.calendar.component(.weekday, from: dayStart)  // 1 = Sunday
            guard weekday != 1 else { continue }
            let count = weekday == 7 ? Int(random.next(upTo: 6)) : 4 + Int(random.next(upTo: 10))
            for index in 0..<count {
                let arrival = dayStart.addingTimeInterval(
                    9 * 3600 + Double(index) * 1800 + Double(random.next(upTo: 900)))
                let now = clock.now
                clock.advance(by: arrival.timeIntervalSince(now))
                let language = languages[Int(random.next(upTo: UInt64(languages.count)))]
                let visit = try database.startVisit(language: language)
                visits += 1
                var journeys: [String] = []
                if random.next(upTo: 10) < 6 {
                    journeys.append("diagnostic")
                    clock.advance(by: 420)
                    _ = try database.recordDiagnostic(
                        diagnostic(visit: visit, at: clock.now, language: language, random: &random))
                }
                if random.next(upTo: 10) < 4 {
                    journeys.append("booking")
                    let request = bookingRequest(
                        visit: visit, number: visits, day: dayStart, random: &random,
                        agenda: (placeID, helpers, services), thematiques: demarches)
                    if let appointment = try? database.bookAppointment(request) { booked.append(appointment.uuid) }
                }
                if random.next(upTo: 10) < 2 {
                    journeys.append("help")
                    try askForHelp(database, clock: clock, visit: visit, random: &random, thematiques: demarches)
                }
                clock.advance(by: 300)
                try database.endVisit(visit, journeys: journeys, endReason: journeys.isEmpty ? .left : .completed)
            }
            // The helpers mark yesterday's appointments, and a few people cancel.
            for uuid in booked {
                guard let appointment = try database.appointment(uuid), appointment.status == .unknown else { continue }
                if appointment.endsAt < clock.now {
                    try database.markAppointment(uuid, honoured: random.next(upTo: 10) < 8)
                } else if random.next(upTo: 30) == 0 {
                    try database.cancelAppointment(uuid, byPerson: true)
                }
            }
        }
        return visits
    }

    /// A diagnostic's anonymous result at a random level.
    private static func diagnostic(visit: VisitID, at date: Date, language: String, random: inout SplitMix)
        -> DiagnosticResult
    {
        let level = Autonomie.allCases[Int(random.next(upTo: 3))]
        let scores = ["1": Double(random.next(upTo: 100)) / 100, "4": Double(random.next(upTo: 100)) / 100]
        return DiagnosticResult(visitID: visit, completedAt: date, language: language, autonomie: level, scores: scores)
    }

    /// A booking one to six days after `day`, with the helpers and services of the demo agenda.
    private static func bookingRequest(
        visit: VisitID, number: Int, day: Date, random: inout SplitMix,
        agenda: (place: Int64, helpers: [Int64], services: [Int64]), thematiques: [String]
    ) -> BookingRequest {
        let helper = agenda.helpers[Int(random.next(upTo: 2))]
        let slotDay = Double(1 + random.next(upTo: 6)) * 86_400
        let slot = day.addingTimeInterval(slotDay + 9 * 3600 + Double(random.next(upTo: 16)) * 1800)
        let service = agenda.services[Int(random.next(upTo: 3))]
        let thematique =
            random.next(upTo: 2) == 0 ? thematiques[Int(random.next(upTo: UInt64(thematiques.count)))] : nil
        return BookingRequest(
            serviceID: service, helperID: helper, placeID: agenda.place, visitID: visit, startsAt: slot,
            thematique: thematique, personName: "Personne \(number)",
            personPhone: "+3361234\(String(format: "%04d", number % 10000))", remindBySMS: true)
    }

    /// A help request at the desk, or remote (then a remote session of ten minutes).
    private static func askForHelp(
        _ database: AppDatabase, clock: ManualClock, visit: VisitID, random: inout SplitMix, thematiques: [String]
    ) throws(StoreProblem) {
        let channel: HelpChannel = random.next(upTo: 3) == 0 ? .remote : .desk
        let request = try database.recordHelpRequest(
            channel: channel, thematique: thematiques[Int(random.next(upTo: UInt64(thematiques.count)))], visit: visit)
        if channel == .remote {
            let session = try database.startRemoteSession(helpRequest: request, viewConsentAt: clock.now)
            clock.advance(by: 600)
            try database.endRemoteSession(session, reason: .completed)
        }
        try database.closeHelpRequest(request, outcome: .helped)
    }
}

/// A tiny seeded generator (SplitMix64), so scenarios are reproducible on every platform.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(upTo bound: UInt64) -> UInt64 { next() % bound }
}
