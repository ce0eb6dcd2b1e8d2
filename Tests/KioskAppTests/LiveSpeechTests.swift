import Foundation
import XCTest

/// The real program in a real X window (Xvfb), touched with xdotool, speaking through SDL's
/// audio into a file (SDL's "disk" audio driver): speech end to end, no mock. The kiosk writes
/// the scene it shows (`--scene-file`), so the test taps a control by its label and waits for
/// the screen and the sound, instead of sleeping and guessing a point.
final class LiveSpeechTests: XCTestCase {
    func test_touching_help_in_a_real_window_is_spoken_aloud() throws {
        let passerelle = try Support.requireBinary("passerelle")
        let xvfbRun = try Support.requireTool("/usr/bin/xvfb-run", package: "xvfb")
        let xdotool = try Support.requireTool("/usr/bin/xdotool", package: "xdotool")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "passerelle-speech-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let audio = dir.appendingPathComponent("audio.raw")
        let sceneFile = dir.appendingPathComponent("scene.json")
        let display = dir.appendingPathComponent("display")
        let pidFile = dir.appendingPathComponent("pid")
        // The shell becomes the kiosk (exec), so its pid is the kiosk's.
        let script = """
            echo "$DISPLAY $XAUTHORITY" > \(display.path)
            echo $$ > \(pidFile.path)
            exec \(passerelle.path) --size 1080x1920 --data-dir \(dir.path) --scene-file \(sceneFile.path)
            """
        let process = Process()
        process.executableURL = xvfbRun
        process.arguments = ["-a", "-s", "-screen 0 1080x1920x24", "bash", "-c", script]
        var environment = ProcessInfo.processInfo.environment
        environment["SDL_AUDIODRIVER"] = "disk"
        environment["SDL_DISKAUDIOFILE"] = audio.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var stopped = false
        func stop() {
            guard !stopped else { return }
            stopped = true
            if let text = try? String(contentsOf: pidFile, encoding: .utf8),
                let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                kill(pid, SIGTERM)
            }
            process.waitUntilExit()
        }
        defer { stop() }

        func spokenSeconds() -> Double {
            guard let data = try? Data(contentsOf: audio) else { return 0 }
            let samples = data.withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
            return Double(samples.filter { abs(Int($0)) > 300 }.count) / 22050
        }

        // The home screen is up with its journeys (the content loads after the first frame,
        // and a press on the screen before that is dropped with it), and "Besoin d'aide ?" is known.
        let home = try waitFor("the started home screen in the window") { () -> Shown? in
            guard let scene = try? Self.scene(sceneFile), scene.nodes.contains(where: { $0.label == "Faire le point" })
            else { return nil }
            return scene
        }
        // A new screen ignores taps for half a second (kiosk.new_screen_guard): touch it once it
        // has been shown that long, as a person who reads it first would.
        _ = try waitFor("the home screen settled") { () -> Bool? in
            guard
                let changed = try? FileManager.default.attributesOfItem(atPath: sceneFile.path)[.modificationDate]
                    as? Date
            else { return nil }
            return Date().timeIntervalSince(changed) > 0.8 ? true : nil
        }
        XCTAssertEqual(home.screen, "home")
        let help = try XCTUnwrap(
            home.nodes.first { $0.label == "Besoin d'aide ?" },
            "no control labelled Besoin d'aide ? on \(home.nodes.map(\.label))")
        let x11 = try String(contentsOf: display, encoding: .utf8).split(separator: " ").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var xEnvironment = ProcessInfo.processInfo.environment
        xEnvironment["DISPLAY"] = x11[0]
        if x11.count > 1 { xEnvironment["XAUTHORITY"] = x11[1] }

        // A new home is silent: whatever sound comes next is the help screen's.
        XCTAssertLessThan(spokenSeconds(), 0.2, "nothing is said before the tap")
        let window = try run(
            xdotool, ["search", "--sync", "--onlyvisible", "--name", "Passerelle"], environment: xEnvironment
        )
        .split(separator: "\n").first.map(String.init)
        let windowID = try XCTUnwrap(window, "the kiosk's window")
        _ = try run(
            xdotool, ["mousemove", "--window", windowID, String(help.midX), String(help.midY), "click", "1"],
            environment: xEnvironment)

        let shown = try waitFor("the help screen") { () -> Shown? in
            guard let scene = try? Self.scene(sceneFile), scene.screen.hasPrefix("help") else { return nil }
            return scene
        }
        XCTAssertTrue(shown.screen.hasPrefix("help"), shown.screen)
        let seconds = try waitFor("a second of speech") { () -> Double? in
            let seconds = spokenSeconds()
            return seconds > 1.0 ? seconds : nil
        }
        XCTAssertGreaterThan(seconds, 1.0)
        stop()
        XCTAssertEqual(process.terminationStatus, 0, "the kiosk stops cleanly on SIGTERM")
    }

    // MARK: - Helpers

    struct WaitTimedOut: Error, CustomStringConvertible { var description: String }
    struct Node { var label: String; var midX: Int; var midY: Int }
    struct Shown { var screen: String; var nodes: [Node] }

    static func scene(_ file: URL) throws -> Shown? {
        let data = try Data(contentsOf: file)
        guard let scenes = try JSONSerialization.jsonObject(with: data) as? [[String: Any]], let scene = scenes.first,
            let screen = scene["screen"] as? String, let nodes = scene["nodes"] as? [[String: Any]]
        else { return nil }
        return Shown(
            screen: screen,
            nodes: nodes.compactMap { node in
                guard let label = node["label"] as? String, let frame = node["frame"] as? [String: Int],
                    let x = frame["x"], let y = frame["y"], let w = frame["width"], let h = frame["height"]
                else { return nil }
                return Node(label: label, midX: x + w / 2, midY: y + h / 2)
            })
    }

    /// Polls `condition` until it gives a value. The bound only keeps a broken kiosk from
    /// hanging the suite; it is far above what a slow machine needs.
    private func waitFor<T>(_ what: String, within seconds: TimeInterval = 90, _ condition: () -> T?) throws -> T {
        let end = Date().addingTimeInterval(seconds)
        while true {
            if let value = condition() { return value }
            guard Date() < end else { throw WaitTimedOut(description: "\(what) did not come within \(Int(seconds)) s") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    private func run(_ tool: URL, _ arguments: [String], environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(tool.lastPathComponent) \(arguments.joined(separator: " "))")
        return String(decoding: data, as: UTF8.self)
    }
}
