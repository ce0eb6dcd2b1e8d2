// Passerelle — KioskCalDAV. Licensed under the EUPL-1.2.
import Foundation

/// What can go wrong talking to a calendar server.
public enum CalDAVError: Error, Equatable, CustomStringConvertible, Sendable {
    /// No HTTP answer (refused, DNS, TLS, timeout): the server is away; work offline.
    case unreachable(String)
    /// An HTTP answer that is not what CalDAV promises (401, 403, 500, a body we cannot read).
    case refused(status: Int, detail: String)

    public var description: String {
        switch self {
        case .unreachable(let detail): return "server unreachable: \(detail)"
        case .refused(let status, let detail): return "HTTP \(status)" + (detail.isEmpty ? "" : ": \(detail)")
        }
    }
}

/// One calendar of the configuration: a helper's own, or a place's shared by its helpers.
public struct CalendarRef: Hashable, Sendable {
    public enum Owner: Hashable, Sendable {
        case helper(String)
        case place(String)
    }

    public var owner: Owner
    /// The calendar collection, ending with "/".
    public var url: URL

    public init(owner: Owner, url: URL) {
        self.owner = owner
        self.url = url
    }

    /// "helper:amina", "place:france-services-lunel": the name in statuses and the store.
    public var name: String {
        switch owner {
        case .helper(let key): return "helper:\(key)"
        case .place(let key): return "place:\(key)"
        }
    }
}

/// `caldav.conf` (docs/caldav.md): `key = value` lines, `#` comments.
///
/// ```
/// credentials = /etc/passerelle/caldav-credentials   # one line: user:password, mode 0600
///                                                     # or credential:caldav (systemd LoadCredential=)
/// ca_file = /etc/passerelle/caldav-ca.pem             # optional: a private CA
/// timeout = 15                                        # seconds per request (2-120)
/// helper.amina = https://dav.example.fr/calendars/passerelle/amina/
/// place.france-services-lunel = https://dav.example.fr/calendars/passerelle/fs-lunel/
/// ```
public struct CalDAVConfiguration: Sendable {
    public var calendars: [CalendarRef]
    public var credentials: String?
    public var caFile: String?
    public var timeout: TimeInterval

    public init(calendars: [CalendarRef], credentials: String?, caFile: String? = nil, timeout: TimeInterval = 15) {
        self.calendars = calendars
        self.credentials = credentials
        self.caFile = caFile
        self.timeout = timeout
    }

    /// The calendar a helper's appointments at a place go to: the helper's own, else the place's.
    public func calendar(helper: String, place: String) -> CalendarRef? {
        calendars.first { $0.owner == .helper(helper) } ?? calendars.first { $0.owner == .place(place) }
    }

    /// Reads and checks the file; every problem is one `FILE:LINE: key: message`.
    public static func load(_ path: String) throws(ConfigurationProblems) -> CalDAVConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationProblems(["\(path): cannot be read"])
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    static func parse(_ text: String, file: String) throws(ConfigurationProblems) -> CalDAVConfiguration {
        var problems: [String] = []
        var calendars: [CalendarRef] = []
        var credentialsFile: String?, caFile: String?, timeout: TimeInterval = 15
        var seen: Set<String> = []
        let base = URL(fileURLWithPath: file).deletingLastPathComponent()
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            let at = "\(file):\(index + 1)"
            guard let equals = trimmed.firstIndex(of: "=") else {
                problems.append("\(at): expected key = value, found \"\(trimmed)\"")
                continue
            }
            let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
            let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard seen.insert(key).inserted else {
                problems.append("\(at): \(key): given twice")
                continue
            }
            switch key {
            case "credentials":
                // "credential:NAME": the private copy systemd hands the service (LoadCredential=NAME:…).
                if value.hasPrefix("credential:") {
                    guard let directory = ProcessInfo.processInfo.environment["CREDENTIALS_DIRECTORY"] else {
                        problems.append(
                            "\(at): credentials: \(value) needs systemd's LoadCredential= (no CREDENTIALS_DIRECTORY)")
                        continue
                    }
                    credentialsFile =
                        URL(fileURLWithPath: directory).appendingPathComponent(
                            String(value.dropFirst("credential:".count))
                        ).path
                } else {
                    credentialsFile = URL(fileURLWithPath: value, relativeTo: base).path
                }
            case "ca_file":
                let path = URL(fileURLWithPath: value, relativeTo: base).path
                if FileManager.default.isReadableFile(atPath: path) {
                    caFile = path
                } else {
                    problems.append("\(at): ca_file: cannot read \(path)")
                }
            case "timeout":
                if let seconds = Double(value), (2...120).contains(seconds) {
                    timeout = seconds
                } else {
                    problems.append("\(at): timeout: must be between 2 and 120 seconds, found \"\(value)\"")
                }
            default:
                switch calendarRef(key: key, value: value) {
                case .success(let calendar): calendars.append(calendar)
                case .failure(let message): problems.append("\(at): \(key): \(message.text)")
                }
            }
        }
        var credentials: String?
        if let credentialsFile {
            switch readCredentials(credentialsFile) {
            case .success(let text): credentials = text
            case .failure(let message): problems.append("\(file): credentials: \(message.text)")
            }
        }
        guard problems.isEmpty else { throw ConfigurationProblems(problems) }
        return CalDAVConfiguration(calendars: calendars, credentials: credentials, caFile: caFile, timeout: timeout)
    }

    private static func calendarRef(key: String, value: String) -> Result<CalendarRef, Message> {
        let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, ["helper", "place"].contains(parts[0]), !parts[1].isEmpty else {
            return .failure(Message("unknown key (credentials, ca_file, timeout, helper.ID, place.ID)"))
        }
        guard var url = URL(string: value), let scheme = url.scheme?.lowercased(), let host = url.host else {
            return .failure(Message("not a URL: \"\(value)\""))
        }
        // Credentials never travel in clear, except to this machine (tests, a local proxy).
        guard scheme == "https" || (scheme == "http" && ["127.0.0.1", "localhost", "::1"].contains(host)) else {
            return .failure(Message("must be https:// (http:// only to 127.0.0.1 or localhost)"))
        }
        if !url.absoluteString.hasSuffix("/") { url = URL(string: url.absoluteString + "/")! }
        return .success(CalendarRef(owner: parts[0] == "helper" ? .helper(parts[1]) : .place(parts[1]), url: url))
    }

    /// `user:password` on the first line of a file only the kiosk's user may read.
    private static func readCredentials(_ path: String) -> Result<String, Message> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(Message("cannot read \(path)")) }
        guard info.st_mode & 0o077 == 0 else {
            return .failure(
                Message(
                    "\(path) is readable or writable by group or others "
                        + "(mode \(String(info.st_mode & 0o777, radix: 8))): chmod 600 it"
                ))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Message("cannot read \(path)"))
        }
        let line = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        guard line.contains(":"), !line.hasPrefix(":") else {
            return .failure(Message("\(path) must hold one line user:password"))
        }
        return .success(line)
    }
}

struct Message: Error { var text: String; init(_ text: String) { self.text = text } }

/// Every problem of a configuration file, one line each.
public struct ConfigurationProblems: Error, CustomStringConvertible, Sendable {
    public var lines: [String]
    init(_ lines: [String]) { self.lines = lines }
    public var description: String { lines.joined(separator: "\n") }
}
