// Passerelle — diagnostic engine. Licensed under the EUPL-1.2.

/// The five areas of the EU framework DigComp 2.2. Every diagnostic item is tagged with one of
/// its 21 competences ("2.1"), so results can be read by any accompagnant who knows DigComp
/// and compared with Pix or Europass results.
public enum DigCompArea: Int, CaseIterable, Comparable, Sendable {
    /// 1 — information and data literacy (search, judge, keep information).
    case information = 1
    /// 2 — communication and collaboration (messages, sharing, public services online).
    case communication = 2
    /// 3 — digital content creation (write, take and send a photo).
    case contentCreation = 3
    /// 4 — safety (personal data, frauds, devices).
    case safety = 4
    /// 5 — problem solving (operate a device, find a way round a problem).
    case problemSolving = 5

    /// The code used in the store and exports: "1" … "5".
    public var code: String { String(rawValue) }

    /// The English name of the area, for admin summaries (never shown to the person).
    public var name: String {
        switch self {
        case .information: return "information and data literacy"
        case .communication: return "communication and collaboration"
        case .contentCreation: return "digital content creation"
        case .safety: return "safety"
        case .problemSolving: return "problem solving"
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// DigComp 2.2 competences: how many each area has. 1.1–1.3, 2.1–2.6, 3.1–3.4, 4.1–4.4,
/// 5.1–5.4: 21 codes.
public enum DigComp {
    static let competencesPerArea: [DigCompArea: Int] = [
        .information: 3, .communication: 6, .contentCreation: 4, .safety: 4, .problemSolving: 4,
    ]

    /// Every valid competence code, in order.
    public static let competences: [String] = DigCompArea.allCases.flatMap { area in
        (1...competencesPerArea[area]!).map { "\(area.rawValue).\($0)" }
    }

    /// The area of a valid competence code ("4.2" → safety), nil for anything else.
    public static func area(ofCompetence code: String) -> DigCompArea? {
        guard competences.contains(code), let first = code.first, let n = Int(String(first)) else { return nil }
        return DigCompArea(rawValue: n)
    }
}
