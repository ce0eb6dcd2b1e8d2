import Foundation
import XCTest

/// The real program in a real X window (Xvfb), touched with xdotool, speaking through SDL's
/// audio into a file (SDL's "disk" audio driver): speech end to end, no mock.
final class LiveSpeechTests: XCTestCase {
    func test_touching_help_in_a_real_window_is_spoken_aloud() throws {
        let passerelle = try Support.requireBinary("passerelle")
        for tool in ["xvfb-run", "xdotool"] where !FileManager.default.isExecutableFile(atPath: "/usr/bin/\(tool)") {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("\(tool) is missing; scripts/setup-debian.sh installs it") }
            throw XCTSkip("\(tool) is missing")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-speech-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let audio = dir.appendingPathComponent("audio.raw")
        // Help sits at the top right of the portrait home; tap it once the window is up.
        let pidFile = dir.appendingPathComponent("pid")
        let script = """
            \(passerelle.path) --size 1080x1920 --data-dir \(dir.path) & p=$!
            echo $p > \(pidFile.path)
            for i in $(seq 100); do xdotool search --name Passerelle >/dev/null 2>&1 && break; sleep 0.1; done
            sleep 1
            xdotool mousemove 880 80 click 1
            wait $p
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xvfb-run")
        process.arguments = ["-a", "-s", "-screen 0 1080x1920x24", "bash", "-c", script]
        var environment = ProcessInfo.processInfo.environment
        environment["SDL_AUDIODRIVER"] = "disk"
        environment["SDL_DISKAUDIOFILE"] = audio.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait (20 s at most, the machine may be busy) until a second of speech was played.
        func spokenSeconds() -> Double {
            guard let data = try? Data(contentsOf: audio) else { return 0 }
            let samples = data.withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
            return Double(samples.filter { abs(Int($0)) > 300 }.count) / 22050
        }
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline && spokenSeconds() < 1.0 { Thread.sleep(forTimeInterval: 0.5) }
        if let pid = try? String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines), let p = Int32(pid) {
            kill(p, SIGTERM)
        }
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)

        let seconds = spokenSeconds()
        XCTAssertGreaterThan(seconds, 1.0, "the help screen was not spoken: \(seconds) s of sound")
    }
}
