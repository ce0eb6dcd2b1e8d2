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
        if case .warning = state.idle, before.idle == .active {
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
        } else if state.unavailable != nil, state.unavailable != before.unavailable,
            let node = scene.node(id: "missing")
        {
            text = node.label
        } else if state.focus != before.focus, let id = state.focus, let node = scene.node(id: id) {
            text = node.label
        }
        guard let text, !text.isEmpty else { return nil }
        return text
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
