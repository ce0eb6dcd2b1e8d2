import Foundation

/// What the figures keep of one person's visit: when it began and which journeys they took.
/// Nothing that identifies them.
public struct VisitTrace: Equatable, Sendable {
    public var startedAt: Date
    /// Journey names in the order they were first taken ("help", "diagnostic", "booking").
    public var journeys: [String]

    public init(startedAt: Date, journeys: [String] = []) {
        self.startedAt = startedAt
        self.journeys = journeys
    }
}

/// Why a visit ended (the store's `VisitEndReason`).
public enum VisitEnd: String, Equatable, Sendable {
    /// The person reached the end of a journey and said goodbye.
    case completed
    /// The idle warning ran out.
    case idleTimeout = "idle_timeout"
    /// They walked away from a screen with nothing chosen, or finished early.
    case left
}

extension Action {
    /// Whether this action is a person choosing something (not a timer, not an effect's
    /// answer, not the admin's hidden gesture): the first one opens a visit.
    var isPersonChoice: Bool {
        switch self {
        case .personActed, .timeElapsed, .focusMoved, .secretZoneTapped, .attractTouched, .stayTapped,
            .adminPinChecked, .adminPinHistoryLoaded, .screenshotFinished, .statusCollected, .keyTyped, .keyErased,
            .shiftTapped, .dragMoved, .dragEnded, .pinDigitTapped, .pinEraseTapped, .pinSubmitTapped, .adminQuitTapped,
            .adminScreenshotTapped, .adminStatusTapped, .adminLeaveTapped, .unavailableTapped,
            .listenAgainTapped, .speechKeyPressed, .volumeChanged, .headsetChanged:
            return false
        case .helpTapped, .backTapped, .homeTapped, .journeyTapped, .languageTapped, .largeTextToggled,
            .highContrastToggled, .lowReachToggled, .displayTapped, .leaveConfirmed, .voiceToggled,
            .personalAloudToggled:
            return true
        // Answers of effects may arrive after the person left: each journey says which are.
        case .diagnostic(let action): return action.isPersonChoice
        case .booking(let action): return action.isPersonChoice
        case .myAppointment(let action): return action.isPersonChoice
        case .help(let action): return action.isPersonChoice
        case .places(let action): return action.isPersonChoice
        }
    }
}

extension KioskState {
    /// Opens a visit at the first choice and notes each journey entered.
    mutating func trackVisit(after action: Action, before: KioskState, now: Date) -> [Effect] {
        guard !screen.isAdmin, !before.screen.isAdmin else { return [] }
        // "Finish" closed the visit; the goodbye, and the touch that ends it, open none.
        if case .goodbye = screen { return [] }
        if case .goodbye = before.screen { return [] }
        var effects: [Effect] = []
        if visit == nil, action.isPersonChoice {
            visit = VisitTrace(startedAt: now)
            effects.append(.visitStarted(language: before.language))
        }
        if let journey = screen.journey, visit != nil, visit?.journeys.contains(journey) == false {
            visit?.journeys.append(journey)
        }
        return effects
    }

    /// Closes the visit under way, if any.
    mutating func endVisit(reason: VisitEnd) -> [Effect] {
        guard let trace = visit else { return [] }
        visit = nil
        return [.visitEnded(journeys: trace.journeys, language: language, reason: reason)]
    }
}
