// Passerelle — passerellectl. Licensed under the EUPL-1.2.
import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KioskStore

extension PasserelleCtl {
    /// `passerellectl reminders send [--command CMD | --webhook URL]` — run by passerelle-reminders.timer.
    struct Reminders: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deliver due SMS reminders from the outbox.", subcommands: [Send.self])
    }
}

extension PasserelleCtl.Reminders {
    struct Send: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lease the due reminders, deliver each once, retry failures later with backoff.",
            discussion: """
                --command runs an executable (no shell) with the phone and the text as its two arguments, and \
                PASSERELLE_PHONE, PASSERELLE_MESSAGE, PASSERELLE_IDEMPOTENCY_KEY, PASSERELLE_APPOINTMENT in its \
                environment; exit status 0 means sent. --webhook POSTs JSON {idempotency_key, appointment, phone, \
                message} with an Idempotency-Key header; a 2xx answer means sent. HTTPS only, except to 127.0.0.1.
                """)

        @OptionGroup var store: DataDirOptions
        @Option(help: "Executable that sends one SMS (e.g. /usr/local/bin/send-sms).") var command: String?
        @Option(help: "HTTPS endpoint of an SMS gateway.") var webhook: String?
        @Option(help: "At most this many reminders per run.") var limit = 50
        @Option(help: "Seconds a claimed reminder stays leased to this sender.") var lease = 300
        @Option(help: "Seconds before a delivery attempt is given up.") var timeout = 30

        func validate() throws {
            guard (command == nil) != (webhook == nil) else { throw ValidationError("give exactly one of --command or --webhook") }
            if let command {
                guard command.hasPrefix("/"), FileManager.default.isExecutableFile(atPath: command) else {
                    throw ValidationError("--command must be the absolute path of an executable: \(command)")
                }
            }
            if let webhook {
                guard let url = URL(string: webhook), let scheme = url.scheme, let host = url.host else {
                    throw ValidationError("--webhook is not a URL: \(webhook)")
                }
                let loopback = ["127.0.0.1", "localhost", "::1"].contains(host)
                guard scheme == "https" || (scheme == "http" && loopback) else {
                    throw ValidationError("--webhook must use https (plain http only to 127.0.0.1)")
                }
            }
            guard (1...1000).contains(limit), (10...86_400).contains(lease), (1...600).contains(timeout) else {
                throw ValidationError("--limit 1…1000, --lease 10…86400, --timeout 1…600")
            }
            try store.requireExistingStore()
        }

        func run() throws {
            let database = try store.open()
            let claimed = try orExit { () throws(StoreProblem) in
                try database.claimDueMessages(limit: limit, lease: TimeInterval(lease), kinds: [.smsReminder])
            }
            var sent = 0, failed = 0, dropped = 0
            for message in claimed {
                let delivery = try orExit { () throws(StoreProblem) in try database.reminderDelivery(for: message) }
                guard let delivery else {
                    try orExit { () throws(StoreProblem) in try database.abandonMessage(message.uuid, reason: "nothing to send: appointment cancelled or anonymised") }
                    dropped += 1
                    continue
                }
                let error = command.map { deliverByCommand(delivery, executable: $0) } ?? deliverByWebhook(delivery, url: URL(string: webhook!)!)
                if let error {
                    try orExit { () throws(StoreProblem) in try database.markFailed(message.uuid, error: error) }
                    warn("reminder \(message.uuid) attempt \(message.attempt) failed: \(error)")
                    failed += 1
                } else {
                    try orExit { () throws(StoreProblem) in try database.markSent(message.uuid) }
                    sent += 1
                }
            }
            print("reminders: \(sent) sent, \(failed) to retry, \(dropped) dropped")
        }

        /// Runs the command with arguments (never a shell string); nil when it exited 0.
        func deliverByCommand(_ delivery: ReminderDelivery, executable: String) -> String? {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = [delivery.phone, delivery.text]
            var environment = ProcessInfo.processInfo.environment
            environment["PASSERELLE_PHONE"] = delivery.phone
            environment["PASSERELLE_MESSAGE"] = delivery.text
            environment["PASSERELLE_IDEMPOTENCY_KEY"] = delivery.key.uuidString.lowercased()
            environment["PASSERELLE_APPOINTMENT"] = delivery.appointment.uuidString.lowercased()
            process.environment = environment
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            do {
                try process.run()
            } catch {
                return "cannot run \(executable): \(error.localizedDescription)"
            }
            let deadline = Date().addingTimeInterval(TimeInterval(timeout))
            while process.isRunning, Date() < deadline { usleep(20_000) }
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
                return "\(executable) did not finish within \(timeout) s"
            }
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile().suffix(300), as: UTF8.self)
            return process.terminationStatus == 0 ? nil : "\(executable) exited with \(process.terminationStatus): \(stderr)"
        }

        /// POSTs the reminder; nil on a 2xx answer.
        func deliverByWebhook(_ delivery: ReminderDelivery, url: URL) -> String? {
            var request = URLRequest(url: url, timeoutInterval: TimeInterval(timeout))
            request.httpMethod = "POST"
            request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
            request.setValue(delivery.key.uuidString.lowercased(), forHTTPHeaderField: "Idempotency-Key")
            let body: [String: String] = [
                "idempotency_key": delivery.key.uuidString.lowercased(), "appointment": delivery.appointment.uuidString.lowercased(),
                "phone": delivery.phone, "message": delivery.text, "kind": "sms_reminder",
            ]
            request.httpBody = try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
            let result = WebhookResult()
            let done = DispatchSemaphore(value: 0)
            let task = URLSession.shared.dataTask(with: request) { _, response, error in
                if let error {
                    result.error = error.localizedDescription
                } else if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
                    result.error = "HTTP \(http.statusCode)"
                }
                done.signal()
            }
            task.resume()
            if done.wait(timeout: .now() + .seconds(timeout + 5)) == .timedOut {
                task.cancel()
                return "no answer from \(url.host ?? "the gateway") within \(timeout) s"
            }
            return result.error
        }
    }
}

/// Carries the answer out of URLSession's callback (written before the semaphore is signalled).
private final class WebhookResult: @unchecked Sendable {
    var error: String?
}
