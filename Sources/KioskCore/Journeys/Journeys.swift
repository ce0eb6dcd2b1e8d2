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
    /// The agenda's services, places and helpers; nil or empty: no booking at this kiosk.
    public var booking: BookingCatalogue?

    public init(diagnosticPack: DiagnosticPack? = nil, booking: BookingCatalogue? = nil) {
        self.diagnosticPack = diagnosticPack
        self.booking = booking
    }

    public var bookingAvailable: Bool { !(booking?.supportKinds.isEmpty ?? true) }

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
        case .journeyTapped(.booking), .booking:
            return reduceBooking(action, env: env)
        case .journeyTapped(.myAppointment), .myAppointment:
            return reduceMyAppointment(action, env: env)
        case .backTapped:
            if screen == .diagnostic(.item) || screen == .diagnostic(.result) { return reduceDiagnostic(action, env: env) }
            if screen == .booking(.ticket) || screen == .myAppointment(.cancelled) {
                // Done: back would reopen a finished booking.
                return forgetPerson(now: env.now, policy: env.policy, reason: .completed)
            }
            return nil
        case .keyTyped, .keyErased, .shiftTapped, .dragMoved, .dragEnded:
            switch screen {
            case .diagnostic: return reduceDiagnostic(action, env: env)
            case .booking: return reduceBooking(action, env: env)
            case .myAppointment: return reduceMyAppointment(action, env: env)
            default: return nil
            }
        default:
            return nil
        }
    }
}
