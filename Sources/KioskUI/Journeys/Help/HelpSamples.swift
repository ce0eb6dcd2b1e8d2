import Foundation
import KioskCore

extension HelpScreens {
    /// The help journey's screens, and remote help's overlays over a journey screen.
    static func sampleStates(home: KioskState, now: Date) -> [(String, KioskState)] {
        var choose = home
        choose.help = HelpJourney(offers: [.here, .remote])
        choose.screen = .help(.choose(from: .home))
        var looking = choose
        looking.help?.kind = .remote
        looking.help?.requestedAt = now
        looking.help?.ticket = HelpTicket(code: "4721", expiresAt: now.addingTimeInterval(900))
        looking.screen = .help(.looking)
        var lookingHere = looking
        lookingHere.help?.kind = .here
        var nobody = looking
        nobody.screen = .help(.nobodyCame)

        var asking = looking
        asking.remote = RemoteSession(
            aidant: "Marie Dupont-Lefèvre, France Services", code: "4721", phase: .askingView(since: now),
            lastRemoteInput: now)
        var viewing = home
        viewing.remote = asking.remote
        viewing.remote?.phase = .viewing
        viewing.remote?.pointer = RemotePointer(x: 300, y: 500)
        var askingControl = viewing
        askingControl.remote?.phase = .askingControl(since: now)
        var controlling = viewing
        controlling.remote?.phase = .controlling
        controlling.remote?.pointer = nil
        var capWarning = controlling
        capWarning.remote?.capSecondsLeft = 20
        var ended = home
        ended.remote = asking.remote
        ended.remote?.phase = .ended(at: now, reason: .personStopped)
        return [
            ("help-choose", choose), ("help-looking", looking), ("help-looking-here", lookingHere),
            ("help-nobody", nobody), ("remote-ask-view", asking), ("remote-viewing", viewing),
            ("remote-ask-control", askingControl), ("remote-controlling", controlling),
            ("remote-cap-warning", capWarning), ("remote-ended", ended),
        ]
    }
}
