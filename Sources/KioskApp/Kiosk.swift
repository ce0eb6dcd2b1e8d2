import Foundation
import KioskCore
import KioskRender
import KioskUI

/// The running kiosk, a small runtime: the state, the reducer, the scene it shows (rebuilt
/// only when the state changed) and the next deadline. Effects go to the `EffectHandler` and
/// its clients; what is said aloud is `Announcement`'s; content and configuration reloads are
/// in `Kiosk+Content.swift`. Used from one thread (the main loop or the scenario runner).
public final class Kiosk {
    public private(set) var state: KioskState
    public internal(set) var config: KioskConfig
    public let catalogue: Catalogue
    public let renderer: Renderer
    public let clock: () -> Date
    /// The store and other services; the effects reach them through `clients`.
    public let services: KioskServices
    /// Runs blocking effects off the loop and brings their outcome back as actions.
    public let worker: Worker
    let effects: EffectHandler

    private var router: InputRouter
    private var currentScene: Scene
    private var needsDraw = true
    /// The last scene a visitor saw (admin screenshots show this, not the admin menu).
    private var lastVisitorScene: Scene

    /// The content packs and agenda the journeys use (the last good ones).
    public internal(set) var content = KioskContent()
    /// Set when an admin asked to quit.
    public private(set) var quitRequested = false
    /// The last configuration reload that failed, for the status page.
    public internal(set) var configProblem: String?
    /// The last thing said aloud (tests read it).
    public private(set) var lastAnnouncement: String?

    // Remote help (Kiosk+Remote.swift).
    var remoteEdge: RemoteHelp?
    var remoteServerRunning = false
    /// Whether the viewer's button is down (its presses and releases become touches).
    var remotePressed = false

    // Content loading (Kiosk+Content.swift).
    /// Where the content packs are read from.
    public var contentDir: URL?
    /// The content is still to be loaded (after the first frame, in a live kiosk).
    public var contentPending = false
    /// What went wrong at the last content load (the status page shows it).
    public internal(set) var contentProblems: [String] = []
    var diagnosticFile: String?

    public init(
        config: KioskConfig, catalogue: Catalogue, renderer: Renderer, clock: @escaping () -> Date,
        clients: KioskClients,
        services: KioskServices, worker: Worker
    ) {
        self.services = services
        self.worker = worker
        self.config = config
        self.catalogue = catalogue
        self.renderer = renderer
        self.clock = clock
        effects = EffectHandler(clients: clients, worker: worker, clock: clock)
        router = InputRouter(newScreenGuard: config.newScreenGuard)
        let state = KioskState.initial(now: clock(), policy: config.policy)
        self.state = state
        let scene = KioskUI.view(
            state,
            ViewContext(size: renderer.size, catalogue: catalogue, measurer: renderer.measurer, policy: config.policy))
        currentScene = scene
        lastVisitorScene = scene
    }

    public var scene: Scene { currentScene }
    public var policy: KioskPolicy { config.policy }
    public var size: Size { renderer.size }
    /// The clients the effects run through; the live loop adds the voice once audio is open.
    public var clients: KioskClients {
        get { effects.clients }
        set { effects.clients = newValue }
    }
    /// How many warning chimes were asked for (tests read it).
    public var warningSounds: Int { effects.chimes }

    // MARK: - Input

    func routeRemote(_ event: InputEvent) -> [Action] {
        router.route(event, scene: currentScene, focus: state.focus, now: clock())
    }

    public func handle(_ event: InputEvent) {
        for action in router.route(event, scene: currentScene, focus: state.focus, now: clock()) { send(action) }
    }

    public func send(_ action: Action) {
        let before = state
        let beforeScene = currentScene
        let effectList = reduce(&state, action, Environment(now: clock(), policy: config.policy, content: content))
        var announcement: String?
        // Speech stops as soon as the person acts (EN 301 549, 5.1.3.5), or turns the voice
        // off; what the action brings is said next.
        if (action == .personActed && before.voice.on) || (before.voice.on && !state.voice.on) {
            effects.clients.speech.silence()
        }
        if state.voice.volume != before.voice.volume { effects.clients.speech.setVolume(state.voice.volume) }
        if state != before || Self.asksToHear(action) {
            if state != before {
                refreshScene()
                placeFocusForKeys()
            }
            announcement = Announcement.text(
                after: action, before: before, state: state, beforeScene: beforeScene, scene: currentScene,
                catalogue: catalogue)
        }
        // Forgetting the person silences their speech: the goodbye is said after it.
        let forgets = effectList.contains(.forgetPerson)
        if !forgets { speak(announcement) }
        for effect in effectList { effects.run(effect, runtime: self) }
        if forgets { speak(announcement) }
        if worker.mode == .inline { takeWorkerResults() }
    }

    /// Actions that are said even when they change nothing: "listen again", the speech key
    /// with the voice on, a volume key at the end of its range.
    static func asksToHear(_ action: Action) -> Bool {
        switch action {
        case .listenAgainTapped, .speechKeyPressed, .volumeChanged: return true
        default: return false
        }
    }

    /// Someone using keys reached a new screen (or their control went away): the focus goes
    /// to the screen's first own control, and the screen's announcement ends with it.
    private func placeFocusForKeys() {
        // The idle warning goes at any key: the focus under it stays where it was.
        guard state.idle == .active else { return }
        // Twice at most: the focus reaching a diagnostic task that needs touch passes it over.
        for _ in 0..<2 {
            guard router.usingKeys, state.focus.flatMap({ currentScene.node(id: $0) }) == nil,
                let entry = currentScene.entryFocus
            else { return }
            let followUp = reduce(
                &state, .focusMoved(entry), Environment(now: clock(), policy: config.policy, content: content))
            refreshScene()
            for effect in followUp { effects.run(effect, runtime: self) }
        }
    }

    private func speak(_ text: String?) {
        guard let text else { return }
        lastAnnouncement = text
        effects.clients.speech.speak(text, state.language)
    }

    /// Feeds the reducer with what finished background jobs sent back, and runs their
    /// continuations, until nothing is left. The loop calls it when the worker wakes it.
    public func takeWorkerResults() {
        while case let outcomes = worker.takeResults(), !outcomes.isEmpty {
            for outcome in outcomes {
                switch outcome {
                case .action(let action): send(action)
                case .onLoop(let continuation): continuation()
                }
            }
        }
    }

    /// Sends `.timeElapsed` if a deadline has passed.
    public func tick() {
        if let deadline = nextDeadline(), clock() >= deadline { send(.timeElapsed) }
    }

    public func nextDeadline() -> Date? { state.nextDeadline(policy: config.policy) }

    // MARK: - Drawing

    /// Draws the scene if it changed; returns the damaged rectangles (empty: nothing drawn).
    @discardableResult
    public func render() -> [Rect] {
        guard needsDraw else { return [] }
        needsDraw = false
        let damage = renderer.draw(currentScene)
        publishFrame(damage: damage)
        return damage
    }

    public func invalidate() {
        renderer.invalidate()
        needsDraw = true
    }

    func refreshScene() {
        let before = currentScene
        currentScene = KioskUI.view(
            state,
            ViewContext(
                size: renderer.size, catalogue: catalogue, measurer: renderer.measurer, policy: config.policy,
                content: content))
        if Self.isNewScreen(currentScene, after: before) { router.screenChanged(at: clock()) }
        if !state.screen.isAdmin { lastVisitorScene = currentScene }
        needsDraw = true
    }

    func setNewScreenGuard(_ seconds: Double) { router.newScreenGuard = seconds }

    /// A screen counts as new when its id, its controls or its headings changed: the next
    /// question of the diagnostic is new; a typed letter, the keyboard switching to capitals
    /// or a button becoming usable is not (keys type, they never take the person elsewhere).
    static func isNewScreen(_ scene: Scene, after before: Scene) -> Bool {
        func signature(_ scene: Scene) -> [String] {
            // Enabled or not: "Continuer" lighting up after the first digit is the same screen.
            [scene.screenID] + scene.nodes.filter { $0.action != nil && $0.role != .key }.map(\.id)
                + scene.nodes.filter { $0.role == .heading }.map(\.label)
        }
        return signature(scene) != signature(before)
    }

    // MARK: - Start and stop

    /// At start: the wrong admin PINs journalled before a restart keep the pad locked.
    public func restoreAdminLockout() {
        let store = effects.clients.store
        worker.submit {
            let history = store.adminPinHistory()
            return [.adminPinHistoryLoaded(failures: history.failures, lastFailureAt: history.lastFailureAt)]
        }
        if worker.mode == .inline { takeWorkerResults() }
    }

    /// Before the process ends: the visit under way is closed (the person is gone with the
    /// kiosk) and every pending write finishes.
    public func shutdown() {
        let store = effects.clients.store
        if let visit = state.visit {
            let language = state.language
            effects.submit { store.visitEnded(visit.journeys, language, .left) }
        }
        worker.waitUntilIdle()
        store.stopped()
    }
}

// MARK: - What only the runtime does

extension Kiosk: KioskRuntime {
    func forgetPersonTraces() {
        lastAnnouncement = nil
        renderer.forgetPerson()
        router = InputRouter(newScreenGuard: config.newScreenGuard)
        refreshScene()
        invalidate()
    }

    func quit() { quitRequested = true }

    /// Draws the last visitor scene and writes it as PNG, then restores the current screen.
    public func writeVisitorScreenshot(to path: String) throws {
        renderer.invalidate()
        renderer.draw(lastVisitorScene)
        defer { invalidate() }
        try renderer.savePNG(to: path)
    }

    var statusFacts: StatusFacts {
        StatusFacts(
            now: clock(), configProblem: configProblem, contentProblems: contentProblems,
            diagnosticPack: diagnosticPackDescription, placesOfHelp: content.places.count)
    }

    var soundEnabled: Bool { config.sound }
    var adminPinHash: String { config.adminPinHash }
}
