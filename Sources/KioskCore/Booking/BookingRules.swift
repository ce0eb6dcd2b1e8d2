// Passerelle — KioskCore booking engine. Licensed under the EUPL-1.2.
import Foundation

/// What a person may still do with their appointment (RDV Service Public's defaults: cancel
/// until 4 hours before, move until 2 days before). Pure: the clock is the `now` argument.
/// The screen asks before offering the button, and explains a refusal in plain words.
public struct BookingRules: Equatable, Sendable {
    /// The person may cancel until this many hours before the start.
    public var cancelUntilHoursBefore: Int
    /// The person may move the appointment until this many days before the start.
    public var moveUntilDaysBefore: Int

    public init(cancelUntilHoursBefore: Int = 4, moveUntilDaysBefore: Int = 2) {
        precondition(cancelUntilHoursBefore >= 0 && moveUntilDaysBefore >= 0, "booking rules are durations")
        self.cancelUntilHoursBefore = cancelUntilHoursBefore
        self.moveUntilDaysBefore = moveUntilDaysBefore
    }

    /// Whether the person may cancel an appointment starting at `start`.
    /// - Parameter cancellable: the service allows the person to cancel (RDVSP motif setting).
    public func cancelVerdict(start: Date, now: Date, cancellable: Bool = true) -> BookingVerdict {
        if now >= start { return .refused(.alreadyStarted) }
        if !cancellable { return .refused(.notCancellableByPerson) }
        let deadline = start.addingTimeInterval(-Double(cancelUntilHoursBefore) * 3600)
        return now <= deadline
            ? .allowed(until: deadline) : .refused(.tooLateToCancel(hoursBefore: cancelUntilHoursBefore))
    }

    /// Whether the person may move an appointment starting at `start`.
    public func moveVerdict(start: Date, now: Date, cancellable: Bool = true) -> BookingVerdict {
        if now >= start { return .refused(.alreadyStarted) }
        if !cancellable { return .refused(.notCancellableByPerson) }
        let deadline = start.addingTimeInterval(-Double(moveUntilDaysBefore) * 86_400)
        return now <= deadline ? .allowed(until: deadline) : .refused(.tooLateToMove(daysBefore: moveUntilDaysBefore))
    }
}

/// The answer of a booking rule.
public enum BookingVerdict: Equatable, Sendable {
    /// Allowed, until `until` (the screen may say "you can cancel until Tuesday 10:00").
    case allowed(until: Date)
    case refused(RefusalReason)

    public var isAllowed: Bool {
        if case .allowed = self { return true }
        return false
    }
}

/// Why the person may not cancel or move, with words the screen can show as they are.
public enum RefusalReason: Equatable, Sendable {
    /// Less than N hours before the appointment.
    case tooLateToCancel(hoursBefore: Int)
    /// Less than N days before the appointment.
    case tooLateToMove(daysBefore: Int)
    /// The appointment has started or is over.
    case alreadyStarted
    /// This kind of appointment can only be changed by the place.
    case notCancellableByPerson

    /// A plain sentence that also says what to do instead.
    public func explanation(in language: Language) -> String {
        switch (self, language) {
        case (.tooLateToCancel(let h), .fr):
            return
                "Il est trop tard pour annuler ici : c'est possible jusqu'à \(h) heures avant le rendez-vous. "
                + "Appelez le lieu ou demandez à l'accueil."
        case (.tooLateToCancel(let h), .en):
            return
                "It is too late to cancel here: you can cancel until \(h) hours before the appointment. "
                + "Please call the place or ask at the desk."
        case (.tooLateToCancel(let h), .ar):
            return "فات وقت الإلغاء هنا: يمكن الإلغاء حتى \(h) ساعات قبل الموعد. اتصلوا بالمكان أو اسألوا في الاستقبال."
        case (.tooLateToMove(let d), .fr):
            return
                "Il est trop tard pour changer la date : c'est possible jusqu'à \(d) jours avant le rendez-vous. "
                + "Vous pouvez encore annuler, ou demander à l'accueil."
        case (.tooLateToMove(let d), .en):
            return
                "It is too late to change the date: you can do it until \(d) days before the appointment. "
                + "You can still cancel, or ask at the desk."
        case (.tooLateToMove(let d), .ar):
            return
                "فات وقت تغيير الموعد: يمكن ذلك حتى \(d) أيام قبل الموعد. "
                + "ما زال بإمكانكم الإلغاء أو السؤال في الاستقبال."
        case (.alreadyStarted, .fr): return "Ce rendez-vous est déjà passé."
        case (.alreadyStarted, .en): return "This appointment has already taken place."
        case (.alreadyStarted, .ar): return "هذا الموعد قد مضى."
        case (.notCancellableByPerson, .fr):
            return "Ce rendez-vous ne peut être changé que par le lieu. Demandez à l'accueil."
        case (.notCancellableByPerson, .en):
            return "Only the place can change this appointment. Please ask at the desk."
        case (.notCancellableByPerson, .ar): return "لا يمكن تغيير هذا الموعد إلا من طرف المكان. اسألوا في الاستقبال."
        }
    }
}
