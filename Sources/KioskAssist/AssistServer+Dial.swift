// Passerelle — KioskAssist. Licensed under the EUPL-1.2.
import CVNCServer
import Foundation

extension AssistServer {
    // MARK: - Dialling out

    /// Connects to a listening viewer (`vncviewer -listen`, a repeater) at `host`:`port`; the
    /// connection then goes through the same checks as one that came in.
    public func dialOut(host: String, port: Int) throws {
        let made = host.withCString { name in
            rfbReverseConnection(screen, UnsafeMutablePointer(mutating: name), Int32(port))
        }
        guard let made else { throw AssistProblem("cannot reach the aidant's viewer at \(host):\(port)") }
        dialled(made)
    }

    /// A viewer the kiosk dialled (the new-client hook ran before LibVNCServer marked it as
    /// such): it asks no password, and it uses up the request.
    private func dialled(_ cl: rfbClientPtr) {
        let ours: Bool = lock.withLock {
            guard client == cl, !clientAuthenticated else { return false }
            clientAuthenticated = true
            armed = false
            forgetPassword()
            return true
        }
        if ours { post(.connected) }
    }

    /// Adopts a connected socket (a TLS tunnel's plain end, a repeater's connection) as a
    /// viewer.
    public func adopt(socket: Int32) throws {
        guard let cl = rfbNewClient(screen, socket) else { throw AssistProblem("the viewer's connection was refused") }
        // Dialled by the kiosk, like rfbReverseConnection's: set before the client's thread
        // starts, so the security handshake treats it so.
        cl.pointee.reverseConnection = 1
        dialled(cl)
        // The listener thread starts the clients it accepts; this one is ours to start.
        if cl.pointee.onHold == 0 { rfbStartOnHoldClient(cl) }
    }
}
