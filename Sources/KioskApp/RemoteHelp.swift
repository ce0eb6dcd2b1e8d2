import Foundation
import KioskAssist
import KioskCore
import KioskRender
import KioskStore
import KioskUI

/// Remote help's live edge: the help request (its secret, code and hook message), the RFB
/// server, the pixels it shares and the journal. Called from the loop's thread; the hook's
/// retries run on a queue of their own, never on the loop nor the store's worker.
final class RemoteHelp {
    let settings: AssistSettings
    let help: HelpSettings
    /// The assist server; nil when remote help is not configured and nobody watches.
    let server: AssistServer?
    /// A developer's watch on loopback (`--watch`): no secret, no question.
    let watch: Bool
    let services: KioskServices
    let clock: @Sendable () -> Date
    private let siteName: String
    private let hookQueue = DispatchQueue(label: "passerelle.help-hook")
    var placeholder: (renderer: Renderer, paused: Bool)?
    let fonts: FontBook
    let catalogue: Catalogue

    /// The help request under way (its journal rows name it).
    var requestID: UUID?
    /// The remote session under way, from the person's yes.
    var currentSession: UUID?
    /// What the last viewer was sent, in bytes.
    var lastViewerBytes = 0
    /// What the viewer is being sent: the screen (true) or the placeholder.
    var sharing: Bool?

    func sessionStarted(_ session: UUID?) { currentSession = session }

    init(
        config: KioskConfig, watchPort: Int?, size: Size, fonts: FontBook, catalogue: Catalogue,
        services: KioskServices, clock: @escaping @Sendable () -> Date
    ) {
        settings = config.assist
        help = config.help
        watch = watchPort != nil
        self.services = services
        self.clock = clock
        self.fonts = fonts
        self.catalogue = catalogue
        siteName = config.siteName
        server =
            (config.assist.enabled || watchPort != nil)
            ? AssistServer(width: size.width, height: size.height, clock: clock) : nil
        listenPort = watchPort ?? config.assist.listenPort
    }

    private let listenPort: Int?

    /// Starts the server (listening on loopback when configured); a failure is logged and
    /// remote help is then simply not offered.
    func start(wake: @escaping @Sendable () -> Void) -> Bool {
        guard let server else { return false }
        do {
            try server.start(AssistTransport(listenPort: listenPort), wake: wake)
            if watch { server.arm(password: nil, until: nil) }
            return true
        } catch {
            KioskServices.log("remote help is off: \(error)")
            return false
        }
    }

    func stop() { server?.stop() }

    // MARK: - The request

    /// Queues the request for the hook; for remote help arms a fresh one-time password and
    /// dials out when a viewer is configured. Returns what the person is shown.
    func request(_ kind: HelpKind, language: Language) -> HelpTicket? {
        guard help.hasHook else { return nil }
        let now = clock()
        let expiresAt = now.addingTimeInterval(settings.secretMinutes * 60)
        let code = Self.randomCode()
        var payload: [String: String] = [
            "event": "help_request", "kind": kind.rawValue, "site": siteName, "language": language.rawValue,
            "requested_at": ISO8601DateFormatter().string(from: now), "code": code,
        ]
        var secret: String?
        if kind == .remote, let server {
            let password = Self.randomPassword()
            server.arm(password: password, until: expiresAt)
            secret = password
            payload.merge(joinFields(code: code, expiresAt: expiresAt)) { $1 }
            dialOut()
        }
        let channel: HelpChannel = kind == .remote ? .remote : .desk
        let ok = services.attempt("help request not saved", else: false) { store throws(StoreProblem) in
            let request = try store.recordHelpRequest(channel: channel)
            payload["request"] = request.uuidString.lowercased()
            let message = try store.enqueueHelpHook(payload: payload)
            self.requestID = request
            self.send(message, payload: payload, secret: secret, until: expiresAt, attempt: 1)
            return true
        }
        return ok ? HelpTicket(code: code, expiresAt: expiresAt) : nil
    }

    private func joinFields(code: String, expiresAt: Date) -> [String: String] {
        var fields = ["join.code": code, "join.expires_at": ISO8601DateFormatter().string(from: expiresAt)]
        if let target = settings.dialTLS ?? settings.dial {
            fields["join.mode"] = "reverse"
            fields["join.viewer"] = target.description
            if !settings.repeaterID.isEmpty { fields["join.repeater_id"] = settings.repeaterID }
        } else if let port = listenPort {
            fields["join.mode"] = "ssh_tunnel"
            fields["join.address"] = "127.0.0.1:\(port)"
        }
        return fields
    }

    /// One attempt now, then retries with backoff until the secret expires.
    private func send(_ message: UUID, payload: [String: String], secret: String?, until: Date, attempt: Int) {
        let delivery = HookDelivery(
            hook: HelpHook(settings: help), services: services, clock: clock, queue: hookQueue, message: message,
            body: HelpHook.body(payload, secret: secret), until: until)
        hookQueue.async { delivery.attempt(attempt) }
    }

    private func dialOut() {
        guard let server else { return }
        if let target = settings.dialTLS {
            let tunnel = TLSTunnel(target: target, settings: settings)
            DispatchQueue.global().async {
                do { try server.adopt(socket: try tunnel.open()) } catch {
                    KioskServices.log("remote help: \(error)")
                    server.noteRefusal("\(error)")
                }
            }
        } else if let target = settings.dial {
            DispatchQueue.global().async {
                do { try server.dialOut(host: target.host, port: target.port) } catch {
                    KioskServices.log("remote help: \(error)")
                    server.noteRefusal("\(error)")
                }
            }
        }
    }

    static func randomCode() -> String { String(format: "%04d", Int.random(in: 0...9999)) }

    /// 8 characters (VNC authentication reads 8), without look-alikes (0/O, 1/l/I).
    static func randomPassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<8).map { _ in alphabet.randomElement(using: &generator)! })
    }
}

/// One hook message on its way: an attempt, and the next one after a backoff, until the
/// request's secret expires (then the outbox abandons it, journalled).
struct HookDelivery: Sendable {
    let hook: HelpHook
    let services: KioskServices
    let clock: @Sendable () -> Date
    let queue: DispatchQueue
    let message: UUID
    let body: Data
    let until: Date

    func attempt(_ number: Int) {
        let claimed = services.attempt("help hook", else: false) { store throws(StoreProblem) in
            try store.claimMessage(message)
        }
        guard claimed else { return }
        let problem = hook.deliver(body, idempotencyKey: message)
        services.attempt("help hook", else: ()) { store throws(StoreProblem) in
            if let problem { try store.markFailed(message, error: problem) } else { try store.markSent(message) }
        }
        guard let problem else { return }
        KioskServices.log("help hook: attempt \(number) failed: \(problem)")
        let delay = min(5 * pow(2, Double(number - 1)), 120)
        guard clock().addingTimeInterval(delay) < until else {
            services.attempt("help hook", else: ()) { store throws(StoreProblem) in
                try store.abandonMessage(message, reason: "the help request expired before the hook took it")
            }
            return
        }
        queue.asyncAfter(deadline: .now() + delay) { attempt(number + 1) }
    }
}
