import Foundation

/// Work the reducer asks the edges to do. Effects are values; the app runs them off the
/// reducer and sends their outcome back as an `Action`.
public enum Effect: Equatable, Sendable {
    /// The idle warning's sound, so the warning reaches more than one sense.
    case playWarningSound
    /// Drop everything that could show the last person: rasterised text, speech queue.
    case forgetPerson
    /// Compare a typed PIN with the configured hash, off the main loop; answers `.adminPinChecked`.
    case checkAdminPin(String)
    /// Journal a PIN attempt (never the digits): accepted, or the wrong ones in a row so far.
    case recordAdminPin(accepted: Bool, failures: Int)
    /// Leave the kiosk (admin only).
    case quit
    /// Write a PNG of the screen as it was before the admin menu; answers `.screenshotFinished`.
    case takeScreenshot
    /// Gather the admin status page; answers `.statusCollected`.
    case collectStatus
    /// Keep the diagnostic's anonymous result (answers `.diagnostic(.resultSaved)`).
    case saveDiagnostic(DiagnosticReport, language: Language)
    /// Print the free resources that fit an autonomous person.
    case printResources(DiagnosticReport, language: Language)
    /// Compute the free times of a service from the store's agenda (answers `.booking(.slotsLoaded)`).
    case loadSlots(service: String, days: Int)
    /// Save a booking or a move durably (answers `.booking(.saveFinished)`).
    case saveBooking(AppointmentRequest)
    /// Print the appointment's ticket when a printer is configured (answers `.booking(.printFinished)`).
    case printTicket(UUID, language: Language)
    /// Print a place of help: its address, its hours from `today`, a QR code of its position
    /// (answers `.places(.printFinished)`).
    case printPlace(PlaceOfHelp, today: LocalDay, language: Language)
    /// The person's appointments by phone number (answers `.myAppointment(.found)`).
    case findAppointments(phone: String)
    /// One appointment, from the ticket's QR code (answers `.myAppointment(.found)`).
    case findAppointment(UUID)
    /// The appointments to come for a first name on a day, with no phone number or ticket
    /// (answers `.myAppointment(.foundByName)`).
    case findAppointmentsByName(firstName: String, day: LocalDay)
    /// Cancel at the person's request (answers `.myAppointment(.cancelFinished)`).
    case cancelAppointment(UUID)
    /// Raise a help request through the configured hook (by the outbox), and for remote help
    /// arm a one-time secret; answers `.help(.requestSent)`.
    case requestHelp(HelpKind, language: Language)
    /// Something for the remote-help edge to do (share, refuse, end), journalled there.
    case remote(RemoteCommand)
    /// Count a new anonymous visit (the store's `startVisit`).
    case visitStarted(language: Language)
    /// Close the visit: the journeys taken, the language it ended in, and why.
    case visitEnded(journeys: [String], language: Language, reason: VisitEnd)
}
