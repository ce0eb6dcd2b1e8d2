import Foundation

// MARK: - The registry

/// Every journey a person can take: the one list the shell composes.
///
/// To add a journey: its folder here (`Journeys/<Name>/`: steps, actions, state, reducer) and
/// in KioskUI (`Journeys/<Name>/`: one view per step), a case below, and then what the
/// compiler asks for. Every switch over `JourneyID`, `Screen` and `Action` is exhaustive, with
/// no `default:` that would let a journey be forgotten: the compiler names the `Screen` and
/// `Action` cases, the `KioskState` field, the reducer, the views and the sample states the
/// layout audit and the snapshot tests walk through.
public enum JourneyID: String, CaseIterable, Sendable {
    case diagnostic
    case booking
    case myAppointment = "my_appointment"
    case help
    case places
}

extension JourneyID {
    /// Runs the journey's reducer on an action it owns, or on a shared gesture (keys, drags)
    /// made on one of its screens.
    func reduce(_ state: inout KioskState, _ action: Action, _ env: Environment) -> [Effect] {
        switch self {
        case .diagnostic: return state.reduceDiagnostic(action, env: env)
        case .booking: return state.reduceBooking(action, env: env)
        case .myAppointment: return state.reduceMyAppointment(action, env: env)
        case .help: return state.reduceHelp(action, env: env)
        case .places: return state.reducePlaces(action, env: env)
        }
    }

    /// What "back" means on the journey's screen, or nil for the shell's "previous screen".
    func back(_ state: inout KioskState, _ env: Environment) -> [Effect]? {
        switch self {
        case .diagnostic: return state.diagnosticBack(env: env)
        case .booking: return state.bookingBack(env: env)
        case .myAppointment: return state.myAppointmentBack(env: env)
        case .help: return state.helpBack(env: env)
        // Nothing to undo: the list is computed again from what is chosen.
        case .places: return nil
        }
    }
}

/// The journeys a person can start from home. A tile appears only when its journey can run
/// (its content loaded, its agenda present).
public enum Journey: Equatable, Sendable {
    case diagnostic
    /// Booking, optionally for the kind of help the diagnostic recommended.
    case booking(SupportKind?)
    case myAppointment
    /// The places of help around, optionally for the service a person needs.
    case places(HelpService?)

    public var id: JourneyID {
        switch self {
        case .diagnostic: return .diagnostic
        case .booking: return .booking
        case .myAppointment: return .myAppointment
        case .places: return .places
        }
    }
}

/// Content the reducer reads but does not own: loaded and replaced by the edges (a broken
/// new pack is refused there, and the last good one stays).
public struct KioskContent: Equatable, Sendable {
    public var diagnosticPack: DiagnosticPack?
    /// The agenda's services, places and helpers; nil or empty: no booking at this kiosk.
    public var agenda: BookableAgenda?
    /// The places of help around (the store's, from the national open data); empty: none.
    public var places: [PlaceOfHelp]
    /// The free resources for an autonomous person (`content/resources.json`; nil: none).
    public var resources: ResourceSheet?

    public init(diagnosticPack: DiagnosticPack? = nil, agenda: BookableAgenda? = nil, places: [PlaceOfHelp] = []) {
        self.diagnosticPack = diagnosticPack
        self.agenda = agenda
        self.places = places
    }

    public var bookingAvailable: Bool { !(agenda?.supportKinds.isEmpty ?? true) }

    /// The tiles of the home screen, in order.
    public var journeys: [Journey] {
        var list: [Journey] = []
        if diagnosticPack != nil { list.append(.diagnostic) }
        if bookingAvailable { list += [.booking(nil), .myAppointment] }
        if !places.isEmpty { list.append(.places(nil)) }
        return list
    }
}

extension KioskState {
    /// The journeys' part of the reducer; nil when the action is the shell's.
    mutating func reduceJourney(_ action: Action, env: Environment) -> [Effect]? {
        if let owner = action.journeyID { return owner.reduce(&self, action, env) }
        guard let onScreen = screen.journeyID else { return nil }
        switch action.sharedGesture {
        case .back?: return onScreen.back(&self, env)
        case .typing?, .dragging?: return onScreen.reduce(&self, action, env)
        case nil: return nil
        }
    }
}
