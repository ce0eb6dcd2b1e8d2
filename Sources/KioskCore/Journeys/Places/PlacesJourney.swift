// Passerelle — KioskCore, the "Where can I get help?" journey. Licensed under the EUPL-1.2.
import Foundation

/// "Trouver un lieu d'aide": the places of help around the kiosk (the national open data,
/// docs/places.md). Home → what you need → the places that fit, nearest first, with "open
/// now" one tap away: an open place that helps in three taps.
public enum PlacesStep: Equatable, Sendable {
    /// What do you need? (the services the loaded places give, as icons)
    case need
    /// The places that fit, nearest first, and the filters.
    case list
    /// Special support: languages, disabilities (toggles; "show the places" goes back).
    case support
    /// One place: address, today's hours, phone, what it offers, free or not; print it.
    case place(String)
}

/// When a place must be open.
public enum PlacesOpenFilter: Equatable, Sendable {
    /// At this very minute.
    case now
    /// Some time on the coming Saturday.
    case saturday
}

public enum PlacesAction: Equatable, Sendable {
    /// A need on the first screen (nil: "every place").
    case needChosen(HelpService?)
    /// "Open now" or "open on Saturday": on, or off when it was on.
    case openFilterTapped(PlacesOpenFilter)
    /// "Special needs": the support screen.
    case supportTapped
    case supportToggled(SpecificSupport)
    /// "Show the places" on the support screen.
    case supportDoneTapped
    case nextPageTapped
    case previousPageTapped
    case placeTapped(String)
    /// "Print" on a place.
    case printTapped
    /// The printer answered.
    case printFinished(PrintOutcome)

    /// Whether a person did this (not an effect's answer): the first such action opens a visit.
    var isPersonChoice: Bool {
        switch self {
        case .needChosen, .openFilterTapped, .supportTapped, .supportToggled, .supportDoneTapped, .nextPageTapped,
            .previousPageTapped, .placeTapped, .printTapped:
            return true
        case .printFinished:
            return false
        }
    }
}

/// The search under way: what the person asked, and the answer as of their last action.
public struct PlacesJourney: Equatable, Sendable {
    /// nil: any service.
    public var need: HelpService?
    /// The place must be equipped for every one of these.
    public var support: Set<SpecificSupport> = []
    public var open: PlacesOpenFilter?
    /// Which page of the list (the screen knows how many fit on one).
    public var page = 0
    /// Which page of the needs: larger text may not show them all at once.
    public var needPage = 0
    /// The places that answer, nearest first, with today's hours: computed by the reducer at
    /// each of the person's actions (the screens have no clock).
    public var matches: [PlaceMatch] = []
    /// The Paris day `matches` describe.
    public var today: LocalDay
    /// The printer's answer for the place on screen (nil: not asked).
    public var print: PrintOutcome?

    public init(need: HelpService? = nil, today: LocalDay) {
        self.need = need
        self.today = today
    }

    /// What the finder is asked.
    public func query(policy: KioskPolicy) -> PlaceQuery {
        PlaceQuery(
            services: need.map { [$0] } ?? [], specificSupport: support,
            open: open.map { $0 == .now ? .now : .comingSaturday }, from: policy.placesPosition,
            alsaceMoselle: policy.alsaceMoselle)
    }

    /// The place on screen (or about to be).
    public func match(id: String) -> PlaceMatch? { matches.first { $0.place.id == id } }
}

extension HelpService {
    /// The service a place must give for a kind of help the diagnostic or booking was about
    /// (nil: any place; a talk to find out what fits can happen anywhere).
    public static func fitting(_ support: SupportKind?) -> HelpService? {
        switch support {
        case .procedureHelp?: return .administrativeProcedures
        case .individualLearning?, .workshop?: return .everydayTools
        case .autonomyResources?: return .internetAccess
        case .talkToConseiller?, nil: return nil
        }
    }
}
