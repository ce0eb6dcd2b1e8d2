// Passerelle — passerellectl. Licensed under the EUPL-1.2.
import ArgumentParser
import Foundation
import KioskCore
import KioskStore

/// The admin CLI of a kiosk's data dir. Thin: every command parses, validates, calls
/// KioskStore and prints. Errors name the problem on stderr and exit non-zero.
@main
struct PasserelleCtl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passerellectl",
        abstract:
            "Administer a Passerelle kiosk's data and content: figures, reports, agenda, places of help, "
            + "reminders, retention, backups, content checks.",
        subcommands: [
            Stats.self, Report.self, Purge.self, Backup.self, Restore.self, Check.self, Content.self, Agenda.self,
            Places.self, Reminders.self, Debug.self,
        ])

    static func main() {
        // Before anything is created: every file under the data dir may name a person, and
        // so may the reports and exports an admin writes. Nothing is for group or others.
        umask(0o077)
        main(nil)
    }
}

// MARK: - Shared options

struct DataDirOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "The kiosk's data directory.", completion: .directory)
    var dataDir: String = "/var/lib/passerelle"

    var url: URL { URL(fileURLWithPath: dataDir, isDirectory: true) }

    /// For commands that read or change an existing store: refuse to create an empty one.
    func requireExistingStore() throws {
        let file = url.appendingPathComponent(AppDatabase.fileName).path
        guard FileManager.default.fileExists(atPath: file) else {
            throw ValidationError("no Passerelle store in \(dataDir) (missing \(AppDatabase.fileName))")
        }
    }

    /// Opens the store without ever repairing it: a damaged store is reported (exit 5) and
    /// left as it is, because the kiosk may be running on it. Only the kiosk recovers.
    func open() throws -> AppDatabase {
        let clock = try programClock()
        do {
            let database = try AppDatabase.open(dataDir: url, clock: clock, ifDamaged: .refuse)
            for problem in database.rowProblems { warn("warning: bad row in the store: \(problem)") }
            return database
        } catch {
            throw fail(error)
        }
    }
}

// MARK: - The clock

/// The wall clock, or the instant a test pinned with `PASSERELLE_NOW` (see `PinnedClock`).
func programClock() throws -> StoreClock {
    do {
        guard let pinned = try PinnedClock.fromEnvironment() else { return .system }
        return StoreClock(now: pinned)
    } catch {
        warn("error: \(error)")
        throw ExitCode(64)
    }
}

// MARK: - Errors

func warn(_ message: String) {
    FileHandle.standardError.write(Data("passerellectl: \(message)\n".utf8))
}

/// Prints the problem and returns the exit code to throw: 3 disk full, 4 read-only,
/// 5 corrupt, 6 busy, 1 anything else.
func fail(_ error: StoreProblem) -> ExitCode {
    warn("error: \(error)")
    switch error {
    case .diskFull: return ExitCode(3)
    case .readOnly: return ExitCode(4)
    case .corrupt: return ExitCode(5)
    case .busy: return ExitCode(6)
    default: return ExitCode(1)
    }
}

func writeOutput(_ text: String, to path: String?) throws {
    guard let path else {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
    }
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        warn("error: cannot write \(path): \(error.localizedDescription)")
        throw ExitCode(1)
    }
}

/// Runs a store call; a problem is printed and becomes the command's exit code.
func orExit<T>(_ body: () throws(StoreProblem) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw fail(error)
    }
}
