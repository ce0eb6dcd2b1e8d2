/// The kinds of help a person can be sent to. The diagnostic recommends one; the booking
/// journey's first question ("what do you need?") offers the bookable ones; each service of
/// an agenda file says which kind it is (`"support": "workshop"`).
public enum SupportKind: String, CaseIterable, Codable, Sendable {
    /// An aidant does the procedure with the person (France Services, aidant connect).
    case procedureHelp = "procedure_help"
    /// One-to-one learning with a conseiller numérique: computer, phone, e-mail.
    case individualLearning = "individual_learning"
    /// A collective workshop (atelier numérique).
    case workshop
    /// A talk with a conseiller to find out what fits (when nothing else is clear).
    case talkToConseiller = "talk_to_conseiller"
    /// Free resources to go on alone: a printed list; nothing to book.
    case autonomyResources = "autonomy_resources"

    /// Whether an appointment can be booked for this kind of help.
    public var isBookable: Bool { self != .autonomyResources }
}
