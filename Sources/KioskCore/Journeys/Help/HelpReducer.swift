import Foundation

extension KioskState {
    /// The help journey: asking for a person here or an aidant from afar.
    mutating func reduceHelp(_ action: Action, env: Environment) -> [Effect] {
        let now = env.now
        switch action {
        case .helpTapped:
            if case .help = screen { return [] }
            if help?.requestedAt != nil {
                go(to: .help(.looking))
            } else {
                help = HelpJourney(offers: HelpJourney.offers(env.policy))
                go(to: .help(.choose(from: screen.isAdmin ? .admin : .home)))
            }
            return []

        case .help(.personHereTapped):
            guard help?.offers.contains(.here) == true else { return [] }
            return askForHelp(.here, now: now)

        case .help(.remoteTapped):
            guard help?.offers.contains(.remote) == true else { return [] }
            return askForHelp(.remote, now: now)

        case .help(.tryAgainTapped):
            guard screen == .help(.nobodyCame), let kind = help?.kind else { return [] }
            return askForHelp(kind, now: now)

        case .help(.requestSent(let ticket)):
            guard help?.requestedAt != nil else { return [] }
            help?.ticket = ticket
            if ticket == nil {
                help?.requestFailed = true
                if screen == .help(.looking) { show(.help(.nobodyCame)) }
            }
            return []

        case .help(let event):
            return reduceRemote(event, now: now, policy: env.policy.remote)

        default:
            return []
        }
    }

    private mutating func askForHelp(_ kind: HelpKind, now: Date) -> [Effect] {
        var journey = help ?? HelpJourney()
        journey.kind = kind
        journey.requestedAt = now
        journey.requestFailed = false
        help = journey
        if screen == .help(.nobodyCame) { show(.help(.looking)) } else { go(to: .help(.looking)) }
        return [.requestHelp(kind, language: language)]
    }

    /// What "back" means on a help screen: the screen before help, as the shell does.
    mutating func helpBack(env: Environment) -> [Effect]? { nil }

    /// The waiting screen tells the truth: after `helpWait` with nobody, another way.
    mutating func helpClockMoved(now: Date, policy: RemotePolicy) {
        guard screen == .help(.looking), remote == nil, let asked = help?.requestedAt,
            now >= asked.addingTimeInterval(policy.helpWait)
        else { return }
        show(.help(.nobodyCame))
        // A new screen the person must read: its idle time starts now.
        lastActivity = now
    }

    /// When the waiting screen gives up, if it is showing.
    func helpDeadline(policy: RemotePolicy) -> Date? {
        guard screen == .help(.looking), remote == nil, let asked = help?.requestedAt else { return nil }
        return asked.addingTimeInterval(policy.helpWait)
    }
}

// MARK: - The remote session

extension KioskState {
    mutating func reduceRemote(_ event: HelpAction, now: Date, policy: RemotePolicy) -> [Effect] {
        if let effects = reduceConsent(event, now: now, policy: policy) { return effects }
        switch event {
        case .stopTapped:
            return endRemote(.personStopped, now: now)

        case .extendTapped:
            guard remote?.capSecondsLeft != nil else { return [] }
            remote?.endsAt = now.addingTimeInterval(policy.maxDuration)
            remote?.capSecondsLeft = nil
            return []

        case .aidantLeft:
            return endRemote(.aidantLeft, now: now)

        case .remotePointerMoved(let x, let y):
            guard remote?.isSharing == true else { return [] }
            let viewOnly = remote?.phase != .controlling
            remote?.pointer = viewOnly ? RemotePointer(x: x, y: y) : nil
            remote?.lastRemoteInput = now
            return []

        case .remoteActed:
            guard remote?.phase == .controlling else { return [] }
            remote?.lastRemoteInput = now
            lastActivity = now
            idle = .active
            return []

        case .endedSeenTapped:
            guard remote?.isEnded == true else { return [] }
            remote = nil
            return []

        default:
            return []
        }
    }

    /// The viewer's arrival and the person's answers; nil for the session's other events.
    private mutating func reduceConsent(_ event: HelpAction, now: Date, policy: RemotePolicy) -> [Effect]? {
        switch event {
        case .aidantConnected(let name):
            if let remote, !remote.isEnded { return [] }
            remote = RemoteSession(
                aidant: name.isEmpty ? policy.aidantName : name, code: help?.ticket?.code,
                phase: .askingView(since: now), lastRemoteInput: now)
            return []

        case .watchConnected:
            if let remote, !remote.isEnded { return [] }
            var session = RemoteSession(aidant: "--watch", code: nil, phase: .controlling, lastRemoteInput: now)
            session.startedAt = now
            remote = session
            return []

        case .viewAllowedTapped:
            guard case .askingView = remote?.phase else { return [] }
            remote?.phase = .viewing
            remote?.startedAt = now
            remote?.endsAt = now.addingTimeInterval(policy.maxDuration)
            remote?.lastRemoteInput = now
            // Served: the waiting screen gives way to what the person was doing.
            help = nil
            if case .help = screen {
                while case .help? = history.last { history.removeLast() }
                show(history.popLast() ?? .home)
            }
            return [.remote(.viewAllowed)]

        case .viewRefusedTapped:
            guard case .askingView = remote?.phase else { return [] }
            remote?.phase = .ended(at: now, reason: .refused)
            return [.remote(.viewRefused(.refused))]

        case .controlOfferTapped:
            guard remote?.phase == .viewing else { return [] }
            remote?.phase = .askingControl(since: now)
            return []

        case .controlAllowedTapped:
            guard case .askingControl = remote?.phase else { return [] }
            remote?.phase = .controlling
            remote?.pointer = nil
            return [.remote(.controlAllowed)]

        case .controlRefusedTapped:
            guard case .askingControl = remote?.phase else { return [] }
            remote?.phase = .viewing
            return []

        case .controlWithdrawnTapped:
            guard remote?.phase == .controlling else { return [] }
            remote?.phase = .viewing
            return [.remote(.controlWithdrawn)]

        default:
            return nil
        }
    }

    /// Ends a session that is asking or sharing; the notice "help has ended" follows.
    mutating func endRemote(_ reason: RemoteEnd, now: Date) -> [Effect] {
        guard let session = remote, !session.isEnded else { return [] }
        remote?.phase = .ended(at: now, reason: reason)
        // The closing notice is read like a new screen: the idle time starts now.
        lastActivity = now
        idle = .active
        remote?.pointer = nil
        remote?.capSecondsLeft = nil
        if case .askingView = session.phase {
            return [.remote(.viewRefused(reason == .personStopped ? .refused : reason))]
        }
        return [.remote(.end(reason))]
    }

    /// The session's timers: the unanswered question, the aidant's silence, the hard cap and
    /// its countdown, the closing notice.
    mutating func remoteClockMoved(now: Date, policy: RemotePolicy) -> [Effect] {
        guard let session = remote else { return [] }
        switch session.phase {
        case .askingView(let since):
            guard now >= since.addingTimeInterval(policy.consentTimeout) else { return [] }
            return endRemote(.noAnswer, now: now)
        case .askingControl(let since):
            if now >= since.addingTimeInterval(policy.consentTimeout) { remote?.phase = .viewing }
            return sessionClockMoved(now: now, policy: policy)
        case .viewing, .controlling:
            return sessionClockMoved(now: now, policy: policy)
        case .ended(let at, _):
            if now >= at.addingTimeInterval(policy.endedNotice) { remote = nil }
            return []
        }
    }

    private mutating func sessionClockMoved(now: Date, policy: RemotePolicy) -> [Effect] {
        guard let session = remote else { return [] }
        if now >= session.lastRemoteInput.addingTimeInterval(policy.idleLimit) { return endRemote(.idle, now: now) }
        guard let endsAt = session.endsAt else { return [] }
        if now >= endsAt { return endRemote(.timeUp, now: now) }
        if now >= endsAt.addingTimeInterval(-policy.capWarning) {
            remote?.capSecondsLeft = max(1, Int(endsAt.timeIntervalSince(now).rounded(.up)))
        }
        return []
    }

    /// When the person is forgotten, nobody may go on watching, nor connect with the secret.
    func remoteEffectsOnReset() -> [Effect] {
        var effects: [Effect] = []
        if let session = remote, !session.isEnded {
            if case .askingView = session.phase {
                effects.append(.remote(.viewRefused(.reset)))
            } else {
                effects.append(.remote(.end(.reset)))
            }
        }
        if help?.requestedAt != nil || remote != nil { effects.append(.remote(.withdrawRequest)) }
        return effects
    }
}

extension RemoteSession {
    /// Only the closing notice is left.
    public var isEnded: Bool {
        if case .ended = phase { return true }
        return false
    }
}
