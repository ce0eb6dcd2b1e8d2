import Foundation
import XCTest
@testable import KioskCore

enum DiagnosticFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../..").standardized
    static let shippedURL = root.appendingPathComponent("Assets/content/diagnostic/passerelle-default.json")

    static func shippedText() throws -> String {
        try String(contentsOf: shippedURL, encoding: .utf8)
    }

    static func shippedPack() throws -> DiagnosticPack {
        try load(shippedText()).get()
    }

    static func load(_ text: String, file: String = "pack.json") -> Result<DiagnosticPack, ContentProblems> {
        DiagnosticPack.load(data: Data(text.utf8), file: file)
    }

    static let start = Date(timeIntervalSince1970: 1_780_000_000)
}

/// A scripted person: answers every item the session shows through `answer`, one second apart.
struct Person: Sendable {
    var answer: @Sendable (DiagnosticItem) -> ItemOutcome

    /// Runs the whole diagnostic; returns the finished session.
    func run(_ pack: DiagnosticPack, file: StaticString = #filePath, line: UInt = #line) -> DiagnosticSession {
        var session = DiagnosticSession(pack: pack)
        var time = DiagnosticFixtures.start
        var steps = 0
        while let item = session.currentItem {
            XCTAssertTrue(
                session.record(answer(item), at: time), "\(item.id) refused the answer", file: file, line: line)
            time += 30
            steps += 1
            if steps > pack.items.count { XCTFail("the session does not end", file: file, line: line); break }
        }
        return session
    }

    /// Succeeds every task quickly and cleanly, gives the good answers, rates at the top.
    static let confident = Person { item in
        switch item.kind {
        case .question(let q): return .answer(q.goodAnswer)
        case .selfRating(let r): return .rating(r.steps.count)
        default: return .task(success: true, seconds: 8, misses: 0)
        }
    }

    /// Handles the screen, does half of the everyday tasks, none of the advanced ones; says
    /// "sometimes" and rates in the middle.
    static var basic: Person {
        let everyday = Counter()
        return Person { item in
            switch item.kind {
            case .question(let q): return item.difficulty == 2 ? .answer(q.goodAnswer) : .answer(.sometimes)
            case .selfRating: return .rating(2)
            default:
                switch item.difficulty {
                case 1: return .task(success: true, seconds: 20, misses: 1)
                case 2:
                    everyday.value += 1
                    let odd = everyday.value % 2 == 1
                    return .task(success: odd, seconds: 60, misses: odd ? 1 : 3)
                default: return .task(success: false, seconds: 90, misses: 4)
                }
            }
        }
    }

    /// Misses the taps, then says "I don't know" to nearly everything.
    static let beginner = Person { item in
        switch item.kind {
        case .tapTarget: return .task(success: false, seconds: 45, misses: 5)
        case .question(let q) where item.id == "ask-email": return .answer(q.goodAnswer == .yes ? .no : .yes)
        default: return .dontKnow
        }
    }
}

/// A count a simulated person keeps between items (one session, one thread).
final class Counter: @unchecked Sendable {
    var value = 0
}
