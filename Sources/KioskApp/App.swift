import CSDL2
import Foundation
import KioskCore
import KioskRender
import KioskStore
import KioskUI

/// How `passerelle` was asked to run (its flags, see Sources/passerelle).
public struct KioskOptions {
    public var configPath: String?
    public var dataDir: String?
    public var headless = false
    public var size: Size?
    public var language: Language?
    public var assetsDir: String?
    /// Where the content packs are (default: the Assets' content folder).
    public var contentDir: String?
    /// An agenda file to import into the store at start (demo runs and scenarios).
    public var agendaFile: String?
    /// A developer's watch: the assist server on this loopback port, no secret, no question
    /// (`--watch`; refused under systemd, so the appliance cannot enable it).
    public var watchPort: Int?
    /// A places-of-help file to import into the store at start (demo runs and scenarios).
    public var placesFile: String?
    /// The helpers' CalDAV calendars (docs/caldav.md); a path that does not exist means none.
    public var caldavConfig: String?

    public init() {}
}

/// Everything `buildKiosk` puts together, for the main program and the tests.
public struct BuiltKiosk {
    public let kiosk: Kiosk
    public let config: KioskConfig
    public let assets: URL
}

public enum StartError: Error, CustomStringConvertible {
    case assetsNotFound
    case catalogue(Catalogue.LoadError)
    case config(String)
    case sdl(SDLError)
    case agenda(String)
    case places(String)

    public var description: String {
        switch self {
        case .assetsNotFound: return "the Assets directory was not found; set PASSERELLE_ASSETS or pass --assets"
        case .catalogue(let e): return "strings: \(e)"
        case .config(let e): return "configuration:\n\(e)"
        case .sdl(let e): return "SDL: \(e)"
        case .agenda(let e): return "agenda:\n\(e)"
        case .places(let e): return "places:\n\(e)"
        }
    }
}

/// Loads config, texts and fonts and builds a kiosk. The same function serves the real
/// program, the scenario runner and the tests; only `clock` and the clients differ.
public func buildKiosk(
    options: KioskOptions, clock: @escaping @Sendable () -> Date, sizeOverride: Size? = nil, startedAt: Date? = nil,
    workerMode: Worker.Mode = .inline
) throws -> BuiltKiosk {
    guard let assets = AssetLocator.find(override: options.assetsDir) else { throw StartError.assetsNotFound }
    // A peer that goes away (a help hook that exits without reading its input, a viewer that
    // drops) is an error where it happens, never a signal that ends the kiosk.
    signal(SIGPIPE, SIG_IGN)
    let startedAt = startedAt ?? clock()
    var config = KioskConfig()
    if let path = options.configPath {
        do { config = try KioskConfig.load(path: path) } catch { throw StartError.config("\(error)") }
    }
    if let language = options.language { config.defaultLanguage = language }
    if let size = options.size { config.size = size }
    let catalogue: Catalogue
    do {
        catalogue = try Catalogue.load(from: assets.appendingPathComponent("strings"))
    } catch let e as Catalogue.LoadError {
        throw StartError.catalogue(e)
    }
    let size = sizeOverride ?? config.size ?? Size(width: 1080, height: 1920)
    let renderer: Renderer
    do {
        renderer = try Renderer(size: size, fonts: try FontBook())
    } catch let e as SDLError {
        throw StartError.sdl(e)
    }
    let services = KioskServices.open(dataDir: options.dataDir, clock: clock)
    if let caldavConfig = options.caldavConfig { services.connectCalendars(caldavConfig) }
    let clients = KioskClients(
        store: .live(services, catalogue: catalogue, siteName: config.siteName),
        printer: livePrinter(
            config: config, options: options, assets: assets, catalogue: catalogue, services: services,
            fonts: renderer.fonts),
        speech: .silent,
        files: liveFiles(
            options: options, assets: assets, services: services, renderer: renderer, clock: clock, startedAt: startedAt
        ))
    let kiosk = Kiosk(
        config: config, catalogue: catalogue, renderer: renderer, clock: clock, clients: clients,
        services: services, worker: Worker(mode: workerMode))
    // The help hook is this edge's too: "Une personne ici" reaches the desk through it even
    // where remote help (the RFB server) is off.
    if config.assist.enabled || options.watchPort != nil || config.help.hasHook {
        kiosk.remoteEdge = RemoteHelp(
            config: config, watchPort: options.watchPort, size: size, fonts: renderer.fonts, catalogue: catalogue,
            services: services, clock: clock)
        kiosk.clients.remote = kiosk.liveRemoteClient()
    }
    kiosk.restoreAdminLockout()
    if let agendaFile = options.agendaFile {
        try importAgenda(agendaFile, into: services)
    }
    if let placesFile = options.placesFile {
        try importPlaces(placesFile, into: services)
    }
    kiosk.contentDir = URL(fileURLWithPath: options.contentDir ?? assets.appendingPathComponent("content").path)
    // The live kiosk shows its first frame first and loads the packs right after (checking a
    // pack replays hundreds of simulated sessions); scenario runs load everything up front.
    if workerMode == .inline { kiosk.reloadContent() } else { kiosk.contentPending = true }
    return BuiltKiosk(kiosk: kiosk, config: config, assets: assets)
}

/// The printer: a ticket or a list is drawn only when there is one (nothing is written
/// otherwise: the screen shows the details), with the screen's fonts on the loop's thread.
func livePrinter(
    config: KioskConfig, options: KioskOptions, assets: URL, catalogue: Catalogue, services: KioskServices,
    fonts: FontBook
) -> PrinterClient {
    guard config.printerKind != .none else { return .none }
    let printer = TicketPrinter(
        kind: config.printerKind, queue: config.printerQueue, device: config.printerDevice,
        directory: URL(fileURLWithPath: options.dataDir ?? NSTemporaryDirectory()).appendingPathComponent(
            DataDirectory.tickets))
    let resources = loadResources(options: options, assets: assets)
    let siteName = config.siteName
    var client = PrinterClient(
        drawTicket: { content in
            do { return try TicketPrinter.draw(content, fonts: fonts) } catch {
                services.note("ticket not printed: \(error)")
                return nil
            }
        },
        drawResources: { language in
            guard let resources else { return nil }
            do {
                return try TicketPrinter.draw(fonts: fonts) {
                    TicketLayout.resources(resources, language: language, siteName: siteName, measurer: $0)
                }
            } catch {
                services.note("resources not printed: \(error)")
                return nil
            }
        },
        printPage: { page, name in
            do throws(TicketPrintProblem) {
                try printer.output(page, name: name)
                return .printed
            } catch {
                if error != .notConfigured { services.note("not printed: \(error)") }
                return .unavailable
            }
        })
    client.drawPlace = placeDrawer(config: config, catalogue: catalogue, services: services, fonts: fonts)
    return client
}

/// The list of free resources to print for an autonomous person (nil: it cannot be printed).
func loadResources(options: KioskOptions, assets: URL) -> ResourceSheet? {
    let file = URL(fileURLWithPath: options.contentDir ?? assets.appendingPathComponent("content").path)
        .appendingPathComponent("resources.json")
    switch (try? Data(contentsOf: file)).map({ ResourceSheet.load(data: $0, file: file.path) }) {
    case .success(let loaded)?:
        return loaded
    case .failure(let problems)?:
        FileHandle.standardError.write(
            Data("passerelle: content: \(problems)\nthe resources list cannot be printed\n".utf8))
    case nil:
        FileHandle.standardError.write(
            Data("passerelle: content: \(file.path) cannot be read; the resources list cannot be printed\n".utf8))
    }
    return nil
}

/// Screenshots in the data dir (private files: the screen people saw may show a name; the
/// retention purge deletes them) and the status page.
func liveFiles(
    options: KioskOptions, assets: URL, services: KioskServices, renderer: Renderer, clock: @escaping () -> Date,
    startedAt: Date
) -> FilesClient {
    let dataDir = options.dataDir
    return FilesClient(
        saveScreenshot: { write in
            let directory = URL(fileURLWithPath: dataDir ?? NSTemporaryDirectory()).appendingPathComponent(
                DataDirectory.screenshots)
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withFullDate, .withTime]
            let name = "screen-\(formatter.string(from: clock())).png".replacingOccurrences(of: ":", with: "")
            let url = directory.appendingPathComponent(name)
            do {
                try DataDirectory.createPrivate(directory)
                try write(url.path)
                DataDirectory.makePrivate(file: url.path)
                return url.path
            } catch {
                FileHandle.standardError.write(Data("passerelle: screenshot failed: \(error)\n".utf8))
                return nil
            }
        },
        collectStatus: { facts in
            StatusReport.collect(
                facts, services: services, renderer: renderer, options: options, assets: assets, startedAt: startedAt)
        })
}

/// Imports an agenda file into the kiosk's store (all or nothing; re-importing is harmless).
func importAgenda(_ path: String, into services: KioskServices) throws {
    guard let store = services.store else { throw StartError.agenda("no store to import into") }
    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
        throw StartError.agenda("\(path): cannot be read: \(error.localizedDescription)")
    }
    do {
        let document = try AgendaDocument.parse(data, file: path)
        _ = try store.importAgenda(document)
        try store.rewriteHelperCalendars()
    } catch {
        throw StartError.agenda("\(error)")
    }
}

/// The admin status page: what an admin checks when something looks wrong.
enum StatusReport {
    static func collect(
        _ facts: StatusFacts, services: KioskServices, renderer: Renderer, options: KioskOptions, assets: URL,
        startedAt: Date
    ) -> [StatusLine] {
        var lines: [StatusLine] = []
        lines.append(StatusLine("Version", PasserelleVersion.string))
        let uptime = Int(facts.now.timeIntervalSince(startedAt))
        lines.append(StatusLine("Uptime", "\(uptime / 3600) h \(uptime / 60 % 60) min \(uptime % 60) s"))
        lines.append(StatusLine("Configuration", options.configPath ?? "(defaults)"))
        if let problem = facts.configProblem {
            lines.append(StatusLine("Configuration error", problem, isProblem: true))
        } else {
            lines.append(StatusLine("Configuration state", "ok"))
        }
        lines.append(StatusLine("Data directory", options.dataDir ?? "(none)"))
        lines += storeLines(services)
        if let dir = options.dataDir, let attrs = try? FileManager.default.attributesOfFileSystem(forPath: dir),
            let free = attrs[.systemFreeSize] as? NSNumber
        {
            let mb = free.int64Value / 1_000_000
            lines.append(StatusLine("Free disk", "\(mb) MB", isProblem: mb < 200))
        }
        lines.append(StatusLine("Assets", assets.path))
        lines.append(
            StatusLine(
                "Diagnostic pack", facts.diagnosticPack ?? "none: the diagnostic is not offered",
                isProblem: facts.diagnosticPack == nil))
        lines.append(
            StatusLine(
                "Places of help",
                facts.placesOfHelp > 0
                    ? "\(facts.placesOfHelp)" : "none: import them with passerellectl places import (docs/places.md)"))
        for problem in facts.contentProblems.prefix(6) {
            lines.append(StatusLine("Content error", problem, isProblem: true))
        }
        let driver = options.headless ? "headless" : (SDL_GetCurrentVideoDriver().map { String(cString: $0) } ?? "none")
        lines.append(StatusLine("Screen", "\(renderer.size) \(driver)"))
        lines.append(StatusLine("Frames drawn", "\(renderer.framesDrawn)"))
        lines.append(StatusLine("Text cache", "\(renderer.cachedTextCount) entries"))
        lines.append(StatusLine("Memory (RSS)", ProcessStats.residentKilobytes().map { "\($0 / 1024) MB" } ?? "?"))
        let missing = renderer.fonts.missingIcons()
        lines.append(
            StatusLine(
                "Icons", missing.isEmpty ? "ok" : "missing: \(missing.map(\.rawValue).joined(separator: ", "))",
                isProblem: !missing.isEmpty))
        return lines
    }

    private static func storeLines(_ services: KioskServices) -> [StatusLine] {
        var lines = [StatusLine("Store", services.storeDescription, isProblem: services.openProblem != nil)]
        if let problem = services.openProblem {
            lines.append(StatusLine("Store error", "\(problem)", isProblem: true))
        }
        if let note = services.recoveryNote {
            lines.append(StatusLine("Store recovered", note, isProblem: true))
        }
        for problem in (services.store?.rowProblems ?? []).prefix(4) {
            lines.append(StatusLine("Store row", problem, isProblem: true))
        }
        if let problem = services.lastProblem {
            lines.append(StatusLine("Last store failure", problem, isProblem: true))
        }
        return lines + services.calendarStatusLines()
    }
}

public enum PasserelleVersion {
    public static let string = "0.1.0"
}

/// Figures from /proc about this process.
public enum ProcessStats {
    /// VmRSS in kB.
    public static func residentKilobytes() -> Int? { field("VmRSS:") }
    /// VmHWM (peak resident set) in kB.
    public static func peakResidentKilobytes() -> Int? { field("VmHWM:") }

    static func field(_ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            return Int(
                line.dropFirst(name.count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
        }
        return nil
    }
}
