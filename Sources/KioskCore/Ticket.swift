/// What the appointment ticket says, already in the person's language: the screens'
/// catalogue gives the labels, the agenda the facts. The QR code holds `TicketCode`, which a
/// scanner at the kiosk types back to find the appointment.
public struct TicketContent: Equatable, Sendable {
    public var language: Language
    public var title: String
    public var day: String
    public var time: String
    public var placeName: String
    public var address: String
    public var helper: String
    public var service: String
    public var person: String?
    public var whatToBring: String?
    public var howToCancel: String
    public var siteName: String
    public var qrPayload: String

    public init(language: Language, title: String, day: String, time: String, placeName: String, address: String,
                helper: String, service: String, person: String?, whatToBring: String?, howToCancel: String,
                siteName: String, qrPayload: String) {
        self.language = language
        self.title = title
        self.day = day
        self.time = time
        self.placeName = placeName
        self.address = address
        self.helper = helper
        self.service = service
        self.person = person
        self.whatToBring = whatToBring
        self.howToCancel = howToCancel
        self.siteName = siteName
        self.qrPayload = qrPayload
    }
}

/// A QR code as modules: `modules[y][x]` is true for a dark module (no quiet zone).
public struct QRModules: Equatable, Sendable {
    public var modules: [[Bool]]
    public init(modules: [[Bool]]) { self.modules = modules }
    public var size: Int { modules.count }
}
