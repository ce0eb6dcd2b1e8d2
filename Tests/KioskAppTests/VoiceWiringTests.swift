import Foundation
import XCTest

@testable import KioskApp
import KioskCore
import KioskUI

/// The voice at the kiosk (issue 13, item 13): the keys and the headset through the real
/// runtime, the volume sent to the audio device and back to the default after each person.
final class VoiceWiringTests: XCTestCase {
    static let silentKiosk = "[speech]\nvoice_at_start = false\nvolume = 3\n"

    func test_a_silent_kiosk_speaks_after_the_speech_key_and_the_keypad_changes_the_volume() throws {
        let (kiosk, clock) = try Support.kiosk(config: Self.silentKiosk)
        var said: [String] = []
        var volumes: [Int] = []
        kiosk.clients.speech.speak = { text, _ in said.append(text) }
        kiosk.clients.speech.setVolume = { volumes.append($0) }
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        try runner.run(Scenario.parse("tap \"Besoin d'aide\"\n", file: "t"))
        XCTAssertEqual(said, [], "nothing is said before the person asks")

        try runner.run(Scenario.parse("key speech\n", file: "t"))
        XCTAssertEqual(said.count, 1)
        XCTAssertTrue(said[0].hasPrefix("La voix est activée."), said[0])
        XCTAssertTrue(said[0].contains("Besoin d'aide ?"), said[0])

        try runner.run(Scenario.parse("key volume-up\nkey volume-up\nkey volume-down\n", file: "t"))
        XCTAssertEqual(volumes, [4, 5, 4])
        XCTAssertEqual(said.last, "Volume 4 sur 7.")

        try runner.run(Scenario.parse("tap \"Accueil\"\n", file: "t"))
        XCTAssertTrue(said.last?.hasPrefix("Bonjour") ?? false, "the voice stays on for this person")

        // The person leaves: the next one starts silent, at the kiosk's volume.
        try runner.run(Scenario.parse("advance 200\n", file: "t"))
        XCTAssertFalse(kiosk.state.voice.on)
        XCTAssertEqual(volumes.last, 3, "the volume comes back after the person")
        let count = said.count
        try runner.run(Scenario.parse("tap \"Faire le point\"\n", file: "t"))
        XCTAssertEqual(said.count, count)
    }

    func test_a_headset_turns_the_voice_on_and_lets_the_name_be_said() throws {
        let (kiosk, clock) = try Support.kiosk(config: Self.silentKiosk)
        var said: [String] = []
        kiosk.clients.speech.speak = { text, _ in said.append(text) }
        let runner = ScenarioRunner(kiosk: kiosk, clock: clock, screenshotDirectory: nil)
        try runner.run(Scenario.parse("headset plugged\n", file: "t"))
        XCTAssertTrue(said.last?.hasPrefix("Casque branché.") ?? false, "\(said)")
        XCTAssertTrue(kiosk.state.voice.on)
        try runner.run(Scenario.parse("headset unplugged\n", file: "t"))
        XCTAssertFalse(kiosk.state.voice.on, "pulled out: not through the speaker")
    }

    func test_turning_the_voice_off_silences_it_at_once() throws {
        let (kiosk, _) = try Support.kiosk()
        var silenced = 0
        kiosk.clients.speech.silence = { silenced += 1 }
        kiosk.send(.voiceToggled)
        XCTAssertEqual(silenced, 1)
        XCTAssertFalse(kiosk.state.voice.on)
    }

    func test_the_speech_settings_are_read_and_a_bad_one_is_named() throws {
        let config = try KioskConfig.parse(
            "[speech]\nvoice_at_start = false\nvolume = 7\nheadset = /dev/input/event4\n", file: "k")
        XCTAssertEqual(config.policy.voice, VoicePolicy(available: true, onAtStart: false, volume: 7))
        XCTAssertEqual(config.headsetSwitch, "/dev/input/event4")
        XCTAssertThrowsError(try KioskConfig.parse("[speech]\nvolume = 11\n", file: "k")) { error in
            XCTAssertTrue("\(error)".contains("k:2: speech.volume: \"11\" is not a volume; write a level from 1 to 7"))
        }
        XCTAssertThrowsError(try KioskConfig.parse("[speech]\nheadset = jack\n", file: "k")) { error in
            XCTAssertTrue("\(error)".contains("speech.headset: \"jack\" is not a headset switch"), "\(error)")
        }
    }
}

/// The headphone jack's switch as the kernel reports it: `input_event` records on an event
/// device, found through sysfs.
final class HeadsetSwitchTests: XCTestCase {
    func test_a_headphone_switch_event_is_read_and_other_events_are_not() {
        XCTAssertEqual(HeadsetSwitch.headphoneChange(HeadsetSwitch.event(type: 5, code: 2, value: 1)), true)
        XCTAssertEqual(HeadsetSwitch.headphoneChange(HeadsetSwitch.event(type: 5, code: 2, value: 0)), false)
        XCTAssertNil(HeadsetSwitch.headphoneChange(HeadsetSwitch.event(type: 5, code: 4, value: 1)), "a microphone")
        XCTAssertNil(HeadsetSwitch.headphoneChange(HeadsetSwitch.event(type: 0, code: 0, value: 0)), "SYN_REPORT")
        XCTAssertNil(HeadsetSwitch.headphoneChange([5, 0, 2]), "a short record")
    }

    func test_the_jack_is_found_by_its_switch_capability_in_sysfs() throws {
        let sysfs = FileManager.default.temporaryDirectory.appendingPathComponent("sysfs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: sysfs) }
        // event3: a keyboard (no switches); event7: "HDA Intel PCH Headphone" (SW_HEADPHONE_INSERT
        // and SW_MICROPHONE_INSERT: 0x14); event9: a lid switch only (SW_LID: 0x1).
        for (name, sw) in [("event3", "0"), ("event7", "14"), ("event9", "1"), ("mouse0", "14")] {
            let device = sysfs.appendingPathComponent("\(name)/device/capabilities")
            try FileManager.default.createDirectory(at: device, withIntermediateDirectories: true)
            try "\(sw)\n".write(to: device.appendingPathComponent("sw"), atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(HeadsetSwitch.find(sysfs: sysfs.path), ["/dev/input/event7"])
        XCTAssertTrue(HeadsetSwitch.hasHeadphoneSwitch(capabilities: "0 4\n"), "words, most significant first")
        XCTAssertFalse(HeadsetSwitch.hasHeadphoneSwitch(capabilities: "zz"))
    }

    func test_plugs_and_unplugs_are_read_from_the_device_as_they_come() throws {
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("jack-\(UUID().uuidString)")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        defer { unlink(fifo.path) }
        // Read-write: holds the FIFO open as the kernel holds an event device.
        let writer = open(fifo.path, O_RDWR)
        XCTAssertGreaterThanOrEqual(writer, 0)
        defer { close(writer) }
        let changes = Changes()
        let jack = try HeadsetSwitch(path: fifo.path) { changes.append($0) }
        XCTAssertEqual(jack.path, fifo.path)
        // Garbage between events: a record of another kind, then a plug split over two writes.
        let plug = HeadsetSwitch.event(type: 1, code: 30, value: 1) + HeadsetSwitch.plugEvents(true)
        plug.withUnsafeBytes { _ = write(writer, $0.baseAddress, 30) }
        plug.withUnsafeBytes { _ = write(writer, $0.baseAddress! + 30, plug.count - 30) }
        HeadsetSwitch.plugEvents(false).withUnsafeBytes { _ = write(writer, $0.baseAddress, $0.count) }
        let end = Date().addingTimeInterval(30)
        while changes.values.count < 2, Date() < end { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertEqual(changes.values, [true, false])
    }

    func test_a_device_that_cannot_be_opened_is_named() {
        XCTAssertThrowsError(try HeadsetSwitch(path: "/nonexistent/event5") { _ in }) { error in
            XCTAssertEqual("\(error)", "/nonexistent/event5 cannot be opened: No such file or directory")
        }
    }

    final class Changes: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [Bool] = []
        func append(_ value: Bool) { lock.withLock { list.append(value) } }
        var values: [Bool] { lock.withLock { list } }
    }
}
