import Foundation
import KioskCore

/// `[help]` and `[assist]`: who is told when a person asks for help, and how an aidant's
/// viewer reaches the kiosk. Plain RFB is never offered beyond loopback: LibVNCServer has no
/// encryption of its own, so a viewer elsewhere comes through an SSH tunnel to the loopback
/// port, or the kiosk dials out over TLS.
public struct HelpSettings: Equatable, Sendable {
    /// An executable run with the request as JSON on its standard input (no arguments).
    public var hookCommand = ""
    /// An HTTPS URL the request is POSTed to, signed with HMAC-SHA256.
    public var hookURL: URL?
    /// The HMAC key's file (readable by the kiosk's user only).
    public var hookKeyFile = ""
    /// Seconds the kiosk says "we are looking for someone" before offering another way.
    public var waitSeconds: Double = 300

    public var hasHook: Bool { !hookCommand.isEmpty || hookURL != nil }
}

/// An address to dial: host and TCP port.
public struct HostPort: Equatable, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var description: String { "\(host):\(port)" }

    /// "host:port" or "[v6]:port".
    init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (1...65535).contains(port)
        else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || ".-:".contains($0) }) else { return nil }
        self.host = host
        self.port = port
    }

    var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.") }
}

public struct AssistSettings: Equatable, Sendable {
    /// The loopback port viewers connect to (through an SSH tunnel); nil: none.
    public var listenPort: Int?
    /// A listening viewer or repeater to dial, in plain RFB: loopback only (a local tunnel).
    public var dial: HostPort?
    /// A listening viewer to dial over TLS, its certificate checked against `tlsCA`.
    public var dialTLS: HostPort?
    public var tlsCA = ""
    /// A client certificate and key for the TLS dial, when the aidant's side asks for one.
    public var tlsCert = ""
    public var tlsKey = ""
    /// UltraVNC repeater mode II: the ID sent before RFB ("" = no repeater).
    public var repeaterID = ""
    /// The aidant's name shown in the question ("" = "un aidant").
    public var aidantName = ""
    /// Minutes a one-time secret stays valid.
    public var secretMinutes: Double = 15
    public var consentSeconds: Double = 60
    public var idleMinutes: Double = 10
    public var maxMinutes: Double = 30

    public var enabled: Bool { listenPort != nil || dial != nil || dialTLS != nil }
}

extension KioskConfig {
    static let helpKeys = [
        "help.hook_command", "help.hook_url", "help.hook_key_file", "help.wait_seconds", "assist.listen",
        "assist.dial", "assist.dial_tls", "assist.tls_ca", "assist.tls_cert", "assist.tls_key", "assist.repeater_id",
        "assist.aidant_name", "assist.secret_minutes", "assist.consent_seconds", "assist.idle_minutes",
        "assist.max_minutes",
    ]

    /// Sets a `[help]`, `[assist]` or `[places]` key; false when the key is not one of them.
    mutating func setHelp(_ key: String, _ value: String) throws -> Bool {
        switch key {
        case "help.hook_command":
            guard value.isEmpty || value.hasPrefix("/") else {
                throw ValueError(text: "\"\(value)\" is not an absolute path to an executable")
            }
            help.hookCommand = value
        case "help.hook_url":
            help.hookURL = try Self.hookURL(value)
        case "help.hook_key_file": help.hookKeyFile = try Self.absolutePath(value)
        case "help.wait_seconds": help.waitSeconds = try Self.seconds(value, min: 30, max: 3600)
        case "assist.listen":
            assist.listenPort = try Self.loopbackPort(value)
        case "assist.dial":
            guard let target = HostPort(value) else { throw ValueError(text: "\"\(value)\" is not host:port") }
            guard target.isLoopback else {
                throw ValueError(
                    text:
                        "plain RFB is not encrypted: dialling \(target.host) in clear is refused; "
                        + "use assist.dial_tls = \(target) (or a tunnel ending on 127.0.0.1)"
                )
            }
            assist.dial = target
        case "assist.dial_tls":
            guard let target = HostPort(value) else { throw ValueError(text: "\"\(value)\" is not host:port") }
            assist.dialTLS = target
        case "assist.tls_ca": assist.tlsCA = try Self.absolutePath(value)
        case "assist.tls_cert": assist.tlsCert = try Self.absolutePath(value)
        case "assist.tls_key": assist.tlsKey = try Self.absolutePath(value)
        case "assist.repeater_id":
            guard value.count <= 249, value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                throw ValueError(text: "\"\(value)\" is not a repeater ID (letters and digits, at most 249)")
            }
            assist.repeaterID = value
        case "assist.aidant_name":
            guard value.count <= 60 else { throw ValueError(text: "is longer than 60 characters") }
            assist.aidantName = value
        case "assist.secret_minutes": assist.secretMinutes = try Self.minutes(value, min: 1, max: 120)
        case "assist.consent_seconds": assist.consentSeconds = try Self.seconds(value, min: 15, max: 300)
        case "assist.idle_minutes": assist.idleMinutes = try Self.minutes(value, min: 1, max: 120)
        case "assist.max_minutes": assist.maxMinutes = try Self.minutes(value, min: 5, max: 480)
        case "places.position": placesPosition = try Self.position(value)
        case "places.alsace_moselle": alsaceMoselle = try Self.bool(value)
        default:
            return false
        }
        return true
    }

    /// The whole-file checks of `[help]` and `[assist]`.
    func helpProblems(file: String, seen: [String: Int]) -> [Problem] {
        var problems: [Problem] = []
        func problem(_ key: String, _ message: String) {
            problems.append(Problem(file: file, line: seen[key] ?? 0, key: key, message: message))
        }
        if assist.enabled && !help.hasHook {
            let key = ["assist.listen", "assist.dial", "assist.dial_tls"].first { seen[$0] != nil } ?? "assist.listen"
            problem(
                key,
                "remote help needs help.hook_command or help.hook_url: the aidant learns the one-time password there")
        }
        if assist.dialTLS != nil && assist.tlsCA.isEmpty {
            problem("assist.dial_tls", "needs assist.tls_ca, the CA file that signed the aidant's certificate")
        }
        if assist.tlsCert.isEmpty != assist.tlsKey.isEmpty {
            problem(
                assist.tlsCert.isEmpty ? "assist.tls_key" : "assist.tls_cert",
                "a client certificate needs both tls_cert and tls_key")
        }
        if help.hookURL != nil && help.hookKeyFile.isEmpty {
            problem("help.hook_url", "needs help.hook_key_file, the key that signs each request (HMAC-SHA256)")
        }
        return problems
    }

    static func minutes(_ value: String, min: Double, max: Double) throws -> Double {
        guard let number = Double(value), number.isFinite, number >= min, number <= max else {
            throw ValueError(text: "\"\(value)\" is not a number of minutes between \(Int(min)) and \(Int(max))")
        }
        return number
    }

    static func absolutePath(_ value: String) throws -> String {
        guard value.hasPrefix("/") else { throw ValueError(text: "\"\(value)\" is not an absolute path") }
        return value
    }

    /// "5900" or "127.0.0.1:5900"; any other address is refused with the reason.
    static func loopbackPort(_ value: String) throws -> Int? {
        if value.isEmpty || value == "off" { return nil }
        if let port = Int(value), (1...65535).contains(port) { return port }
        guard let address = HostPort(value) else {
            throw ValueError(text: "\"\(value)\" is not a port or 127.0.0.1:port")
        }
        guard address.isLoopback else {
            throw ValueError(
                text:
                    "plain RFB is not encrypted: the kiosk listens on loopback only (127.0.0.1:\(address.port)); "
                    + "reach it through an SSH tunnel, or use assist.dial_tls"
            )
        }
        return address.port
    }

    /// HTTPS only, but for loopback (a local relay, tests).
    static func hookURL(_ value: String) throws -> URL? {
        if value.isEmpty { return nil }
        guard let url = URL(string: value), let scheme = url.scheme?.lowercased(), let host = url.host else {
            throw ValueError(text: "\"\(value)\" is not a URL")
        }
        let loopback = ["127.0.0.1", "::1", "localhost"].contains(host)
        guard scheme == "https" || (scheme == "http" && loopback) else {
            throw ValueError(
                text: "\"\(value)\" must be https:// (http only to 127.0.0.1): the request carries a password")
        }
        return url
    }
}
