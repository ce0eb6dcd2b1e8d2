import Foundation

/// An sRGB colour with alpha, as the framebuffer stores it.
public struct Color: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var r: UInt8
    public var g: UInt8
    public var b: UInt8
    public var a: UInt8

    public init(r: UInt8, g: UInt8, b: UInt8, a: UInt8 = 255) {
        self.r = r; self.g = g; self.b = b; self.a = a
    }

    /// 0xRRGGBB
    public init(hex: UInt32, alpha: UInt8 = 255) {
        self.init(r: UInt8((hex >> 16) & 0xFF), g: UInt8((hex >> 8) & 0xFF), b: UInt8(hex & 0xFF), a: alpha)
    }

    public var description: String {
        let hex = String((UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b)), radix: 16)
        let padded = String(repeating: "0", count: 6 - hex.count) + hex
        return a == 255 ? "#\(padded)" : "#\(padded)/\(a)"
    }

    /// WCAG 2 relative luminance.
    public var luminance: Double {
        func channel(_ c: UInt8) -> Double {
            let v = Double(c) / 255
            return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    /// WCAG 2 contrast ratio between two opaque colours (1…21).
    public func contrast(with other: Color) -> Double {
        let (l1, l2) = (luminance, other.luminance)
        return (max(l1, l2) + 0.05) / (min(l1, l2) + 0.05)
    }
}
