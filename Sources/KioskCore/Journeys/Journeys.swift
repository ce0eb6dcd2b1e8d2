import Foundation

/// The journeys a person can start from home. A tile appears only when its journey can run
/// (its content loaded, its agenda present).
public enum Journey: Equatable, Sendable {
    case diagnostic
    /// Booking, optionally for the kind of help the diagnostic recommended.
    case booking(SupportKind?)
    case myAppointment
}

/// Content the reducer reads but does not own: loaded and replaced by the edges (a broken
/// new pack is refused there, and the last good one stays).
public struct KioskContent: Equatable, Sendable {
    public var diagnosticPack: DiagnosticPack?
    public var bookingAvailable: Bool

    public init(diagnosticPack: DiagnosticPack? = nil, bookingAvailable: Bool = false) {
        self.diagnosticPack = diagnosticPack
        self.bookingAvailable = bookingAvailable
    }

    /// The tiles of the home screen, in order.
    public var journeys: [Journey] {
        var list: [Journey] = []
        if diagnosticPack != nil { list.append(.diagnostic) }
        if bookingAvailable { list += [.booking(nil), .myAppointment] }
        return list
    }
}

extension KioskState {
    /// The journeys' reducers; nil when the action is the shell's.
    mutating func reduceJourney(_ action: Action, env: Environment) -> [Effect]? {
        switch action {
        case .journeyTapped(.diagnostic), .diagnostic:
            return reduceDiagnostic(action, env: env)
        case .journeyTapped:
            return nil
        case .backTapped:
            if screen == .diagnostic(.item) || screen == .diagnostic(.result) { return reduceDiagnostic(action, env: env) }
            return nil
        case .keyTyped, .keyErased, .shiftTapped, .dragMoved, .dragEnded:
            if case .diagnostic = screen { return reduceDiagnostic(action, env: env) }
            return nil
        default:
            return nil
        }
    }
}
