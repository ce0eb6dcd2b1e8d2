import KioskCore

/// What the person hears after an action: a pure function of the states and scenes before
/// and after, so the speech policy is tested without a voice. A new screen's title, its
/// instruction and its choices (a diagnostic item's own spoken prompt, then its choices), the
/// idle warning, a kind "try again", what a control not usable yet needs, the control the
/// keypad moved to, and the whole screen again on "listen again". A timer tick, a reset, the
/// attract screen and the admin's screens say nothing (nobody may be there, or it is not for
/// the person).
public enum Announcement {
    /// The bar's controls, the same on every screen: named when focused, not in every screen's
    /// list of choices.
    public static let chromeIDs = SemanticNode.chromeIDs

    public static func text(
        after action: Action, before: KioskState, state: KioskState, beforeScene: Scene, scene: Scene,
        catalogue: Catalogue
    ) -> String? {
        guard !state.screen.isAdmin, state.screen != .attract, state.voice.on else { return nil }
        let hidden = hiddenPersonal(state, catalogue)
        if let said = voiceText(after: action, before: before, state: state, scene: scene, catalogue: catalogue) {
            return said
        }
        var text: String?
        if remoteQuestionChanged(before.remote, state.remote) {
            // "Marie wants to see your screen", its detail and the answers: the person must
            // hear who asks and what they would allow.
            text = spokenText(of: scene, roles: [.heading, .text, .button], hiding: hidden)
        } else if case .warning = state.idle, before.idle == .active {
            text = spokenText(of: scene, roles: [.heading, .status], hiding: hidden)
        } else if action == .timeElapsed {
            // A timer that moves the person on ("nobody is free") is heard; a reset, the
            // goodbye's end or the attract screen is not (nobody may be there).
            guard state.screen != before.screen, state.visit != nil, !state.screen.isAdmin else { return nil }
            text = screenText(of: scene, state: state, catalogue: catalogue)
        } else if action == .listenAgainTapped || scene.screenID != beforeScene.screenID
            || state.language != before.language || state.screen != before.screen
            || state.diagnostic?.session.answers.count != before.diagnostic?.session.answers.count
            || state.diagnostic?.session.currentItem?.id != before.diagnostic?.session.currentItem?.id
            // The same screen with other choices: the times found, a filtered list of places.
            || choiceLabels(of: scene) != choiceLabels(of: beforeScene)
        {
            text = screenText(of: scene, state: state, catalogue: catalogue)
            // The keys brought the person here: where the focus stands, last.
            if let id = state.focus, let node = scene.node(id: id) {
                text? +=
                    " " + catalogue.text(.focusOn, state.language, ["label": focusText(of: node, state, catalogue)])
            }
        } else if state.diagnostic?.task.tryAgain == true, before.diagnostic?.task.tryAgain != true {
            text = catalogue.text(.diagTryAgain, state.language)
        } else if state.places?.print != before.places?.print, let node = scene.node(id: "places-print-status") {
            // Printing a place: whether to take the paper, or a photo.
            text = node.label
        } else if state.unavailable != nil, state.unavailable != before.unavailable,
            let node = scene.node(id: "missing")
        {
            text = node.label
        } else if state.focus != before.focus, let id = state.focus, let node = scene.node(id: id) {
            text = focusText(of: node, state, catalogue)
        } else if let id = state.focus, let node = scene.node(id: id), let old = beforeScene.node(id: id),
            old.selected != node.selected || old.enabled != node.enabled
        {
            // A choice turned on or off under the focus, or the control became usable.
            text = focusText(of: node, state, catalogue)
        }
        // The keypad has just left out the diagnostic's touch tasks: said once, first.
        if state.diagnostic?.touchTasksPassed == true, before.diagnostic?.touchTasksPassed != true {
            text = catalogue.text(.diagTouchTasksPassed, state.language) + " " + (text ?? "")
        }
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    /// The focused control as it is said: its name, then its state, "selected" (or "not
    /// selected" for an on/off choice), or "not possible yet" and what it needs.
    public static func focusText(of node: SemanticNode, _ state: KioskState, _ catalogue: Catalogue) -> String {
        let language = state.language
        // A first name or a number is said only into a headset, or when the person chose it.
        if node.personal, let hidden = hiddenPersonal(state, catalogue) { return hidden }
        let comma = language == .ar ? "، " : ", "
        if !node.enabled, let missing = node.missing {
            return node.label + comma + catalogue.text(.focusNotYet, language) + ". " + missing
        }
        if node.selected { return node.label + comma + catalogue.text(.focusSelected, language) }
        if node.role == .toggle { return node.label + comma + catalogue.text(.focusNotSelected, language) }
        return node.label
    }

    /// What a personal node says instead of its label through the speaker; nil when the
    /// person's details may be said (a headset, or their choice).
    static func hiddenPersonal(_ state: KioskState, _ catalogue: Catalogue) -> String? {
        state.voice.mayReadPersonal ? nil : catalogue.text(.speechPersonalHidden, state.language)
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

    /// A screen as it is read: its title and instruction (a diagnostic item's spoken prompt,
    /// written to be heard), then "You can choose: …" with its choices, in the screen's words.
    public static func screenText(of scene: Scene, state: KioskState, catalogue: Catalogue) -> String {
        let hidden = hiddenPersonal(state, catalogue)
        var text = spokenText(of: scene, roles: [.heading, .text], hiding: hidden)
        if state.screen == .diagnostic(.item), let item = state.diagnostic?.session.currentItem {
            text = item.spoken[state.language]
            // A message to judge is read after the question about it: without sight, the
            // prompt's "read it" would leave nothing to judge.
            for node in scene.nodes where node.id.hasPrefix("message-") && node.action == nil {
                text += " " + node.label
            }
            if state.diagnostic?.lastSucceeded == true {
                text = catalogue.text(.diagSuccess, state.language) + " " + text
            }
        }
        let choices = choiceLabels(of: scene)
        guard !choices.isEmpty else { return text }
        let list = catalogue.text(.speechChoices, state.language, ["choices": choices.joined(separator: ", ")])
        // A text that ends its own sentence ("?", or "Or another day:") gets no full stop.
        let ended = [".", "?", "!", ":", "؟"].contains { text.hasSuffix($0) }
        return text.isEmpty ? list : text + (ended ? " " : ". ") + list
    }

    /// The screen's own controls, in reading order: not the bar's, not the keyboard's keys,
    /// not what a hands-on task has the person drag or touch around (its prompt says it).
    public static func choiceLabels(of scene: Scene) -> [String] {
        var labels: [String] = []
        for node in scene.nodes
        where node.action != nil && node.role != .key && node.role != .image && !node.draggable
            && !node.id.hasPrefix("task-")
            && !chromeIDs.contains(node.id) && !node.label.isEmpty && !labels.contains(node.label)
        {
            labels.append(node.label)
        }
        return labels
    }

    /// The labels of a scene's nodes of these roles, in reading order, as one utterance. A
    /// personal node says `hiding` instead of its label, when given.
    public static func spokenText(
        of scene: Scene, roles: Set<SemanticNode.Role>, hiding personal: String? = nil
    ) -> String {
        var parts: [String] = []
        for node in scene.nodes where roles.contains(node.role) && !node.label.isEmpty {
            let part = node.personal ? personal ?? node.label : node.label
            if !parts.contains(part) { parts.append(part) }
        }
        // A part that ends its own sentence ("?", ":") is not given another full stop.
        var text = ""
        for part in parts {
            if !text.isEmpty {
                text += [".", "?", "!", ":", "؟"].contains(text.last.map(String.init) ?? "") ? " " : ". "
            }
            text += part
        }
        return text
    }

    /// What the speech key, the volume, a headset and the voice settings say: that the voice
    /// is on and how to change its volume, then the screen, so a person who cannot see it
    /// knows where they are. Nil for other actions.
    static func voiceText(
        after action: Action, before: KioskState, state: KioskState, scene: Scene, catalogue: Catalogue
    ) -> String? {
        let language = state.language
        func screen() -> String { screenText(of: scene, state: state, catalogue: catalogue) }
        func joined(_ parts: String...) -> String { parts.filter { !$0.isEmpty }.joined(separator: " ") }
        switch action {
        case .speechKeyPressed:
            return before.voice.on ? screen() : joined(catalogue.text(.speechVoiceOn, language), screen())
        case .volumeChanged:
            let level = catalogue.text(
                .voiceLevel, language, ["level": String(state.voice.volume), "levels": String(Voice.levels)])
            return before.voice.on
                ? level + "." : joined(catalogue.text(.speechVoiceOn, language), level + ".", screen())
        case .headsetChanged(true):
            return joined(catalogue.text(.speechHeadsetIn, language), screen())
        case .voiceToggled:
            return catalogue.text(.speechVoiceOn, language)
        case .personalAloudToggled:
            return catalogue.text(state.voice.personalAloud ? .speechPersonalAloud : .speechPersonalHidden, language)
        default:
            return nil
        }
    }
}
