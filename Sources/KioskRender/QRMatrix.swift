import CQREncode
import KioskCore

/// QR encoding with libqrencode (Debian `libqrencode4`, LGPL-2.1+), error correction M.
public enum QRMatrix {
    public static func encode(_ text: String) -> QRModules? {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        var modules: [[Bool]] = []
        for y in 0..<width {
            modules.append((0..<width).map { x in (code.pointee.data[y * width + x] & 1) != 0 })
        }
        return QRModules(modules: modules)
    }
}
