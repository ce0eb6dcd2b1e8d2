// Passerelle — passerellectl. Licensed under the EUPL-1.2.
import ArgumentParser
import Foundation
import KioskStore

extension PasserelleCtl {
    /// `passerellectl purge` — run daily by passerelle-purge.timer.
    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase personal data and old journal entries past their retention (idempotent, journalled).")

        @OptionGroup var store: DataDirOptions
        @Option(help: "Days after an appointment before the person's name and phone are erased.")
        var personalDataDays = RetentionPolicy().personalDataDays
        @Option(help: "Months the audit journal is kept.")
        var journalMonths = RetentionPolicy().journalMonths
        @Option(help: "Days a sent or abandoned outbox message is kept.")
        var outboxDays = RetentionPolicy().outboxDoneDays

        func validate() throws {
            guard RetentionPolicy.personalDataDaysRange.contains(personalDataDays) else {
                throw ValidationError("--personal-data-days must be within \(RetentionPolicy.personalDataDaysRange)")
            }
            guard RetentionPolicy.journalMonthsRange.contains(journalMonths) else {
                throw ValidationError("--journal-months must be within \(RetentionPolicy.journalMonthsRange)")
            }
            guard RetentionPolicy.outboxDoneDaysRange.contains(outboxDays) else {
                throw ValidationError("--outbox-days must be within \(RetentionPolicy.outboxDoneDaysRange)")
            }
            try store.requireExistingStore()
        }

        func run() throws {
            let database = try store.open()
            let policy = RetentionPolicy(
                personalDataDays: personalDataDays, journalMonths: journalMonths, outboxDoneDays: outboxDays)
            let report = try orExit { () throws(StoreProblem) in try database.purge(policy) }
            print(
                "purge: \(report.appointmentsAnonymised) appointments anonymised "
                    + "(\(report.copiesAnonymised) more in backups), \(report.remindersSilenced) reminders silenced, "
                    + "\(report.journalEntriesDeleted) journal entries, "
                    + "\(report.outboxMessagesDeleted) outbox messages "
                    + "and \(report.filesDeleted) files deleted"
            )
        }
    }

    /// `passerellectl backup` — run daily by passerelle-backup.timer.
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the live store into DATA_DIR/backups (SQLite online backup), keeping the newest N.")

        @OptionGroup var store: DataDirOptions
        @Option(help: "How many backups to keep.") var keep = 7

        func validate() throws {
            guard (1...365).contains(keep) else { throw ValidationError("--keep must be within 1...365") }
            try store.requireExistingStore()
        }

        func run() throws {
            let database = try store.open()
            let file = try orExit { () throws(StoreProblem) in try database.backup(keeping: keep) }
            print("backup: \(file.path)")
        }
    }

    /// `passerellectl restore FILE`
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace the store's content with a backup (the current content is backed up first).",
            discussion:
                "Prefer stopping the kiosk first (systemctl stop passerelle): "
                + "what it writes after the backup was taken is replaced."
        )

        @OptionGroup var store: DataDirOptions
        @Argument(help: "The backup file (e.g. DATA_DIR/backups/passerelle-….sqlite).", completion: .file())
        var file: String

        func validate() throws {
            guard FileManager.default.fileExists(atPath: file) else {
                throw ValidationError("no such backup file: \(file)")
            }
        }

        func run() throws {
            let database = try store.open()
            let url = URL(fileURLWithPath: file)
            try orExit { () throws(StoreProblem) in try database.restore(from: url) }
            print("restored \(file)")
        }
    }

    /// `passerellectl check`
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the store's integrity (full integrity_check) and list its backups.")

        @OptionGroup var store: DataDirOptions

        func validate() throws { try store.requireExistingStore() }

        func run() throws {
            let database = try store.open()
            let result = try orExit { () throws(StoreProblem) in try database.integrityCheck() }
            let backups = AppDatabase.backups(in: store.url)
            print("integrity: \(result.joined(separator: "; "))")
            for problem in database.rowProblems { print("bad row: \(problem)") }
            print("backups: \(backups.count)\(backups.last.map { ", newest \($0.lastPathComponent)" } ?? "")")
            guard result == ["ok"], database.rowProblems.isEmpty else { throw ExitCode(5) }
        }
    }
}
