// Passerelle — diagnostic engine. Licensed under the EUPL-1.2.

/// A diagnostic content pack (`Assets/content/diagnostic/*.json`): the items, the texts of the
/// three-step path and of each kind of help. Built only by `DiagnosticPack.load(data:file:)`,
/// which refuses anything incomplete, so the engine and the screens can trust every field.
public struct DiagnosticPack: Equatable, Sendable {
    /// The only format this code reads (`"format"` in the file).
    public static let formatVersion = 1

    /// Stable name of the pack ("passerelle-default").
    public let id: String
    /// Raised by the authors at each change (`"version"`, a whole number ≥ 1).
    public let version: Int
    /// Items in presentation order: hands-on handling tasks first.
    public let items: [DiagnosticItem]
    /// The three steps of the path, step 1 first.
    public let steps: [PathStep]
    /// The help that fits, one text per kind of help the scoring can recommend.
    public let help: [SupportKind: HelpText]
    /// Said on the result screen when no item succeeded: there is always something kind to say.
    public let encouragement: LocalizedText
    public let limits: Limits

    /// Internal: only `load` builds packs, so every pack has all its texts.
    init(
        id: String, version: Int, items: [DiagnosticItem], steps: [PathStep],
        help: [SupportKind: HelpText], encouragement: LocalizedText, limits: Limits
    ) {
        self.id = id
        self.version = version
        self.items = items
        self.steps = steps
        self.help = help
        self.encouragement = encouragement
        self.limits = limits
    }

    public func item(id: String) -> DiagnosticItem? { items.first { $0.id == id } }

    /// A step of the path: 1 "use the screen", 2 "everyday things", 3 "procedures alone".
    public struct PathStep: Equatable, Sendable {
        public let pictogram: String
        public let title: LocalizedText
        /// One or two sentences: what a person at this step does.
        public let text: LocalizedText
    }

    /// The help that fits, as the result screen explains it.
    public struct HelpText: Equatable, Sendable {
        public let pictogram: String
        public let title: LocalizedText
        /// A short easy-to-read explanation: what it is and why it fits.
        public let text: LocalizedText
    }

    /// Bounds of one session (`"session"` in the file).
    public struct Limits: Equatable, Sendable {
        /// No more items are asked after this many (3…30).
        public let maxItems: Int
        /// No item is asked if the estimated time of the asked items would pass this (seconds).
        public let maxSeconds: Int

        public init(maxItems: Int, maxSeconds: Int) {
            self.maxItems = maxItems
            self.maxSeconds = maxSeconds
        }
    }
}
