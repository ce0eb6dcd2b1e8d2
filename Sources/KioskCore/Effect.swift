/// Work the reducer asks the edges to do. Effects are values; the app runs them off the
/// reducer and sends their outcome back as an `Action`.
public enum Effect: Equatable, Sendable {
    /// The idle warning's sound, so the warning reaches more than one sense.
    case playWarningSound
    /// Drop everything that could show the last person: rasterised text, speech queue.
    case forgetPerson
    /// Compare a typed PIN with the configured hash; answers `.adminPinChecked`.
    case checkAdminPin(String)
    /// Leave the kiosk (admin only).
    case quit
    /// Write a PNG of the screen as it was before the admin menu; answers `.screenshotFinished`.
    case takeScreenshot
    /// Gather the admin status page; answers `.statusCollected`.
    case collectStatus
    /// Keep the diagnostic's anonymous result (answers `.diagnostic(.saved)`).
    case saveDiagnostic(DiagnosticReport, language: Language)
    /// Print the free resources that fit an autonomous person.
    case printResources(DiagnosticReport, language: Language)
    /// Count a new anonymous visit (the store's `startVisit`).
    case visitStarted(language: Language)
    /// Close the visit: the journeys taken, the language it ended in, and why.
    case visitEnded(journeys: [String], language: Language, reason: VisitEnd)
}
