import Foundation
import KioskAssist
import KioskCore
import KioskRender
import KioskUI

extension Kiosk {
    /// Starts the assist server; the loop is woken by each viewer event.
    public func startRemoteHelp(wake: @escaping @Sendable () -> Void) {
        guard let edge = remoteEdge else { return }
        if edge.start(wake: wake) { remoteServerRunning = true }
    }

    public func stopRemoteHelp() { remoteEdge?.stop() }

    /// The viewer's events since the last turn of the loop: the aidant's connection and
    /// departure go to the reducer; a press or a key acts only after the person's second yes
    /// and never right after their own touch; in view-only mode the pointer moves the ring.
    public func takeRemoteEvents() {
        guard let edge = remoteEdge, let server = edge.server else { return }
        for input in edge.take(server.takeEvents()) {
            switch input {
            case .action(let action): send(action)
            case .watchStarted: send(.help(.watchConnected))
            case .pointer(let x, let y, let pressed): remotePointer(x: x, y: y, pressed: pressed)
            case .key(let event): remoteInput(event)
            }
        }
    }

    private func remotePointer(x: Int, y: Int, pressed: Bool) {
        let point = Point(x: x, y: y)
        let wasPressed = remotePressed
        remotePressed = pressed
        guard let session = state.remote, session.isSharing else { return }
        guard session.acceptsRemoteInput(now: clock(), policy: config.policy.remote) else {
            send(.help(.remotePointerMoved(x: x, y: y)))
            return
        }
        switch (wasPressed, pressed) {
        case (false, true): remoteInput(.pointerDown(point))
        case (true, false): remoteInput(.pointerUp(point))
        case (true, true): remoteInput(.pointerMoved(point))
        case (false, false): send(.help(.remoteActed))
        }
    }

    /// Routed like a touch, but it is the aidant who acted, not the person: the local-touch
    /// rule and the idle timer see the difference.
    private func remoteInput(_ event: InputEvent) {
        guard state.remote?.acceptsRemoteInput(now: clock(), policy: config.policy.remote) == true else { return }
        for action in routeRemote(event) {
            send(action == .personActed ? .help(.remoteActed) : action)
        }
    }

    /// After each drawn frame: what the viewer gets.
    func publishFrame(damage: [Rect]) {
        guard let edge = remoteEdge, remoteServerRunning else { return }
        let private_ = state.screen.isAdmin
        edge.frameDrawn(
            renderer, damage: damage, share: state.remote?.isSharing == true && !private_, paused: private_,
            policy: config.policy)
    }

    /// The live client the effects use.
    func liveRemoteClient() -> RemoteClient {
        guard let edge = remoteEdge else { return .none }
        return RemoteClient(
            request: { [weak edge] kind, language in edge?.request(kind, language: language) },
            command: { [weak edge] command in edge?.run(command) })
    }
}
