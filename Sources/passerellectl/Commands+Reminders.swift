// Passerelle — passerellectl. Licensed under the EUPL-1.2.
import ArgumentParser
import Foundation
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
                --command runs an executable (no shell, no arguments) with PASSERELLE_PHONE, PASSERELLE_MESSAGE, \
                PASSERELLE_IDEMPOTENCY_KEY and PASSERELLE_APPOINTMENT in its environment; exit status 0 means sent. \
                It gets SIGTERM at --timeout and SIGKILL 3 s later. \
                --webhook POSTs JSON {idempotency_key, appointment, \
                phone, message, kind} with an Idempotency-Key header (and Authorization: Bearer with \
                --webhook-token-file); a 2xx answer means sent, a redirect is a failure. HTTPS only, except to \
                127.0.0.1. A reminder whose appointment has started is dropped.
                """)

        @OptionGroup var store: DataDirOptions
        @Option(help: "Executable that sends one SMS (e.g. /usr/local/bin/send-sms).") var command: String?
        @Option(help: "HTTPS endpoint of an SMS gateway.") var webhook: String?
        @Option(
            name: .customLong("webhook-token-file"),
            help: "File holding the gateway's secret token, sent as Authorization: Bearer (mode 0600 or 0400).")
        var webhookTokenFile: String?
        @Option(help: "At most this many reminders per run.") var limit = 50
        @Option(help: "Seconds a claimed reminder stays leased to this sender.") var lease = 300
        @Option(help: "Seconds before a delivery attempt is given up.") var timeout = 30

        func validate() throws {
            guard (command == nil) != (webhook == nil) else {
                throw ValidationError("give exactly one of --command or --webhook")
            }
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
            if let webhookTokenFile {
                guard webhook != nil else { throw ValidationError("--webhook-token-file goes with --webhook") }
                _ = try Self.readToken(webhookTokenFile)
            }
            guard (1...1000).contains(limit), (10...86_400).contains(lease), (1...600).contains(timeout) else {
                throw ValidationError("--limit 1…1000, --lease 10…86400, --timeout 1…600")
            }
            try store.requireExistingStore()
        }

        /// The token, refused when the file lets group or others read or change it: a secret
        /// that other accounts can read is no longer one (and a URL would leak it to logs).
        static func readToken(_ path: String) throws -> String {
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw ValidationError("--webhook-token-file \(path): \(String(cString: strerror(errno)))")
            }
            guard info.st_mode & 0o077 == 0 else {
                throw ValidationError(
                    "--webhook-token-file \(path): group or others may read or change it "
                        + "(mode \(String(info.st_mode & 0o777, radix: 8))); chmod 600 it"
                )
            }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ValidationError("--webhook-token-file \(path): cannot be read as text")
            }
            let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty, token.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
                throw ValidationError("--webhook-token-file \(path): the token must be one line of printable ASCII")
            }
            return token
        }

        func run() throws {
            let database = try store.open()
            let deliver: (ReminderDelivery) -> String?
            if let command {
                deliver = CommandSender(executable: command, timeout: TimeInterval(timeout)).send
            } else {
                let token = try webhookTokenFile.map(Self.readToken)
                deliver = WebhookSender(url: URL(string: webhook!)!, token: token, timeout: TimeInterval(timeout)).send
            }
            let claimed = try orExit { () throws(StoreProblem) in
                try database.claimDueMessages(limit: limit, lease: TimeInterval(lease), kinds: [.smsReminder])
            }
            var sent = 0, failed = 0, dropped = 0
            for message in claimed {
                let delivery = try orExit { () throws(StoreProblem) in try database.reminderDelivery(for: message) }
                guard let delivery else {
                    try orExit { () throws(StoreProblem) in
                        try database.abandonMessage(
                            message.uuid,
                            reason: "nothing to send: appointment cancelled, anonymised or already started")
                    }
                    dropped += 1
                    continue
                }
                if let error = deliver(delivery) {
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
    }
}
