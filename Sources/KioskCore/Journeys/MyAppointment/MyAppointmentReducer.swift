import Foundation

extension KioskState {
    mutating func reduceMyAppointment(_ action: Action, env: Environment) -> [Effect] {
        guard let catalogue = env.content.agenda else { return [] }
        let now = env.now
        switch action {
        case .journeyTapped(.myAppointment):
            myAppointment = MyAppointmentJourney()
            go(to: .myAppointment(.phone))
            return []

        case .myAppointment(.searchTapped):
            guard screen == .myAppointment(.phone), var journey = myAppointment, !journey.phone.text.isEmpty else {
                return []
            }
            // "0612" or a digit too many: said at once, not searched as "no appointment".
            guard FrenchPhone.normalised(journey.phone.text) != nil else {
                journey.phoneInvalid = true
                myAppointment = journey
                return []
            }
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
                // A ticket's code empties the number field: then it was the ticket.
                let miss: MyAppointmentMiss = journey.phone.text.isEmpty ? .ticket : .phone
                go(to: list?.isEmpty == true ? .myAppointment(.notFound(miss)) : .myAppointment(.list))
            }
            return []

        case .myAppointment(.cancelTapped(let uuid)):
            guard let appointment = myAppointment?.found?.first(where: { $0.uuid == uuid }) else { return [] }
            let verdict = catalogue.rules.cancelVerdict(
                start: appointment.start, now: now, cancellable: appointment.service.cancellableByPerson)
            if case .refused(let reason) = verdict {
                go(to: .myAppointment(.refused(reason)))
            } else {
                go(to: .myAppointment(.confirmCancel(uuid)))
            }
            return []

        case .myAppointment(.cancelConfirmTapped):
            guard case .myAppointment(.confirmCancel(let uuid)) = screen else { return [] }
            return [.cancelAppointment(uuid)]

        case .myAppointment(.cancelFinished(let ok)):
            if ok, case .myAppointment(.confirmCancel(let uuid)) = screen {
                myAppointment?.found?.removeAll { $0.uuid == uuid }
                history = [.home]
                show(.myAppointment(.cancelled))
            } else if !ok {
                show(.myAppointment(.failed))
            }
            return []

        case .myAppointment(.moveTapped(let uuid)):
            return moveAppointment(uuid, catalogue: catalogue, now: now)

        case .myAppointment(.byNameTapped), .myAppointment(.nameEntered), .myAppointment(.dayChosen),
            .myAppointment(.moreDaysTapped), .myAppointment(.foundByName), .myAppointment(.timeChosen),
            .myAppointment(.tryAgainTapped):
            return reduceFindByName(action, catalogue: catalogue, now: now)

        case .keyTyped, .keyErased, .shiftTapped:
            guard screen == .myAppointment(.name) else { return typePhone(action) }
            typeName(action)
            return []

        default:
            return []
        }
    }

    /// The phone number, typed on the keypad or read by a scanner from the ticket's QR code.
    private mutating func typePhone(_ action: Action) -> [Effect] {
        switch action {
        case .keyTyped(let text):
            guard screen == .myAppointment(.phone), var journey = myAppointment else { return [] }
            journey.phoneInvalid = false
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
            if screen == .myAppointment(.phone) {
                myAppointment?.phone.erase()
                myAppointment?.phoneInvalid = false
            }
            return []

        default:
            return []
        }
    }

    /// Moving is booking again for the same service, within the rules (explained when they refuse).
    private mutating func moveAppointment(_ uuid: UUID, catalogue: BookableAgenda, now: Date) -> [Effect] {
        guard let appointment = myAppointment?.found?.first(where: { $0.uuid == uuid }) else { return [] }
        let verdict = catalogue.rules.moveVerdict(
            start: appointment.start, now: now, cancellable: appointment.service.cancellableByPerson)
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
    }

    /// "Back" after a cancellation would show a list that no longer holds it: the visit ends.
    mutating func myAppointmentBack(env: Environment) -> [Effect]? {
        guard screen == .myAppointment(.cancelled) else { return nil }
        return sayGoodbye(now: env.now, policy: env.policy)
    }
}
