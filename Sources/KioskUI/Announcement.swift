import KioskCore

/// What the person hears after an action: a pure function of the states and scenes before
/// and after, so the speech policy is tested without a voice. A new screen's headings and
/// texts (a diagnostic item's own spoken prompt), the idle warning, a kind "try again", the
/// control the keypad moved to. A timer tick, a reset, the attract screen and the admin's
/// screens say nothing (nobody may be there, or it is not for the person).
public enum Announcement {
    public static func text(
        after action: Action, before: KioskState, state: KioskState, beforeScene: Scene, scene: Scene,
        catalogue: Catalogue
    ) -> String? {
        guard !state.screen.isAdmin, state.screen != .attract else { return nil }
        var text: String?
        if remoteQuestionChanged(before.remote, state.remote) {
            // "Marie wants to see your screen", its detail and the answers: the person must
            // hear who asks and what they would allow.
            text = spokenText(of: scene, roles: [.heading, .text, .button])
        } else if case .warning = state.idle, before.idle == .active {
            text = spokenText(of: scene, roles: [.heading, .status])
        } else if action == .timeElapsed {
            return nil
        } else if scene.screenID != beforeScene.screenID || state.language != before.language
            || state.screen != before.screen
            || state.diagnostic?.session.answers.count != before.diagnostic?.session.answers.count
        {
            text = spokenText(of: scene, roles: [.heading, .text])
            // A diagnostic item has a spoken prompt of its own, written to be heard.
            if state.screen == .diagnostic(.item), let item = state.diagnostic?.session.currentItem {
                text = item.spoken[state.language]
            }
        } else if state.diagnostic?.task.tryAgain == true, before.diagnostic?.task.tryAgain != true {
            text = catalogue.text(.diagTryAgain, state.language)
        } else if state.places?.print != before.places?.print, let node = scene.node(id: "places-print-status") {
            // Printing a place: whether to take the paper, or a photo.
            text = node.label
        } else if state.focus != before.focus, let id = state.focus, let node = scene.node(id: id) {
            text = node.label
        }
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    /// A question of remote help appeared, or its closing notice.
    static func remoteQuestionChanged(_ before: RemoteSession?, _ after: RemoteSession?) -> Bool {
        func asked(_ session: RemoteSession?) -> String? {
            switch session?.phase {
            case .askingView?: return "view"
            case .askingControl?: return "control"
            case .ended?: return "ended"
            case .viewing?, .controlling?, nil: return nil
            }
        }
        return asked(after) != nil && asked(after) != asked(before)
    }

    /// The labels of a scene's nodes of these roles, in reading order, as one utterance.
    public static func spokenText(of scene: Scene, roles: Set<SemanticNode.Role>) -> String {
        var parts: [String] = []
        for node in scene.nodes where roles.contains(node.role) && !node.label.isEmpty && !parts.contains(node.label) {
            parts.append(node.label)
        }
        return parts.joined(separator: ". ").replacingOccurrences(of: "..", with: ".")
    }
}
