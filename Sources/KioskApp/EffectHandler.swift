import Foundation
import KioskCore
import KioskRender

/// What only the running kiosk itself can do for an effect: forget the person's traces in
/// its caches, stop, draw the screen people saw, tell about itself. `Kiosk` is the live one;
/// tests give a recording fake.
protocol KioskRuntime: AnyObject {
    /// Feeds an effect's answer back into the reducer (on the loop's thread).
    func send(_ action: Action)
    func forgetPersonTraces()
    func quit()
    /// Writes the last screen a visitor saw (not the admin menu) as a PNG.
    func writeVisitorScreenshot(to path: String) throws
    var statusFacts: StatusFacts { get }
    /// Whether the chime may sound (the configuration's `kiosk.sound`).
    var soundEnabled: Bool { get }
    /// The admin PIN's hash in force (the configuration can be reloaded).
    var adminPinHash: String { get }
}

/// Runs the reducer's effects through the clients: what may block (the store, printing, a
/// PIN's hash) on the worker, the answers back as actions. No SDL here: with fake clients
/// and an inline worker, tests check every effect's path.
final class EffectHandler {
    var clients: KioskClients
    let worker: Worker
    let clock: () -> Date
    /// How many chimes were asked for (tests read it).
    private(set) var chimes = 0

    init(clients: KioskClients, worker: Worker, clock: @escaping () -> Date) {
        self.clients = clients
        self.worker = worker
        self.clock = clock
    }

    func run(_ effect: Effect, runtime: KioskRuntime) {
        let store = clients.store
        switch effect {
        case .playWarningSound:
            chimes += 1
            if runtime.soundEnabled { clients.speech.chime() }
        case .forgetPerson:
            clients.speech.silence()
            runtime.forgetPersonTraces()
        case .checkAdminPin(let pin):
            // Off the main loop: a hash of many iterations must not freeze the screen.
            let hash = PinHash(encoded: runtime.adminPinHash)
            worker.submit { [.adminPinChecked(valid: hash?.matches(pin) ?? false)] }
        case .recordAdminPin(let accepted, let failures):
            submit { store.recordAdminPin(accepted, failures) }
        case .quit:
            runtime.quit()
        case .takeScreenshot:
            runtime.send(
                .screenshotFinished(path: clients.files.saveScreenshot { try runtime.writeVisitorScreenshot(to: $0) }))
        case .collectStatus:
            runtime.send(.statusCollected(clients.files.collectStatus(runtime.statusFacts)))
        case .saveDiagnostic(let report, let language):
            worker.submit { [.diagnostic(.resultSaved(store.saveDiagnostic(report, language)))] }
        case .printResources(_, let language):
            printResources(language, runtime: runtime)
        case .loadSlots(let service, let days):
            worker.submit { [.booking(.slotsLoaded(store.freeSlots(service, days)))] }
        case .saveBooking(let request):
            worker.submit { [.booking(.saveFinished(store.save(request)))] }
        case .printTicket(let uuid, let language):
            printTicket(uuid, language: language, runtime: runtime)
        case .printPlace(let place, let today, let language):
            printPlace(place, today: today, language: language, runtime: runtime)
        case .findAppointments(let phone):
            worker.submit { [.myAppointment(.found(store.appointmentsByPhone(phone)))] }
        case .findAppointment(let uuid):
            worker.submit { [.myAppointment(.found(store.appointmentByCode(uuid)))] }
        case .findAppointmentsByName(let firstName, let day):
            worker.submit { [.myAppointment(.foundByName(store.appointmentsByName(firstName, day)))] }
        case .cancelAppointment(let uuid):
            worker.submit { [.myAppointment(.cancelFinished(store.cancel(uuid)))] }
        case .requestHelp(let kind, let language):
            runtime.send(.help(.requestSent(clients.remote.request(kind, language))))
        case .remote(let command):
            clients.remote.command(command)
        case .visitStarted(let language):
            submit { store.visitStarted(language) }
        case .visitEnded(let journeys, let language, let reason):
            submit { store.visitEnded(journeys, language, reason) }
        }
    }

    /// A job on the worker that answers nothing.
    func submit(_ job: @escaping @Sendable () -> Void) {
        worker.submit {
            job(); return []
        }
    }

    // MARK: - Paper

    /// Drawn here, on the loop's thread (SDL_ttf is not thread-safe); printed by the worker.
    private func printResources(_ language: Language, runtime: KioskRuntime) {
        guard let page = clients.printer.drawResources(language) else {
            runtime.send(.diagnostic(.resourcesPrinted(false)))
            return
        }
        let print = clients.printer.printPage
        let name = "resources-\(language.rawValue)-\(Int(clock().timeIntervalSince1970))"
        worker.submit { [.diagnostic(.resourcesPrinted(print(page, name) == .printed))] }
    }

    /// A place of help, drawn here and printed by the worker; no printer: the screen keeps it.
    private func printPlace(_ place: PlaceOfHelp, today: LocalDay, language: Language, runtime: KioskRuntime) {
        guard let page = clients.printer.drawPlace(place, today, language) else {
            runtime.send(.places(.printFinished(.unavailable)))
            return
        }
        let print = clients.printer.printPage
        let name = "place-\(language.rawValue)-\(Int(clock().timeIntervalSince1970))"
        worker.submit { [.places(.printFinished(print(page, name)))] }
    }

    /// The store is read on the worker, the ticket drawn on the loop's thread, and the
    /// pixels printed by the worker.
    private func printTicket(_ uuid: UUID, language: Language, runtime: KioskRuntime) {
        let load = clients.store.ticket, print = clients.printer.printPage
        worker.submit({ load(uuid, language) }) { [weak self, weak runtime] content in
            guard let self, let runtime else { return }
            guard let content, let page = self.clients.printer.drawTicket(content) else {
                runtime.send(.booking(.printFinished(.unavailable)))
                return
            }
            self.worker.submit { [.booking(.printFinished(print(page, uuid.uuidString)))] }
        }
    }
}
