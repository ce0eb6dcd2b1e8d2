import Foundation
import KioskCore
import KioskRender

/// The kiosk's ways out of its memory, each a small value of closures with a live
/// implementation (`buildKiosk` makes them) and a fake one for tests, so the effect handling
/// runs without SDL, a disk, a printer or a voice.
public struct KioskClients {
    public var store: StoreClient
    public var printer: PrinterClient
    public var speech: SpeechClient
    public var files: FilesClient
    public var remote: RemoteClient

    public init(
        store: StoreClient, printer: PrinterClient, speech: SpeechClient, files: FilesClient,
        remote: RemoteClient = .none
    ) {
        self.store = store
        self.printer = printer
        self.speech = speech
        self.files = files
        self.remote = remote
    }
}

/// Human help: the request (hook, one-time secret) and the remote session's edge. Called on
/// the loop's thread.
public struct RemoteClient {
    /// Queues a help request; the code and expiry the person is shown, nil if it failed.
    public var request: (HelpKind, Language) -> HelpTicket?
    /// Shares, refuses, ends; journals each step.
    public var command: (RemoteCommand) -> Void

    public init(
        request: @escaping (HelpKind, Language) -> HelpTicket?, command: @escaping (RemoteCommand) -> Void
    ) {
        self.request = request
        self.command = command
    }

    /// No hook, no viewer: nothing is offered, nothing happens.
    public static var none: RemoteClient { RemoteClient(request: { _, _ in nil }, command: { _ in }) }
}

/// The store, as the journeys' effects need it. Called on the worker's thread only; a store
/// problem is noted by the live client and answered as "nothing" (the screen says so).
public struct StoreClient: Sendable {
    public var saveDiagnostic: @Sendable (DiagnosticReport, Language) -> UUID?
    public var freeSlots: @Sendable (_ service: String, _ days: Int) -> [Slot]
    public var save: @Sendable (AppointmentRequest) -> AppointmentOutcome
    public var appointmentsByPhone: @Sendable (String) -> [AppointmentSummary]?
    public var appointmentByCode: @Sendable (UUID) -> [AppointmentSummary]?
    /// The appointments to come for a first name on a day (no number, no ticket).
    public var appointmentsByName: @Sendable (_ firstName: String, LocalDay) -> [AppointmentSummary]?
    public var cancel: @Sendable (UUID) -> Bool
    public var visitStarted: @Sendable (Language) -> Void
    public var visitEnded: @Sendable (_ journeys: [String], Language, VisitEnd) -> Void
    public var recordAdminPin: @Sendable (_ accepted: Bool, _ failures: Int) -> Void
    public var adminPinHistory: @Sendable () -> (failures: Int, lastFailureAt: Date?)
    /// What an appointment's ticket shows.
    public var ticket: @Sendable (UUID, Language) -> TicketContent?
    /// The bookable agenda, for the journeys' content (nil: no booking here).
    public var bookableAgenda: @Sendable (BookingRules) -> BookableAgenda?
    /// The kiosk stops: journal it.
    public var stopped: @Sendable () -> Void
    /// The places of help around, for the journeys' content (empty: none, or unreadable).
    public var places: @Sendable () -> [PlaceOfHelp] = { [] }

    /// The kiosk's store, through `KioskServices`.
    public static func live(_ services: KioskServices, catalogue: Catalogue, siteName: String) -> StoreClient {
        StoreClient(
            saveDiagnostic: { services.saveDiagnostic($0, language: $1) },
            freeSlots: { services.freeSlots(service: $0, days: $1) },
            save: { services.save($0) },
            appointmentsByPhone: { services.appointments(phone: $0) },
            appointmentByCode: { services.appointment($0) },
            appointmentsByName: { services.appointments(firstName: $0, day: $1) },
            cancel: { services.cancel($0) },
            visitStarted: { services.visitStarted(language: $0) },
            visitEnded: { services.visitEnded(journeys: $0, language: $1, reason: $2) },
            recordAdminPin: { services.recordAdminPin(accepted: $0, failures: $1) },
            adminPinHistory: { services.adminPinHistory() },
            ticket: { services.ticket($0, language: $1, catalogue: catalogue, siteName: siteName) },
            bookableAgenda: { services.bookingCatalogue(rules: $0) },
            stopped: { services.stopped() }, places: { services.places() })
    }

    /// A store that keeps nothing and finds nothing (tests replace the closures they need).
    public static let empty = StoreClient(
        saveDiagnostic: { _, _ in nil }, freeSlots: { _, _ in [] }, save: { _ in .failed },
        appointmentsByPhone: { _ in [] }, appointmentByCode: { _ in [] }, appointmentsByName: { _, _ in [] },
        cancel: { _ in false },
        visitStarted: { _ in }, visitEnded: { _, _, _ in }, recordAdminPin: { _, _ in },
        adminPinHistory: { (0, nil) }, ticket: { _, _ in nil }, bookableAgenda: { _ in nil }, stopped: {})
}

/// Tickets and lists on paper. Pages are drawn on the render thread (SDL_ttf is not
/// thread-safe) and printed on the worker's thread.
public struct PrinterClient {
    /// nil when there is no printer or the page could not be drawn: the screen shows the
    /// details large instead.
    public var drawTicket: (TicketContent) -> PixelImage?
    public var drawResources: (Language) -> PixelImage?
    /// A place of help with its hours from a day, in a language (nil: no printer).
    public var drawPlace: (PlaceOfHelp, LocalDay, Language) -> PixelImage? = { _, _, _ in nil }
    /// Prints a drawn page under a name; says whether it came out.
    public var printPage: @Sendable (PixelImage, _ name: String) -> PrintOutcome

    public init(
        drawTicket: @escaping (TicketContent) -> PixelImage?, drawResources: @escaping (Language) -> PixelImage?,
        printPage: @escaping @Sendable (PixelImage, String) -> PrintOutcome
    ) {
        self.drawTicket = drawTicket
        self.drawResources = drawResources
        self.printPage = printPage
    }

    /// No printer: nothing is drawn, nothing is written.
    public static var none: PrinterClient {
        PrinterClient(
            drawTicket: { _ in nil }, drawResources: { _ in nil }, printPage: { _, _ in .unavailable })
    }
}

/// What the person hears. Silent until the live loop opens the audio device.
public struct SpeechClient {
    /// Says a text in a language, interrupting what was being said.
    public var speak: (String, Language) -> Void
    /// Stops speaking at once.
    public var silence: () -> Void
    /// The idle warning's chime.
    public var chime: () -> Void
    /// The volume level (1 to `Voice.levels`) for all that is heard from now on.
    public var setVolume: (Int) -> Void

    public init(
        speak: @escaping (String, Language) -> Void, silence: @escaping () -> Void, chime: @escaping () -> Void,
        setVolume: @escaping (Int) -> Void = { _ in }
    ) {
        self.speak = speak
        self.silence = silence
        self.chime = chime
        self.setVolume = setVolume
    }

    public static var silent: SpeechClient { SpeechClient(speak: { _, _ in }, silence: {}, chime: {}) }
}

/// The admin's files: screenshots and the status page.
public struct FilesClient {
    /// Picks a private path for a screenshot and has `write` put the PNG there; returns the
    /// path, or nil if it failed.
    public var saveScreenshot: (_ write: (String) throws -> Void) -> String?
    /// The status page's lines from what the kiosk knows of itself.
    public var collectStatus: (StatusFacts) -> [StatusLine]

    public init(
        saveScreenshot: @escaping ((String) throws -> Void) -> String?,
        collectStatus: @escaping (StatusFacts) -> [StatusLine]
    ) {
        self.saveScreenshot = saveScreenshot
        self.collectStatus = collectStatus
    }

    public static var none: FilesClient { FilesClient(saveScreenshot: { _ in nil }, collectStatus: { _ in [] }) }
}

/// What only the running kiosk knows of itself, for the status page (the live client has
/// the store, the renderer and the options already).
public struct StatusFacts {
    public var now: Date
    public var configProblem: String?
    public var contentProblems: [String]
    /// The diagnostic pack in force, in words; nil when none is.
    public var diagnosticPack: String?
    /// How many places of help the kiosk shows (0: "Find a place for help" is not offered).
    public var placesOfHelp = 0
}
