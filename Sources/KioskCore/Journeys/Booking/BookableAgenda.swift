import Foundation

/// The bookable agenda as the screens need it: services, places and helpers by key, and the
/// rules for cancelling and moving. Loaded by the edge from the store (the last good one).
public struct BookableAgenda: Equatable, Sendable {
    public var services: [AgendaService]
    public var places: [String: AgendaPlace]
    public var helpers: [String: AgendaHelper]
    public var rules: BookingRules
    /// How many days ahead the screens look for free times.
    public var searchDays: Int

    public init(
        services: [AgendaService], places: [String: AgendaPlace], helpers: [String: AgendaHelper],
        rules: BookingRules = BookingRules(), searchDays: Int = 60
    ) {
        self.services = services
        self.places = places
        self.helpers = helpers
        self.rules = rules
        self.searchDays = searchDays
    }

    /// The kinds of help that have an active service, in the order of the "what do you need" screen.
    public var supportKinds: [SupportKind] {
        let order: [SupportKind] = [.procedureHelp, .individualLearning, .workshop, .talkToConseiller]
        return order.filter { kind in services.contains { $0.support == kind && $0.isActive } }
    }

    /// The service that gives this kind of help (the first active one).
    public func service(for kind: SupportKind) -> AgendaService? {
        services.first { $0.support == kind && $0.isActive }
    }

    public func service(key: String) -> AgendaService? { services.first { $0.key == key } }
}
