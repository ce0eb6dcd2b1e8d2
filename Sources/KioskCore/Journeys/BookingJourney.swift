import Foundation

/// The bookable agenda as the screens need it: services, places and helpers by key, and the
/// rules for cancelling and moving. Loaded by the edge from the store (the last good one).
public struct BookingCatalogue: Equatable, Sendable {
    public var services: [AgendaService]
    public var places: [String: AgendaPlace]
    public var helpers: [String: AgendaHelper]
    public var rules: BookingRules
    /// How many days ahead the screens look for free times.
    public var searchDays: Int

    public init(services: [AgendaService], places: [String: AgendaPlace], helpers: [String: AgendaHelper],
                rules: BookingRules = BookingRules(), searchDays: Int = 60) {
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

/// An appointment as "my appointment" shows it.
public struct AppointmentSummary: Equatable, Sendable {
    public var uuid: UUID
    public var service: AgendaService
    public var helper: AgendaHelper
    public var place: AgendaPlace?
    public var start: Date
    public var end: Date

    public init(uuid: UUID, service: AgendaService, helper: AgendaHelper, place: AgendaPlace?, start: Date, end: Date) {
        self.uuid = uuid
        self.service = service
        self.helper = helper
        self.place = place
        self.start = start
        self.end = end
    }
}

/// The steps of booking, in order.
public enum BookingStep: Equatable, Sendable {
    /// What do you need? (the kinds of help)
    case need
    /// The first free time, and other days.
    case when
    /// The times of one day, morning and afternoon.
    case time(LocalDay)
    case name
    case phone
    /// Should the helper see the diagnostic's result? (only after a diagnostic)
    case consent
    /// The appointment read back: "C'est bon ?"
    case confirm
    /// Saved: the ticket, printed or shown large.
    case ticket
    /// Nothing could be saved: ask at the desk.
    case failed
}

/// "My appointment": find it with a phone number, then cancel or move it.
public enum MyAppointmentStep: Equatable, Sendable {
    case phone
    case list
    case confirmCancel(UUID)
    case cancelled
    /// The rules refuse (too late): the reason in plain words.
    case refused(RefusalReason)
    case failed
}

public enum BookingAction: Equatable, Sendable {
    case needChosen(SupportKind)
    case slotsLoaded([Slot])
    case firstSlotChosen
    case dayChosen(LocalDay)
    case slotChosen(Slot)
    /// Continue after the name or the phone number.
    case next
    /// No phone number: no reminder.
    case skipPhone
    case consentAnswered(Bool)
    case confirmed
    case change
    case saved(AppointmentOutcome)
    case printed(PrintOutcome)
    case finished
}

/// What the store answered to a booking (or a move).
public enum AppointmentOutcome: Equatable, Sendable {
    case saved(UUID)
    /// Someone took the slot first: show the times again.
    case slotTaken
    /// Disk full, read-only, broken: nothing was saved.
    case failed
}

public enum PrintOutcome: Equatable, Sendable {
    case printing
    case printed
    /// No printer configured, or it failed: the screen shows the details large instead.
    case unavailable
}

public enum MyAppointmentAction: Equatable, Sendable {
    case search
    case found([AppointmentSummary]?)
    case cancelTapped(UUID)
    case moveTapped(UUID)
    case cancelConfirmed
    case cancelDone(Bool)
}

/// The booking under way.
public struct BookingJourney: Equatable, Sendable {
    public var support: SupportKind?
    public var service: AgendaService?
    /// nil while the free times are being looked up.
    public var slots: [Slot]?
    public var chosen: Slot?
    public var name = TextEntry(kind: .name, maxLength: 30)
    public var phone = TextEntry(kind: .phone, maxLength: 13)
    /// nil: not asked (no diagnostic); true/false: the person's answer.
    public var shareDiagnostic: Bool?
    /// The time just chosen was taken by someone else meanwhile.
    public var slotWasTaken = false
    /// Moving an existing appointment instead of booking a new one.
    public var moving: UUID?
    public var saved: UUID?
    public var print: PrintOutcome?
    public var phoneInvalid = false

    public init() {}
}

/// "My appointment" under way.
public struct MyAppointmentJourney: Equatable, Sendable {
    public var phone = TextEntry(kind: .phone, maxLength: 13)
    /// nil until searched.
    public var found: [AppointmentSummary]?
    public var searching = false
    /// What a scanner that types has sent so far, while it reads like a ticket's code. A
    /// USB scanner types one character per key press, so the code arrives in many pieces.
    public var scanned = ""

    public init() {}

    /// Takes typed text; returns the appointment once a whole ticket code has arrived.
    /// Text that cannot start a code leaves the buffer empty (it is the phone number).
    mutating func scan(_ text: String) -> UUID? {
        func canStartCode(_ s: String) -> Bool {
            let upper = s.uppercased()
            if TicketCode.prefix.hasPrefix(upper) { return true }
            guard upper.hasPrefix(TicketCode.prefix) else { return false }
            let rest = upper.dropFirst(TicketCode.prefix.count)
            return rest.count <= 36 && rest.allSatisfy { $0.isHexDigit || $0 == "-" }
        }
        if canStartCode(scanned + text) {
            scanned += text
        } else {
            scanned = canStartCode(text) ? text : ""
        }
        guard let uuid = TicketCode.appointment(in: scanned) else { return nil }
        scanned = ""
        return uuid
    }
}

/// The request the edge saves: a new booking or a move.
public struct BookingRequestValue: Equatable, Sendable {
    public var slot: Slot
    public var firstName: String
    /// Digits, or nil without a phone number (then no reminder).
    public var phone: String?
    public var moving: UUID?
    /// The anonymous diagnostic to attach, with the person's consent.
    public var diagnostic: UUID?
    public var language: Language
}

extension KioskState {
    mutating func reduceBooking(_ action: Action, env: Environment) -> [Effect] {
        guard let catalogue = env.content.booking else { return [] }
        let now = env.now
        switch action {
        case .journeyTapped(.booking(let support)):
            var journey = BookingJourney()
            if let support, let service = catalogue.service(for: support) {
                journey.support = support
                journey.service = service
                booking = journey
                go(to: .booking(.when))
                return [.loadSlots(service: service.key, days: catalogue.searchDays)]
            }
            booking = journey
            go(to: .booking(.need))
            return []

        case .booking(.needChosen(let kind)):
            guard screen == .booking(.need), let service = catalogue.service(for: kind) else { return [] }
            booking?.support = kind
            booking?.service = service
            booking?.slots = nil
            go(to: .booking(.when))
            return [.loadSlots(service: service.key, days: catalogue.searchDays)]

        case .booking(.slotsLoaded(let slots)):
            booking?.slots = slots
            return []

        case .booking(.firstSlotChosen):
            guard screen == .booking(.when), let first = booking?.slots?.first else { return [] }
            return choose(first)

        case .booking(.dayChosen(let day)):
            guard screen == .booking(.when) else { return [] }
            go(to: .booking(.time(day)))
            return []

        case .booking(.slotChosen(let slot)):
            guard case .booking(.time) = screen else { return [] }
            return choose(slot)

        case .booking(.next):
            guard var journey = booking else { return [] }
            switch screen {
            case .booking(.name):
                guard !journey.name.trimmed.isEmpty else { return [] }
                go(to: .booking(.phone))
            case .booking(.phone):
                if !journey.phone.text.isEmpty && FrenchPhone.normalised(journey.phone.text) == nil {
                    journey.phoneInvalid = true
                    booking = journey
                    return []
                }
                goToConsentOrConfirm()
            default: break
            }
            return []

        case .booking(.skipPhone):
            guard screen == .booking(.phone) else { return [] }
            booking?.phone = TextEntry(kind: .phone, maxLength: 13)
            booking?.phoneInvalid = false
            goToConsentOrConfirm()
            return []

        case .booking(.consentAnswered(let yes)):
            guard screen == .booking(.consent) else { return [] }
            booking?.shareDiagnostic = yes
            go(to: .booking(.confirm))
            return []

        case .booking(.change):
            // Back to the times, keeping the name and phone already typed.
            guard var journey = booking, let service = journey.service else { return [] }
            journey.chosen = nil
            journey.slots = nil
            booking = journey
            history = [.home]
            show(.booking(.when))
            return [.loadSlots(service: service.key, days: catalogue.searchDays)]

        case .booking(.confirmed):
            guard screen == .booking(.confirm), let journey = booking, let slot = journey.chosen else { return [] }
            let request = BookingRequestValue(
                slot: slot, firstName: journey.name.trimmed,
                phone: journey.phone.text.isEmpty ? nil : FrenchPhone.normalised(journey.phone.text),
                moving: journey.moving,
                diagnostic: journey.shareDiagnostic == true ? diagnostic?.savedID : nil, language: language)
            return [.saveBooking(request)]

        case .booking(.saved(let outcome)):
            guard var journey = booking else { return [] }
            switch outcome {
            case .saved(let uuid):
                journey.saved = uuid
                journey.print = .printing
                booking = journey
                history = []
                show(.booking(.ticket))
                return [.printTicket(uuid, language: language)]
            case .slotTaken:
                journey.slotWasTaken = true
                journey.chosen = nil
                journey.slots = nil
                booking = journey
                history = [.home]
                show(.booking(.when))
                return journey.service.map { [.loadSlots(service: $0.key, days: catalogue.searchDays)] } ?? []
            case .failed:
                booking = journey
                show(.booking(.failed))
                return []
            }

        case .booking(.printed(let outcome)):
            booking?.print = outcome
            return []

        case .booking(.finished):
            return forgetPerson(now: now, policy: env.policy, reason: .completed)

        // Typing on the name and phone screens.
        case .keyTyped(let text):
            if screen == .booking(.name) { booking?.name.type(text) }
            if screen == .booking(.phone) { booking?.phone.type(text); booking?.phoneInvalid = false }
            return []
        case .keyErased:
            if screen == .booking(.name) { booking?.name.erase() }
            if screen == .booking(.phone) { booking?.phone.erase(); booking?.phoneInvalid = false }
            return []
        case .shiftTapped:
            if screen == .booking(.name) { booking?.name.toggleShift() }
            return []

        default:
            return []
        }
    }

    private mutating func choose(_ slot: Slot) -> [Effect] {
        booking?.chosen = slot
        booking?.slotWasTaken = false
        if booking?.moving != nil {
            go(to: .booking(.confirm))
        } else if booking?.name.trimmed.isEmpty == false {
            // Coming back after "Change": the name is already there.
            go(to: .booking(.confirm))
        } else {
            go(to: .booking(.name))
        }
        return []
    }

    private mutating func goToConsentOrConfirm() {
        if diagnostic?.savedID != nil || diagnostic?.resultPending == true {
            go(to: .booking(.consent))
        } else {
            go(to: .booking(.confirm))
        }
    }

    // MARK: - My appointment

    mutating func reduceMyAppointment(_ action: Action, env: Environment) -> [Effect] {
        guard let catalogue = env.content.booking else { return [] }
        let now = env.now
        switch action {
        case .journeyTapped(.myAppointment):
            myAppointment = MyAppointmentJourney()
            go(to: .myAppointment(.phone))
            return []

        case .myAppointment(.search):
            guard screen == .myAppointment(.phone), var journey = myAppointment, !journey.phone.text.isEmpty else { return [] }
            journey.searching = true
            myAppointment = journey
            return [.findAppointments(phone: journey.phone.text)]

        case .myAppointment(.found(let list)):
            guard var journey = myAppointment else { return [] }
            journey.searching = false
            journey.found = list
            myAppointment = journey
            if list == nil {
                go(to: .myAppointment(.failed))
            } else if screen == .myAppointment(.phone) {
                go(to: .myAppointment(.list))
            }
            return []

        case .myAppointment(.cancelTapped(let uuid)):
            guard let appointment = myAppointment?.found?.first(where: { $0.uuid == uuid }) else { return [] }
            let verdict = catalogue.rules.cancelVerdict(start: appointment.start, now: now, cancellable: appointment.service.cancellableByPerson)
            if case .refused(let reason) = verdict {
                go(to: .myAppointment(.refused(reason)))
            } else {
                go(to: .myAppointment(.confirmCancel(uuid)))
            }
            return []

        case .myAppointment(.cancelConfirmed):
            guard case .myAppointment(.confirmCancel(let uuid)) = screen else { return [] }
            return [.cancelAppointment(uuid)]

        case .myAppointment(.cancelDone(let ok)):
            if ok, case .myAppointment(.confirmCancel(let uuid)) = screen {
                myAppointment?.found?.removeAll { $0.uuid == uuid }
                history = [.home]
                show(.myAppointment(.cancelled))
            } else if !ok {
                show(.myAppointment(.failed))
            }
            return []

        case .myAppointment(.moveTapped(let uuid)):
            guard let appointment = myAppointment?.found?.first(where: { $0.uuid == uuid }) else { return [] }
            let verdict = catalogue.rules.moveVerdict(start: appointment.start, now: now, cancellable: appointment.service.cancellableByPerson)
            if case .refused(let reason) = verdict {
                go(to: .myAppointment(.refused(reason)))
                return []
            }
            var journey = BookingJourney()
            journey.support = appointment.service.support
            journey.service = appointment.service
            journey.moving = uuid
            booking = journey
            go(to: .booking(.when))
            return [.loadSlots(service: appointment.service.key, days: catalogue.searchDays)]

        // The phone number, typed on the keypad or read by a scanner from the ticket's QR code.
        case .keyTyped(let text):
            guard screen == .myAppointment(.phone), var journey = myAppointment else { return [] }
            if let uuid = journey.scan(text) {
                journey.searching = true
                journey.phone = MyAppointmentJourney().phone
                myAppointment = journey
                return [.findAppointment(uuid)]
            }
            // While a code arrives, its digits are not a phone number.
            if journey.scanned.isEmpty { journey.phone.type(text) }
            myAppointment = journey
            return []
        case .keyErased:
            if screen == .myAppointment(.phone) { myAppointment?.phone.erase() }
            return []

        default:
            return []
        }
    }
}

/// What the ticket's QR code holds: a scanner that types reads it back at the kiosk.
public enum TicketCode {
    public static let prefix = "PASSERELLE:RDV:"

    public static func code(for uuid: UUID) -> String { prefix + uuid.uuidString }

    /// The appointment a scanned text names, if it is a ticket's code.
    public static func appointment(in text: String) -> UUID? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.uppercased().hasPrefix(prefix) else { return nil }
        return UUID(uuidString: String(trimmed.dropFirst(prefix.count)))
    }
}
