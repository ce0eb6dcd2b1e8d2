import Foundation
import KioskCalDAV
import KioskCore
import KioskStore
import KioskUI

/// The kiosk's link to its store. Only the worker's thread calls it (one job at a time), so
/// it needs no lock of its own. A store problem never stops the kiosk: it is logged, kept
/// for the admin status page, and the screen goes on with what it has.
public final class KioskServices: @unchecked Sendable {
    public let store: AppDatabase?
    /// Where the store lives, for the status page ("in memory" when no data dir was given).
    public let storeDescription: String
    /// Why the store could not be opened, if it could not.
    public let openProblem: StoreProblem?
    /// Set when the store was damaged at start and restored from a backup.
    public let recoveryNote: String?

    /// The helpers' shared CalDAV calendars (issue 17), nil when none is configured. Set once
    /// by `buildKiosk`, before the worker starts.
    public internal(set) var sharedAgenda: SharedAgenda?
    /// Why the CalDAV configuration was not used, for the status page.
    public internal(set) var calendarProblem: String?

    private let lock = NSLock()
    private var _lastProblem: String?
    private var openVisit: VisitID?

    /// The last failed write, for the status page. Thread-safe.
    public var lastProblem: String? {
        lock.lock()
        defer { lock.unlock() }
        return _lastProblem
    }

    /// The kiosk's clock (scenario runs move it by hand).
    let now: @Sendable () -> Date

    public init(
        store: AppDatabase?, description: String, openProblem: StoreProblem? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.now = now
        self.store = store
        self.storeDescription = description
        self.openProblem = openProblem
        self.recoveryNote = store?.recovery.map { "\($0)" }
    }

    /// Opens the store in `dataDir`, or in memory without one. Never throws: a kiosk whose
    /// disk failed still serves its screens (and says so on the status page).
    public static func open(dataDir: String?, clock: @escaping @Sendable () -> Date) -> KioskServices {
        let storeClock = StoreClock { clock() }
        do throws(StoreProblem) {
            if let dataDir {
                // The kiosk is the one process that repairs a damaged store (under the data
                // dir's lock): it goes on writing to the store it restored.
                let store = try AppDatabase.open(
                    dataDir: URL(fileURLWithPath: dataDir), clock: storeClock, ifDamaged: .recover)
                if let recovery = store.recovery {
                    log("the store was damaged and has been recovered: \(recovery)")
                }
                for problem in store.rowProblems { log("bad row, kept: \(problem)") }
                try? store.appendJournal(.kioskStarted(version: PasserelleVersion.string))
                return KioskServices(store: store, description: store.path, now: clock)
            }
            return KioskServices(
                store: try AppDatabase.inMemory(clock: storeClock), description: "in memory (no --data-dir)", now: clock
            )
        } catch {
            log("the store could not be opened, nothing will be saved: \(error)")
            let fallback = try? AppDatabase.inMemory(clock: storeClock)
            return KioskServices(
                store: fallback, description: "in memory (the data dir failed)", openProblem: error, now: clock)
        }
    }

    static func log(_ message: String) {
        FileHandle.standardError.write(Data("passerelle: store: \(message)\n".utf8))
    }

    func noteProblem(_ what: String, _ problem: StoreProblem) {
        let message = "\(what): \(problem)"
        lock.lock()
        _lastProblem = message
        lock.unlock()
        Self.log(message)
    }

    /// Runs a store call; a problem is noted (log and status page) as `what`, and `fallback`
    /// is what the screen gets instead. The one shape of every call below.
    func attempt<T>(_ what: String, else fallback: T, _ body: (AppDatabase) throws(StoreProblem) -> T) -> T {
        guard let store else { return fallback }
        do throws(StoreProblem) {
            return try body(store)
        } catch {
            noteProblem(what, error)
            return fallback
        }
    }

    /// Journals the kiosk's stop. Called once, after the worker drained.
    func stopped() {
        try? store?.appendJournal(.kioskStopped(reason: "shutdown"))
    }

    // MARK: - Visits

    func visitStarted(language: Language) {
        openVisit = attempt("visit not counted", else: nil) { store throws(StoreProblem) in
            try store.startVisit(language: language.rawValue)
        }
    }

    func visitEnded(journeys: [String], language: Language, reason: VisitEnd) {
        guard let visit = openVisit else { return }
        openVisit = nil
        attempt("visit end not saved", else: ()) { store throws(StoreProblem) in
            try store.endVisit(
                visit, journeys: journeys, language: language.rawValue,
                endReason: VisitEndReason(rawValue: reason.rawValue) ?? .left)
        }
    }

    // MARK: - Diagnostic

    /// Keeps the anonymous result; returns its id, or nil if it could not be saved.
    func saveDiagnostic(_ report: DiagnosticReport, language: Language) -> UUID? {
        let result = DiagnosticResult(
            visitID: openVisit, completedAt: now(), language: language.rawValue,
            autonomie: Autonomie(rawValue: report.autonomy.rawValue) ?? .entierementAccompagne,
            profile: InclusionProfile(rawValue: report.profile.rawValue), scores: Self.storedScores(report))
        return attempt("diagnostic not saved", else: nil) { store throws(StoreProblem) in
            try store.recordDiagnostic(result)
        }
    }

    /// The area scores, plus which tasks were done and not done (1 / 0), which the helper
    /// sees only if the person consents to share the result with their appointment.
    static func storedScores(_ report: DiagnosticReport) -> [String: Double] {
        var scores = report.scores
        for id in report.done { scores["done:\(id)"] = 1 }
        for id in report.notDone { scores["not_done:\(id)"] = 0 }
        // With the keypad, the touch tasks were not measured: the helper is told so.
        for id in report.leftOutForKeys { scores["needs_touch:\(id)"] = 0 }
        return scores
    }

    // MARK: - Booking

    /// The bookable agenda (services, places, helpers), or nil without one.
    func bookingCatalogue(rules: BookingRules) -> BookableAgenda? {
        let now = now()
        return attempt("agenda not read", else: nil) { store throws(StoreProblem) in
            let snapshot = try store.agendaSnapshot(from: now, to: now.addingTimeInterval(86_400))
            let services = snapshot.services.values.filter(\.isActive).sorted { $0.key < $1.key }
            guard !services.isEmpty else { return nil }
            return BookableAgenda(services: services, places: snapshot.places, helpers: snapshot.helpers, rules: rules)
        }
    }

    func freeSlots(service: String, days: Int) -> [Slot] {
        let start = now()
        return attempt("free times not computed", else: []) { store throws(StoreProblem) in
            let snapshot = try store.agendaSnapshot(
                from: start.addingTimeInterval(-86_400), to: start.addingTimeInterval(Double(days + 1) * 86_400))
            return SlotFinder.freeSlots(for: service, in: snapshot, from: start, days: days)
        }
    }

    func save(_ request: AppointmentRequest) -> AppointmentOutcome {
        guard let store else { return .failed }
        do throws(StoreProblem) {
            let appointment: Appointment
            if let moving = request.moving {
                if let sharedAgenda {
                    appointment = try sharedAgenda.move(moving, to: request.slot, in: store)
                } else {
                    appointment = try store.moveAppointment(moving, to: request.slot)
                }
            } else {
                let person = PersonContact(
                    name: request.firstName, phone: request.phone, remindBySMS: request.phone != nil)
                // Through the helper's calendar when there is one: the shared truth across kiosks.
                if let sharedAgenda {
                    appointment = try sharedAgenda.book(request.slot, for: person, visitID: openVisit, in: store)
                        .appointment
                } else {
                    appointment = try store.book(request.slot, for: person, visitID: openVisit)
                }
                if let diagnostic = request.diagnostic {
                    try store.shareDiagnostic(diagnostic, with: appointment.uuid, consentAt: now())
                    // The event then carries the summary the person agreed to share; the booking
                    // stands if the calendar cannot take it now (the update is queued).
                    try? sharedAgenda?.update(appointment.uuid, in: store)
                }
            }
            publishCalendar(helper: request.slot.helper)
            return .saved(appointment.uuid)
        } catch .slotTaken {
            return .slotTaken
        } catch {
            noteProblem("appointment not saved", error)
            return .failed
        }
    }

    /// Rewrites the helper's calendar file; a failure is logged, the booking stands.
    func publishCalendar(helper: String) {
        attempt("calendar of \(helper) not rewritten", else: ()) { store throws(StoreProblem) in
            try store.rewriteCalendar(helper: helper)
        }
    }

    func appointments(phone: String) -> [AppointmentSummary]? {
        attempt("appointments not read", else: nil) { store throws(StoreProblem) in
            try store.appointments(phone: phone).map(Self.summary)
        }
    }

    func appointments(firstName: String, day: LocalDay) -> [AppointmentSummary]? {
        attempt("appointments not read", else: nil) { store throws(StoreProblem) in
            try store.appointments(firstName: firstName, day: day).map(Self.summary)
        }
    }

    func appointment(_ uuid: UUID) -> [AppointmentSummary]? {
        let now = now()
        return attempt("appointment not read", else: nil) { store throws(StoreProblem) in
            guard let booked = try store.bookedAppointment(uuid), booked.appointment.status == .unknown,
                booked.appointment.endsAt > now
            else { return [] }
            return [Self.summary(booked)]
        }
    }

    func cancel(_ uuid: UUID) -> Bool {
        let helper: String?? = attempt("appointment not cancelled", else: nil) { store throws(StoreProblem) in
            let helper = try store.helperKey(of: uuid)
            if let sharedAgenda {
                try sharedAgenda.cancel(uuid, byPerson: true, in: store)
            } else {
                try store.cancelAppointment(uuid, byPerson: true)
            }
            return .some(helper)
        }
        guard let cancelled = helper else { return false }
        if let helper = cancelled { publishCalendar(helper: helper) }
        return true
    }

    /// The ticket of a saved appointment, in the person's language.
    func ticket(_ uuid: UUID, language: Language, catalogue: Catalogue, siteName: String) -> TicketContent? {
        guard let store, let booked = try? store.bookedAppointment(uuid) else { return nil }
        let t = { (key: TextKey) in catalogue.text(key, language) }
        let when = booked.appointment.startsAt
        return TicketContent(
            language: language, title: t(.bookConfirmTitle), day: SpokenDates.day(when, language),
            time: SpokenDates.time(when, language),
            placeName: booked.place?.name ?? "", address: booked.place?.address ?? "", helper: booked.helper.firstName,
            service: booked.service.name[language], person: booked.appointment.personName,
            whatToBring: booked.service.whatToBring?[language], howToCancel: t(.bookCancelHow), siteName: siteName,
            qrPayload: TicketCode.code(for: uuid), diagnosticSummary: try? store.diagnosticSummary(appointment: uuid))
    }

    // MARK: - Places of help

    /// The places of help the admin imported (docs/places.md), or none when unreadable.
    func places() -> [PlaceOfHelp] {
        attempt("places of help not read", else: []) { store throws(StoreProblem) in try store.places() }
    }

    // MARK: - The admin PIN

    /// Journals a PIN attempt; a failure to write is noted, the pad goes on.
    func recordAdminPin(accepted: Bool, failures: Int) {
        attempt("admin PIN attempt not journalled", else: ()) { store throws(StoreProblem) in
            _ = try store.appendJournal(accepted ? .adminPinAccepted : .adminPinRejected(failures: failures))
        }
    }

    /// The wrong PINs in a row so far, from the journal (none when the store cannot say).
    func adminPinHistory() -> (failures: Int, lastFailureAt: Date?) {
        attempt("admin PIN history not read", else: (0, nil)) { store throws(StoreProblem) in
            try store.adminPinHistory()
        }
    }

    /// Logs a problem that is not the store's (a printer) for the status page.
    func note(_ message: String) {
        lock.lock()
        _lastProblem = message
        lock.unlock()
        Self.log(message)
    }

    static func summary(_ booked: BookedAppointment) -> AppointmentSummary {
        AppointmentSummary(
            uuid: booked.appointment.uuid, service: booked.service, helper: booked.helper, place: booked.place,
            start: booked.appointment.startsAt, end: booked.appointment.endsAt)
    }

    /// The visit under way, for records that belong to it (a booking, a diagnostic).
    var currentVisit: VisitID? { openVisit }
}
