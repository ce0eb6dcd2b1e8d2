import Foundation
import KioskCore
import KioskRender
import KioskUI

/// The running kiosk: state, reducer, view and renderer wired together. Input comes in as
/// `InputEvent`s or `Action`s; `render()` draws only when the state changed.
/// Used from one thread (the main loop or the scenario runner).
public final class Kiosk {
    public private(set) var state: KioskState
    public private(set) var config: KioskConfig
    public let catalogue: Catalogue
    public let renderer: Renderer
    public let clock: () -> Date
    public var size: Size { renderer.size }
    /// Runs the effects that leave the pure core; replaceable in tests.
    public var effects: EffectRunner
    /// The store and other services that may block; only the worker calls them.
    public let services: KioskServices
    /// Runs blocking effects off the loop and brings their outcome back as actions.
    public let worker: Worker

    private var router = InputRouter()
    private var currentScene: Scene
    private var needsDraw = true
    /// The last scene a visitor saw (admin screenshots show this, not the admin menu).
    private(set) var lastVisitorScene: Scene

    /// The content packs and agenda the journeys use (the last good ones).
    public private(set) var content = KioskContent()

    /// Set when an admin asked to quit.
    public private(set) var quitRequested = false
    /// How many warning sounds were asked for (tests read it).
    public private(set) var warningSounds = 0
    /// The last configuration reload that failed, for the status page.
    public private(set) var configProblem: String?

    public init(
        config: KioskConfig, catalogue: Catalogue, renderer: Renderer, clock: @escaping () -> Date, effects: EffectRunner,
        services: KioskServices, worker: Worker
    ) {
        self.services = services
        self.worker = worker
        self.config = config
        self.catalogue = catalogue
        self.renderer = renderer
        self.clock = clock
        self.effects = effects
        let state = KioskState.initial(now: clock(), policy: config.policy)
        self.state = state
        let scene = KioskUI.view(state, ViewContext(size: renderer.size, catalogue: catalogue, measurer: renderer.measurer, policy: config.policy, content: content))
        self.currentScene = scene
        self.lastVisitorScene = scene
    }

    public var scene: Scene { currentScene }
    public var policy: KioskPolicy { config.policy }

    // MARK: - Input

    public func handle(_ event: InputEvent) {
        for action in router.route(event, scene: currentScene, focus: state.focus) { send(action) }
    }

    public func send(_ action: Action) {
        let before = state
        let beforeScene = currentScene
        let effects = reduce(&state, action, Environment(now: clock(), policy: config.policy, content: content))
        if state != before {
            refreshScene()
            announce(after: action, before: before, beforeScene: beforeScene)
        }
        for effect in effects { run(effect) }
        if worker.mode == .inline { takeWorkerResults() }
    }

    /// Feeds the reducer with what finished background jobs sent back, and runs their
    /// continuations, until nothing is left. The loop calls it when the worker wakes it.
    public func takeWorkerResults() {
        while case let outcomes = worker.takeResults(), !outcomes.isEmpty {
            for outcome in outcomes {
                switch outcome {
                case .action(let action): send(action)
                case .onLoop(let body): body()
                }
            }
        }
    }

    /// Sends `.timeElapsed` if a deadline has passed.
    public func tick() {
        if let deadline = nextDeadline(), clock() >= deadline { send(.timeElapsed) }
    }

    public func nextDeadline() -> Date? { state.nextDeadline(policy: config.policy) }

    // MARK: - Speech

    /// What the person hears: a new screen's headings and texts, the focused control, the
    /// idle warning. A reset or the attract screen says nothing (nobody may be there).
    public private(set) var lastAnnouncement: String?

    private func announce(after action: Action, before: KioskState, beforeScene: Scene) {
        guard config.speech, !state.screen.isAdmin, state.screen != .attract else { return }
        var text: String?
        if case .warning = state.idle, before.idle == .active {
            text = Self.spokenText(of: currentScene, roles: [.heading, .status])
        } else if action == .timeElapsed {
            return
        } else if currentScene.screenID != beforeScene.screenID || state.language != before.language
            || state.screen != before.screen
            || state.diagnostic?.session.answers.count != before.diagnostic?.session.answers.count
        {
            text = Self.spokenText(of: currentScene, roles: [.heading, .text])
            // A diagnostic item has a spoken prompt of its own, written to be heard.
            if state.screen == .diagnostic(.item), let item = state.diagnostic?.session.currentItem {
                text = item.spoken[state.language]
            }
        } else if state.diagnostic?.task.tryAgain == true, before.diagnostic?.task.tryAgain != true {
            text = catalogue.text(.diagTryAgain, state.language)
        } else if state.focus != before.focus, let id = state.focus, let node = currentScene.node(id: id) {
            text = node.label
        }
        guard let text, !text.isEmpty else { return }
        lastAnnouncement = text
        effects.speak(text, state.language)
    }

    /// The labels of a scene's nodes of these roles, in reading order, as one utterance.
    static func spokenText(of scene: Scene, roles: Set<SemanticNode.Role>) -> String {
        var parts: [String] = []
        for node in scene.nodes where roles.contains(node.role) && !node.label.isEmpty && !parts.contains(node.label) {
            parts.append(node.label)
        }
        return parts.joined(separator: ". ").replacingOccurrences(of: "..", with: ".")
    }

    // MARK: - Drawing

    /// Draws the scene if it changed; returns the damaged rectangles (empty: nothing drawn).
    @discardableResult
    public func render() -> [Rect] {
        guard needsDraw else { return [] }
        needsDraw = false
        return renderer.draw(currentScene)
    }

    public func invalidate() {
        renderer.invalidate()
        needsDraw = true
    }

    private func refreshScene() {
        currentScene = KioskUI.view(state, ViewContext(size: renderer.size, catalogue: catalogue, measurer: renderer.measurer, policy: config.policy, content: content))
        if !state.screen.isAdmin { lastVisitorScene = currentScene }
        needsDraw = true
    }

    /// Replaces the journeys' content (a pack that loaded without problems).
    public func apply(_ newContent: KioskContent) {
        content = newContent
        refreshScene()
    }

    /// Where the content packs are read from.
    public var contentDir: URL?
    /// The content is still to be loaded (after the first frame, in a live kiosk).
    public var contentPending = false

    /// Loads what was deferred until the first frame was on screen.
    public func finishStart() {
        guard contentPending else { return }
        contentPending = false
        reloadContent()
    }
    /// What went wrong at the last content load (the status page shows it).
    public private(set) var contentProblems: [String] = []
    private var diagnosticFile: String?

    /// Reads the content again (at start and on SIGHUP); a broken pack keeps the last good one.
    public func reloadContent() {
        guard let contentDir else { return }
        var outcome = ContentLoader.load(contentDir: contentDir, previous: content)
        let services = services, rules = config.bookingRules
        var catalogue: BookingCatalogue?
        worker.submit { catalogue = services.bookingCatalogue(rules: rules); return [] }
        worker.waitUntilIdle()
        outcome.content.booking = catalogue
        contentProblems = outcome.problems
        if outcome.problems.isEmpty { diagnosticFile = outcome.diagnosticFile }
        apply(outcome.content)
    }

    public var diagnosticPackDescription: String {
        guard let pack = content.diagnosticPack else { return "none: the diagnostic is not offered" }
        return "\(pack.id) v\(pack.version), \(pack.items.count) items (\(diagnosticFile ?? "?"))"
    }

    // MARK: - Configuration

    /// Applies a new configuration; the running state keeps going (a bad file never gets here:
    /// `reload(path:)` keeps the last good one).
    public func apply(_ newConfig: KioskConfig) {
        config = newConfig
        configProblem = nil
        refreshScene()
    }

    /// Re-reads the configuration file. A bad file is reported and the last good one kept.
    @discardableResult
    public func reload(path: String) -> Bool {
        defer { reloadContent() }
        do {
            apply(try KioskConfig.load(path: path))
            return true
        } catch {
            configProblem = "\(error)"
            FileHandle.standardError.write(Data("passerelle: configuration not reloaded, keeping the last good one:\n\(error)\n".utf8))
            return false
        }
    }

    // MARK: - Effects

    private func run(_ effect: Effect) {
        switch effect {
        case .playWarningSound:
            warningSounds += 1
            if config.sound { effects.playWarningSound() }
        case .forgetPerson:
            effects.silence()
            lastAnnouncement = nil
            renderer.forgetPerson()
            router = InputRouter()
            refreshScene()
            invalidate()
        case .checkAdminPin(let pin):
            // Off the main loop: a hash of many iterations must not freeze the screen.
            let hash = PinHash(encoded: config.adminPinHash)
            worker.submit { [.adminPinChecked(valid: hash?.matches(pin) ?? false)] }
        case .recordAdminPin(let accepted, let failures):
            let services = services
            worker.submit { services.recordAdminPin(accepted: accepted, failures: failures); return [] }
        case .quit:
            quitRequested = true
        case .takeScreenshot:
            send(.screenshotFinished(path: effects.saveScreenshot(self)))
        case .collectStatus:
            send(.statusCollected(effects.collectStatus(self)))
        case .saveDiagnostic(let report, let language):
            let services = services
            worker.submit { [.diagnostic(.saved(services.saveDiagnostic(report, language: language)))] }
        case .printResources(_, let language):
            // Drawn here, on the render thread (SDL_ttf is not thread-safe); printed by the worker.
            guard let page = effects.drawResources(language, renderer.fonts) else {
                send(.diagnostic(.printed(false)))
                return
            }
            let print = effects.printPage
            let name = "resources-\(language.rawValue)-\(Int(clock().timeIntervalSince1970))"
            worker.submit { [.diagnostic(.printed(print(page, name) == .printed))] }
        case .loadSlots(let service, let days):
            let services = services
            worker.submit { [.booking(.slotsLoaded(services.freeSlots(service: service, days: days)))] }
        case .saveBooking(let request):
            let services = services
            worker.submit { [.booking(.saved(services.save(request)))] }
        case .printTicket(let uuid, let language):
            // The store is read on the worker, the ticket drawn here on the render thread with
            // the screen's fonts (SDL_ttf is not thread-safe), and the pixels printed by the worker.
            let services = services
            let load = effects.ticketContent, print = effects.printPage
            worker.submit({ load(services, uuid, language) }) { [weak self] content in
                guard let self else { return }
                guard let content, let page = self.effects.drawTicket(content, self.renderer.fonts) else {
                    self.send(.booking(.printed(.unavailable)))
                    return
                }
                self.worker.submit { [.booking(.printed(print(page, uuid.uuidString)))] }
            }
        case .findAppointments(let phone):
            let services = services
            worker.submit { [.myAppointment(.found(services.appointments(phone: phone)))] }
        case .findAppointment(let uuid):
            let services = services
            worker.submit { [.myAppointment(.found(services.appointment(uuid)))] }
        case .cancelAppointment(let uuid):
            let services = services
            worker.submit { [.myAppointment(.cancelDone(services.cancel(uuid)))] }
        case .visitStarted(let language):
            let services = services
            worker.submit { services.visitStarted(language: language); return [] }
        case .visitEnded(let journeys, let language, let reason):
            let services = services
            worker.submit { services.visitEnded(journeys: journeys, language: language, reason: reason); return [] }
        }
    }

    /// At start: the wrong admin PINs journalled before a restart keep the pad locked.
    public func restoreAdminLockout() {
        let services = services
        worker.submit {
            let history = services.adminPinHistory()
            return [.adminPinHistoryLoaded(failures: history.failures, lastFailureAt: history.lastFailureAt)]
        }
        if worker.mode == .inline { takeWorkerResults() }
    }

    /// Before the process ends: the visit under way is closed (the person is gone with the
    /// kiosk) and every pending write finishes.
    public func shutdown() {
        if let visit = state.visit {
            let services = services
            let language = state.language
            worker.submit { services.visitEnded(journeys: visit.journeys, language: language, reason: .left); return [] }
        }
        worker.waitUntilIdle()
        services.stopped()
    }

    /// Draws the last visitor scene and writes it as PNG, then restores the current screen.
    public func writeVisitorScreenshot(to path: String) throws {
        renderer.invalidate()
        renderer.draw(lastVisitorScene)
        defer { invalidate() }
        try renderer.savePNG(to: path)
    }
}

/// The effects that touch the world beyond the kiosk's memory.
public struct EffectRunner {
    public var playWarningSound: () -> Void
    /// Says a text aloud in a language, interrupting what was being said.
    public var speak: (String, Language) -> Void = { _, _ in }
    /// Stops speaking at once.
    public var silence: () -> Void = {}
    /// What an appointment's ticket shows, read from the store (worker's thread).
    public var ticketContent: @Sendable (KioskServices, UUID, Language) -> TicketContent? = { _, _, _ in nil }
    /// Draws a ticket for the printer (render thread, with the screen's fonts); nil when there
    /// is no printer or it could not be drawn: the screen then shows the details large.
    public var drawTicket: (TicketContent, FontBook) -> PixelImage? = { _, _ in nil }
    /// Draws the list of free resources in a language (render thread); nil as above.
    public var drawResources: (Language, FontBook) -> PixelImage? = { _, _ in nil }
    /// Prints a drawn page under a name (worker's thread); says whether it came out.
    public var printPage: @Sendable (PixelImage, String) -> PrintOutcome = { _, _ in .unavailable }
    /// Returns the written file's path, or nil if it failed.
    public var saveScreenshot: (Kiosk) -> String?
    public var collectStatus: (Kiosk) -> [StatusLine]

    public init(
        playWarningSound: @escaping () -> Void, saveScreenshot: @escaping (Kiosk) -> String?,
        collectStatus: @escaping (Kiosk) -> [StatusLine]
    ) {
        self.playWarningSound = playWarningSound
        self.saveScreenshot = saveScreenshot
        self.collectStatus = collectStatus
    }
}
