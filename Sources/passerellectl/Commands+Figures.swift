// Passerelle — passerellectl. Licensed under the EUPL-1.2.
import ArgumentParser
import Foundation
import KioskStore

extension Bucketing: ExpressibleByArgument {}

extension PasserelleCtl {
    /// `passerellectl stats --from DATE --to DATE [--by day|week|month] [--format json|csv]`
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the indicators (visits, diagnostics by autonomie, appointments, help) per period.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv }

        @OptionGroup var store: DataDirOptions
        @Option(help: "First local day, YYYY-MM-DD (Europe/Paris).") var from: String
        @Option(help: "Last local day, YYYY-MM-DD, included.") var to: String
        @Option(help: "Period: day, week (ISO, from Monday) or month.") var by: Bucketing = .day
        @Option(help: "Output format: json or csv.") var format: Format = .json
        @Option(help: "Write to this file instead of standard output.") var out: String?

        func validate() throws {
            guard AppDatabase.parseDay(from) != nil else {
                throw ValidationError("--from must be a day YYYY-MM-DD, got '\(from)'")
            }
            guard AppDatabase.parseDay(to) != nil else {
                throw ValidationError("--to must be a day YYYY-MM-DD, got '\(to)'")
            }
            guard from <= to else { throw ValidationError("--from (\(from)) is after --to (\(to))") }
            try store.requireExistingStore()
        }

        func run() throws {
            let database = try store.open()
            let indicators = try orExit { () throws(StoreProblem) in try database.indicators(from: from, to: to, by: by)
            }
            try writeOutput(format == .json ? indicators.json() : indicators.csv(), to: out)
        }
    }

    /// `passerellectl report --month YYYY-MM --out FILE.html`
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a self-contained HTML report of a month, with charts, for elected officials.")

        @OptionGroup var store: DataDirOptions
        @Option(help: "The month, YYYY-MM.") var month: String
        @Option(help: "The HTML file to write.") var out: String
        @Option(help: "The place's name for the title (e.g. \"Mairie de Lunel\").") var place: String?

        func validate() throws {
            guard month.count == 7, AppDatabase.parseDay(month + "-01") != nil else {
                throw ValidationError("--month must be YYYY-MM, got '\(month)'")
            }
            guard !out.isEmpty else { throw ValidationError("--out needs a file name") }
            try store.requireExistingStore()
        }

        func run() throws {
            let database = try store.open()
            let report = try orExit { () throws(StoreProblem) in
                try MonthlyReport.load(from: database, month: month, placeName: place)
            }
            try writeOutput(report.html(), to: out)
            print("wrote \(out)")
        }
    }
}
