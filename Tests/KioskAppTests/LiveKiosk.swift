import Foundation
import XCTest

/// The real program in a real X window (Xvfb), its sound written to a file by SDL's "disk"
/// audio driver, and the scene it shows (`--scene-file`): tests touch a control by its label
/// and wait for the screen and the sound, instead of sleeping and guessing a point.
final class LiveKiosk {
    let dir: URL
    let audio: URL
    let sceneFile: URL
    private let process: Process
    private let pidFile: URL
    private let display: URL
    private var stopped = false
    private let xdotool: URL

    struct Node { var id: String; var label: String; var midX: Int; var midY: Int; var selected: Bool }
    struct Shown { var screen: String; var nodes: [Node] }
    struct WaitTimedOut: Error, CustomStringConvertible { var description: String }

    init(config: String? = nil) throws {
        let passerelle = try Support.requireBinary("passerelle")
        let xvfbRun = try Support.requireTool("/usr/bin/xvfb-run", package: "xvfb")
        xdotool = try Support.requireTool("/usr/bin/xdotool", package: "xdotool")
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        audio = dir.appendingPathComponent("audio.raw")
        sceneFile = dir.appendingPathComponent("scene.json")
        display = dir.appendingPathComponent("display")
        pidFile = dir.appendingPathComponent("pid")
        var configArgument = ""
        if let config {
            let url = dir.appendingPathComponent("passerelle.conf")
            try config.write(to: url, atomically: true, encoding: .utf8)
            configArgument = "--config \(url.path)"
        }
        // The shell becomes the kiosk (exec), so its pid is the kiosk's.
        let script = """
            echo "$DISPLAY $XAUTHORITY" > \(display.path)
            echo $$ > \(pidFile.path)
            exec \(passerelle.path) --size 1080x1920 --data-dir \(dir.path) --scene-file \(sceneFile.path) \
            \(configArgument)
            """
        process = Process()
        process.executableURL = xvfbRun
        process.arguments = ["-a", "-s", "-screen 0 1080x1920x24", "bash", "-c", script]
        var environment = ProcessInfo.processInfo.environment
        environment["SDL_AUDIODRIVER"] = "disk"
        environment["SDL_DISKAUDIOFILE"] = audio.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: dir)
    }

    /// SIGTERM to the kiosk; its exit status (0: it stopped cleanly).
    @discardableResult
    func stop() -> Int32 {
        if !stopped {
            stopped = true
            if let text = try? String(contentsOf: pidFile, encoding: .utf8),
                let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                kill(pid, SIGTERM)
            }
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    // MARK: - Sound

    /// The samples written so far (16-bit mono at 22050 Hz), from `offset` on.
    func samples(from offset: Int = 0) -> [Int16] {
        guard let data = try? Data(contentsOf: audio), data.count > offset * 2 else { return [] }
        return data.dropFirst(offset * 2).withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
    }

    /// Seconds of sound (not silence) from `offset` on.
    func spokenSeconds(from offset: Int = 0) -> Double {
        Double(samples(from: offset).filter { abs(Int($0)) > 300 }.count) / 22050
    }

    // MARK: - Screen

    /// The home screen is up with its journeys (the content loads after the first frame, and
    /// a press before that is dropped with it), and shown long enough to take a tap (a new
    /// screen ignores taps for half a second: kiosk.new_screen_guard).
    func waitForHome() throws -> Shown {
        let home = try waitFor("the started home screen in the window") { () -> Shown? in
            guard let scene = try? scene(), scene.nodes.contains(where: { $0.label == "Faire le point" })
            else { return nil }
            return scene
        }
        try waitUntilSettled()
        return home
    }

    func waitUntilSettled() throws {
        _ = try waitFor("the screen settled") { () -> Bool? in
            guard
                let changed = try? FileManager.default.attributesOfItem(atPath: sceneFile.path)[.modificationDate]
                    as? Date
            else { return nil }
            return Date().timeIntervalSince(changed) > 0.8 ? true : nil
        }
    }

    func scene() throws -> Shown? {
        let data = try Data(contentsOf: sceneFile)
        guard let scenes = try JSONSerialization.jsonObject(with: data) as? [[String: Any]], let scene = scenes.first,
            let screen = scene["screen"] as? String, let nodes = scene["nodes"] as? [[String: Any]]
        else { return nil }
        return Shown(
            screen: screen,
            nodes: nodes.compactMap { node in
                guard let id = node["id"] as? String, let label = node["label"] as? String,
                    let frame = node["frame"] as? [String: Int],
                    let x = frame["x"], let y = frame["y"], let w = frame["width"], let h = frame["height"]
                else { return nil }
                return Node(
                    id: id, label: label, midX: x + w / 2, midY: y + h / 2,
                    selected: node["selected"] as? Bool ?? false)
            })
    }

    // MARK: - Pointer and keys (xdotool)

    func tap(_ node: Node) throws {
        _ = try xdo(["mousemove", "--window", try window(), String(node.midX), String(node.midY), "click", "1"])
    }

    func key(_ names: String...) throws {
        _ = try xdo(["key", "--window", try window()] + names)
    }

    private var windowID: String?

    private func window() throws -> String {
        if let windowID { return windowID }
        let found = try xdo(["search", "--sync", "--onlyvisible", "--name", "Passerelle"])
            .split(separator: "\n").first.map(String.init)
        guard let found else { throw WaitTimedOut(description: "no kiosk window") }
        windowID = found
        return found
    }

    private func xdo(_ arguments: [String]) throws -> String {
        let x11 = try String(contentsOf: display, encoding: .utf8).split(separator: " ").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var environment = ProcessInfo.processInfo.environment
        environment["DISPLAY"] = x11[0]
        if x11.count > 1 { environment["XAUTHORITY"] = x11[1] }
        let process = Process()
        process.executableURL = xdotool
        process.arguments = arguments
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "xdotool \(arguments.joined(separator: " "))")
        return String(decoding: data, as: UTF8.self)
    }

    /// Polls `condition` until it gives a value. The bound only keeps a broken kiosk from
    /// hanging the suite; it is far above what a slow machine needs.
    func waitFor<T>(_ what: String, within seconds: TimeInterval = 90, _ condition: () -> T?) throws -> T {
        let end = Date().addingTimeInterval(seconds)
        while true {
            if let value = condition() { return value }
            guard Date() < end else { throw WaitTimedOut(description: "\(what) did not come within \(Int(seconds)) s") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}
