import Foundation
import KioskApp
import KioskCore
import KioskRender
import KioskUI

/// `make bench`: start-up to first frame (headless and in a window), render time per screen,
/// peak RSS after visiting every screen, CPU and frames while idle. Prints figures; the
/// targets are printed beside them, never asserted (benchmarks are not tests).
@main
struct Bench {
    static func main() throws {
        let args = CommandLine.arguments
        guard args.count >= 2 else {
            print("usage: passerelle-bench PATH/TO/passerelle")
            exit(2)
        }
        let binary = URL(fileURLWithPath: args[1])
        let assets = AssetLocator.find()!
        print("Passerelle benchmark — release build, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print("")

        if ProcessInfo.processInfo.environment["BENCH_SCREENS"] != nil {
            try renderTimes()  // profiling one screen: nothing else
            return
        }
        let headless = try startup(binary, ["--headless"], runs: 15)
        report("first frame, headless", headless, unit: "ms", target: "< 100 ms")
        if ProcessInfo.processInfo.environment["DISPLAY"] != nil {
            let window = try startup(binary, ["--size", "1080x1920"], runs: 15)
            report("first frame, X11 window (Xvfb)", window, unit: "ms", target: "< 100 ms")
        } else {
            print("first frame, window: skipped (no DISPLAY; make bench runs under xvfb-run)")
        }

        try renderTimes()

        // Every screen: the shell's (with admin and a screenshot), then the journeys, each
        // in a process of its own as a visitor would meet them. The figure is the highest.
        let scenarios = assets.deletingLastPathComponent().appendingPathComponent("Tests/Scenarios")
        var peaks: [(String, Int)] = [("shell and admin", try peakRSS(binary, assets: assets))]
        for name in ["diagnostic-confident", "booking-fr", "booking-move-fr"] {
            peaks.append(
                (
                    name,
                    try peakRSS(binary, assets: assets, scenario: scenarios.appendingPathComponent("\(name).scenario"))
                ))
        }
        for (name, kb) in peaks {
            print(String(format: "  peak RSS, %-28@ %6.1f MB", name as NSString, Double(kb) / 1024))
        }
        let rss = peaks.map(\.1).max() ?? -1
        print(
            String(
                format: "%-38@ %8.1f MB   (target < 40 MB)", "peak RSS after every screen" as NSString,
                Double(rss) / 1024))

        let (cpu, frames) = try idle(binary, seconds: 10)
        print(String(format: "%-38@ %8.3f %%    (target < 0.5 %%)", "CPU over 10 s idle" as NSString, cpu))
        print(String(format: "%-38@ %8d      (target 0)", "frames drawn while idle" as NSString, frames))
    }

    // MARK: - Start-up

    /// Milliseconds from spawning the process to its first presented frame, per run.
    static func startup(_ binary: URL, _ extra: [String], runs: Int) throws -> [Double] {
        var results: [Double] = []
        for _ in 0..<runs {
            let process = Process()
            process.executableURL = binary
            process.arguments = extra + ["--report-first-frame", "--exit-after-first-frame"]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            let start = monotonicNanoseconds()
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let text = String(decoding: data, as: UTF8.self)
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("first-frame-monotonic-ns=") }),
                let ns = UInt64(line.dropFirst("first-frame-monotonic-ns=".count))
            else {
                print("  a run printed no first frame (exit \(process.terminationStatus))")
                continue
            }
            results.append(Double(ns - start) / 1e6)
        }
        return results
    }

    // MARK: - Rendering

    static func renderTimes() throws {
        let renderer = try Renderer(size: Size(width: 1080, height: 1920), fonts: try FontBook())
        let catalogue = try Catalogue.load(from: AssetLocator.find()!.appendingPathComponent("strings"))
        let policy = KioskPolicy(adminEnabled: true, siteName: "Médiathèque Louise-Michel")
        let content = try shippedContent()
        var all: [Double] = []
        var worst: (name: String, p99: Double) = ("", 0)
        var textBytes = 0
        print("render time per screen at 1080x1920 (full redraw, warm text cache; 120 frames each):")
        for language in Language.allCases {
            // The shell's screens, then every journey screen (each diagnostic item, each booking step).
            for (name, var state) in LayoutAudit.sampleStates(policy: policy)
                + LayoutAudit.journeyStates(content: content, language: language)
            {
                // BENCH_SCREENS=prefix measures only those screens (for profiling one of them).
                if let only = ProcessInfo.processInfo.environment["BENCH_SCREENS"], !name.hasPrefix(only) { continue }
                state.language = language
                let scene = view(
                    state,
                    ViewContext(
                        size: renderer.size, catalogue: catalogue, measurer: renderer.measurer, policy: policy,
                        content: content))
                // The text this one screen needs: its working set in the text cache.
                renderer.forgetPerson()
                renderer.invalidate()
                renderer.draw(scene)
                textBytes = max(textBytes, renderer.cachedTextBytes)
                var times: [Double] = []
                for _ in 0..<120 {
                    renderer.invalidate()
                    let t0 = monotonicNanoseconds()
                    renderer.draw(scene)
                    times.append(Double(monotonicNanoseconds() - t0) / 1e6)
                }
                all += times
                times.sort()
                if percentile(times, 0.99) > worst.p99 {
                    worst = ("\(name) \(language.rawValue)", percentile(times, 0.99))
                }
                print(
                    String(
                        format: "  %-14@ %@   median %6.2f ms   p99 %6.2f ms", name as NSString,
                        language.rawValue as NSString, percentile(times, 0.5), percentile(times, 0.99)))
            }
        }
        all.sort()
        print(
            String(
                format: "%-38@ %8.2f ms   (median %.2f ms; target p99 < 4 ms)", "render p99, all screens" as NSString,
                percentile(all, 0.99), percentile(all, 0.5)))
        print(
            String(
                format: "%-38@ %8.2f ms   (%@)", "slowest screen's p99" as NSString, worst.p99, worst.name as NSString))
        print(String(format: "%-38@ %8.1f MB", "text of the largest screen" as NSString, Double(textBytes) / 1_048_576))
        // A cold frame: the text cache emptied, as after an idle reset.
        var cold: [Double] = []
        let home = view(
            KioskState.initial(now: Date(), policy: policy),
            ViewContext(size: renderer.size, catalogue: catalogue, measurer: renderer.measurer, policy: policy))
        for _ in 0..<30 {
            renderer.forgetPerson()
            renderer.invalidate()
            let t0 = monotonicNanoseconds()
            renderer.draw(home)
            cold.append(Double(monotonicNanoseconds() - t0) / 1e6)
        }
        cold.sort()
        print(
            String(
                format: "%-38@ %8.2f ms", "home after a reset (cold text cache), median" as NSString,
                percentile(cold, 0.5)))
    }

    /// The shipped diagnostic pack and example agenda, as the journeys' screens show them.
    static func shippedContent() throws -> KioskContent {
        let assets = AssetLocator.find()!
        let pack = try DiagnosticPack.load(
            data: Data(contentsOf: assets.appendingPathComponent("content/diagnostic/passerelle-default.json")),
            file: "pack"
        ).get()
        let agenda = try AgendaDocument.parse(
            Data(contentsOf: assets.appendingPathComponent("agenda/example.json")), file: "agenda")
        let catalogue = BookableAgenda(
            services: agenda.services, places: Dictionary(uniqueKeysWithValues: agenda.places.map { ($0.key, $0) }),
            helpers: Dictionary(uniqueKeysWithValues: agenda.helpers.map { ($0.key, $0) }))
        return KioskContent(diagnosticPack: pack, agenda: catalogue)
    }

    // MARK: - Memory

    /// Plays a scenario through every screen (admin included) and reads the child's VmHWM.
    /// With a `scenario` file, plays it with the example agenda imported instead.
    static func peakRSS(_ binary: URL, assets: URL, scenario journey: URL? = nil) throws -> Int {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "passerelle-bench-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("bench.conf")
        try "[admin]\npin_hash = \(PinHash.make(pin: "246813", iterations: 1000).encoded)\n".write(
            to: config, atomically: true, encoding: .utf8)
        let scenario = journey ?? dir.appendingPathComponent("all.scenario")
        if journey == nil {
            try """
            tap "English"
            tap "العربية"
            tap "Français"
            tap "Texte plus grand"
            tap "Contraste élevé"
            tap "Besoin d'aide ?"
            advance 90
            expect "Vous êtes toujours là ?"
            advance 30
            advance 120
            expect "Touchez l'écran pour commencer"
            tap 10 1000
            tap 540 80
            tap 540 80
            tap 540 80
            tap 540 80
            tap 540 80
            type "246813"
            tap "Valider"
            tap "Capture d'écran"
            tap "État de la borne"
            tap "Retour"
            tap "Revenir à l'accueil"
            expect "Bonjour"
            """.write(to: scenario, atomically: true, encoding: .utf8)
        }
        let process = Process()
        process.executableURL = binary
        process.arguments =
            ["--script", scenario.path, "--config", config.path, "--data-dir", dir.path, "--report-resources"]
            + (journey == nil ? [] : ["--import-agenda", assets.appendingPathComponent("agenda/example.json").path])
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 { print("  the every-screen scenario failed:\n\(text)") }
        let line = text.split(separator: "\n").first { $0.hasPrefix("peak-rss-kb=") }
        return line.flatMap { Int($0.dropFirst("peak-rss-kb=".count)) } ?? -1
    }

    // MARK: - Idle

    /// CPU percent and frames drawn by a headless kiosk left alone for `seconds`.
    static func idle(_ binary: URL, seconds: Double) throws -> (Double, Int) {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--headless"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let reader = LineReader(out.fileHandleForReading)
        Thread.sleep(forTimeInterval: 2)
        kill(process.processIdentifier, SIGUSR1)
        let before = reader.next(prefix: "frames=")
        let cpu0 = cpuTicks(process.processIdentifier)
        Thread.sleep(forTimeInterval: seconds)
        let cpu1 = cpuTicks(process.processIdentifier)
        kill(process.processIdentifier, SIGUSR1)
        let after = reader.next(prefix: "frames=")
        process.terminate()
        process.waitUntilExit()
        let hz = Double(sysconf(Int32(_SC_CLK_TCK)))
        let percent = Double(cpu1 - cpu0) / hz / seconds * 100
        return (percent, after - before)
    }

    static func cpuTicks(_ pid: Int32) -> Int {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command: state(0) … utime(11) stime(12).
        return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
    }

    // MARK: - Figures

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p + 0.5))]
    }

    static func report(_ name: String, _ values: [Double], unit: String, target: String) {
        let sorted = values.sorted()
        print(
            String(
                format: "%-38@ %8.1f %@   (min %.1f, max %.1f over %d runs; target %@)", name as NSString,
                percentile(sorted, 0.5), unit as NSString, sorted.first ?? .nan, sorted.last ?? .nan, sorted.count,
                target as NSString))
    }
}

/// Reads a child's stdout line by line.
final class LineReader {
    let handle: FileHandle
    var buffer = ""
    init(_ handle: FileHandle) { self.handle = handle }

    func next(prefix: String) -> Int {
        while true {
            if let range = buffer.range(of: "\n") {
                let line = String(buffer[..<range.lowerBound])
                buffer.removeSubrange(..<range.upperBound)
                if line.hasPrefix(prefix) { return Int(line.dropFirst(prefix.count)) ?? -1 }
                continue
            }
            let data = handle.availableData
            if data.isEmpty { return -1 }
            buffer += String(decoding: data, as: UTF8.self)
        }
    }
}
