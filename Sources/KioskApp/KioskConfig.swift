import Foundation
import KioskCore
import KioskUI

/// The kiosk's configuration: one human-editable file of `key = value` lines in
/// `[sections]`, `#` for comments. Every key, its default and its range are documented in
/// `Assets/passerelle.conf`. An unknown key, a repeated key or a bad value is an error that
/// names the file, the line and the key.
public struct KioskConfig: Equatable, Sendable {
    public var siteName = "Passerelle"
    public var helpDesk = ""
    public var defaultLanguage: Language = .fr
    /// nil: the display's size (fullscreen) or 1080×1920 (window, headless).
    public var size: Size? = nil
    public var fullscreen = false
    /// Seconds after a new screen during which a tap cannot fire its controls (double taps).
    public var newScreenGuard: Double = 0.5
    public var idleTimeout: Double = 90
    /// Seconds without input on the saved appointment's screen (copying the ticket).
    public var ticketTimeout: Double = 180
    /// Seconds the goodbye stays, in the person's language, after "Finish".
    public var goodbyeDuration: Double = 5
    public var warningDuration: Double = 30
    public var attractAfter: Double = 120
    /// "sha256:<iterations>:<salt hex>:<hash hex>"; empty disables admin mode.
    public var adminPinHash = ""
    public var sound = true
    /// The voice (`[speech]`, KioskConfig+Speech.swift): it can speak; words per minute; each
    /// person starts with it on; their volume (1 to 7); the headphone jack (auto, none, a path).
    public var speech = true
    public var speechRate = 145
    public var voiceAtStart = true
    public var speechVolume = 5
    public var headsetSwitch = "auto"
    /// Where tickets are printed: none (nothing kept, shown large), cups (`lp -d queue`) or
    /// escpos (raw ESC/POS to `device`).
    public var printerKind: PrinterKind = .none
    public var printerQueue = ""
    public var printerDevice = ""

    /// A person may cancel at the kiosk until this many hours before the appointment.
    public var cancelUntilHours = 4
    /// And move it until this many days before.
    public var moveUntilDays = 2
    /// Who is told when a person asks for help (`[help]`).
    public var help = HelpSettings()
    /// How an aidant's viewer reaches the kiosk (`[assist]`).
    public var assist = AssistSettings()

    /// Where the kiosk stands (WGS 84): the places of help are listed nearest first.
    public var placesPosition: GeoPoint? = nil
    /// Good Friday and 26 December are public holidays (Bas-Rhin, Haut-Rhin, Moselle).
    public var alsaceMoselle = false

    public var bookingRules: BookingRules {
        BookingRules(cancelUntilHoursBefore: cancelUntilHours, moveUntilDaysBefore: moveUntilDays)
    }

    public init() {}

    public var policy: KioskPolicy {
        var policy = KioskPolicy(
            idleTimeout: idleTimeout, warningDuration: warningDuration, attractAfter: attractAfter,
            defaultLanguage: defaultLanguage, adminEnabled: !adminPinHash.isEmpty,
            helpDesk: helpDesk, siteName: siteName)
        policy.ticketTimeout = ticketTimeout
        policy.helpHereEnabled = help.hasHook
        policy.remote.enabled = assist.enabled && help.hasHook
        policy.remote.helpWait = help.waitSeconds
        policy.remote.aidantName = assist.aidantName
        policy.remote.consentTimeout = assist.consentSeconds
        policy.remote.idleLimit = assist.idleMinutes * 60
        policy.remote.maxDuration = assist.maxMinutes * 60
        policy.placesPosition = placesPosition
        policy.alsaceMoselle = alsaceMoselle
        policy.goodbyeDuration = goodbyeDuration
        policy.voice = VoicePolicy(available: speech, onAtStart: voiceAtStart, volume: speechVolume)
        policy.printerConfigured = printerKind != .none
        return policy
    }

    // MARK: - Errors

    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var key: String?
        public var message: String

        public var description: String {
            if let key { return "\(file):\(line): \(key): \(message)" }
            return "\(file):\(line): \(message)"
        }
    }

    public struct Problems: Error, CustomStringConvertible {
        public var problems: [Problem]
        public var description: String { problems.map(\.description).joined(separator: "\n") }
    }

    // MARK: - Parsing

    /// The largest configuration file read, in bytes: the shipped one, fully commented, is 3 KB.
    public static let maxBytes = 64 * 1024

    public static func load(path: String) throws -> KioskConfig {
        let data: Data
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            guard size <= maxBytes else {
                throw Problems(problems: [
                    Problem(
                        file: path, line: 0, key: nil,
                        message: "is \(size) bytes; a configuration file is at most \(maxBytes) bytes")
                ])
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let problems as Problems {
            throw problems
        } catch {
            throw Problems(problems: [
                Problem(file: path, line: 0, key: nil, message: "cannot be read: \(error.localizedDescription)")
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Problems(problems: [Problem(file: path, line: 0, key: nil, message: "is not UTF-8 text")])
        }
        return try parse(text, file: path)
    }

    /// A control character other than a tab (NUL, ESC…) on a line: refused, with its code.
    static func controlCharacter(in line: Substring, file: String, line number: Int) -> Problem? {
        guard
            let control = line.unicodeScalars.first(where: { $0 != "\t" && $0.properties.generalCategory == .control })
        else { return nil }
        let code = String(format: "%04X", control.value)
        return Problem(
            file: file, line: number, key: nil,
            message: "a control character (U+\(code)) is not allowed in a configuration file")
    }

    /// Parses a whole file and reports every problem at once, not only the first.
    public static func parse(_ text: String, file: String) throws -> KioskConfig {
        var config = KioskConfig()
        var problems: [Problem] = []
        var section = ""
        var seen: [String: Int] = [:]
        // Every newline counts (a file saved on Windows has CRLF: "\r\n" is one Character).
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = index + 1
            if let problem = controlCharacter(in: rawLine, file: file, line: lineNumber) {
                problems.append(problem)
                continue
            }
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else {
                    problems.append(
                        Problem(
                            file: file, line: lineNumber, key: nil, message: "a section header must look like [name]"))
                    continue
                }
                section = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                if !Self.sections.contains(section) {
                    problems.append(
                        Problem(
                            file: file, line: lineNumber, key: "[\(section)]",
                            message:
                                "unknown section; known sections: "
                                + "\(Self.sections.map { "[\($0)]" }.joined(separator: ", "))"
                        ))
                }
                continue
            }
            guard let eq = line.firstIndex(of: "=") else {
                problems.append(Problem(file: file, line: lineNumber, key: nil, message: "expected \"key = value\""))
                continue
            }
            let name = line[..<eq].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            let key = section.isEmpty ? name : "\(section).\(name)"
            if let first = seen[key] {
                problems.append(
                    Problem(file: file, line: lineNumber, key: key, message: "already set on line \(first)"))
                continue
            }
            seen[key] = lineNumber
            do {
                try config.set(key, value)
            } catch let message as ValueError {
                problems.append(Problem(file: file, line: lineNumber, key: key, message: message.text))
            }
        }
        if problems.isEmpty, config.attractAfter < 1 {
            problems.append(
                Problem(
                    file: file, line: seen["idle.attract_after"] ?? 0, key: "idle.attract_after",
                    message: "must be positive"))
        }
        if config.printerKind == .cups && config.printerQueue.isEmpty {
            problems.append(
                Problem(
                    file: file, line: seen["printer.kind"] ?? 0, key: "printer.queue",
                    message: "kind = cups needs the CUPS queue's name"))
        }
        if config.printerKind == .escpos && config.printerDevice.isEmpty {
            problems.append(
                Problem(
                    file: file, line: seen["printer.kind"] ?? 0, key: "printer.device",
                    message: "kind = escpos needs the printer's device path"))
        }
        problems += config.helpProblems(file: file, seen: seen)
        if !problems.isEmpty { throw Problems(problems: problems) }
        return config
    }

    struct ValueError: Error { var text: String }

    static let sections = ["kiosk", "idle", "admin", "speech", "booking", "printer", "places", "help", "assist"]
    public static let keys =
        [
            "kiosk.site_name", "kiosk.help_desk", "kiosk.default_language", "kiosk.size", "kiosk.fullscreen",
            "kiosk.sound", "kiosk.new_screen_guard", "idle.timeout", "idle.ticket_timeout", "idle.goodbye",
            "idle.warning", "idle.attract_after", "admin.pin_hash",
            "booking.cancel_until_hours", "booking.move_until_days",
            "printer.kind", "printer.queue", "printer.device", "places.position", "places.alsace_moselle",
        ] + speechKeys + helpKeys

    private mutating func set(_ key: String, _ value: String) throws {
        switch key {
        case "kiosk.site_name":
            guard !value.isEmpty else { throw ValueError(text: "must not be empty") }
            siteName = value
        case "kiosk.help_desk": helpDesk = value
        case "kiosk.default_language":
            guard let language = Language(rawValue: value) else {
                let languages = Language.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValueError(text: "\"\(value)\" is not a language; use one of \(languages)")
            }
            defaultLanguage = language
        case "kiosk.size":
            if value == "auto" { size = nil; return }
            guard let parsed = Size(parsing: value), parsed.isScreenSize else {
                throw ValueError(
                    text: "\"\(value)\" is not a screen size; write WIDTHxHEIGHT (640x480 to 7680x7680) or auto")
            }
            size = parsed
        case "kiosk.fullscreen": fullscreen = try Self.bool(value)
        case "kiosk.sound": sound = try Self.bool(value)
        case "kiosk.new_screen_guard":
            guard let seconds = Double(value), seconds.isFinite, (0...2).contains(seconds) else {
                throw ValueError(text: "\"\(value)\" is not a number of seconds between 0 and 2")
            }
            newScreenGuard = seconds
        case "printer.kind":
            guard let kind = PrinterKind(rawValue: value) else {
                throw ValueError(text: "\"\(value)\" is not a printer kind; use none, cups or escpos")
            }
            printerKind = kind
        case "printer.queue":
            guard value.allSatisfy({ $0.isLetter || $0.isNumber || "-_.@".contains($0) }) else {
                throw ValueError(text: "\"\(value)\" is not a CUPS queue name (letters, digits, - _ . @)")
            }
            printerQueue = value
        case "printer.device":
            guard value.hasPrefix("/") else {
                throw ValueError(text: "\"\(value)\" is not an absolute device path (like /dev/usb/lp0)")
            }
            printerDevice = value
        case "booking.cancel_until_hours":
            guard let hours = Int(value), (0...168).contains(hours) else {
                throw ValueError(text: "\"\(value)\" is not a number of hours between 0 and 168")
            }
            cancelUntilHours = hours
        case "booking.move_until_days":
            guard let days = Int(value), (0...30).contains(days) else {
                throw ValueError(text: "\"\(value)\" is not a number of days between 0 and 30")
            }
            moveUntilDays = days
        case "idle.timeout": idleTimeout = try Self.seconds(value, min: 10, max: 3600)
        case "idle.ticket_timeout": ticketTimeout = try Self.seconds(value, min: 30, max: 3600)
        case "idle.goodbye": goodbyeDuration = try Self.seconds(value, min: 2, max: 30)
        case "idle.warning":
            warningDuration = try Self.seconds(
                value, min: 20, max: 600, why: " (a person must be warned at least 20 seconds before a reset)")
        case "idle.attract_after": attractAfter = try Self.seconds(value, min: 10, max: 86400)
        case "admin.pin_hash":
            guard value.isEmpty || PinHash(encoded: value) != nil else {
                throw ValueError(
                    text:
                        "is not a PIN hash (sha256 with \(PinHash.iterationRange.lowerBound) to "
                        + "\(PinHash.iterationRange.upperBound) iterations); "
                        + "make one with `passerelle --hash-pin` (it reads the PIN on standard input)"
                )
            }
            adminPinHash = value
        default:
            guard try setSpeech(key, value) || setHelp(key, value) else {
                throw ValueError(text: "unknown key; known keys: \(Self.keys.joined(separator: ", "))")
            }
        }
    }

    /// "43.6747, 4.1360": latitude then longitude in degrees (a dot for decimals); empty: unknown.
    static func position(_ value: String) throws -> GeoPoint? {
        if value.isEmpty { return nil }
        let parts = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let latitude = Double(parts[0]), let longitude = Double(parts[1]),
            (-90...90).contains(latitude), (-180...180).contains(longitude), latitude != 0 || longitude != 0
        else {
            throw ValueError(
                text:
                    "\"\(value)\" is not a position; "
                    + "write the latitude and the longitude in degrees, with a dot: 43.6747, 4.1360"
            )
        }
        return GeoPoint(latitude: latitude, longitude: longitude)
    }

    static func bool(_ value: String) throws -> Bool {
        switch value.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: throw ValueError(text: "\"\(value)\" is not true or false")
        }
    }

    static func seconds(_ value: String, min: Double, max: Double, why: String = "") throws -> Double {
        guard let number = Double(value), number.isFinite else {
            throw ValueError(text: "\"\(value)\" is not a number of seconds")
        }
        guard number >= min, number <= max else {
            throw ValueError(text: "\(value) is out of range: between \(Int(min)) and \(Int(max)) seconds\(why)")
        }
        return number
    }
}
