import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// The service manager's notification protocol (sd_notify(3)), spoken directly: one
/// datagram of `KEY=value` lines to the AF_UNIX socket named by `$NOTIFY_SOCKET`. Written
/// here rather than linked from libsystemd so that the appliance's binary depends on nothing
/// more, and so that the kiosk behaves the same outside systemd (no socket: every call is a
/// no-op).
///
/// The appliance's unit is `Type=notify` with `WatchdogSec=`: systemd starts the screens'
/// dependants once the kiosk said `READY=1` (after its first frame), and restarts it when
/// `WATCHDOG=1` stops coming, which is what a hung main loop looks like from outside.
public final class SystemdNotifier: @unchecked Sendable {
    /// The socket, as given: a path, or `@name` for an abstract socket.
    public let socketPath: String
    /// How often the main loop must send `WATCHDOG=1`: half of `$WATCHDOG_USEC`, as
    /// sd_watchdog_enabled(3) advises, so one late wake-up never costs a restart. nil: the
    /// unit has no watchdog (or it is meant for another process).
    public let watchdogInterval: TimeInterval?

    private let fd: Int32
    private let lock = NSLock()
    private var lastPing: UInt64 = 0

    public enum Problem: Error, CustomStringConvertible {
        case badSocket(String)
        case socket(String, Int32)

        public var description: String {
            switch self {
            case .badSocket(let path):
                return "NOTIFY_SOCKET=\(path): not an absolute path nor an abstract @name of at most 107 bytes"
            case .socket(let path, let code):
                return "NOTIFY_SOCKET=\(path): cannot open a datagram socket: \(String(cString: strerror(code)))"
            }
        }
    }

    /// The notifier the service manager asked for, or nil when not run as a notify service.
    /// Like `sd_notify(unset_environment: 1)` it removes the variables, so that a program the
    /// kiosk starts (lp, a reminder command) does not talk to systemd in its name.
    public static func fromEnvironment() -> SystemdNotifier? {
        let environment = ProcessInfo.processInfo.environment
        defer {
            for name in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"] { unsetenv(name) }
        }
        do {
            return try SystemdNotifier(environment: environment, pid: getpid())
        } catch {
            // Not fatal: the kiosk still works, only systemd will not hear from it.
            FileHandle.standardError.write(Data("passerelle: cannot notify systemd: \(error)\n".utf8))
            return nil
        }
    }

    /// nil when `environment` has no `NOTIFY_SOCKET`.
    public init?(environment: [String: String], pid: Int32 = getpid()) throws {
        guard let path = environment["NOTIFY_SOCKET"], !path.isEmpty else { return nil }
        guard (path.hasPrefix("/") || path.hasPrefix("@")), path.utf8.count < 108 else { throw Problem.badSocket(path) }
        socketPath = path
        watchdogInterval = Self.watchdogInterval(environment: environment, pid: pid)
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Problem.socket(path, errno) }
    }

    deinit { close(fd) }

    /// Half of `WATCHDOG_USEC`, if the watchdog is meant for this process (`WATCHDOG_PID`
    /// absent or equal to `pid`).
    static func watchdogInterval(environment: [String: String], pid: Int32) -> TimeInterval? {
        guard let text = environment["WATCHDOG_USEC"], let usec = UInt64(text), usec > 0 else { return nil }
        if let owner = environment["WATCHDOG_PID"], Int32(owner) != pid { return nil }
        return Double(usec) / 2_000_000
    }

    /// Sends one notification (`READY=1`, `STATUS=…`, several lines at once). Returns false
    /// when the datagram could not be sent (systemd gone, socket full): never fatal.
    @discardableResult
    public func send(_ state: String) -> Bool {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(socketPath.utf8)
        // An abstract socket's name starts with a NUL byte instead of "@", and its address
        // length counts exactly the name: no terminating NUL (unix(7)).
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
        let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path)!
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
        }
        let length = socklen_t(pathOffset + bytes.count + (bytes[0] == 0 ? 0 : 1))
        let payload = Array(state.utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { addr in
                payload.withUnsafeBytes { buffer in
                    sendto(fd, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL), addr, length)
                }
            }
        }
        return sent == payload.count
    }

    /// Sends `WATCHDOG=1` if a quarter of the watchdog time passed since the last one. The
    /// loop wakes at least every `watchdogInterval` (half the time) and calls this on every
    /// turn: sending at a quarter means a wake-up that comes a little early still pings, so
    /// the gap between two pings never exceeds half the watchdog time.
    public func keepAlive(now: UInt64 = monotonicNanoseconds()) {
        guard let interval = watchdogInterval else { return }
        lock.lock()
        let due = now &- lastPing >= UInt64(interval * 500_000_000)
        if due { lastPing = now }
        lock.unlock()
        if due { send("WATCHDOG=1") }
    }
}
