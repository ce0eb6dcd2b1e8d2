import Foundation

/// The timings of remote help (configuration `[assist]`, defaults from the reference flow).
public struct RemotePolicy: Equatable, Sendable {
    /// Whether remote help is offered at all (a way for viewers to connect is configured).
    public var enabled = false
    /// Seconds the person has to answer "X wants to see your screen"; no answer is a no.
    public var consentTimeout: Double = 60
    /// Seconds after a local touch during which the aidant's input is ignored.
    public var localTouchWins: Double = 2
    /// Seconds without any input from the aidant that end the session.
    public var idleLimit: Double = 600
    /// The longest session before the "extend?" warning; extending adds as much again.
    public var maxDuration: Double = 1800
    /// Seconds of warning before the hard cap.
    public var capWarning: Double = 20
    /// Seconds the "we are looking for someone" screen waits before offering another way.
    public var helpWait: Double = 300
    /// Seconds the "help has ended" notice stays.
    public var endedNotice: Double = 8
    /// The aidant's name when the configuration gives none for the viewer ("" = "an aidant").
    public var aidantName = ""

    public init() {}
}

/// Why a remote session ended (journalled with it).
public enum RemoteEnd: String, Equatable, Sendable, CaseIterable {
    /// The person tapped "Arrêter l'aide".
    case personStopped = "person_stopped"
    /// The aidant's viewer left or the connection dropped.
    case aidantLeft = "aidant_left"
    /// The person said no to being seen.
    case refused
    /// Nobody answered the question in time (a no).
    case noAnswer = "no_answer"
    /// No input from the aidant for `idleLimit`.
    case idle
    /// The hard cap passed without "extend".
    case timeUp = "time_up"
    /// The kiosk forgot the person (idle reset): nobody may go on watching.
    case reset
}

/// A remote-help session, from the viewer's connection to the closing notice. It lives
/// beside the journeys: the aidant guides the person through any of them.
public struct RemoteSession: Equatable, Sendable {
    public enum Phase: Equatable, Sendable {
        /// "X wants to see your screen. Yes / No", asked at `since`.
        case askingView(since: Date)
        /// The aidant sees the screen; the person's touches alone act.
        case viewing
        /// "X wants to touch the screen for you. Yes / No".
        case askingControl(since: Date)
        /// The aidant may also press and type (a local touch always wins).
        case controlling
        /// "Help has ended", shown from `at`.
        case ended(at: Date, reason: RemoteEnd)
    }

    public var aidant: String
    public var code: String?
    public var phase: Phase
    /// When the person first said yes (the session's start).
    public var startedAt: Date?
    /// The hard cap (moved by "extend").
    public var endsAt: Date?
    public var lastRemoteInput: Date
    public var lastLocalTouch: Date?
    /// Where the aidant's pointer is, shown as a ring while viewing.
    public var pointer: RemotePointer?
    /// The seconds the hard cap's warning shows; nil while it is not showing.
    public var capSecondsLeft: Int?

    public init(aidant: String, code: String?, phase: Phase, lastRemoteInput: Date) {
        self.aidant = aidant
        self.code = code
        self.phase = phase
        self.lastRemoteInput = lastRemoteInput
    }

    /// Whether the aidant sees the screen now.
    public var isSharing: Bool {
        switch phase {
        case .viewing, .askingControl, .controlling: return true
        case .askingView, .ended: return false
        }
    }

    /// Whether a press or key from the aidant may act now: only after the second yes, and
    /// never within `localTouchWins` seconds of the person's own touch.
    public func acceptsRemoteInput(now: Date, policy: RemotePolicy) -> Bool {
        guard phase == .controlling else { return false }
        guard let touched = lastLocalTouch else { return true }
        return now.timeIntervalSince(touched) >= policy.localTouchWins
    }

    /// The next instant at which the session changes by itself.
    func nextDeadline(policy: RemotePolicy) -> Date? {
        switch phase {
        case .askingView(let since), .askingControl(let since):
            let answer = since.addingTimeInterval(policy.consentTimeout)
            guard case .askingControl = phase else { return answer }
            return [answer, sessionDeadline(policy: policy)].compactMap { $0 }.min()
        case .viewing, .controlling:
            return sessionDeadline(policy: policy)
        case .ended(let at, _):
            return at.addingTimeInterval(policy.endedNotice)
        }
    }

    /// The aidant's silence, and the hard cap: its warning, then each second it counts down.
    private func sessionDeadline(policy: RemotePolicy) -> Date? {
        var deadlines = [lastRemoteInput.addingTimeInterval(policy.idleLimit)]
        if let endsAt {
            if let shown = capSecondsLeft {
                deadlines.append(endsAt.addingTimeInterval(-Double(max(shown - 1, 0))))
            } else {
                deadlines.append(endsAt.addingTimeInterval(-policy.capWarning))
            }
        }
        return deadlines.min()
    }
}

/// A point on the kiosk's framebuffer, as the viewer sent it.
public struct RemotePointer: Equatable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// What the reducer asks of the remote-help edge.
public enum RemoteCommand: Equatable, Sendable {
    /// The person said yes: share the screen (view-only); journal the consent and the start.
    case viewAllowed
    /// The person said no, or did not answer: close the viewer's connection, journal why.
    case viewRefused(RemoteEnd)
    /// The second yes: the aidant's input may act; journal it.
    case controlAllowed
    /// Back to view-only; journal the withdrawal.
    case controlWithdrawn
    /// End the session: close the connection, journal the reason and the bytes sent.
    case end(RemoteEnd)
    /// Nobody may connect any more with the request's secret (the person left).
    case withdrawRequest
}
