import Foundation

// Finding an appointment with no phone number and no ticket: the first name and the day,
// confirmed by the time. A person who booked without a phone at a kiosk without a printer
// has nothing else to show.
extension KioskState {
    mutating func reduceFindByName(_ action: Action, catalogue: BookableAgenda, now: Date) -> [Effect] {
        guard var journey = myAppointment, case .myAppointment(let step) = action else { return [] }
        switch step {
        case .byNameTapped:
            guard case .myAppointment(let from) = screen,
                from == .phone || from == .notFound(.phone)
                    || from == .notFound(.ticket)
            else { return [] }
            journey.phoneInvalid = false
            myAppointment = journey
            go(to: .myAppointment(.name))

        case .nameEntered:
            guard screen == .myAppointment(.name), !journey.name.trimmed.isEmpty else { return [] }
            journey.dayPage = 0
            journey.firstDay = ParisTime.day(of: now)
            myAppointment = journey
            go(to: .myAppointment(.day))

        case .moreDaysTapped:
            guard screen == .myAppointment(.day) else { return [] }
            let pages = max(
                1, (catalogue.searchDays + MyAppointmentJourney.daysPerPage) / MyAppointmentJourney.daysPerPage)
            journey.dayPage = (journey.dayPage + 1) % pages
            myAppointment = journey

        case .dayChosen(let day):
            guard screen == .myAppointment(.day), !journey.searching else { return [] }
            journey.day = day
            journey.searching = true
            myAppointment = journey
            return [.findAppointmentsByName(firstName: journey.name.trimmed, day: day)]

        case .foundByName(let list):
            journey.searching = false
            journey.matches = list ?? []
            myAppointment = journey
            guard screen == .myAppointment(.day) else { return [] }
            switch list {
            case nil: go(to: .myAppointment(.failed))
            case let list? where list.isEmpty: go(to: .myAppointment(.notFound(.name)))
            // Too many wrong times already (even in an earlier search): a person here helps.
            case _ where wrongAppointmentTimes >= MyAppointmentJourney.timeTries:
                go(to: .myAppointment(.notFound(.time)))
            default: go(to: .myAppointment(.time))
            }

        case .timeChosen(let time):
            guard screen == .myAppointment(.time) else { return [] }
            let mine = journey.matches.filter { $0.start == time }
            journey.found = mine
            journey.matches = []
            myAppointment = journey
            if mine.isEmpty { wrongAppointmentTimes += 1 }
            // The time is the proof: the list shows only the appointments at that time.
            go(to: mine.isEmpty ? .myAppointment(.notFound(.time)) : .myAppointment(.list))

        case .tryAgainTapped:
            guard case .myAppointment(.notFound(let miss)) = screen else { return [] }
            if miss == .time, wrongAppointmentTimes >= MyAppointmentJourney.timeTries { return [] }
            journey.matches = []
            myAppointment = journey
            if miss == .phone || miss == .ticket {
                history = [.home]
                show(.myAppointment(.phone))
            } else {
                history = [.home, .myAppointment(.phone)]
                show(.myAppointment(.name))
            }

        case .searchTapped, .found, .cancelTapped, .moveTapped, .cancelConfirmTapped, .cancelFinished:
            return []
        }
        return []
    }

    /// Typing the first name.
    mutating func typeName(_ action: Action) {
        switch action {
        case .keyTyped(let text): myAppointment?.name.type(text)
        case .keyErased: myAppointment?.name.erase()
        case .shiftTapped: myAppointment?.name.toggleShift()
        default: return
        }
    }

}
