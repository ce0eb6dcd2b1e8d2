import Dispatch
import Foundation
import KioskCore

/// Runs the effects that may block (the store's durable writes, printing, delivery) off the
/// main loop, one at a time and in order, and hands their outcome back as `Action`s — or as
/// a continuation that must run on the loop's thread (drawing a ticket with the screen's
/// fonts: SDL_ttf and FreeType are not thread-safe).
///
/// `.background` is the live kiosk: jobs run on a serial queue and `wake` tells the loop
/// that results are waiting. `.inline` runs each job at once on the caller's thread: the
/// scenario runner and the tests use it, so a journey is deterministic step by step.
public final class Worker: @unchecked Sendable {
    public enum Mode: Sendable { case inline, background }

    /// What a finished job hands back to the loop.
    public enum Outcome: Sendable {
        case action(Action)
        /// Runs on the loop's thread, in order with the actions.
        case onLoop(LoopContinuation)
    }

    /// A continuation made on the loop's thread, carried through the worker and run back on
    /// the loop's thread (`takeResults` is called there): it may hold the loop's own things
    /// (the renderer, the kiosk), which is why it is not checked for sending.
    public struct LoopContinuation: @unchecked Sendable {
        let body: () -> Void
        public func callAsFunction() { body() }
    }

    public let mode: Mode
    private let queue = DispatchQueue(label: "passerelle.effects", qos: .userInitiated)
    private let lock = NSLock()
    private var results: [Outcome] = []
    /// Background jobs submitted and not finished.
    private var pending = 0
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
    public func submit(_ job: @escaping @Sendable () -> [Action]) {
        switch mode {
        case .inline:
            deliver(job().map(Outcome.action))
        case .background:
            began()
            queue.async { [self] in deliver(job().map(Outcome.action), ending: true) }
        }
    }

    /// Runs `job` here, then `then` with its result on the loop's thread (through
    /// `takeResults()`, in order with the actions of earlier jobs).
    public func submit<Value: Sendable>(_ job: @escaping @Sendable () -> Value, then: @escaping (Value) -> Void) {
        let then = Carried(then)
        switch mode {
        case .inline:
            let value = job()
            deliver([.onLoop(LoopContinuation { then.value(value) })])
        case .background:
            began()
            queue.async { [self] in
                let value = job()
                deliver([.onLoop(LoopContinuation { then.value(value) })], ending: true)
            }
        }
    }

    /// Runs `job` on the worker and waits for its value (in order after the jobs before it).
    /// For the loop's own start and reloads, which need the answer before going on.
    public func run<Value: Sendable>(_ job: @Sendable () -> Value) -> Value {
        switch mode {
        case .inline: return job()
        case .background: return queue.sync(execute: job)
        }
    }

    /// A loop-thread closure carried through the worker's queue untouched (see `LoopContinuation`).
    private struct Carried<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private func began() {
        lock.lock()
        pending += 1
        lock.unlock()
    }

    private func deliver(_ outcomes: [Outcome], ending: Bool = false) {
        lock.lock()
        if ending { pending -= 1 }
        results += outcomes
        let wake = wakeHandler
        lock.unlock()
        if !outcomes.isEmpty { wake?() }
    }

    /// What finished jobs sent back, oldest first.
    public func takeResults() -> [Outcome] {
        lock.lock()
        defer { lock.unlock() }
        let taken = results
        results = []
        return taken
    }

    /// Whether jobs were submitted that have not handed back their outcome yet.
    public var hasPendingJobs: Bool {
        lock.lock()
        defer { lock.unlock() }
        return pending > 0 || !results.isEmpty
    }

    /// Blocks until every job submitted so far has run (shutdown, tests).
    public func waitUntilIdle() {
        if mode == .background { queue.sync {} }
    }
}
