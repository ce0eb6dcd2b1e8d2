// Passerelle — diagnostic engine. Licensed under the EUPL-1.2.
import Foundation

/// One step of the diagnostic: a hands-on task, a question or a self-rating.
///
/// Every text is in French, English and Arabic, in easy-to-read wording. The screen shows the
/// item's `pictogram` beside the `prompt`, speaks `spoken`, and always offers "I don't know".
public struct DiagnosticItem: Equatable, Sendable, Identifiable {
    /// Unique in the pack, stable across pack versions ("tap-star").
    public let id: String
    public let kind: Kind
    /// DigComp 2.2 competence code, "1.1" … "5.4".
    public let competence: String
    /// 1 (handling the screen) … 3 (doing things alone and safely): the step of the path the
    /// item belongs to. The adaptive rules work per difficulty.
    public let difficulty: Int
    /// Estimated time a slow, careful person needs, in seconds (planning only: untimed).
    public let seconds: Int
    /// Material Icons name drawn beside the prompt.
    public let pictogram: String
    /// The instruction or question on screen: one or two short sentences.
    public let prompt: LocalizedText
    /// What the speech says (may say more than the screen: "with your finger").
    public let spoken: LocalizedText
    /// What a success shows the person can do, for the result screen: "Vous savez toucher un bouton."
    public let strength: LocalizedText
    /// Line of the item in its pack file (for messages).
    public let line: Int

    public var area: DigCompArea { DigComp.area(ofCompetence: competence) ?? .problemSolving }
    public var type: ItemType { kind.type }
    public var isHandsOn: Bool { kind.type.isHandsOn }

    public init(
        id: String, kind: Kind, competence: String, difficulty: Int, seconds: Int, pictogram: String,
        prompt: LocalizedText, spoken: LocalizedText, strength: LocalizedText, line: Int = 0
    ) {
        self.id = id
        self.kind = kind
        self.competence = competence
        self.difficulty = difficulty
        self.seconds = seconds
        self.pictogram = pictogram
        self.prompt = prompt
        self.spoken = spoken
        self.strength = strength
        self.line = line
    }
}

// MARK: - Types

/// The `"type"` of an item in the pack.
public enum ItemType: String, CaseIterable, Sendable {
    case tapTarget = "tap_target"
    case drag
    case scroll
    case typeWord = "type_word"
    case findIcon = "find_icon"
    case spotFraud = "spot_fraud"
    case question
    case selfRating = "self_rating"

    /// Hands-on tasks are done on the screen and reported as `.task(success:seconds:misses:)`.
    public var isHandsOn: Bool { self != .question && self != .selfRating }

    /// Tasks that measure handling a touch screen itself: with a keypad they are left out
    /// (`SkipReason.needsTouch`). Typing a word, finding an icon and judging messages are done
    /// with the keypad as well as by touch (docs/keypad.md).
    public var needsTouch: Bool { self == .tapTarget || self == .drag || self == .scroll }
}

extension DiagnosticItem {
    /// What the screen draws, with the parameters of each type (`"params"` in the pack).
    public enum Kind: Equatable, Sendable {
        case tapTarget(TapTarget)
        case drag(Drag)
        case scroll(Scroll)
        case typeWord(TypeWord)
        case findIcon(FindIcon)
        case spotFraud(SpotFraud)
        case question(Question)
        case selfRating(SelfRating)

        public var type: ItemType {
            switch self {
            case .tapTarget: return .tapTarget
            case .drag: return .drag
            case .scroll: return .scroll
            case .typeWord: return .typeWord
            case .findIcon: return .findIcon
            case .spotFraud: return .spotFraud
            case .question: return .question
            case .selfRating: return .selfRating
            }
        }
    }

    /// Tap a target `repeat` times; after each tap it moves to another place. A tap outside the
    /// target is a miss. Success: every appearance tapped.
    public struct TapTarget: Equatable, Sendable {
        /// Physical size of the target's side in millimetres (8…40): the screen converts with
        /// its pixel density. 20 mm is an ordinary kiosk button; 10 mm a small phone button.
        public var sizeMillimetres: Int
        /// Material Icons name drawn as the target ("star").
        public var target: String
        /// How many times the target appears (1…5).
        public var repeatCount: Int
    }

    /// Drag `object` into `box` (both drawn as pictograms of `sizeMillimetres`, far apart).
    /// Success: dropped inside the box. A drop elsewhere is a miss (the object goes back).
    public struct Drag: Equatable, Sendable {
        public var object: String
        public var box: String
        public var sizeMillimetres: Int
    }

    /// A vertical list of pictograms, longer than the screen: scroll to find `answer` (shown
    /// in the prompt) and tap it. A tap on another entry is a miss.
    public struct Scroll: Equatable, Sendable {
        /// Material Icons names, in list order, all different (8…40).
        public var entries: [String]
        /// The entry to find; at position 7 or later so that scrolling is needed.
        public var answer: String
        public var answerIndex: Int { entries.firstIndex(of: answer) ?? 0 }
    }

    /// Type `word` (in the current language) with the on-screen keyboard, then confirm.
    /// Each confirmation of a wrong word is a miss.
    public struct TypeWord: Equatable, Sendable {
        /// 2…10 letters, letters only, per language.
        public var word: LocalizedText

        /// Whether `typed` is the word: case, accents and surrounding spaces do not matter
        /// (a person who types "ecole" for "école" can type).
        public func accepts(_ typed: String, in language: Language) -> Bool {
            func fold(_ s: String) -> String {
                s.trimmingCharacters(in: .whitespacesAndNewlines)
                    .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            }
            return fold(typed) == fold(word[language])
        }
    }

    /// Several pictograms (3…6, drawn without labels, never mirrored): touch the one named in
    /// the prompt. A touch on another is a miss; success when the right one is touched first.
    public struct FindIcon: Equatable, Sendable {
        public var choices: [String]
        public var answer: String

        public func isCorrect(choice: String) -> Bool { choice == answer }
    }

    /// Messages as on a phone. One message: the person answers "I trust it" or "I do not trust
    /// it" (success: the right one). Two to four: the person touches the fraudulent one (exactly
    /// one is); success when the first touch is right.
    public struct SpotFraud: Equatable, Sendable {
        public var messages: [Message]

        /// One message: trust or not. Otherwise: pick the fraudulent one.
        public var isJudge: Bool { messages.count == 1 }

        /// Judge mode: whether answering "I trust it" is right.
        public var trustworthy: Bool { !messages.contains { $0.fraudulent } }

        public func isCorrect(pick index: Int) -> Bool {
            messages.indices.contains(index) && messages[index].fraudulent
        }

        public func isCorrect(trusts: Bool) -> Bool { trusts == trustworthy }

        public struct Message: Equatable, Sendable {
            /// Who the message says it comes from ("Votre banque").
            public var from: LocalizedText
            public var text: LocalizedText
            /// Material Icons name for the channel ("sms", "mail").
            public var pictogram: String
            public var fraudulent: Bool
        }
    }

    /// A yes / no / sometimes question with the item's pictogram. `goodAnswer` is the answer
    /// that shows the person can do it ("yes" to "Do you send messages?").
    public struct Question: Equatable, Sendable {
        public var goodAnswer: Answer
    }

    /// A short pictured scale of 3 or 4 steps, from "I cannot" (step 1) to "I can without help".
    public struct SelfRating: Equatable, Sendable {
        public var steps: [Step]

        public struct Step: Equatable, Sendable {
            public var pictogram: String
            public var label: LocalizedText
        }
    }
}
