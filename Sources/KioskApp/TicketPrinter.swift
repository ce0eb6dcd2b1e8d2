import Foundation
import KioskCore
import KioskRender
import KioskUI

/// Where tickets go: a CUPS queue (`lp`), an ESC/POS thermal printer's device file, or
/// nowhere (then the ticket is kept as PNG and the screen shows the details large).
public enum PrinterKind: String, Sendable, CaseIterable {
    case none, cups, escpos
}

/// What went wrong, naming the queue or device and what happened.
public enum TicketPrintProblem: Error, Equatable, CustomStringConvertible {
    case notConfigured
    case render(String)
    case lpFailed(queue: String, status: Int32, message: String)
    case lpMissing(String)
    case timedOut(what: String, seconds: Int)
    case device(path: String, reason: String)

    public var description: String {
        switch self {
        case .notConfigured: return "no printer is configured ([printer] kind = none)"
        case .render(let why): return "the ticket could not be drawn: \(why)"
        case .lpFailed(let queue, let status, let message): return "lp -d \(queue) failed (exit \(status)): \(message)"
        case .lpMissing(let why): return "lp could not be started: \(why)"
        case .timedOut(let what, let seconds): return "\(what) did not finish within \(seconds) s"
        case .device(let path, let reason): return "printer device \(path): \(reason)"
        }
    }
}

/// Renders tickets with the kiosk's own renderer (fonts of its own: it runs on the worker's
/// thread) and sends them to the configured printer.
public final class TicketPrinter: @unchecked Sendable {
    public let kind: PrinterKind
    public let queue: String
    public let device: String
    /// Where PNG copies are kept (headless runs, and when there is no printer).
    public let directory: URL?
    /// The `lp` program (tests put a fake first).
    public var lp = URL(fileURLWithPath: "/usr/bin/lp")
    public var timeout: TimeInterval = 20
    private let lock = NSLock()
    private var fonts: FontBook?

    public init(kind: PrinterKind, queue: String = "", device: String = "", directory: URL?) {
        self.kind = kind
        self.queue = queue
        self.device = device
        self.directory = directory
    }

    /// Draws the ticket; returns the renderer holding it (576 px wide).
    public func render(_ ticket: TicketContent) throws(TicketPrintProblem) -> Renderer {
        lock.lock()
        defer { lock.unlock() }
        do {
            if fonts == nil { fonts = try FontBook() }
            let measure = try Renderer(size: Size(width: TicketLayout.width, height: 16), fonts: fonts!)
            let scene = TicketLayout.scene(ticket, qr: QRMatrix.encode(ticket.qrPayload), measurer: measure.measurer)
            let renderer = try Renderer(size: scene.size, fonts: fonts!)
            renderer.draw(scene)
            return renderer
        } catch {
            throw .render("\(error)")
        }
    }

    /// Draws any page laid out for the ticket paper.
    public func render(page: (TextMeasurer) -> Scene) throws(TicketPrintProblem) -> Renderer {
        lock.lock()
        defer { lock.unlock() }
        do {
            if fonts == nil { fonts = try FontBook() }
            let measure = try Renderer(size: Size(width: TicketLayout.width, height: 16), fonts: fonts!)
            let scene = page(measure.measurer)
            let renderer = try Renderer(size: scene.size, fonts: fonts!)
            renderer.draw(scene)
            return renderer
        } catch {
            throw .render("\(error)")
        }
    }

    /// Prints (or keeps) the ticket; returns the PNG written, if any.
    @discardableResult
    public func print(_ ticket: TicketContent, name: String) throws(TicketPrintProblem) -> URL? {
        try output(try render(ticket), name: name)
    }

    /// Prints (or keeps) a page already drawn.
    @discardableResult
    public func output(_ renderer: Renderer, name: String) throws(TicketPrintProblem) -> URL? {
        var png: URL?
        if let directory {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let url = directory.appendingPathComponent("\(name).png")
            if (try? renderer.savePNG(to: url.path)) != nil { png = url }
        }
        switch kind {
        case .none:
            throw .notConfigured
        case .cups:
            let file = png ?? FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-ticket-\(name).png")
            if png == nil {
                do { try renderer.savePNG(to: file.path) } catch { throw .render("\(error)") }
            }
            try runLP(file)
        case .escpos:
            try writeDevice(EscPos.document(renderer: renderer))
        }
        return png
    }

    private func runLP(_ file: URL) throws(TicketPrintProblem) {
        let process = Process()
        process.executableURL = lp
        process.arguments = ["-d", queue, "-o", "fit-to-page", file.path]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { throw .lpMissing("\(lp.path): \(error.localizedDescription)") }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            throw .timedOut(what: "lp -d \(queue)", seconds: Int(timeout))
        }
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0 else {
            throw .lpFailed(queue: queue, status: process.terminationStatus, message: message)
        }
    }

    /// Writes to the device file without blocking forever on a stalled printer.
    private func writeDevice(_ bytes: [UInt8]) throws(TicketPrintProblem) {
        let fd = open(device, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw .device(path: device, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var offset = 0
        let deadline = Date().addingTimeInterval(timeout)
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                offset += n
            } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                guard Date() < deadline else { throw .timedOut(what: "writing to \(device)", seconds: Int(timeout)) }
                Thread.sleep(forTimeInterval: 0.02)
            } else {
                throw .device(path: device, reason: String(cString: strerror(errno)))
            }
        }
    }
}

/// ESC/POS for 80 mm printers: initialise, a raster image (GS v 0) in bands, feed and cut.
public enum EscPos {
    /// The printer's bytes for an ARGB image of `width` × `height` (dark pixels print).
    public static func document(pixels: (Int, Int) -> UInt32, width: Int, height: Int) -> [UInt8] {
        var out: [UInt8] = [0x1B, 0x40]  // ESC @: initialise
        let bytesPerRow = (width + 7) / 8
        let band = 256  // lines per GS v 0 command, kept small for printers' buffers
        var y0 = 0
        while y0 < height {
            let lines = min(band, height - y0)
            out += [0x1D, 0x76, 0x30, 0x00, UInt8(bytesPerRow & 0xFF), UInt8(bytesPerRow >> 8), UInt8(lines & 0xFF), UInt8(lines >> 8)]
            for y in y0..<(y0 + lines) {
                for bx in 0..<bytesPerRow {
                    var byte: UInt8 = 0
                    for bit in 0..<8 {
                        let x = bx * 8 + bit
                        guard x < width else { continue }
                        let p = pixels(x, y)
                        let luminance = (Int((p >> 16) & 0xFF) * 299 + Int((p >> 8) & 0xFF) * 587 + Int(p & 0xFF) * 114) / 1000
                        if luminance < 128 { byte |= 0x80 >> UInt8(bit) }
                    }
                    out.append(byte)
                }
            }
            y0 += lines
        }
        out += [0x1B, 0x64, 0x04]  // ESC d 4: feed four lines
        out += [0x1D, 0x56, 0x42, 0x00]  // GS V B 0: feed to the cutter and cut
        return out
    }

    static func document(renderer: Renderer) -> [UInt8] {
        document(pixels: { renderer.pixel(x: $0, y: $1) }, width: renderer.size.width, height: renderer.size.height)
    }
}
