import Crypto
import Foundation
import KioskCore
import KioskStore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Tells someone that a person asks for help: the configured command (the request as JSON on
/// its standard input) and/or an HTTPS POST whose body is signed with HMAC-SHA256
/// (`X-Passerelle-Signature: sha256=<hex>`). Messages go through the store's outbox: queued
/// first, retried with backoff until the one-time secret expires, journalled when abandoned.
/// The secret itself is added in memory at each attempt and never written to the outbox.
struct HelpHook: Sendable {
    var settings: HelpSettings
    var timeout: TimeInterval = 10

    /// The request's JSON: the kiosk and place, language, time, the kind of help, and for
    /// remote help how to join (mode, address, one-time password, short code, expiry).
    static func body(_ payload: [String: String], secret: String?) -> Data {
        var object: [String: Any] = [:]
        for (key, value) in payload where !key.hasPrefix("join.") { object[key] = value }
        let join = payload.filter { $0.key.hasPrefix("join.") }
        if !join.isEmpty {
            var joining: [String: String] = [:]
            for (key, value) in join { joining[String(key.dropFirst(5))] = value }
            if let secret { joining["password"] = secret }
            object["join"] = joining
        }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
    }

    /// One attempt by every configured way; nil when all of them took it.
    func deliver(_ body: Data, idempotencyKey: UUID) -> String? {
        var failures: [String] = []
        if !settings.hookCommand.isEmpty, let problem = runCommand(body) { failures.append(problem) }
        if let url = settings.hookURL, let problem = post(body, to: url, key: idempotencyKey) {
            failures.append(problem)
        }
        return failures.isEmpty ? nil : failures.joined(separator: "; ")
    }

    private func runCommand(_ body: Data) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: settings.hookCommand)
        process.arguments = []
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            return "cannot run \(settings.hookCommand): \(error.localizedDescription)"
        }
        // A command may exit without reading its input: its exit status is what counts.
        try? input.fileHandleForWriting.write(contentsOf: body)
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            return "\(settings.hookCommand) did not finish within \(Int(timeout)) s"
        }
        return process.terminationStatus == 0 ? nil : "\(settings.hookCommand) exited with \(process.terminationStatus)"
    }

    private func post(_ body: Data, to url: URL, key: UUID) -> String? {
        guard let secret = try? Data(contentsOf: URL(fileURLWithPath: settings.hookKeyFile)), !secret.isEmpty else {
            return "\(settings.hookKeyFile) cannot be read: the request cannot be signed"
        }
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: secret))
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue(
            "sha256=" + mac.map { String(format: "%02x", $0) }.joined(), forHTTPHeaderField: "X-Passerelle-Signature")
        request.setValue(key.uuidString.lowercased(), forHTTPHeaderField: "Idempotency-Key")
        let done = DispatchSemaphore(value: 0)
        let outcome = Mutex<String?>("no answer from \(url.host ?? "the server")")
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        session.dataTask(with: request) { _, response, error in
            if let error {
                outcome.set("\(url.host ?? "?"): \(error.localizedDescription)")
            } else if let http = response as? HTTPURLResponse {
                outcome.set(
                    (200..<300).contains(http.statusCode) ? nil : "\(url.host ?? "?") answered \(http.statusCode)")
            }
            done.signal()
        }.resume()
        guard done.wait(timeout: .now() + timeout + 1) == .success else { return "\(url.host ?? "?") did not answer" }
        return outcome.get()
    }
}

/// A value shared between threads under a lock.
final class Mutex<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.withLock { value } }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
}
