// Passerelle — passerellectl. Licensed under the EUPL-1.2.
import Foundation
import KioskStore

/// Delivers one reminder by running the admin's SMS command (`reminders send --command`).
///
/// - The executable runs directly, never through a shell, with **no arguments**: arguments
///   are readable by every user in `/proc/PID/cmdline`. The phone number and the text go in
///   its environment (`PASSERELLE_PHONE`, `PASSERELLE_MESSAGE`), which only the same user and
///   root can read.
/// - Its standard error is read while it runs: a command that writes more than a pipe holds
///   (64 KiB) would otherwise block forever on its own output.
/// - At the timeout it gets SIGTERM, then SIGKILL after `grace` seconds: a command that
///   ignores SIGTERM must not hold the reminders' lease, and the timer, forever.
struct CommandSender {
    var executable: String
    var timeout: TimeInterval
    var grace: TimeInterval = 3

    /// nil when the command exited 0, otherwise one line saying why not.
    func send(_ delivery: ReminderDelivery) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = []
        var environment = ProcessInfo.processInfo.environment
        environment["PASSERELLE_PHONE"] = delivery.phone
        environment["PASSERELLE_MESSAGE"] = delivery.text
        environment["PASSERELLE_IDEMPOTENCY_KEY"] = delivery.key.uuidString.lowercased()
        environment["PASSERELLE_APPOINTMENT"] = delivery.appointment.uuidString.lowercased()
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return "cannot run \(executable): \(error.localizedDescription)"
        }
        let output = OutputTail(reading: errors.fileHandleForReading)
        if !waitForExit(process, seconds: timeout) {
            process.terminate()
            if !waitForExit(process, seconds: grace) {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
            return "\(executable) did not finish within \(Int(timeout)) s and was stopped"
        }
        guard process.terminationStatus != 0 || process.terminationReason != .exit else { return nil }
        let what =
            process.terminationReason == .exit
            ? "exited with \(process.terminationStatus)" : "was killed by signal \(process.terminationStatus)"
        return "\(executable) \(what): \(output.text(waiting: 0.2))"
    }

    /// Waits until the process exits or `seconds` pass; true when it exited.
    private func waitForExit(_ process: Process, seconds: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            guard Date() < deadline else { return false }
            usleep(20_000)
        }
        return true
    }
}

/// Reads a pipe to its end on a thread of its own and keeps the last bytes, for an error line.
private final class OutputTail: @unchecked Sendable {
    private let lock = NSLock()
    private var tail = Data()
    private let finished = DispatchSemaphore(value: 0)
    private let limit = 300

    init(reading handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.lock()
                tail = Data((tail + chunk).suffix(limit))
                lock.unlock()
            }
            finished.signal()
        }
    }

    /// What was read, waiting at most `seconds` for the end of the output: a child the command
    /// left running may keep the pipe open long after the command exited.
    func text(waiting seconds: TimeInterval) -> String {
        _ = finished.wait(timeout: .now() + seconds)
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: tail, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
