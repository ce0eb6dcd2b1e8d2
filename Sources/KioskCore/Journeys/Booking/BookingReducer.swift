import Foundation

extension KioskState {
    mutating func reduceBooking(_ action: Action, env: Environment) -> [Effect] {
        guard let catalogue = env.content.agenda else { return [] }
        let now = env.now
        switch action {
        case .journeyTapped(.booking(let support)):
            return startBooking(for: support, catalogue: catalogue)

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

        case .booking(.continueTapped):
            continueBooking()
            return []

        case .booking(.noPhoneTapped):
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

        case .booking(.changeTapped):
            return backToTheTimes(catalogue: catalogue)

        case .booking(.confirmTapped):
            guard screen == .booking(.confirm), let request = appointmentRequest() else { return [] }
            return [.saveBooking(request)]

        case .booking(.saveFinished(let outcome)):
            return bookingSaved(outcome, catalogue: catalogue)

        case .booking(.printFinished(let outcome)):
            booking?.print = outcome
            return []

        case .booking(.finishTapped):
            return sayGoodbye(now: now, policy: env.policy)

        case .keyTyped, .keyErased, .shiftTapped:
            typeInBooking(action)
            return []

        default:
            return []
        }
    }

    /// From home (what do you need?) or from the diagnostic's result (the service is known).
    private mutating func startBooking(for support: SupportKind?, catalogue: BookableAgenda) -> [Effect] {
        var journey = BookingJourney()
        guard let support, let service = catalogue.service(for: support) else {
            booking = journey
            go(to: .booking(.need))
            return []
        }
        journey.support = support
        journey.service = service
        booking = journey
        go(to: .booking(.when))
        return [.loadSlots(service: service.key, days: catalogue.searchDays)]
    }

    /// "Continue" after the name (one is needed) or the phone number (a wrong one is said).
    private mutating func continueBooking() {
        guard var journey = booking else { return }
        switch screen {
        case .booking(.name):
            guard !journey.name.trimmed.isEmpty else { return }
            go(to: .booking(.phone))
        case .booking(.phone):
            if !journey.phone.text.isEmpty && FrenchPhone.normalised(journey.phone.text) == nil {
                journey.phoneInvalid = true
                booking = journey
                return
            }
            goToConsentOrConfirm()
        default:
            return
        }
    }

    /// "Change": back to the times, keeping the name and phone already typed.
    private mutating func backToTheTimes(catalogue: BookableAgenda) -> [Effect] {
        guard var journey = booking, let service = journey.service else { return [] }
        journey.chosen = nil
        journey.slots = nil
        booking = journey
        history = [.home]
        show(.booking(.when))
        return [.loadSlots(service: service.key, days: catalogue.searchDays)]
    }

    /// What the store is asked to save once the person said "yes".
    private func appointmentRequest() -> AppointmentRequest? {
        guard let journey = booking, let slot = journey.chosen else { return nil }
        return AppointmentRequest(
            slot: slot, firstName: journey.name.trimmed,
            phone: journey.phone.text.isEmpty ? nil : FrenchPhone.normalised(journey.phone.text),
            moving: journey.moving,
            diagnostic: journey.shareDiagnostic == true ? diagnostic?.savedID : nil, language: language)
    }

    /// The store's answer: the ticket, the times again (someone was faster), or the desk.
    private mutating func bookingSaved(_ outcome: AppointmentOutcome, catalogue: BookableAgenda) -> [Effect] {
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
    }

    /// Typing on the name and phone screens.
    private mutating func typeInBooking(_ action: Action) {
        switch (action, screen) {
        case (.keyTyped(let text), .booking(.name)): booking?.name.type(text)
        case (.keyErased, .booking(.name)): booking?.name.erase()
        case (.shiftTapped, .booking(.name)): booking?.name.toggleShift()
        case (.keyTyped(let text), .booking(.phone)):
            booking?.phone.type(text)
            booking?.phoneInvalid = false
        case (.keyErased, .booking(.phone)):
            booking?.phone.erase()
            booking?.phoneInvalid = false
        default: return
        }
    }

    /// "Back" on the ticket would reopen a finished booking: it ends the visit instead.
    mutating func bookingBack(env: Environment) -> [Effect]? {
        guard screen == .booking(.ticket) else { return nil }
        return sayGoodbye(now: env.now, policy: env.policy)
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
}
