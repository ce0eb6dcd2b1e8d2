import Foundation

/// Dials the aidant's listening viewer over TLS with socat (Debian `socat`, OpenSSL), the
/// server's certificate checked against the configured CA and its name; the kiosk's side of
/// the tunnel is one end of a socket pair that LibVNCServer adopts as a viewer. LibVNCServer
/// has no TLS of its own for RFB, and socat is the tool made for exactly this.
struct TLSTunnel {
    var target: HostPort
    var settings: AssistSettings
    var socat = "/usr/bin/socat"

    /// Starts the tunnel and returns the plain end for the server (after the repeater ID,
    /// when one is configured).
    func open() throws -> Int32 {
        var pair: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0 else {
            throw TunnelProblem("cannot make a socket pair: \(String(cString: strerror(errno)))")
        }
        var address =
            "OPENSSL:\(target.host):\(target.port),cafile=\(settings.tlsCA),verify=1,commonname=\(target.host)"
        if !settings.tlsCert.isEmpty { address += ",cert=\(settings.tlsCert),key=\(settings.tlsKey)" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: socat)
        // -d -d: socat says when the TLS session is up ("starting data transfer loop"), and
        // why it failed (an "E" line): the person is asked only about a viewer that is there.
        process.arguments = ["-d", "-d", "-T", "900", "STDIO", address]
        let end = FileHandle(fileDescriptor: pair[1], closeOnDealloc: false)
        process.standardInput = end
        process.standardOutput = end
        let messages = Pipe()
        process.standardError = messages
        do { try process.run() } catch {
            close(pair[0])
            close(pair[1])
            throw TunnelProblem("cannot start \(socat) for the TLS tunnel: \(error.localizedDescription)")
        }
        close(pair[1])
        if let failure = Self.waitUntilUp(messages.fileHandleForReading, timeout: 20) {
            process.terminate()
            close(pair[0])
            throw TunnelProblem("TLS to the aidant's viewer at \(target) failed: \(failure)")
        }
        if !settings.repeaterID.isEmpty {
            // UltraVNC repeater mode II: "ID:<id>" padded with zeros to 250 bytes, then RFB.
            var id = Array("ID:\(settings.repeaterID)".utf8)
            id += [UInt8](repeating: 0, count: 250 - id.count)
            guard write(pair[0], id, id.count) == id.count else {
                close(pair[0])
                throw TunnelProblem("the repeater at \(target) did not take the ID")
            }
        }
        return pair[0]
    }
}

extension TLSTunnel {
    /// Reads socat's messages until the tunnel is up (nil) or it failed (why). The rest of
    /// its messages are drained in the background.
    static func waitUntilUp(_ handle: FileHandle, timeout: TimeInterval) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        var text = ""
        var lastError = "socat stopped without a reason"
        while Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { return lastError }
            text += String(decoding: chunk, as: UTF8.self)
            for line in text.split(separator: "\n") where line.contains(" E ") {
                lastError = String(line.split(separator: " E ", maxSplits: 1).last ?? line)
            }
            if text.contains("starting data transfer loop") {
                DispatchQueue.global().async { while !handle.availableData.isEmpty {} }
                return nil
            }
        }
        return "no TLS session within \(Int(timeout)) s"
    }
}

struct TunnelProblem: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
