import KioskCore

/// The current language's texts: `t(.help)`, `t(.idleCountdown, ["seconds": "25"])`.
struct Texts {
    let catalogue: Catalogue
    let language: Language

    func callAsFunction(_ key: TextKey, _ values: [String: String] = [:]) -> String {
        catalogue.text(key, language, values)
    }
}
