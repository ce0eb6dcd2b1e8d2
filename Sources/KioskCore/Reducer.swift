import Foundation

/// The kiosk's one reducer: pure, synchronous, its clock injected through `env`.
/// It changes `state` and returns the effects the edges must run.
public func reduce(_ state: inout KioskState, _ action: Action, _ env: Environment) -> [Effect] {
    let before = state
    switch action {
    case .unavailableTapped(let id):
        state.unavailable = id
        return []
    case .personActed, .timeElapsed, .focusMoved, .listenAgainTapped, .speechKeyPressed, .volumeChanged,
        .headsetChanged:
        break
    default: state.unavailable = nil
    }
    var effects = state.reduceJourney(action, env: env) ?? reduceShell(&state, action, env)
    if [.diagnostic(.result), .diagnostic(.resources)].contains(before.screen),
        ![.diagnostic(.result), .diagnostic(.item), .diagnostic(.resources)].contains(state.screen)
    {
        effects = state.settleDiagnostic() + effects
    }
    effects += state.trackVisit(after: action, before: before, now: env.now)
    // Help looked at and left without asking: nothing of it remains.
    if state.screen.journeyID != .help, state.help?.requestedAt == nil { state.help = nil }
    return effects
}

/// The shell's own actions: navigation, languages, idle, admin.
func reduceShell(_ state: inout KioskState, _ action: Action, _ env: Environment) -> [Effect] {
    let now = env.now
    let policy = env.policy
    switch action {

    // MARK: - Everywhere
    case .personActed:
        state.lastActivity = now
        state.idle = .active
        // A local touch always wins over the aidant's input for a moment.
        if state.remote?.isSharing == true { state.remote?.lastLocalTouch = now }
        return []

    case .timeElapsed:
        return state.clockMoved(now: now, policy: policy)

    case .focusMoved(let id):
        // A key wakes the attract screen as a touch does: home, the focus on its first control.
        if state.screen == .attract { return reduceShell(&state, .attractTouched, env) }
        state.focus = id
        state.keypadUsed(now: now)
        return []

    case .backTapped:
        let previous = state.history.popLast() ?? .home
        state.show(previous)
        return []

    case .homeTapped, .leaveConfirmed, .displayTapped:
        return state.reduceLeaving(action, now: now, policy: policy)

    // MARK: - Home
    case .languageTapped(let language):
        state.language = language
        return []

    case .largeTextToggled:
        state.largeText.toggle()
        return []

    case .highContrastToggled:
        state.highContrast.toggle()
        return []

    case .lowReachToggled:
        state.lowReach.toggle()
        return []

    // MARK: - Idle
    case .stayTapped:
        state.lastActivity = now
        state.idle = .active
        return []

    case .attractTouched:
        state.lastActivity = now
        state.show(.home)
        return []

    // MARK: - Admin
    case .secretZoneTapped, .pinDigitTapped, .pinEraseTapped, .pinSubmitTapped, .adminPinChecked,
        .adminPinHistoryLoaded,
        .adminQuitTapped, .adminScreenshotTapped, .screenshotFinished, .adminStatusTapped, .statusCollected,
        .adminLeaveTapped:
        return reduceAdmin(&state, action, env)

    case .listenAgainTapped, .speechKeyPressed, .volumeChanged, .voiceToggled, .personalAloudToggled,
        .headsetChanged:
        return state.reduceVoice(action, now: now, policy: policy)

    case .unavailableTapped:
        return []

    // Typing and dragging belong to the journey screens that show a keyboard or a task.
    case .keyTyped, .keyErased, .shiftTapped, .dragMoved, .dragEnded, .journeyTapped, .diagnostic, .booking,
        .myAppointment, .helpTapped, .help, .places:
        return []
    }
}

// MARK: - Navigation and the idle policy

extension KioskState {
    /// Opens `screen`, remembering the current one for "back".
    mutating func go(to screen: Screen) {
        history.append(self.screen)
        show(screen)
    }

    /// Replaces the current screen; focus starts again on the new one.
    mutating func show(_ screen: Screen) {
        if self.screen == .adminPin && screen != .adminPin {
            admin.pinDigits = ""
            admin.pinRejected = false
        }
        self.screen = screen
        focus = nil
    }

    mutating func clockMoved(now: Date, policy: KioskPolicy) -> [Effect] {
        if let lockedUntil = admin.lockedUntil, now >= lockedUntil { admin.lockedUntil = nil }
        if screen == .attract { return [] }
        if case .goodbye(let until) = screen {
            return now >= until ? forgetPerson(now: now, policy: policy) : []
        }
        let remoteEffects = remoteClockMoved(now: now, policy: policy.remote)
        helpClockMoved(now: now, policy: policy.remote)
        return remoteEffects + idleClockMoved(now: now, policy: policy)
    }

    private mutating func idleClockMoved(now: Date, policy: KioskPolicy) -> [Effect] {
        if case .warning(let resetAt, _) = idle {
            if now >= resetAt { return forgetPerson(now: now, policy: policy) }
            idle = .warning(resetAt: resetAt, secondsLeft: Int((resetAt.timeIntervalSince(now)).rounded(.up)))
            return []
        }
        let idleFor = now.timeIntervalSince(lastActivity)
        if holdsTraces(policy: policy) {
            let timeout = idleTimeout(policy: policy)
            guard idleFor >= timeout else { return [] }
            let resetAt = lastActivity.addingTimeInterval(timeout + policy.warningDuration)
            if now >= resetAt { return forgetPerson(now: now, policy: policy) }
            idle = .warning(resetAt: resetAt, secondsLeft: Int((resetAt.timeIntervalSince(now)).rounded(.up)))
            return [.playWarningSound]
        }
        var effects: [Effect] = []
        if visit != nil && idleFor >= policy.idleTimeout {
            // Back on a pristine home and nobody touched it since: the person left.
            effects += endVisit(reason: .left)
        }
        if screen == .home && idleFor >= policy.attractAfter {
            effects += endVisit(reason: .left)
            screen = .attract
        }
        return effects
    }

    /// Back to a fresh home in the default language. Only the PIN lockout survives: it
    /// protects the kiosk, it says nothing about a person.
    mutating func forgetPerson(now: Date, policy: KioskPolicy, reason: VisitEnd = .idleTimeout) -> [Effect] {
        let lock = (admin.failedAttempts, admin.lockedUntil)
        let headset = voice.headset
        let ended = remoteEffectsOnReset() + settleDiagnostic() + endVisit(reason: reason)
        self = KioskState.initial(now: now, policy: policy)
        (admin.failedAttempts, admin.lockedUntil) = lock
        // The volume and the voice come back to the kiosk's own; the headset is still there.
        voice = policy.voice.start(headset: headset)
        return ended + [.forgetPerson]
    }

    /// "Finish": everything of the person is forgotten at once, but the goodbye is said in
    /// their language for `goodbyeDuration` seconds before home comes back in the default one.
    mutating func sayGoodbye(now: Date, policy: KioskPolicy) -> [Effect] {
        let language = self.language
        let heard = voice
        let effects = forgetPerson(now: now, policy: policy, reason: .completed)
        self.language = language
        // The goodbye is heard as the person heard the rest; the next person starts afresh.
        voice.on = heard.on
        voice.volume = heard.volume
        screen = .goodbye(until: now.addingTimeInterval(policy.goodbyeDuration))
        return effects
    }

    /// "Home" (asking first when progress is at stake), its answer, and the display options.
    mutating func reduceLeaving(_ action: Action, now: Date, policy: KioskPolicy) -> [Effect] {
        switch action {
        case .homeTapped:
            // On the goodbye: start again now, in the default language.
            if case .goodbye = screen { return forgetPerson(now: now, policy: policy) }
            if screen == .leaveConfirmation { return [] }
            // A diagnostic or a booking under way is not thrown away by a stray touch.
            if progressAtStake {
                go(to: .leaveConfirmation)
                return []
            }
            history = []
            show(.home)
        case .leaveConfirmed:
            guard screen == .leaveConfirmation else { return [] }
            history = []
            show(.home)
        case .displayTapped:
            guard screen != .displayOptions else { return [] }
            go(to: .displayOptions)
        default:
            break
        }
        return []
    }

    /// Whether "Home" would throw away something the person did: a diagnostic with answers,
    /// a booking with a kind of help or a time chosen (not yet saved).
    /// Asked from help or the display options, it is the journey screen under them that counts.
    var progressAtStake: Bool {
        var underneath = screen
        if case .help = screen { underneath = history.last ?? screen }
        if screen == .displayOptions { underneath = history.last ?? screen }
        switch underneath {
        case .diagnostic(.item): return diagnostic?.session.answers.isEmpty == false
        case .booking(.when), .booking(.time), .booking(.name), .booking(.phone), .booking(.consent),
            .booking(.confirm):
            return true
        default: return false
        }
    }

    /// How long this screen waits before "are you still there?": never less than its content
    /// needs. The ticket is copied or photographed (`ticketTimeout`); a diagnostic item gets
    /// the time its pack says a slow, careful person needs.
    public func idleTimeout(policy: KioskPolicy) -> Double {
        switch screen {
        case .booking(.ticket):
            return max(policy.idleTimeout, policy.ticketTimeout)
        case .places(.place) where places?.print != nil, .diagnostic(.resources):
            // A place or the resources list to copy or photograph: the ticket's time.
            return max(policy.idleTimeout, policy.ticketTimeout)
        case _ where remote?.isSharing == true:
            // The aidant guides by phone; the session's own silence limit applies.
            return max(policy.idleTimeout, policy.remote.idleLimit)
        case .help(.looking):
            return max(policy.idleTimeout, policy.remote.helpWait + policy.idleTimeout)
        case .diagnostic(.item):
            let needed = Double(diagnostic?.session.currentItem?.seconds ?? 0)
            return max(policy.idleTimeout, needed)
        default:
            return policy.idleTimeout
        }
    }

    /// When the reducer next needs `.timeElapsed`, or nil if nothing is due.
    public func nextDeadline(policy: KioskPolicy) -> Date? {
        var deadlines: [Date] = []
        if let lockedUntil = admin.lockedUntil { deadlines.append(lockedUntil) }
        if screen == .attract { return deadlines.min() }
        if let remoteDeadline = remote?.nextDeadline(policy: policy.remote) { deadlines.append(remoteDeadline) }
        if let helpDeadline = helpDeadline(policy: policy.remote) { deadlines.append(helpDeadline) }
        if case .goodbye(let until) = screen { return (deadlines + [until]).min() }
        if case .warning(let resetAt, let secondsLeft) = idle {
            deadlines.append(resetAt.addingTimeInterval(-Double(max(secondsLeft - 1, 0))))
        } else if holdsTraces(policy: policy) {
            deadlines.append(lastActivity.addingTimeInterval(idleTimeout(policy: policy)))
        } else if visit != nil {
            deadlines.append(lastActivity.addingTimeInterval(policy.idleTimeout))
        } else if screen == .home {
            deadlines.append(lastActivity.addingTimeInterval(policy.attractAfter))
        }
        return deadlines.min()
    }
}
