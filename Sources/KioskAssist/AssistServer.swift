// Passerelle — KioskAssist. Licensed under the EUPL-1.2.
import CVNCServer
import Foundation

/// What the remote side did, as the kiosk's loop takes it (`takeEvents`).
public enum AssistEvent: Equatable, Sendable {
    /// A viewer gave the one-time password (or needed none: a developer's watch): it is
    /// connected, and still sees nothing of the screen until the person says yes.
    case connected
    /// A connection was turned away before it saw anything, and why (journalled).
    case refused(String)
    /// The viewer's pointer: where, and whether its button is down.
    case pointer(x: Int, y: Int, pressed: Bool)
    /// A key from the viewer's keyboard (an X11 keysym).
    case key(keysym: UInt32, down: Bool)
    /// The viewer left or was disconnected; what was sent to it, in bytes.
    case disconnected(bytesSent: Int)
}

/// How viewers reach the kiosk.
public struct AssistTransport: Equatable, Sendable {
    /// The loopback port viewers connect to (an SSH tunnel, a developer's viewer); nil: none.
    public var listenPort: Int?
    public init(listenPort: Int?) { self.listenPort = listenPort }
}

/// The kiosk's screen over RFB, on LibVNCServer. It shares one framebuffer of its own, in the
/// kiosk's pixel format (ARGB8888), into which the loop copies only the damaged rectangles:
/// LibVNCServer then sends those alone, with the lossless encodings the viewer offers.
///
/// - At most one viewer at a time; a second is refused with a reason.
/// - Nobody connects unless a help request armed it with a one-time password (or a developer
///   started a local watch); an armed password expires.
/// - No clipboard, no file transfer, no HTTP server.
/// - Until `share(...)` is called the viewer sees the placeholder, never the screen.
///
/// LibVNCServer runs its own threads (one to accept, one per client); its callbacks only queue
/// events under a lock and wake the loop. Everything else is called from the loop's thread.
public final class AssistServer: @unchecked Sendable {
    public let width: Int
    public let height: Int
    let screen: rfbScreenInfoPtr
    private let framebuffer: UnsafeMutablePointer<UInt32>
    private let clock: @Sendable () -> Date
    let lock = NSLock()
    // Guarded by `lock`.
    private var events: [AssistEvent] = []
    var client: rfbClientPtr?
    var clientAuthenticated = false
    private var password: UnsafeMutablePointer<CChar>?
    private var passwordList: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    private var armedUntil: Date?
    var armed = false
    /// Wrong passwords for the armed secret; at `maxWrongPasswords` it is withdrawn.
    private var wrongPasswords = 0
    public static let maxWrongPasswords = 3
    private var wake: (@Sendable () -> Void)?
    private var running = false

    public init(width: Int, height: Int, clock: @escaping @Sendable () -> Date) {
        self.width = width
        self.height = height
        self.clock = clock
        framebuffer = .allocate(capacity: width * height)
        framebuffer.initialize(repeating: 0xFF30_3030, count: width * height)
        var argc: Int32 = 0
        // 8 bits per sample, 3 samples, 4 bytes per pixel; then the kiosk's own byte order:
        // ARGB8888 read as a little-endian 32-bit word has red at bit 16 and blue at bit 0.
        screen = rfbGetScreen(&argc, nil, Int32(width), Int32(height), 8, 3, 4)
        screen.pointee.frameBuffer = UnsafeMutableRawPointer(framebuffer).assumingMemoryBound(to: CChar.self)
        screen.pointee.serverFormat.redShift = 16
        screen.pointee.serverFormat.greenShift = 8
        screen.pointee.serverFormat.blueShift = 0
        screen.pointee.desktopName = UnsafePointer(strdup("Passerelle"))
        screen.pointee.alwaysShared = 0
        screen.pointee.neverShared = 1
        screen.pointee.dontDisconnect = 1
        screen.pointee.httpDir = nil
        screen.pointee.httpPort = 0
        screen.pointee.autoPort = 0
        screen.pointee.port = 0
        screen.pointee.ipv6port = 0
        screen.pointee.listenInterface = passerelle_loopback()
        screen.pointee.deferUpdateTime = 5
        screen.pointee.screenData = Unmanaged.passUnretained(self).toOpaque()
        screen.pointee.newClientHook = { cl in AssistServer.of(cl)?.clientArrived(cl) ?? RFB_CLIENT_REFUSE }
        screen.pointee.ptrAddEvent = { mask, x, y, cl in AssistServer.of(cl)?.pointer(mask, Int(x), Int(y), cl) }
        screen.pointee.kbdAddEvent = { down, keysym, cl in AssistServer.of(cl)?.key(down != 0, UInt32(keysym), cl) }
        // Lossless only: a viewer asking for JPEG quality (noVNC does) would get blurred text;
        // Tight then compresses with zlib alone.
        screen.pointee.displayHook = { cl in cl?.pointee.tightQualityLevel = -1 }
        // No clipboard either way.
        screen.pointee.setXCutText = { _, _, _ in }
        screen.pointee.setXCutTextUTF8 = { _, _, _ in }
    }

    deinit {
        // rfbShutdownServer frees the clients; rfbScreenCleanup after it would free them
        // again (seen as a crash at exit). The screen lives as long as the process.
        stop()
        lock.withLock { forgetPassword() }
    }

    private static func of(_ cl: rfbClientPtr?) -> AssistServer? {
        guard let data = cl?.pointee.screen?.pointee.screenData else { return nil }
        return Unmanaged<AssistServer>.fromOpaque(data).takeUnretainedValue()
    }

    // MARK: - Starting and stopping

    /// Starts the server's threads; listens on the loopback port when one is given.
    public func start(_ transport: AssistTransport, wake: @escaping @Sendable () -> Void) throws {
        lock.withLock { self.wake = wake }
        if let port = transport.listenPort {
            guard (1...65535).contains(port) else { throw AssistProblem("port \(port) is not a TCP port") }
            screen.pointee.port = Int32(port)
        } else {
            // No listening socket: only the connections the kiosk makes itself (dialling out).
            screen.pointee.port = 0
        }
        passerelle_init_server(screen)
        if transport.listenPort != nil && screen.pointee.listenSock < 0 {
            throw AssistProblem("cannot listen on 127.0.0.1:\(screen.pointee.port) (is the port taken?)")
        }
        rfbRunEventLoop(screen, -1, 1)
        lock.withLock { running = true }
    }

    public func stop() {
        let wasRunning = lock.withLock {
            let was = running
            running = false
            return was
        }
        if wasRunning { rfbShutdownServer(screen, 1) }
    }

    // MARK: - Who may connect

    /// Lets one viewer in with this password until `until` (nil: no expiry). A password of
    /// `nil` asks none: only for a developer's watch on loopback.
    public func arm(password: String?, until: Date?) {
        lock.withLock {
            forgetPassword()
            if let password {
                // VNC authentication uses the first 8 characters (DES): the secret is made 8 long.
                let copy = strdup(password)
                let list = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: 2)
                list[0] = copy
                list[1] = nil
                self.password = copy
                passwordList = list
                screen.pointee.authPasswdData = UnsafeMutableRawPointer(list)
                screen.pointee.passwordCheck = { cl, response, length in
                    AssistServer.of(cl)?.checkPassword(cl, response, length) ?? 0
                }
            } else {
                screen.pointee.authPasswdData = nil
                screen.pointee.passwordCheck = nil
            }
            armedUntil = until
            armed = true
            wrongPasswords = 0
        }
    }

    /// Nobody else may connect (the one connected, if any, stays until `disconnect`).
    public func disarm() {
        lock.withLock {
            armed = false
            armedUntil = nil
            forgetPassword()
        }
    }

    /// Called with the lock held.
    func forgetPassword() {
        if let password {
            memset(password, 0, strlen(password))
            free(password)
        }
        passwordList?.deallocate()
        password = nil
        passwordList = nil
        screen.pointee.authPasswdData = nil
    }

    // MARK: - Callbacks (LibVNCServer's threads)

    private func clientArrived(_ cl: rfbClientPtr?) -> rfbNewClientAction {
        guard let cl else { return RFB_CLIENT_REFUSE }
        let refusal: String? = lock.withLock {
            if client != nil { return "another aidant is already connected" }
            guard armed else { return "nobody asked for help at the kiosk" }
            if let armedUntil, clock() >= armedUntil { return "the help request's password has expired" }
            client = cl
            // One that came in must give the request's one-time password. A viewer the kiosk
            // dialled itself was chosen by the configuration (and, over TLS, proved by its
            // certificate): LibVNCServer asks it no password.
            // (`dialled` marks the ones the kiosk dialled, right after this hook.)
            clientAuthenticated = screen.pointee.authPasswdData == nil
            return nil
        }
        if let refusal {
            post(.refused(refusal))
            return RFB_CLIENT_REFUSE
        }
        cl.pointee.clientGoneHook = { cl in AssistServer.of(cl)?.clientLeft(cl) }
        if lock.withLock({ clientAuthenticated }) { post(.connected) }
        return RFB_CLIENT_ACCEPT
    }

    private func checkPassword(_ cl: rfbClientPtr?, _ response: UnsafePointer<CChar>?, _ length: Int32) -> rfbBool {
        let ok = rfbCheckPasswordByList(cl, response, length) != 0
        let withdrawn: Bool = lock.withLock {
            if ok && client == cl {
                clientAuthenticated = true
                // One time: the password lets in this viewer only.
                armed = false
                forgetPassword()
            } else if !ok {
                // Guessing: 8 characters of 55, and three tries per request.
                wrongPasswords += 1
                if wrongPasswords >= Self.maxWrongPasswords {
                    armed = false
                    forgetPassword()
                    return true
                }
            }
            return false
        }
        post(ok ? .connected : .refused("a wrong password was given"))
        if withdrawn { post(.refused("\(Self.maxWrongPasswords) wrong passwords: the secret is withdrawn")) }
        return ok ? 1 : 0
    }

    private func clientLeft(_ cl: rfbClientPtr?) {
        guard let cl else { return }
        let bytes = Int(rfbStatGetSentBytes(cl))
        let wasOurs = lock.withLock {
            guard client == cl else { return false }
            client = nil
            let authenticated = clientAuthenticated
            clientAuthenticated = false
            return authenticated
        }
        if wasOurs { post(.disconnected(bytesSent: bytes)) }
    }

    private func pointer(_ mask: Int32, _ x: Int, _ y: Int, _ cl: rfbClientPtr?) {
        guard lock.withLock({ client == cl && clientAuthenticated }) else { return }
        post(.pointer(x: min(max(x, 0), width - 1), y: min(max(y, 0), height - 1), pressed: mask & 1 != 0))
    }

    private func key(_ down: Bool, _ keysym: UInt32, _ cl: rfbClientPtr?) {
        guard lock.withLock({ client == cl && clientAuthenticated }) else { return }
        post(.key(keysym: keysym, down: down))
    }

    func post(_ event: AssistEvent) {
        let wake = lock.withLock {
            events.append(event)
            return self.wake
        }
        wake?()
    }

    /// Reports a failed attempt of the kiosk's own (a dial-out that did not connect).
    public func noteRefusal(_ reason: String) { post(.refused(reason)) }

    /// What happened since the last call, oldest first.
    public func takeEvents() -> [AssistEvent] {
        lock.withLock {
            let taken = events
            events = []
            return taken
        }
    }

    // MARK: - The picture

    /// Copies these rectangles of the kiosk's framebuffer (ARGB8888, `pitch` bytes a row) and
    /// marks them for sending: a viewer receives only what changed.
    public func share(_ source: UnsafeRawPointer, pitch: Int, rects: [(x: Int, y: Int, width: Int, height: Int)]) {
        for rect in rects {
            let x0 = max(rect.x, 0), y0 = max(rect.y, 0)
            let x1 = min(rect.x + rect.width, width), y1 = min(rect.y + rect.height, height)
            guard x1 > x0, y1 > y0 else { continue }
            for y in y0..<y1 {
                let from = source.advanced(by: y * pitch + x0 * 4)
                UnsafeMutableRawPointer(framebuffer.advanced(by: y * width + x0)).copyMemory(
                    from: from, byteCount: (x1 - x0) * 4)
            }
            rfbMarkRectAsModified(screen, Int32(x0), Int32(y0), Int32(x1), Int32(y1))
        }
    }

    /// What a viewer sees while the screen is not shared: a whole picture of its own.
    public func showPlaceholder(_ pixels: UnsafeRawPointer, pitch: Int) {
        share(pixels, pitch: pitch, rects: [(0, 0, width, height)])
    }

    /// Closes the viewer's connection (it gets no more pixels).
    public func disconnect() {
        lock.withLock {
            if let client { rfbCloseClient(client) }
        }
    }

    /// Whether a viewer is connected (authenticated).
    public var hasViewer: Bool { lock.withLock { client != nil && clientAuthenticated } }

    /// Bytes sent to the current viewer so far.
    public var viewerBytesSent: Int {
        lock.withLock { client.map { Int(rfbStatGetSentBytes($0)) } ?? 0 }
    }
}

/// Something the remote-help server cannot do, in one line.
public struct AssistProblem: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
