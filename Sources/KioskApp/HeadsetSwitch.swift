import CLinuxInput
import Foundation

/// The headphone jack, as Linux reports it: the sound card's jack is an input device with a
/// switch (`EV_SW`, `SW_HEADPHONE_INSERT`) that turns on when a plug goes in. Reading it lets
/// a person who cannot see the screen start the voice by plugging in their own headset
/// (EN 301 549, 5.1.3.2; EAA Annex I), and lets the kiosk say their details into it only.
///
/// A thread blocks on the device and calls `onChange` at each change (and once at start with
/// the jack's state). `[speech] headset` names the device, or `auto` finds it in
/// `/sys/class/input`.
public final class HeadsetSwitch: @unchecked Sendable {
    /// `SW_HEADPHONE_INSERT` and `EV_SW` (linux/input-event-codes.h).
    static let headphoneInsert = 0x02
    static let switchEvent: UInt16 = 0x05
    /// `struct input_event` on a 64-bit kernel: a timeval (16 bytes), type, code, value.
    static let eventSize = 24

    public let path: String
    /// Reads for the life of the process: the reader owns the descriptor.
    private let thread: Thread

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Opens `path` and starts reading it. A FIFO works too (the tests write events into one).
    public init(path: String, onChange: @escaping @Sendable (Bool) -> Void) throws {
        self.path = path
        // Opened without blocking (a FIFO with no writer yet would hold the main loop), then
        // read blocking on the thread.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            throw Failure(description: "\(path) cannot be opened: \(String(cString: strerror(errno)))")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        if let plugged = Self.switchState(fd: fd) { onChange(plugged) }
        let reader = EventReader(fd: fd, path: path, onChange: onChange)
        thread = Thread { reader.run() }
        thread.name = "passerelle.headset"
        thread.start()
    }

    /// Whether a headset is in now (EVIOCGSW); nil if the file is not an input device.
    static func switchState(fd: Int32) -> Bool? {
        var bits = [UInt8](repeating: 0, count: 8)
        guard passerelle_switch_state(fd, &bits, Int32(bits.count)) >= 0 else { return nil }
        return bits[headphoneInsert / 8] & UInt8(1 << (headphoneInsert % 8)) != 0
    }

    /// The input devices that have a headphone switch, from sysfs (`capabilities/sw` is a
    /// hexadecimal bitmap of the switches, lowest bits last): `/dev/input/eventN` paths.
    public static func find(sysfs: String = "/sys/class/input") -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sysfs)) ?? []
        return names.filter { $0.hasPrefix("event") }.sorted().filter { name in
            let capabilities = "\(sysfs)/\(name)/device/capabilities/sw"
            guard let text = try? String(contentsOfFile: capabilities, encoding: .utf8) else { return false }
            return hasHeadphoneSwitch(capabilities: text)
        }.map { "/dev/input/\($0)" }
    }

    /// Whether a sysfs `capabilities/sw` bitmap ("14" or "0 4": words, most significant
    /// first) has the headphone switch.
    static func hasHeadphoneSwitch(capabilities: String) -> Bool {
        let words = capabilities.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard let lowest = words.last, let value = UInt64(lowest, radix: 16) else { return false }
        return value & (1 << UInt64(headphoneInsert)) != 0
    }

    /// Reads whole events; a short or garbled read is skipped, never trusted.
    final class EventReader: @unchecked Sendable {
        var fd: Int32
        let path: String
        let onChange: @Sendable (Bool) -> Void

        init(fd: Int32, path: String, onChange: @escaping @Sendable (Bool) -> Void) {
            self.fd = fd
            self.path = path
            self.onChange = onChange
        }

        var isFIFO: Bool {
            var info = stat()
            return fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO
        }

        func run() {
            var buffer = [UInt8](repeating: 0, count: HeadsetSwitch.eventSize * 16)
            var pending: [UInt8] = []
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                // A FIFO (a test's, or a daemon's relay) is at its end whenever no writer holds
                // it: wait for the next one. An event device never ends while it exists.
                if count == 0, isFIFO, case let again = open(path, O_RDONLY | O_CLOEXEC), again >= 0 {
                    close(fd)
                    fd = again
                    continue
                }
                guard count > 0 else {
                    let reason = count == 0 ? "it was closed" : String(cString: strerror(errno))
                    FileHandle.standardError.write(
                        Data("passerelle: headset switch \(path) stopped: \(reason); the voice keys still work\n".utf8))
                    return
                }
                pending += buffer[0..<count]
                while pending.count >= HeadsetSwitch.eventSize {
                    if let plugged = HeadsetSwitch.headphoneChange(Array(pending.prefix(HeadsetSwitch.eventSize))) {
                        onChange(plugged)
                    }
                    pending.removeFirst(HeadsetSwitch.eventSize)
                }
            }
        }
    }

    /// The headphone switch's new state in one `input_event`, or nil for any other event.
    static func headphoneChange(_ event: [UInt8]) -> Bool? {
        guard event.count == eventSize else { return nil }
        func u16(_ at: Int) -> UInt16 { UInt16(event[at]) | UInt16(event[at + 1]) << 8 }
        let value = Int32(bitPattern: UInt32(u16(20)) | UInt32(u16(22)) << 16)
        guard u16(16) == switchEvent, Int(u16(18)) == headphoneInsert else { return nil }
        return value != 0
    }

    /// One `input_event` as the kernel writes it (little-endian), for tests and tools.
    public static func event(type: UInt16, code: UInt16, value: Int32) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 16)
        for v in [type, code] { bytes += [UInt8(v & 0xFF), UInt8(v >> 8)] }
        let raw = UInt32(bitPattern: value)
        bytes += (0..<4).map { UInt8((raw >> (8 * UInt32($0))) & 0xFF) }
        return bytes
    }

    /// A headset plugged in (true) or pulled out, followed by the kernel's SYN_REPORT.
    public static func plugEvents(_ plugged: Bool) -> [UInt8] {
        event(type: switchEvent, code: UInt16(headphoneInsert), value: plugged ? 1 : 0)
            + event(type: 0, code: 0, value: 0)
    }
}
