import Foundation

/// What the reducer may read from the outside world: the time and the policy. Tests pass a
/// fixed time, so every idle rule is checked in milliseconds.
public struct Environment: Sendable {
    public var now: Date
    public var policy: KioskPolicy
    public var content: KioskContent

    public init(now: Date, policy: KioskPolicy, content: KioskContent = KioskContent()) {
        self.now = now
        self.policy = policy
        self.content = content
    }
}
