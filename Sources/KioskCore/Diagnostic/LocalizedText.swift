// Passerelle — diagnostic engine. Licensed under the EUPL-1.2.

/// A text of a content pack in every language the kiosk speaks. Content loading refuses a pack
/// where one is missing, so a screen never has to fall back to another language.
public struct LocalizedText: Equatable, Hashable, Sendable, Codable {
    public var fr: String
    public var en: String
    public var ar: String

    public init(fr: String, en: String, ar: String) {
        self.fr = fr
        self.en = en
        self.ar = ar
    }

    public subscript(_ language: Language) -> String {
        switch language {
        case .fr: return fr
        case .en: return en
        case .ar: return ar
        }
    }
}
