import Foundation
import KioskCore
import KioskRender
import KioskStore
import KioskUI

/// Where tickets go: a CUPS queue (`lp`), an ESC/POS thermal printer's device file, or
/// nowhere (then the screen shows the details large, to read or photograph).
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

/// Draws tickets and sends them to the configured printer, in two halves on two threads.
///
/// `draw` lays out and draws a page with the screen's fonts: call it on the render (main)
/// thread, because SDL_ttf and FreeType are not thread-safe. It returns plain pixels, which
/// `output` — on the worker's thread, since printing blocks — turns into what the printer
/// takes. A ticket shows a person's name: it is written to a file only when the printer needs
/// one (CUPS's `lp`), private, and deleted as soon as `lp` has handed it to CUPS.
public final class TicketPrinter: Sendable {
    public let kind: PrinterKind
    public let queue: String
    public let device: String
    /// Where `lp`'s file is written (`DATA_DIR/tickets`), or nil for the temporary directory.
    public let directory: URL?
    /// The `lp` program (tests put a fake first).
    public let lp: URL
    public let timeout: TimeInterval

    public init(
        kind: PrinterKind, queue: String = "", device: String = "", directory: URL?,
        lp: URL = URL(fileURLWithPath: "/usr/bin/lp"), timeout: TimeInterval = 20
    ) {
        self.kind = kind
        self.queue = queue
        self.device = device
        self.directory = directory
        self.lp = lp
        self.timeout = timeout
    }

    /// Draws the ticket (576 px wide) on the calling thread, which must be the render thread.
    public static func draw(_ ticket: TicketContent, fonts: FontBook) throws(TicketPrintProblem) -> PixelImage {
        try draw(fonts: fonts) { TicketLayout.scene(ticket, qr: QRMatrix.encode(ticket.qrPayload), measurer: $0) }
    }

    /// Draws any page laid out for the ticket paper, on the render thread.
    public static func draw(fonts: FontBook, page: (TextMeasurer) -> Scene) throws(TicketPrintProblem) -> PixelImage {
        do {
            let measure = try Renderer(size: Size(width: TicketLayout.width, height: 16), fonts: fonts)
            let scene = page(measure.measurer)
            // A renderer of its own, dropped after the copy: its text cache holds the name.
            let renderer = try Renderer(size: scene.size, fonts: fonts)
            renderer.draw(scene)
            return renderer.image()
        } catch {
            throw .render("\(error)")
        }
    }

    /// Prints a drawn page (blocking: call it off the render thread). `name` names `lp`'s file.
    public func output(_ page: PixelImage, name: String) throws(TicketPrintProblem) {
        switch kind {
        case .none:
            throw .notConfigured
        case .cups:
            let folder = directory ?? FileManager.default.temporaryDirectory
            let file = folder.appendingPathComponent("\(name).png")
            do {
                try DataDirectory.createPrivate(folder)
                try page.savePNG(to: file.path)
                DataDirectory.makePrivate(file: file.path)
            } catch {
                try? FileManager.default.removeItem(at: file)
                throw .render("\(error)")
            }
            // lp has sent the file's bytes to CUPS when it returns, whatever it answers.
            defer { try? FileManager.default.removeItem(at: file) }
            try runLP(file)
        case .escpos:
            try writeDevice(EscPos.document(page))
        }
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
            out += [
                0x1D, 0x76, 0x30, 0x00, UInt8(bytesPerRow & 0xFF), UInt8(bytesPerRow >> 8), UInt8(lines & 0xFF),
                UInt8(lines >> 8),
            ]
            for y in y0..<(y0 + lines) {
                for bx in 0..<bytesPerRow {
                    var byte: UInt8 = 0
                    for bit in 0..<8 {
                        let x = bx * 8 + bit
                        guard x < width else { continue }
                        let p = pixels(x, y)
                        let luminance =
                            (Int((p >> 16) & 0xFF) * 299 + Int((p >> 8) & 0xFF) * 587 + Int(p & 0xFF) * 114) / 1000
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

    static func document(_ page: PixelImage) -> [UInt8] {
        document(pixels: { page.pixel(x: $0, y: $1) }, width: page.width, height: page.height)
    }
}
