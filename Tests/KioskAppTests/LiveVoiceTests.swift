import Foundation
import KioskApp
import XCTest

/// Starting the voice without sight, end to end (issue 13, item 13): a kiosk configured to
/// stay silent, in a real window; the keypad's `*` turns the voice on, its `−` turns it down
/// (measured in the sound SDL plays), and a headset plugged into the jack, whose switch is a
/// FIFO carrying the kernel's `input_event` records, turns it on for the next person.
final class LiveVoiceTests: XCTestCase {
    func test_the_speech_key_the_volume_keys_and_a_headset_in_a_real_window() throws {
        let jack = FileManager.default.temporaryDirectory.appendingPathComponent("jack-\(UUID().uuidString)")
        XCTAssertEqual(mkfifo(jack.path, 0o600), 0)
        defer { unlink(jack.path) }
        let writer = open(jack.path, O_RDWR)
        XCTAssertGreaterThanOrEqual(writer, 0)
        defer { close(writer) }
        let kiosk = try LiveKiosk(
            config: "[speech]\nvoice_at_start = false\nvolume = 7\nheadset = \(jack.path)\n[idle]\ntimeout = 20\n"
                + "warning = 20\n")
        let home = try kiosk.waitForHome()
        let help = try XCTUnwrap(home.nodes.first { $0.label == "Besoin d'aide ?" })
        try kiosk.tap(help)
        _ = try kiosk.waitFor("the help screen") { () -> Bool? in
            (try? kiosk.scene())?.screen.hasPrefix("help") == true ? true : nil
        }
        try kiosk.waitUntilSettled()
        Thread.sleep(forTimeInterval: 1)
        XCTAssertLessThan(kiosk.spokenSeconds(), 0.2, "a silent kiosk says nothing on its own")

        // The speech key: "the voice is on…", then the help screen, at the loudest level.
        try kiosk.key("KP_Multiply")
        _ = try kiosk.waitFor("two seconds of speech after the speech key") { () -> Bool? in
            kiosk.spokenSeconds() > 2 ? true : nil
        }
        let loud = kiosk.samples().map { abs(Int($0)) }.max() ?? 0

        // Six presses of "−": level 1, 18 dB below 7; what is said then is "Volume 1 sur 7."
        try kiosk.key("KP_Subtract", "KP_Subtract", "KP_Subtract", "KP_Subtract", "KP_Subtract", "KP_Subtract")
        Thread.sleep(forTimeInterval: 0.3)
        let quietFrom = kiosk.samples().count
        _ = try kiosk.waitFor("the level said quietly") { () -> Bool? in
            kiosk.spokenSeconds(from: quietFrom) > 0.3 ? true : nil
        }
        Thread.sleep(forTimeInterval: 1.5)
        let quiet = kiosk.samples(from: quietFrom).map { abs(Int($0)) }.max() ?? 0
        print(
            "voice: peak at level 7 \(loud), at level 1 \(quiet): "
                + String(format: "%.1f dB", 20 * log10(Double(max(quiet, 1)) / Double(max(loud, 1)))))
        XCTAssertGreaterThan(loud, 4000, "the loudest level is clearly heard")
        XCTAssertLessThan(
            Double(quiet), Double(loud) / 4, "level 1 is far quieter than level 7 (\(quiet) against \(loud))")

        // The person leaves (idle: 20 s, then a 20 s warning): the next one starts silent, at 7.
        let next = try kiosk.waitFor("the reset to home", within: 120) { () -> LiveKiosk.Shown? in
            guard let scene = try? kiosk.scene(), scene.screen == "home" else { return nil }
            return scene
        }
        try kiosk.waitUntilSettled()
        let silentFrom = kiosk.samples().count
        try kiosk.tap(try XCTUnwrap(next.nodes.first { $0.label == "Faire le point" }))
        _ = try kiosk.waitFor("the diagnostic") { () -> Bool? in
            (try? kiosk.scene())?.screen.hasPrefix("diagnostic") == true ? true : nil
        }
        Thread.sleep(forTimeInterval: 1.5)
        XCTAssertLessThan(kiosk.spokenSeconds(from: silentFrom), 0.2, "the next person starts silent")
        // A headset plugged into the jack: the voice comes on by itself, at the kiosk's level.
        let plugFrom = kiosk.samples().count
        HeadsetSwitch.plugEvents(true).withUnsafeBytes { _ = write(writer, $0.baseAddress, $0.count) }
        _ = try kiosk.waitFor("speech after the headset is plugged in") { () -> Bool? in
            kiosk.spokenSeconds(from: plugFrom) > 1 ? true : nil
        }
        XCTAssertGreaterThan(
            kiosk.samples(from: plugFrom).map { abs(Int($0)) }.max() ?? 0, quiet * 2,
            "the volume came back to the kiosk's own after the last person")
        XCTAssertEqual(kiosk.stop(), 0)
    }
}
