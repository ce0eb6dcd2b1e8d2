import Foundation

/// "Besoin d'aide ?": a person here, or an aidant from afar. The person alone starts it; the
/// kiosk then raises a help request (the hook), says truthfully that it is looking for
/// someone, and after `RemotePolicy.helpWait` offers another way.
public enum HelpStep: Equatable, Sendable {
    /// The two kinds of help, and a word about the screen the person came from.
    case choose(from: HelpContext)
    /// The request is out: "we are looking for someone" (for remote help, with the code).
    case looking
    /// Nobody answered in time, or the request could not be sent: other ways to get help.
    case nobodyCame
}

/// Which screen the help was asked from, so help can say something about it.
public enum HelpContext: String, Equatable, Sendable {
    case home
    case admin
}

/// The kinds of human help a person can ask for.
public enum HelpKind: String, Equatable, Sendable, CaseIterable {
    /// Staff on site (the desk, a conseiller in the building).
    case here
    /// An aidant who sees the screen from afar (RFB), after the person's yes.
    case remote
}

/// What the edge answers once the request is out: the short code the aidant reads back, and
/// when the one-time secret expires. The secret itself never enters the state.
public struct HelpTicket: Equatable, Sendable {
    public var code: String
    public var expiresAt: Date

    public init(code: String, expiresAt: Date) {
        self.code = code
        self.expiresAt = expiresAt
    }
}

/// The help request under way.
public struct HelpJourney: Equatable, Sendable {
    /// The kinds of help this kiosk can call (a hook for staff here, remote help configured).
    public var offers: [HelpKind] = []
    public var kind: HelpKind?
    public var requestedAt: Date?
    /// Set when the edge has armed remote help and queued the request.
    public var ticket: HelpTicket?
    /// The request could not even be queued (the store is failing).
    public var requestFailed = false

    public init(offers: [HelpKind] = [], kind: HelpKind? = nil, requestedAt: Date? = nil) {
        self.offers = offers
        self.kind = kind
        self.requestedAt = requestedAt
    }
}

extension HelpJourney {
    /// What this kiosk can offer: staff here when a help hook is configured, remote help when
    /// viewers have a way in. Without either, the help screen says where the desk is.
    public static func offers(_ policy: KioskPolicy) -> [HelpKind] {
        (policy.helpHereEnabled ? [.here] : []) + (policy.remote.enabled ? [.remote] : [])
    }
}

/// What can happen in the help journey and during a remote session.
public enum HelpAction: Equatable, Sendable {
    // MARK: - Asking
    case personHereTapped
    case remoteTapped
    /// The edge queued the request (and armed remote help): its code, or nil on failure.
    case requestSent(HelpTicket?)
    case tryAgainTapped

    // MARK: - The remote session (answers of the person, events of the viewer)
    /// A viewer gave the one-time secret: the person is asked before it sees anything.
    case aidantConnected(name: String)
    case viewAllowedTapped
    case viewRefusedTapped
    /// "Le laisser toucher": the second, separate question.
    case controlOfferTapped
    case controlAllowedTapped
    case controlRefusedTapped
    /// "Reprendre la main": back to view-only.
    case controlWithdrawnTapped
    /// "Arrêter l'aide", on every screen while someone is connected.
    case stopTapped
    /// "Continuer" under the hard cap's warning.
    case extendTapped
    /// A developer's local watch (`--watch`, loopback only) connected: it sees and may act at
    /// once, and the frame and banner show it like any session.
    case watchConnected
    /// The viewer left or its connection dropped.
    case aidantLeft
    /// Where the aidant points (view-only: a ring shows it, nothing is pressed).
    case remotePointerMoved(x: Int, y: Int)
    /// The aidant pressed or typed something that reached the kiosk (control mode).
    case remoteActed
    /// "OK" on the closing notice.
    case endedSeenTapped

    /// Whether it is the person's own choice (opens a visit); viewer events are not.
    var isPersonChoice: Bool {
        switch self {
        case .personHereTapped, .remoteTapped, .tryAgainTapped, .viewAllowedTapped, .viewRefusedTapped,
            .controlOfferTapped, .controlAllowedTapped, .controlRefusedTapped, .controlWithdrawnTapped, .stopTapped,
            .extendTapped, .endedSeenTapped:
            return true
        case .requestSent, .aidantConnected, .watchConnected, .aidantLeft, .remotePointerMoved, .remoteActed:
            return false
        }
    }
}
