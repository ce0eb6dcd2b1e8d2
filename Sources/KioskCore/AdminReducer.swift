import Foundation

/// The hidden admin mode: five quick taps on the place's name, a PIN (checked off the main
/// loop, wrong ones journalled and locked out longer each time), then a menu.
func reduceAdmin(_ state: inout KioskState, _ action: Action, _ env: Environment) -> [Effect] {
    let now = env.now
    let policy = env.policy
    switch action {
    case .secretZoneTapped:
        guard policy.adminEnabled, !state.screen.isAdmin else { return [] }
        let recent = state.admin.secretTaps.filter { now.timeIntervalSince($0) < policy.secretGestureWindow }
        state.admin.secretTaps = recent + [now]
        if state.admin.secretTaps.count >= policy.secretGestureTaps {
            state.admin.secretTaps = []
            state.admin.pinDigits = ""
            state.admin.pinRejected = false
            state.go(to: .adminPin)
        }
        return []

    case .pinDigitTapped(let digit):
        guard state.screen == .adminPin, !state.admin.isLocked(at: now), (0...9).contains(digit) else { return [] }
        if state.admin.pinDigits.count < AdminState.maxPinLength {
            state.admin.pinDigits.append(String(digit))
        }
        state.admin.pinRejected = false
        return []

    case .pinEraseTapped:
        guard state.screen == .adminPin else { return [] }
        if !state.admin.pinDigits.isEmpty { state.admin.pinDigits.removeLast() }
        return []

    case .pinSubmitTapped:
        guard state.screen == .adminPin, !state.admin.pinDigits.isEmpty, !state.admin.isLocked(at: now),
            !state.admin.checkingPin
        else { return [] }
        let pin = state.admin.pinDigits
        state.admin.pinDigits = ""
        guard pin.count >= policy.pinMinimumDigits else { return state.admin.rejectPin(now: now, policy: policy) }
        state.admin.checkingPin = true
        return [.checkAdminPin(pin)]

    case .adminPinChecked(let valid):
        state.admin.checkingPin = false
        guard state.screen == .adminPin else { return [] }
        guard valid else { return state.admin.rejectPin(now: now, policy: policy) }
        state.admin.failedAttempts = 0
        state.admin.pinRejected = false
        state.show(.adminMenu)
        return [.recordAdminPin(accepted: true, failures: 0)]

    case .adminPinHistoryLoaded(let failures, let lastFailureAt):
        state.admin.restoreLock(failures: failures, lastFailureAt: lastFailureAt, now: now, policy: policy)
        return []

    case .adminQuitTapped:
        guard state.screen == .adminMenu else { return [] }
        return [.quit]

    case .adminScreenshotTapped:
        guard state.screen == .adminMenu else { return [] }
        return [.takeScreenshot]

    case .screenshotFinished(let path):
        state.admin.lastScreenshot = path.map { .saved($0) } ?? .failed
        return []

    case .adminStatusTapped:
        guard state.screen == .adminMenu else { return [] }
        state.go(to: .adminStatus)
        return [.collectStatus]

    case .statusCollected(let lines):
        state.admin.status = lines
        return []

    case .adminLeaveTapped:
        return state.forgetPerson(now: now, policy: policy, reason: .left)

    default:
        return []
    }
}

extension AdminState {
    public static let maxPinLength = 12

    /// After a restart: the count goes on, and a lock that has not run out holds.
    mutating func restoreLock(failures: Int, lastFailureAt: Date?, now: Date, policy: KioskPolicy) {
        failedAttempts = max(failedAttempts, failures)
        guard let lastFailureAt, let lock = policy.pinLock(afterFailures: failures) else { return }
        let until = lastFailureAt.addingTimeInterval(lock)
        if until > now { lockedUntil = max(lockedUntil ?? until, until) }
    }

    /// A wrong PIN: counted (a success alone resets the count), the lock grows, and journalled.
    mutating func rejectPin(now: Date, policy: KioskPolicy) -> [Effect] {
        failedAttempts += 1
        pinRejected = true
        if let lock = policy.pinLock(afterFailures: failedAttempts) { lockedUntil = now.addingTimeInterval(lock) }
        return [.recordAdminPin(accepted: false, failures: failedAttempts)]
    }

    /// Whether the PIN pad refuses digits; the lock is lifted by `.timeElapsed`.
    public func isLocked(at now: Date) -> Bool {
        guard let lockedUntil else { return false }
        return now < lockedUntil
    }
}
