// Passerelle — KioskCalDAV. Licensed under the EUPL-1.2.
import CCurl
import Foundation

/// One HTTP answer: the status, the headers we use (lower-cased names) and the body.
struct HTTPAnswer: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data

    var etag: String? { headers["etag"] }
}

/// A synchronous HTTP client on libcurl, for the few WebDAV requests CalDAV needs
/// (REPORT, PUT, DELETE, GET) with any method and body.
///
/// Why libcurl and not URLSession: on Linux, URLSession (which is libcurl underneath) cannot be
/// given a CA file: swift-corelibs-foundation reads `URLSessionCertificateAuthorityInfoFile`
/// only on Android, and ignores `SSL_CERT_FILE`. A town hall's private CA is common. Async
/// HTTP Client could take one, at about 3 minutes more of every CI build and SwiftNIO inside a
/// synchronous tool. Here the peer and the host name are always verified (never switched off);
/// `caFile` replaces the system's CA list when given. Redirects are not followed: a CalDAV
/// server that moves a calendar is a configuration to fix, not something to follow blindly
/// with the credentials.
struct HTTPClient: Sendable {
    var timeout: TimeInterval
    var caFile: String?
    /// `user:password`, sent with HTTP Basic (over TLS, or to loopback).
    var credentials: String?

    /// Performs one request. Throws `CalDAVError.unreachable` when no HTTP answer came
    /// (connection refused, DNS, TLS, timeout): the caller treats the server as away.
    func perform(
        _ method: String, _ url: URL, headers: [String: String] = [:], body: Data? = nil
    ) throws(CalDAVError) -> HTTPAnswer {
        guard let handle = curl_easy_init() else { throw CalDAVError.unreachable("libcurl could not start") }
        defer { curl_easy_cleanup(handle) }
        let sink = Sink()
        let context = Unmanaged.passUnretained(sink).toOpaque()
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        let payload = body ?? Data()

        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { errors in
            payload.withUnsafeBytes { bytes in
                ccurl_set_string(handle, CURLOPT_URL, url.absoluteString)
                ccurl_set_string(handle, CURLOPT_CUSTOMREQUEST, method)
                ccurl_set_long(handle, CURLOPT_NOSIGNAL, 1)
                ccurl_set_long(handle, CURLOPT_TIMEOUT_MS, Int(timeout * 1000))
                ccurl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(min(timeout, 10) * 1000))
                ccurl_set_long(handle, CURLOPT_FOLLOWLOCATION, 0)
                ccurl_set_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
                ccurl_set_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
                ccurl_set_long(handle, CURLOPT_PROTOCOLS, ccurl_protocols_http)
                if let caFile { ccurl_set_string(handle, CURLOPT_CAINFO, caFile) }
                if let credentials {
                    ccurl_set_long(handle, CURLOPT_HTTPAUTH, ccurl_auth_basic)
                    ccurl_set_string(handle, CURLOPT_USERPWD, credentials)
                }
                ccurl_set_pointer(handle, CURLOPT_ERRORBUFFER, errors.baseAddress)
                if body != nil || method == "PUT" {
                    ccurl_set_long(handle, CURLOPT_POSTFIELDSIZE, bytes.count)
                    ccurl_set_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
                }
                var all = headers
                all["Expect"] = ""  // no "100-continue" round trip
                if body == nil, method != "PUT" { all["Content-Type"] = nil }
                for (name, value) in all.sorted(by: { $0.key < $1.key }) {
                    headerList = curl_slist_append(headerList, value.isEmpty ? "\(name):" : "\(name): \(value)")
                }
                ccurl_set_pointer(handle, CURLOPT_HTTPHEADER, headerList)
                ccurl_set_callback(handle, CURLOPT_WRITEFUNCTION, Sink.body)
                ccurl_set_pointer(handle, CURLOPT_WRITEDATA, context)
                ccurl_set_callback(handle, CURLOPT_HEADERFUNCTION, Sink.header)
                ccurl_set_pointer(handle, CURLOPT_HEADERDATA, context)
                return curl_easy_perform(handle)
            }
        }
        guard code == CURLE_OK else {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw CalDAVError.unreachable(detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail)
        }
        var status = 0
        ccurl_response_code(handle, &status)
        return HTTPAnswer(status: status, headers: sink.headers, body: sink.data)
    }
}

/// Collects what libcurl hands over, on the calling thread.
private final class Sink {
    var data = Data()
    var headers: [String: String] = [:]

    static let body: ccurl_callback = { pointer, size, count, context in
        let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
        let length = size * count
        if let pointer {
            sink.data.append(UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: length)
        }
        return length
    }

    static let header: ccurl_callback = { pointer, size, count, context in
        let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
        let length = size * count
        guard let pointer else { return length }
        let line = String(
            decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
        if line.hasPrefix("HTTP/") { sink.headers = [:] }  // a new answer (after a 100)
        if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            sink.headers[name] = value
        }
        return length
    }
}
