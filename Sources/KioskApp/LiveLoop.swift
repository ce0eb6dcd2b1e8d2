import CSDL2
import Dispatch
import Foundation
import KioskCore
import KioskRender
import KioskUI

/// The event-driven main loop. It sleeps until an event or the reducer's next deadline,
/// and draws only when the state changed: idle, it draws nothing and uses no CPU.
/// Runs on the main thread (SDL's video functions must).
/// `post` is thread-safe (signal handlers and the worker call it); everything else runs on
/// the main thread, hence the unchecked conformance.
public final class LiveLoop: @unchecked Sendable {
    public enum Signal {
        case terminate, reload, report, workDone
        /// The headphone jack's switch changed (HeadsetSwitch's thread).
        case headset(Bool)
    }

    let kiosk: Kiosk
    let window: Window?
    let configPath: String?
    /// Called once, right after the first frame reached the display (or the framebuffer).
    public var onFirstFrame: (() -> Void)?
    /// Called after every frame with the scene it showed (`--scene-file`: tests find a
    /// control by its label and wait for a screen instead of guessing points and sleeping).
    public var onFrame: ((Scene) -> Void)?
    /// systemd's notification socket (a `Type=notify` unit with `WatchdogSec=`): READY=1
    /// after the first frame, WATCHDOG=1 from every turn of the loop, STOPPING=1 on the way out.
    public var notifier: SystemdNotifier?

    private let lock = NSCondition()
    private var pendingSignals: [Signal] = []
    private var signalSources: [DispatchSourceSignal] = []
    /// Drops the digits SDL types after a keypad key when NumLock is on (the keypad navigates).
    private var keypadText = KeypadTextFilter()
    private let wakeEventType: UInt32
    /// The headphone jack's switch, read on a thread of its own.
    private var headset: HeadsetSwitch?

    public init(kiosk: Kiosk, window: Window?, configPath: String?) {
        self.kiosk = kiosk
        self.window = window
        self.configPath = configPath
        wakeEventType = window != nil ? SDL_RegisterEvents(1) : 0
        kiosk.worker.setWake { [weak self] in self?.post(.workDone) }
        kiosk.startRemoteHelp { [weak self] in self?.post(.workDone) }
    }

    // MARK: - Signals

    /// SIGTERM and SIGINT end the loop cleanly; SIGHUP reloads the configuration; SIGUSR1
    /// prints counters on stdout (benchmarks).
    public func installSignalHandlers() {
        let table: [(Int32, Signal)] = [
            (SIGTERM, .terminate), (SIGINT, .terminate), (SIGHUP, .reload), (SIGUSR1, .report),
        ]
        for (number, kind) in table {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.post(kind) }
            source.resume()
            signalSources.append(source)
        }
    }

    /// Watches the headphone jack (`[speech] headset`): "auto" looks for it in sysfs, "none"
    /// does not. A jack that cannot be read is said on stderr; the speech key still works.
    public func watchHeadset(_ setting: String) {
        let paths = setting == "auto" ? HeadsetSwitch.find() : setting == "none" ? [] : [setting]
        guard let path = paths.first else {
            if setting == "auto" {
                FileHandle.standardError.write(
                    Data("passerelle: no headphone jack switch found; the speech key turns the voice on\n".utf8))
            }
            return
        }
        do {
            headset = try HeadsetSwitch(path: path) { [weak self] plugged in self?.post(.headset(plugged)) }
            FileHandle.standardError.write(Data("passerelle: headset switch: \(path)\n".utf8))
        } catch {
            FileHandle.standardError.write(
                Data("passerelle: speech.headset: \(error); plugging a headset will not turn the voice on\n".utf8))
        }
    }

    /// Queues a signal for the loop and wakes it. Thread-safe.
    public func post(_ signal: Signal) {
        lock.lock()
        pendingSignals.append(signal)
        lock.signal()
        lock.unlock()
        if window != nil {
            var event = SDL_Event()
            event.type = wakeEventType
            SDL_PushEvent(&event)
        }
    }

    private func takeSignals() -> [Signal] {
        lock.lock()
        defer { lock.unlock() }
        let signals = pendingSignals
        pendingSignals = []
        return signals
    }

    // MARK: - Loop

    public func run() throws {
        var first = true
        defer {
            notifier?.send("STOPPING=1")
            kiosk.stopRemoteHelp()
        }
        while true {
            // Pinged from the loop itself, not a timer thread: only a loop that turns proves
            // the kiosk still answers touches.
            notifier?.keepAlive()
            kiosk.takeWorkerResults()
            kiosk.takeRemoteEvents()
            kiosk.tick()
            let damage = kiosk.render()
            if !damage.isEmpty {
                try window?.present(kiosk.renderer.surface, damage: damage)
                onFrame?(kiosk.scene)
                if first {
                    first = false
                    notifier?.send("READY=1\nSTATUS=Showing the first screen")
                    onFirstFrame?()
                    kiosk.finishStart()
                    continue  // draw the journeys' tiles now that the content is there
                }
            }
            let signals = takeSignals()
            for signal in signals {
                switch signal {
                case .terminate: return
                case .workDone: break  // taken at the top of the loop
                case .headset(let plugged): kiosk.send(.headsetChanged(plugged))
                case .reload: if let configPath { kiosk.reload(path: configPath) } else { kiosk.reloadContent() }
                case .report:
                    FileHandle.standardOutput.write(Data("frames=\(kiosk.renderer.framesDrawn)\n".utf8))
                }
            }
            if kiosk.quitRequested { return }
            // What a signal changed (a reload, the headset) is drawn before the loop sleeps.
            if !signals.isEmpty { continue }
            wait()
        }
    }

    /// Milliseconds until the loop must turn again: the reducer's next deadline, or sooner when
    /// the watchdog needs a ping; nil if neither.
    private func timeout() -> Int? {
        let deadline = deadlineTimeout()
        guard let interval = notifier?.watchdogInterval else { return deadline }
        let ms = max(Int(interval * 1000), 1)
        return min(deadline ?? ms, ms)
    }

    /// Milliseconds until the reducer's next deadline; nil if none.
    private func deadlineTimeout() -> Int? {
        guard let deadline = kiosk.nextDeadline() else { return nil }
        // Clamped before the conversion: a deadline years away (a clock set wrong) must not trap.
        let ms = (deadline.timeIntervalSince(kiosk.clock()) * 1000).rounded(.up)
        guard ms.isFinite else { return 0 }
        return Int(min(max(ms, 0), Double(Int32.max)))
    }

    private func wait() {
        if let window {
            var event = SDL_Event()
            let got = SDL_WaitEventTimeout(&event, Int32(clamping: timeout() ?? Int(Int32.max)))
            guard got != 0 else { return }
            repeat {
                handle(event, window: window)
            } while SDL_PollEvent(&event) != 0
        } else {
            // Headless: no SDL event source; sleep on a condition that signals wake.
            lock.lock()
            if pendingSignals.isEmpty {
                if let ms = timeout() {
                    _ = lock.wait(until: Date().addingTimeInterval(Double(ms) / 1000))
                } else {
                    lock.wait()
                }
            }
            lock.unlock()
        }
    }

    private func handle(_ event: SDL_Event, window: Window) {
        switch SDL_EventType(rawValue: event.type) {
        case SDL_QUIT:
            // Lockdown: closing the window (Alt+F4, the window manager) does not quit.
            return
        case SDL_WINDOWEVENT:
            if event.window.event == UInt8(SDL_WINDOWEVENT_EXPOSED.rawValue) { kiosk.invalidate() }
        default:
            guard keypadText.admits(event) else { return }
            if let input = EventTranslator.translate(event, window: window, size: kiosk.size) {
                kiosk.handle(input)
            }
        }
    }
}

/// CLOCK_MONOTONIC in nanoseconds: comparable across processes on one machine.
public func monotonicNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}
