import Crypto
import Foundation
import KioskCore

/// The admin PIN as stored in the configuration: salted, iterated SHA-256
/// (`sha256:<iterations>:<salt hex>:<hash hex>`), compared in constant time.
/// A short PIN can still be brute-forced from the file: the file is root-only
/// (see systemd/) and the pad locks after three wrong tries.
public struct PinHash: Equatable, Sendable {
    public var iterations: Int
    public var salt: [UInt8]
    public var hash: [UInt8]

    /// 10 million iterations froze the pad for 40 s; a million takes about 4 s off the main loop.
    public static let iterationRange = 1_000...1_000_000

    /// What `--hash-pin` accepts: ASCII digits only (a keypad has no other), 6 to 12 of them.
    public static func isAcceptablePIN(_ pin: String) -> Bool {
        (6...AdminState.maxPinLength).contains(pin.count) && pin.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }

    public init?(encoded: String) {
        let parts = encoded.split(separator: ":").map(String.init)
        guard parts.count == 4, parts[0] == "sha256", let n = Int(parts[1]), Self.iterationRange.contains(n),
            let salt = Self.bytes(hex: parts[2]), salt.count >= 8,
            let hash = Self.bytes(hex: parts[3]), hash.count == 32
        else { return nil }
        self.iterations = n
        self.salt = salt
        self.hash = hash
    }

    /// A new hash of `pin` with a random salt.
    public static func make(pin: String, iterations: Int = 100_000) -> PinHash {
        var salt = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for i in salt.indices { salt[i] = UInt8.random(in: 0...255, using: &generator) }
        return PinHash(iterations: iterations, salt: salt, hash: derive(pin: pin, salt: salt, iterations: iterations))
    }

    init(iterations: Int, salt: [UInt8], hash: [UInt8]) {
        self.iterations = iterations
        self.salt = salt
        self.hash = hash
    }

    public var encoded: String { "sha256:\(iterations):\(Self.hex(salt)):\(Self.hex(hash))" }

    public func matches(_ pin: String) -> Bool {
        let candidate = Self.derive(pin: pin, salt: salt, iterations: iterations)
        var difference: UInt8 = 0
        for (a, b) in zip(candidate, hash) { difference |= a ^ b }
        return difference == 0 && candidate.count == hash.count
    }

    static func derive(pin: String, salt: [UInt8], iterations: Int) -> [UInt8] {
        var digest = Array(SHA256.hash(data: salt + Array(pin.utf8)))
        for _ in 1..<max(iterations, 1) {
            digest = Array(SHA256.hash(data: digest + salt))
        }
        return digest
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    static func bytes(hex: String) -> [UInt8]? {
        guard hex.count % 2 == 0 else { return nil }
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            result.append(byte)
            index = next
        }
        return result
    }
}
