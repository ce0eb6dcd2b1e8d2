import Foundation
import XCTest

@testable import KioskApp
import KioskCore
import KioskRender

/// The effects' paths with fake clients, a recording runtime and an inline worker: no SDL,
/// no disk, no printer, no voice.
final class EffectHandlerTests: XCTestCase {
    /// Records what the handler asked of the runtime.
    final class FakeRuntime: KioskRuntime {
        var sent: [Action] = []
        var forgotten = 0
        var quitCount = 0
        var screenshotPaths: [String] = []
        var soundEnabled = true
        var adminPinHash = PinHash.make(pin: "482913", iterations: 1000).encoded
        var statusFacts = StatusFacts(
            now: Date(timeIntervalSince1970: 1_796_000_000), configProblem: "x.conf:2: bad", contentProblems: [],
            diagnosticPack: nil)

        func send(_ action: Action) { sent.append(action) }
        func forgetPersonTraces() { forgotten += 1 }
        func quit() { quitCount += 1 }
        func writeVisitorScreenshot(to path: String) throws { screenshotPaths.append(path) }
    }

    let uuid = UUID(uuidString: "57B172ED-7274-4660-998B-F82104BBD6A9")!
    let page = PixelImage(width: 2, height: 1, pixels: [0, 1])
    var runtime: FakeRuntime!
    var handler: EffectHandler!
    var log: [String] = []

    override func setUp() {
        runtime = FakeRuntime()
        log = []
        handler = EffectHandler(
            clients: KioskClients(store: .empty, printer: .none, speech: .silent, files: .none),
            worker: Worker(mode: .inline), clock: { Date(timeIntervalSince1970: 1_796_000_000) })
    }

    /// Runs an effect and returns what came back as actions, from the runtime or the worker.
    func run(_ effect: Effect) -> [Action] {
        handler.run(effect, runtime: runtime)
        var actions = runtime.sent
        runtime.sent = []
        for outcome in handler.worker.takeResults() {
            switch outcome {
            case .action(let action): actions.append(action)
            case .onLoop(let continuation):
                continuation()
                actions += runtime.sent
                runtime.sent = []
                for later in handler.worker.takeResults() {
                    if case .action(let action) = later { actions.append(action) }
                }
            }
        }
        return actions
    }

    func test_a_booking_is_saved_by_the_store_and_its_outcome_comes_back() {
        let uuid = self.uuid
        handler.clients.store.save = { _ in .saved(uuid) }
        let request = AppointmentRequest(
            slot: Slot(
                service: "s", helper: "h", place: "p", start: Date(timeIntervalSince1970: 0),
                end: Date(timeIntervalSince1970: 1800)),
            firstName: "Jeanne", phone: nil, moving: nil, diagnostic: nil, language: .fr)
        XCTAssertEqual(run(.saveBooking(request)), [.booking(.saveFinished(.saved(uuid)))])
        handler.clients.store.freeSlots = { service, days in
            [
                Slot(
                    service: service, helper: "h", place: "p", start: Date(timeIntervalSince1970: Double(days)),
                    end: Date(timeIntervalSince1970: 99))
            ]
        }
        XCTAssertEqual(run(.loadSlots(service: "demarches", days: 7)).count, 1)
    }

    func test_a_ticket_is_loaded_drawn_on_the_loop_and_printed_under_its_appointment() {
        let content = TicketContent(
            language: .fr, title: "Votre rendez-vous", day: "mardi 24 novembre", time: "10:00",
            placeName: "France Services",
            address: "1 place", helper: "Amina", service: "Démarches", person: "Jeanne", whatToBring: nil,
            howToCancel: "",
            siteName: "Mairie", qrPayload: TicketCode.code(for: uuid))
        let page = self.page
        handler.clients.store.ticket = { _, _ in content }
        var drawn: [TicketContent] = []
        handler.clients.printer.drawTicket = {
            drawn.append($0); return page
        }
        let printed = PrintLog()
        handler.clients.printer.printPage = { image, name in
            printed.add("\(name) \(image.width)x\(image.height)"); return .printed
        }
        XCTAssertEqual(run(.printTicket(uuid, language: .fr)), [.booking(.printFinished(.printed))])
        XCTAssertEqual(drawn, [content])
        XCTAssertEqual(printed.lines, ["\(uuid.uuidString) 2x1"])

        handler.clients.printer = .none
        XCTAssertEqual(
            run(.printTicket(uuid, language: .fr)), [.booking(.printFinished(.unavailable))],
            "no printer: the screen shows it large")
        handler.clients.store.ticket = { _, _ in nil }
        XCTAssertEqual(run(.printTicket(uuid, language: .fr)), [.booking(.printFinished(.unavailable))])
    }

    func test_the_pin_is_checked_against_the_hash_in_force() {
        XCTAssertEqual(run(.checkAdminPin("482913")), [.adminPinChecked(valid: true)])
        XCTAssertEqual(run(.checkAdminPin("482914")), [.adminPinChecked(valid: false)])
        runtime.adminPinHash = ""
        XCTAssertEqual(
            run(.checkAdminPin("482913")), [.adminPinChecked(valid: false)], "no PIN configured: nothing opens")
        let recorded = PrintLog()
        handler.clients.store.recordAdminPin = { accepted, failures in recorded.add("\(accepted) \(failures)") }
        XCTAssertEqual(run(.recordAdminPin(accepted: false, failures: 3)), [])
        XCTAssertEqual(recorded.lines, ["false 3"])
    }

    func test_the_chime_sounds_only_when_sound_is_on_and_forgetting_silences_the_voice() {
        var chimes = 0, silenced = 0
        handler.clients.speech.chime = { chimes += 1 }
        handler.clients.speech.silence = { silenced += 1 }
        _ = run(.playWarningSound)
        runtime.soundEnabled = false
        _ = run(.playWarningSound)
        XCTAssertEqual(chimes, 1)
        XCTAssertEqual(handler.chimes, 2, "both asked for")
        _ = run(.forgetPerson)
        XCTAssertEqual(silenced, 1)
        XCTAssertEqual(runtime.forgotten, 1)
        _ = run(.quit)
        XCTAssertEqual(runtime.quitCount, 1)
    }

    func test_a_screenshot_is_written_where_the_files_client_says_and_the_status_comes_from_the_facts() {
        handler.clients.files.saveScreenshot = { write in
            try? write("/data/screenshots/screen-1.png")
            return "/data/screenshots/screen-1.png"
        }
        XCTAssertEqual(run(.takeScreenshot), [.screenshotFinished(path: "/data/screenshots/screen-1.png")])
        XCTAssertEqual(runtime.screenshotPaths, ["/data/screenshots/screen-1.png"])
        handler.clients.files.collectStatus = { facts in
            [StatusLine("Configuration error", facts.configProblem ?? "", isProblem: true)]
        }
        XCTAssertEqual(
            run(.collectStatus),
            [.statusCollected([StatusLine("Configuration error", "x.conf:2: bad", isProblem: true)])])
    }

    func test_appointments_are_found_by_phone_or_code_and_cancelled_through_the_store() {
        handler.clients.store.appointmentsByPhone = { _ in nil }
        XCTAssertEqual(
            run(.findAppointments(phone: "0612345678")), [.myAppointment(.found(nil))], "a store problem says so")
        handler.clients.store.appointmentByCode = { _ in [] }
        XCTAssertEqual(run(.findAppointment(uuid)), [.myAppointment(.found([]))])
        handler.clients.store.cancel = { _ in true }
        XCTAssertEqual(run(.cancelAppointment(uuid)), [.myAppointment(.cancelFinished(true))])
    }

    func test_visits_and_resources_go_through_their_clients() {
        let visits = PrintLog()
        handler.clients.store.visitStarted = { visits.add("start \($0.rawValue)") }
        handler.clients.store.visitEnded = { journeys, language, reason in
            visits.add("end \(journeys) \(language.rawValue) \(reason.rawValue)")
        }
        XCTAssertEqual(run(.visitStarted(language: .ar)), [])
        XCTAssertEqual(run(.visitEnded(journeys: ["booking"], language: .ar, reason: .completed)), [])
        XCTAssertEqual(visits.lines, ["start ar", "end [\"booking\"] ar completed"])

        let report = DiagnosticReportFixture.beginner
        XCTAssertEqual(
            run(.printResources(report, language: .fr)), [.diagnostic(.resourcesPrinted(false))], "no printer")
        let page = self.page
        handler.clients.printer.drawResources = { _ in page }
        let printed = PrintLog()
        handler.clients.printer.printPage = { _, name in
            printed.add(name); return .printed
        }
        XCTAssertEqual(run(.printResources(report, language: .fr)), [.diagnostic(.resourcesPrinted(true))])
        XCTAssertEqual(printed.lines, ["resources-fr-1796000000"], "named by the injected clock")
        handler.clients.store.saveDiagnostic = { _, _ in nil }
        XCTAssertEqual(run(.saveDiagnostic(report, language: .fr)), [.diagnostic(.resultSaved(nil))])
    }
}

/// A thread-safe list (printing runs on the worker's thread in the live kiosk).
final class PrintLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func add(_ line: String) { lock.lock(); stored.append(line); lock.unlock() }
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return stored }
}

/// A report from the shipped pack: someone who answered "I don't know" to everything.
enum DiagnosticReportFixture {
    static let beginner: DiagnosticReport = {
        let url = Support.root.appendingPathComponent("Assets/content/diagnostic/passerelle-default.json")
        // The shipped pack is checked by its own tests; a failure here is a broken checkout.
        let pack = try! DiagnosticPack.load(data: Data(contentsOf: url), file: "pack").get()
        var session = DiagnosticSession(pack: pack)
        for _ in 0..<100 where !session.isFinished {
            _ = session.record(.dontKnow, at: Date(timeIntervalSince1970: 0))
        }
        return session.result()
    }()
}
