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
    /// For the helper, only when the person agreed to share their diagnostic.
    public var diagnosticSummary: String?

    public init(
        language: Language, title: String, day: String, time: String, placeName: String, address: String,
        helper: String, service: String, person: String?, whatToBring: String?, howToCancel: String,
        siteName: String, qrPayload: String, diagnosticSummary: String? = nil
    ) {
        self.diagnosticSummary = diagnosticSummary
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

/// The printed list of free resources for a person who can go on alone.
public struct ResourceSheet: Equatable, Sendable, Codable {
    public struct Item: Equatable, Sendable, Codable {
        public var text: LocalizedText
        /// A web address or phone number (Latin script, printed on its own line).
        public var address: String

        public init(text: LocalizedText, address: String) {
            self.text = text
            self.address = address
        }
    }

    public init(format: Int, title: LocalizedText, intro: LocalizedText, items: [Item]) {
        self.format = format
        self.title = title
        self.intro = intro
        self.items = items
    }

    public var format: Int
    public var title: LocalizedText
    public var intro: LocalizedText
    public var items: [Item]
}
