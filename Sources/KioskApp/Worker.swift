import Dispatch
import Foundation
import KioskCore

/// Runs the effects that may block (the store's durable writes, printing, delivery) off the
/// main loop, one at a time and in order, and hands their outcome back as `Action`s.
///
/// `.background` is the live kiosk: jobs run on a serial queue and `wake` tells the loop
/// that results are waiting. `.inline` runs each job at once on the caller's thread: the
/// scenario runner and the tests use it, so a journey is deterministic step by step.
public final class Worker: @unchecked Sendable {
    public enum Mode: Sendable { case inline, background }

    public let mode: Mode
    private let queue = DispatchQueue(label: "passerelle.effects", qos: .userInitiated)
    private let lock = NSLock()
    private var results: [Action] = []
    private var wakeHandler: (@Sendable () -> Void)?

    public init(mode: Mode) {
        self.mode = mode
    }

    /// Called (from the worker's thread) when results are waiting. Set once by the loop.
    public func setWake(_ handler: @escaping @Sendable () -> Void) {
        lock.lock()
        wakeHandler = handler
        lock.unlock()
    }

    /// Runs `job`; the actions it returns come back through `takeResults()`.
    public func submit(_ job: @escaping () -> [Action]) {
        switch mode {
        case .inline:
            deliver(job())
        case .background:
            queue.async { [self] in deliver(job()) }
        }
    }

    private func deliver(_ actions: [Action]) {
        lock.lock()
        results += actions
        let wake = wakeHandler
        lock.unlock()
        if !actions.isEmpty { wake?() }
    }

    /// The actions finished jobs sent back, oldest first.
    public func takeResults() -> [Action] {
        lock.lock()
        defer { lock.unlock() }
        let taken = results
        results = []
        return taken
    }

    /// Blocks until every job submitted so far has run (shutdown, tests).
    public func waitUntilIdle() {
        if mode == .background { queue.sync {} }
    }
}
