import Foundation
import KioskCore
@testable import KioskUI
import XCTest

/// What the voice says when it is started without sight, and what it never says through
/// the speaker: the person's own first name and phone number (issue 13, item 13).
final class VoiceAnnouncementTests: XCTestCase {
    let screens = Dictionary(uniqueKeysWithValues: Fixtures.screens(language: .fr))

    func said(_ action: Action, from before: KioskState, to after: KioskState) -> String? {
        Announcement.text(
            after: action, before: before, state: after, beforeScene: JourneySnapshotTests.scene(before),
            scene: JourneySnapshotTests.scene(after), catalogue: Fixtures.catalogue)
    }

    func silent(_ state: KioskState) -> KioskState {
        var state = state
        state.voice.on = false
        return state
    }

    func test_a_silent_kiosk_says_nothing_until_asked() {
        XCTAssertNil(said(.helpTapped, from: silent(screens["home"]!), to: silent(screens["help"]!)))
    }

    func test_the_speech_key_says_the_voice_is_on_how_to_change_it_then_the_screen() throws {
        let before = silent(screens["help"]!)
        var after = before
        after.voice.on = true
        let text = try XCTUnwrap(said(.speechKeyPressed, from: before, to: after))
        XCTAssertTrue(text.hasPrefix("La voix est activée. Les touches plus et moins règlent le volume."), text)
        XCTAssertTrue(text.contains("Besoin d'aide ?"), "then where the person is: \(text)")
        let again = try XCTUnwrap(said(.speechKeyPressed, from: after, to: after))
        XCTAssertTrue(again.hasPrefix("Besoin d'aide ?"), "pressed again, the screen is read again: \(again)")
    }

    func test_a_volume_key_says_the_level() throws {
        var before = screens["help"]!
        before.voice.volume = 5
        var after = before
        after.voice.volume = 6
        XCTAssertEqual(said(.volumeChanged(1), from: before, to: after), "Volume 6 sur 7.")
    }

    func test_a_headset_plugged_in_says_so_and_reads_the_screen() throws {
        let before = silent(screens["help"]!)
        var after = before
        after.voice.on = true
        after.voice.headset = true
        let text = try XCTUnwrap(said(.headsetChanged(true), from: before, to: after))
        XCTAssertTrue(text.hasPrefix("Casque branché."), text)
        XCTAssertTrue(text.contains("Besoin d'aide ?"), text)
    }

    /// "C'est bon ?" reads back the first name and the number: through the speaker the person
    /// hears that they are on the screen, not what they are.
    func test_the_name_and_number_are_said_only_into_a_headset_or_by_choice() throws {
        let confirm = PersonAtTheScreenTests.sample("booking-booking-confirm", .fr)
        let scene = JourneySnapshotTests.scene(confirm)
        let forWhom = try XCTUnwrap(scene.node(id: "for-whom"))
        XCTAssertTrue(forWhom.personal)
        XCTAssertTrue(forWhom.label.contains("Marie-Christine"), forWhom.label)

        let speaker = Announcement.screenText(of: scene, state: confirm, catalogue: Fixtures.catalogue)
        XCTAssertFalse(speaker.contains("Marie-Christine"), speaker)
        XCTAssertTrue(speaker.contains("Votre nom et votre numéro ne sont pas lus à voix haute."), speaker)

        var headset = confirm
        headset.voice.headset = true
        let private_ = Announcement.screenText(of: scene, state: headset, catalogue: Fixtures.catalogue)
        XCTAssertTrue(private_.contains(forWhom.label), private_)

        var chosen = confirm
        chosen.voice.personalAloud = true
        XCTAssertTrue(
            Announcement.screenText(of: scene, state: chosen, catalogue: Fixtures.catalogue).contains("Marie-Christine")
        )
    }

    func test_a_focused_name_field_is_not_read_through_the_speaker() throws {
        let name = PersonAtTheScreenTests.sample("booking-booking-name", .fr)
        let scene = JourneySnapshotTests.scene(name)
        let field = try XCTUnwrap(scene.node(id: "name-field"))
        XCTAssertTrue(field.personal)
        var focused = name
        focused.focus = "name-field"
        let text = try XCTUnwrap(said(.focusMoved("name-field"), from: name, to: focused))
        XCTAssertEqual(
            text, "Votre nom et votre numéro ne sont pas lus à voix haute. Branchez un casque pour les entendre.")
    }

    /// Only the fields and read-backs that hold a first name or a number are personal: the
    /// diagnostic's word to copy is nobody's.
    func test_the_personal_nodes_are_the_name_and_number_ones() {
        let personal: Set = ["for-whom", "name-field", "phone-field", "my-name-field", "my-phone-field", "person"]
        var seen: Set<String> = []
        for (name, state) in LayoutAudit.journeyStates(content: JourneySnapshotTests.content, language: .fr) {
            for node in JourneySnapshotTests.scene(state).nodes where node.personal {
                XCTAssertTrue(personal.contains(node.id), "\(name): \(node.id) \(node.label)")
                seen.insert(node.id)
            }
        }
        XCTAssertTrue(seen.isSuperset(of: ["for-whom", "name-field", "phone-field"]), "\(seen)")
    }

    func test_every_screen_and_language_has_its_voice_words() throws {
        for language in Language.allCases {
            let t = Texts(catalogue: Fixtures.catalogue, language: language)
            for key in [TextKey.speechVoiceOn, .speechHeadsetIn, .speechPersonalHidden, .voiceToggle, .voicePersonal] {
                XCTAssertFalse(t(key).isEmpty, "\(key) in \(language)")
            }
            XCTAssertTrue(t(.voiceLevel, ["level": "3", "levels": "7"]).contains("3"))
        }
    }
}
