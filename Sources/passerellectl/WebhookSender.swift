// Passerelle — passerellectl. Licensed under the EUPL-1.2.
import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import KioskStore

/// Delivers one reminder to the SMS gateway (`reminders send --webhook`): a JSON POST with an
/// `Idempotency-Key` header, and `Authorization: Bearer` when a token file was given.
///
/// Redirects are refused. URLSession follows a 307 to any host, with the Authorization header
/// and without the body; that host's 2xx would count as "sent" while the gateway never saw the
/// message. A 3xx is a failure, retried later like any other, and the error says where the
/// gateway pointed. The session is ephemeral: nothing of the exchange is kept on disk.
struct WebhookSender {
    var url: URL
    var token: String?
    var timeout: TimeInterval

    /// nil on a 2xx answer, otherwise one line saying why not.
    func send(_ delivery: ReminderDelivery) -> String? {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue(delivery.key.uuidString.lowercased(), forHTTPHeaderField: "Idempotency-Key")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let body: [String: String] = [
            "idempotency_key": delivery.key.uuidString.lowercased(),
            "appointment": delivery.appointment.uuidString.lowercased(),
            "phone": delivery.phone, "message": delivery.text, "kind": "sms_reminder",
        ]
        request.httpBody = try? JSONSerialization.data(
            withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])

        let delegate = RedirectRefusal()
        let session = URLSession(configuration: .ephemeral, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        // No completion handler: with one, Foundation on Linux follows redirects without
        // asking the delegate.
        let task = session.dataTask(with: request)
        task.resume()
        guard delegate.finished.wait(timeout: .now() + .seconds(Int(timeout) + 5)) == .success else {
            task.cancel()
            return "no answer from \(url.host ?? "the gateway") within \(Int(timeout)) s"
        }
        if let error = delegate.error { return error }
        guard let http = task.response as? HTTPURLResponse else {
            return "no HTTP answer from \(url.host ?? "the gateway")"
        }
        switch http.statusCode {
        case 200..<300:
            return nil
        case 300..<400:
            let target =
                (http.value(forHTTPHeaderField: "Location")).flatMap { URL(string: $0, relativeTo: url)?.host }
                ?? "elsewhere"
            return
                "HTTP \(http.statusCode): the gateway redirects to \(target); "
                + "redirects are not followed, fix the --webhook URL"
        default:
            return "HTTP \(http.statusCode)"
        }
    }
}

/// Declines every redirect and reports the end of the task.
private final class RedirectRefusal: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let finished = DispatchSemaphore(value: 0)
    /// Set before `finished` is signalled.
    private(set) var error: String?

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        // The gateway's body is not needed: its status says it all.
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        self.error = error?.localizedDescription
        finished.signal()
    }
}
