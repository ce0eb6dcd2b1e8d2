// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation
import GRDB
import KioskCore

/// What a reminder sender needs to deliver one SMS reminder. Holds personal data: use it for
/// the delivery and drop it.
public struct ReminderDelivery: Equatable, Sendable {
    /// The outbox key: send it as the idempotency key with every attempt.
    public var key: UUID
    public var appointment: UUID
    /// E.164.
    public var phone: String
    /// The text of the SMS, in the language of the visit that booked it (French by default).
    public var text: String
}

extension AppDatabase {
    /// The phone and text of an SMS reminder claimed from the outbox; nil when there is nothing
    /// to send any more: the appointment was cancelled or anonymised (the phone is gone), or it
    /// has already started (a sender that was down for days must not remind of the past).
    public func reminderDelivery(for message: OutboxMessage) throws(StoreProblem) -> ReminderDelivery? {
        guard message.kind == .smsReminder, let text = message.payload["appointment"], let uuid = UUID(uuidString: text)
        else { return nil }
        let now = clock.now()
        // A notice of what the helper changed in their calendar (issue 17), else the reminder.
        let notice = message.payload["notice"].flatMap(HelperChange.init(rawValue:))
        let holds: AppointmentStatus = notice == .cancelled ? .revoked : .unknown
        return try read { db in
            guard let booked = try Self.fetchBooked(uuid, in: db), booked.appointment.status == holds,
                booked.appointment.startsAt > now, let phone = booked.appointment.personPhone
            else { return nil }
            let language =
                try String.fetchOne(
                    db,
                    sql: """
                        SELECT v.language FROM appointment a JOIN visit v ON v.id = a.visitId WHERE a.uuid = ?
                        """, arguments: [uuid.uuidString]
                ).flatMap(Language.init(rawValue:)) ?? .fr
            return ReminderDelivery(
                key: message.uuid, appointment: uuid, phone: phone,
                text: notice.map { Self.noticeText($0, booked, in: language) }
                    ?? Self.reminderText(booked, in: language))
        }
    }

    /// A short SMS: what, with whom, when, where, and how to cancel. No link, no code.
    static func reminderText(_ booked: BookedAppointment, in language: Language) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = ParisTime.timeZone
        formatter.locale = Locale(identifier: language == .fr ? "fr_FR" : language == .en ? "en_GB" : "ar")
        formatter.setLocalizedDateFormatFromTemplate("EEEEdMMMMHHmm")
        let when = formatter.string(from: booked.appointment.startsAt)
        let service = booked.service.name[language], helper = booked.helper.firstName
        let place = booked.place.map { "\($0.name), \($0.address)" }
        let phone = booked.place?.phone
        switch language {
        case .fr:
            var text = "Rappel : rendez-vous « \(service) » avec \(helper), \(when)"
            if booked.service.location == .phone {
                text += ", par téléphone (on vous appelle)."
            } else {
                text += place.map { ", \($0)." } ?? "."
            }
            if let phone { text += " Empêché(e) ? Appelez le \(phone)." }
            return text
        case .en:
            var text = "Reminder: appointment \"\(service)\" with \(helper), \(when)"
            if booked.service.location == .phone {
                text += ", by phone (we will call you)."
            } else {
                text += place.map { ", \($0)." } ?? "."
            }
            if let phone { text += " Cannot come? Call \(phone)." }
            return text
        case .ar:
            var text = "تذكير: موعد «\(service)» مع \(helper)، \(when)"
            if booked.service.location == .phone {
                text += "، عبر الهاتف (سنتصل بكم)."
            } else {
                text += place.map { "، \($0)." } ?? "."
            }
            if let phone { text += " إذا لم تستطيعوا الحضور، اتصلوا بالرقم \(phone)." }
            return text
        }
    }
}
