// The languages the kiosk speaks. Each is named in its own script, never with a flag.

public enum Language: String, CaseIterable, Sendable, Codable {
    case fr, en, ar

    /// The language's own name, as shown on the language buttons.
    public var nativeName: String {
        switch self {
        case .fr: return "Français"
        case .en: return "English"
        case .ar: return "العربية"
        }
    }

    /// Arabic is written right to left: the whole layout mirrors.
    public var isRightToLeft: Bool { self == .ar }
}
