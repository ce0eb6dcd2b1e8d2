import Foundation

extension KioskState {
    mutating func reduceBooking(_ action: Action, env: Environment) -> [Effect] {
        guard let catalogue = env.content.agenda else { return [] }
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

        case .booking(.continueTapped):
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
            // Back to the times, keeping the name and phone already typed.
            guard var journey = booking, let service = journey.service else { return [] }
            journey.chosen = nil
            journey.slots = nil
            booking = journey
            history = [.home]
            show(.booking(.when))
            return [.loadSlots(service: service.key, days: catalogue.searchDays)]

        case .booking(.confirmTapped):
            guard screen == .booking(.confirm), let journey = booking, let slot = journey.chosen else { return [] }
            let request = AppointmentRequest(
                slot: slot, firstName: journey.name.trimmed,
                phone: journey.phone.text.isEmpty ? nil : FrenchPhone.normalised(journey.phone.text),
                moving: journey.moving,
                diagnostic: journey.shareDiagnostic == true ? diagnostic?.savedID : nil, language: language)
            return [.saveBooking(request)]

        case .booking(.saveFinished(let outcome)):
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

        case .booking(.printFinished(let outcome)):
            booking?.print = outcome
            return []

        case .booking(.finishTapped):
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

    /// "Back" on the ticket would reopen a finished booking: it ends the visit instead.
    mutating func bookingBack(env: Environment) -> [Effect]? {
        guard screen == .booking(.ticket) else { return nil }
        return forgetPerson(now: env.now, policy: env.policy, reason: .completed)
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
