import ArgumentParser
import CSDL2
import Foundation
import KioskApp
import KioskCore
import KioskRender
import KioskUI

/// `passerelle`: runs the kiosk in a window, fullscreen, or headless; plays scenarios.
@main
struct Passerelle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passerelle",
        abstract: "Passerelle: a self-service kiosk for digital inclusion.",
        discussion: "With --script it plays a scenario headless and exits 0 (every step passed) or 1.")

    @Option(help: "Configuration file (see Assets/passerelle.conf).") var config: String?
    @Option(name: .customLong("data-dir"), help: "Where the kiosk keeps its data and screenshots.") var dataDir: String?
    @Flag(help: "No window: render offscreen (for servers, tests and remote viewing).") var headless = false
    @Option(help: "Screen size, WIDTHxHEIGHT (default 1080x1920, or the display's in fullscreen).") var size: String?
    @Option(help: "Start language: fr, en or ar.") var lang: String?
    @Option(help: "Directory of the Assets (strings, content).") var assets: String?
    @Option(help: "Directory of the content packs (default: the Assets' content folder).") var content: String?
    @Option(
        name: .customLong("import-agenda"),
        help: "Import this agenda file into the store at start (see docs/agenda.md).") var importAgenda: String?
    @Option(
        name: .customLong("import-places"),
        help: "Import this places-of-help file into the store at start (see docs/places.md).") var importPlaces: String?
    @Option(
        name: .customLong("caldav-config"),
        help: "The helpers' CalDAV calendars (docs/caldav.md); a file that does not exist means none.")
    var caldavConfig: String?
    @Option(help: "Play this scenario file, headless, then exit.") var script: String?
    @Option(help: "Write the scenario's screenshots into this directory.") var screenshots: String?
    @Option(name: .customLong("dump-scene"), help: "Write each reached screen's semantic nodes as JSON to this file.")
    var dumpScene: String?
    @Option(name: .customLong("check-config"), help: "Check a configuration file and exit (0: valid).") var checkConfig:
        String?
    @Flag(name: .customLong("hash-pin"), help: "Read an admin PIN on standard input and print the admin.pin_hash line.")
    var hashPin = false
    @Flag(name: .customLong("fullscreen"), help: "Open fullscreen (the appliance does).") var fullscreen = false
    @Flag(name: .customLong("report-first-frame"), help: .hidden) var reportFirstFrame = false
    @Flag(name: .customLong("exit-after-first-frame"), help: .hidden) var exitAfterFirstFrame = false
    @Flag(name: .customLong("report-resources"), help: .hidden) var reportResources = false
    /// After each frame, the shown screen's semantic nodes as JSON (SceneDump), replaced
    /// atomically: tests of the live window tap controls by label and wait for screens.
    @Option(name: .customLong("scene-file"), help: .hidden) var sceneFile: String?
    @Option(
        help:
            """
            Watch the kiosk with a VNC viewer on 127.0.0.1:PORT (development: no password, a frame shows it \
            on screen; refused under systemd).
            """
    ) var watch: Int?

    static func main() {
        // Before anything is created: the data dir holds names and phone numbers (store,
        // WAL, calendars, tickets, screenshots). Nothing the kiosk writes is for group or others.
        umask(0o077)
        main(nil)
    }

    func validate() throws {
        if let size, Size(parsing: size)?.isScreenSize != true {
            throw ValidationError("--size \(size): write WIDTHxHEIGHT, from 640x480 to 7680x7680, e.g. 1080x1920")
        }
        if let lang, Language(rawValue: lang) == nil {
            throw ValidationError(
                "--lang \(lang): use one of \(Language.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if screenshots != nil && script == nil { throw ValidationError("--screenshots needs --script") }
        if let watch {
            guard (1024...65535).contains(watch) else {
                throw ValidationError("--watch \(watch): a port from 1024 to 65535")
            }
            // The appliance runs under systemd: no configuration of it can open a watch.
            guard ProcessInfo.processInfo.environment["INVOCATION_ID"] == nil else {
                throw ValidationError("--watch is for development and is refused in a systemd service")
            }
        }
    }

    func run() throws {
        if let path = checkConfig { return try check(path) }
        if hashPin { return try printPinHash() }

        var options = KioskOptions()
        options.configPath = config
        options.dataDir = dataDir
        options.headless = headless || script != nil
        options.size = size.flatMap(Size.init(parsing:))
        options.language = lang.flatMap(Language.init(rawValue:))
        options.assetsDir = assets
        options.contentDir = content
        options.agendaFile = importAgenda
        options.watchPort = watch
        options.placesFile = importPlaces
        options.caldavConfig = caldavConfig

        // Rasters of text (often 100 KB to 1 MB) get pages of their own that go back to the
        // system when freed, instead of fragmenting the heap: glibc's threshold otherwise
        // climbs to the largest block ever freed and the heap only grows.
        _ = glibcMallopt(-3 /* M_MMAP_THRESHOLD, malloc.h */, 64 * 1024)
        SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1")
        SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0")
        SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1")
        SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0")
        SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1")
        // We draw in software into our own framebuffer: the window needs a plain shared-memory
        // surface, not a GPU context behind it (230 → 117 ms to the first frame under Xvfb).
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0")
        if let dataDir {
            try FileManager.default.createDirectory(
                atPath: dataDir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }

        if let script { return try play(script, options: options) }
        try live(options)
    }

    // MARK: - Modes

    private func check(_ path: String) throws {
        do {
            _ = try KioskConfig.load(path: path)
            print("\(path): ok")
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    private func printPinHash() throws {
        guard let pin = readLine(strippingNewline: true), PinHash.isAcceptablePIN(pin) else {
            FileHandle.standardError.write(
                Data(
                    ("passerelle: the PIN must be 6 to \(AdminState.maxPinLength) digits 0-9, "
                        + "on one line of standard input\n")
                        .utf8))
            throw ExitCode(1)
        }
        print("pin_hash = \(PinHash.make(pin: pin).encoded)")
    }

    private func play(_ path: String, options: KioskOptions) throws {
        let scenario: Scenario
        do { scenario = try Scenario.load(path: path) } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        // Scenarios start at a fixed instant (their texts name days), or where a test pins it.
        let clock = try pinnedClock().map { ManualClock(now: $0()) } ?? ManualClock()
        let built = try start { try buildKiosk(options: options, clock: { clock.now }) }
        let directory = screenshots.map { URL(fileURLWithPath: $0) }
        if let directory { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
        let runner = ScenarioRunner(kiosk: built.kiosk, clock: clock, screenshotDirectory: directory)
        defer {
            built.kiosk.shutdown()
            if let dumpScene { try? SceneDump.json(runner.reachedScenes).write(to: URL(fileURLWithPath: dumpScene)) }
            if reportResources { reportResourceFigures(built.kiosk) }
        }
        do {
            try runner.run(scenario)
            print("\(path): \(scenario.lines.count) steps passed")
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    private func live(_ options: KioskOptions) throws {
        // Read (and removed from the environment) before any thread starts: unsetenv races getenv.
        let notifier = SystemdNotifier.fromEnvironment()
        let clock: @Sendable () -> Date = try pinnedClock() ?? { Date() }
        let startedAt = clock()
        var window: Window?
        var sizeOverride: Size?
        let subsystems = options.headless ? UInt32(SDL_INIT_EVENTS) : UInt32(SDL_INIT_VIDEO | SDL_INIT_EVENTS)
        guard SDL_Init(subsystems) == 0 else { throw fail(SDLError("SDL_Init")) }
        defer { SDL_Quit() }
        // KMSDRM (the appliance) has no plain framebuffer of its own: SDL can only show our
        // surface through a GL texture, which the "0" set above for X11 would forbid. Named:
        // "1" lets SDL take its first renderer, "opengl", which on a GBM/EGL display without
        // libGL.so.1 (the image ships EGL and GLES only) draws nothing at all, silently: a
        // black screen (kiosk-image/README.md). (SDL names the driver "KMSDRM".)
        if let driver = SDL_GetCurrentVideoDriver(), String(cString: driver).lowercased() == "kmsdrm" {
            SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "opengles2")
        }
        var config = KioskConfig()
        if let path = options.configPath { config = (try? KioskConfig.load(path: path)) ?? config }
        if !options.headless {
            let wantFullscreen = fullscreen || config.fullscreen
            window = try start {
                try Window(size: options.size ?? config.size, fullscreen: wantFullscreen, title: "Passerelle")
            }
            sizeOverride = window?.size
        }
        let built = try start {
            try buildKiosk(
                options: options, clock: clock, sizeOverride: sizeOverride, startedAt: startedAt,
                workerMode: .background)
        }
        let loop = LiveLoop(kiosk: built.kiosk, window: window, configPath: options.configPath)
        loop.installSignalHandlers()
        loop.notifier = notifier
        loop.watchHeadset(built.config.headsetSwitch)
        if let sceneFile {
            let url = URL(fileURLWithPath: sceneFile)
            loop.onFrame = { scene in try? SceneDump.json([scene]).write(to: url, options: .atomic) }
        }
        let report = reportFirstFrame, exitAfter = exitAfterFirstFrame
        let kiosk = built.kiosk, builtConfig = built.config, headless = options.headless
        loop.onFirstFrame = {
            if report {
                FileHandle.standardOutput.write(Data("first-frame-monotonic-ns=\(monotonicNanoseconds())\n".utf8))
            }
            if exitAfter { loop.post(.terminate) }
            if let window {
                FileHandle.standardError.write(Data("passerelle: display: \(window.outputDescription)\n".utf8))
            }
            // Sound and speech on a real display (headless runs stay silent), opened once the
            // first frame is up: an audio server or espeak-ng may take a while to answer.
            guard !headless else { return }
            let audio = AudioOutput()
            audio.setGain(Voice.gain(kiosk.state.voice.volume))
            kiosk.clients.speech.chime = { audio.play(WarningSound.samples) }
            kiosk.clients.speech.setVolume = { audio.setGain(Voice.gain($0)) }
            if builtConfig.speech, let speaker = Speaker.make(output: audio, rate: builtConfig.speechRate) {
                kiosk.clients.speech.speak = { text, language in speaker.say(text, language: language) }
                kiosk.clients.speech.silence = { speaker.silence() }
            }
        }
        FileHandle.standardError.write(
            Data("passerelle: running \(options.headless ? "headless" : "in a window") at \(built.kiosk.size)\n".utf8))
        do { try loop.run() } catch { throw fail(error) }
        built.kiosk.shutdown()
        if reportResources { reportResourceFigures(built.kiosk) }
    }

    private func reportResourceFigures(_ kiosk: Kiosk) {
        FileHandle.standardOutput.write(
            Data(
                """
                frames=\(kiosk.renderer.framesDrawn)
                peak-rss-kb=\(ProcessStats.peakResidentKilobytes() ?? -1)

                """.utf8))
    }

    /// The instant a test pinned with `PASSERELLE_NOW`, running from there; nil: the wall clock.
    private func pinnedClock() throws -> (@Sendable () -> Date)? {
        do { return try PinnedClock.fromEnvironment() } catch { throw fail(error) }
    }

    /// Runs a start-up step; a failure is one clear line on stderr and exit code 1.
    private func start<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw fail(error) }
    }

    private func fail(_ error: Error) -> ExitCode {
        FileHandle.standardError.write(Data("passerelle: cannot start: \(error)\n".utf8))
        return ExitCode(1)
    }
}

/// glibc's `mallopt` (malloc.h is not part of Swift's Glibc module).
@_silgen_name("mallopt") private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
