import Foundation
import KioskCore

/// Content packs, the agenda and the configuration, read at start and on SIGHUP. A broken
/// new file is refused and the last good one stays in force; the status page says why.
extension Kiosk {
    /// Replaces the journeys' content (a pack that loaded without problems).
    public func apply(_ newContent: KioskContent) {
        content = newContent
        refreshScene()
    }

    /// Loads what was deferred until the first frame was on screen.
    public func finishStart() {
        guard contentPending else { return }
        contentPending = false
        reloadContent()
    }

    /// Reads the content again (at start and on SIGHUP); a broken pack keeps the last good one.
    public func reloadContent() {
        guard let contentDir else { return }
        var outcome = ContentLoader.load(contentDir: contentDir, previous: content)
        let store = clients.store, rules = config.bookingRules
        outcome.content.agenda = worker.run { store.bookableAgenda(rules) }
        outcome.content.places = worker.run { store.places() }
        contentProblems = outcome.problems
        if outcome.problems.isEmpty { diagnosticFile = outcome.diagnosticFile }
        apply(outcome.content)
    }

    /// The diagnostic pack in force, in words (nil: none, the diagnostic is not offered).
    public var diagnosticPackDescription: String? {
        guard let pack = content.diagnosticPack else { return nil }
        return "\(pack.id) v\(pack.version), \(pack.items.count) items (\(diagnosticFile ?? "?"))"
    }

    /// Applies a new configuration; the running state keeps going (a bad file never gets here:
    /// `reload(path:)` keeps the last good one).
    public func apply(_ newConfig: KioskConfig) {
        config = newConfig
        configProblem = nil
        setNewScreenGuard(newConfig.newScreenGuard)
        refreshScene()
    }

    /// Re-reads the configuration file. A bad file is reported and the last good one kept.
    @discardableResult
    public func reload(path: String) -> Bool {
        defer { reloadContent() }
        do {
            apply(try KioskConfig.load(path: path))
            return true
        } catch {
            configProblem = "\(error)"
            FileHandle.standardError.write(
                Data("passerelle: configuration not reloaded, keeping the last good one:\n\(error)\n".utf8))
            return false
        }
    }
}
