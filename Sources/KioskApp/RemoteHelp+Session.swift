import Foundation
import KioskAssist
import KioskCore
import KioskRender
import KioskStore
import KioskUI

extension RemoteHelp {
    // MARK: - What the reducer asks

    func run(_ command: RemoteCommand) {
        guard let server else { return }
        let request = requestID
        switch command {
        case .viewAllowed:
            sessionStarted(
                services.attempt("remote session not journalled", else: nil) { store throws(StoreProblem) in
                    try store.startRemoteSession(helpRequest: request, viewConsentAt: clock())
                })
        case .viewRefused(let reason):
            server.disconnect()
            journal { store throws(StoreProblem) in
                try store.noteRemoteConsentRefused(request: request, reason: reason.rawValue)
            }
        case .controlAllowed:
            if let session = currentSession {
                journal { store throws(StoreProblem) in try store.grantRemoteControl(session) }
            }
        case .controlWithdrawn:
            if let session = currentSession {
                journal { store throws(StoreProblem) in try store.withdrawRemoteControl(session) }
            }
        case .end(let reason):
            let bytes = server.hasViewer ? server.viewerBytesSent : lastViewerBytes
            server.disconnect()
            if let session = currentSession {
                journal { store throws(StoreProblem) in
                    try store.endRemoteSession(session, reason: Self.storeReason(reason), bytesSent: bytes)
                }
            }
            sessionStarted(nil)
        case .withdrawRequest:
            if !watch { server.disarm() }
        }
    }

    private func journal(_ body: (AppDatabase) throws(StoreProblem) -> Void) {
        services.attempt("remote help not journalled", else: ()) { store throws(StoreProblem) in try body(store) }
    }

    static func storeReason(_ reason: RemoteEnd) -> RemoteSessionEndReason {
        switch reason {
        case .personStopped: return .personStopped
        case .aidantLeft: return .helperStopped
        case .idle, .timeUp, .reset, .refused, .noAnswer: return .timeout
        }
    }

    // MARK: - What the viewer did

    /// The viewer's events as actions for the reducer, or as input events when the aidant
    /// may act (the runtime routes those through the same input router as touches).
    func take(_ events: [AssistEvent]) -> [RemoteInput] {
        var inputs: [RemoteInput] = []
        for event in events {
            switch event {
            case .connected:
                journal { store throws(StoreProblem) in try store.noteRemoteConnected(request: requestID) }
                inputs.append(watch ? .watchStarted : .action(.help(.aidantConnected(name: settings.aidantName))))
            case .refused(let reason):
                journal { store throws(StoreProblem) in try store.noteRemoteConnectionRefused(reason: reason) }
            case .pointer(let x, let y, let pressed):
                inputs.append(.pointer(x: x, y: y, pressed: pressed))
            case .key(let keysym, let down):
                if down, let key = RemoteKeys.input(keysym) { inputs.append(.key(key)) }
            case .disconnected(let bytes):
                lastViewerBytes = bytes
                inputs.append(.action(.help(.aidantLeft)))
            }
        }
        return inputs
    }

    // MARK: - The picture

    /// After each frame: the damaged rectangles go to the viewer while the screen is shared;
    /// otherwise it gets the placeholder (the person has not said yes, or the screen is private).
    func frameDrawn(_ renderer: Renderer, damage: [Rect], share: Bool, paused: Bool, policy: KioskPolicy) {
        guard let server else { return }
        let surface = renderer.surface.pointee
        if share {
            let rects = sharing == true ? damage : [Rect(x: 0, y: 0, width: server.width, height: server.height)]
            sharing = true
            server.share(
                surface.pixels, pitch: Int(surface.pitch), rects: rects.map { ($0.x, $0.y, $0.width, $0.height) })
        } else if sharing != false || placeholder?.paused != paused {
            sharing = false
            showPlaceholder(paused: paused, policy: policy)
        }
    }

    private func showPlaceholder(paused: Bool, policy: KioskPolicy) {
        guard let server else { return }
        let size = Size(width: server.width, height: server.height)
        guard let drawer = placeholder?.renderer ?? (try? Renderer(size: size, fonts: fonts)) else { return }
        let context = ViewContext(size: size, catalogue: catalogue, measurer: drawer.measurer, policy: policy)
        drawer.invalidate()
        drawer.draw(RemoteOverlay.placeholder(paused: paused, context: context))
        placeholder = (drawer, paused)
        let surface = drawer.surface.pointee
        server.showPlaceholder(surface.pixels, pitch: Int(surface.pitch))
    }
}

/// What the viewer's events become on the loop.
enum RemoteInput: Equatable {
    case action(Action)
    /// A developer's `--watch` connected: it sees and acts at once, with the frame shown.
    case watchStarted
    case pointer(x: Int, y: Int, pressed: Bool)
    case key(InputEvent)
}

/// X11 keysyms (RFC 6143 §7.5.4) as the kiosk's keys and text.
enum RemoteKeys {
    static func input(_ keysym: UInt32) -> InputEvent? {
        switch keysym {
        case 0xFF09: return .key(.tab)
        case 0xFE20: return .key(.shiftTab)
        case 0xFF52: return .key(.up)
        case 0xFF54: return .key(.down)
        case 0xFF51: return .key(.left)
        case 0xFF53: return .key(.right)
        case 0xFF0D, 0xFF8D: return .key(.enter)
        case 0xFF08: return .key(.backspace)
        case 0x20: return .key(.space)
        case 0x21...0x7E, 0xA0...0xFF:
            return Unicode.Scalar(keysym).map { .text(String(Character($0))) }
        case 0x0100_0100...0x0110_FFFF:
            // Unicode keysyms: 0x01000000 + the code point.
            return Unicode.Scalar(keysym - 0x0100_0000).map { .text(String(Character($0))) }
        default: return nil
        }
    }
}
