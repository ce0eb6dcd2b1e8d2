// Passerelle — passerellectl. Licensed under the EUPL-1.2.
import ArgumentParser
import Foundation
import KioskCore
import KioskStore

extension PasserelleCtl {
    /// `passerellectl places import|list|export`
    struct Places: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Load the places of help from the national open data "
                + "(schéma des lieux de médiation numérique) and show them.",
            subcommands: [Import.self, List.self, Export.self])
    }
}

extension PasserelleCtl.Places {
    /// `passerellectl places import FILE [--source NAME] [--check]`
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Import a places file (CSV or JSON of the national schema, docs/places.md): "
                + "good rows are imported, bad rows refused.",
            discussion: """
                Each refused row is printed as FILE:LINE: FIELD: WHY, each warning as FILE:LINE: FIELD: warning: WHY. \
                The file is the truth for its source: places of that source that it no longer has \
                are removed, and named. \
                Exit 0 when at least one place could be imported; 65 when none could; 66 when the file cannot be read.
                """)

        @OptionGroup var store: DataDirOptions
        @Argument(
            help: "The places file (see Assets/places/example.csv).", completion: .file(extensions: ["csv", "json"]))
        var file: String
        @Option(help: "The name this file's places are kept under (default: the file's name without its extension).")
        var source: String?
        @Flag(help: "Only check the file; do not touch the store.") var check = false

        var sourceName: String {
            source ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        }

        func validate() throws {
            let name = sourceName
            guard (1...100).contains(name.count),
                !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            else {
                throw ValidationError("--source must be 1 to 100 characters without control characters")
            }
        }

        func run() throws {
            let data = try readFile(file)
            let parsed: PlacesFile
            do {
                parsed = try PlacesFile.parse(data, file: file)
            } catch {
                printError("\(error)")
                warn("nothing was imported from \(file)")
                throw ExitCode(65)
            }
            if !parsed.ignoredColumns.isEmpty {
                printError(
                    "\(file):1: warning: columns not in the national schema, ignored: "
                        + "\(parsed.ignoredColumns.joined(separator: ", "))"
                )
            }
            for problem in parsed.refused { printError("\(problem)") }
            for warning in parsed.warnings { printError("\(warning)") }
            let counts =
                "\(parsed.places.count) \(check ? "would be imported" : "imported"), \(parsed.refused.count) refused"
            guard !parsed.places.isEmpty else {
                print(counts)
                warn("nothing could be imported from \(file); the store was not touched")
                throw ExitCode(65)
            }
            if check {
                print("\(counts) (--check: the store was not touched)")
                return
            }
            let database = try store.open()
            let report = try orExit { () throws(StoreProblem) in
                try database.importPlaces(parsed.places, source: sourceName, refusedIDs: parsed.refusedIDs)
            }
            print(counts)
            print("source \"\(sourceName)\": \(report.summary)")
        }
    }

    /// `passerellectl places list [--source NAME]`
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "List the stored places: id, name, commune, services, and today's hours as the kiosk evaluates them.")

        @OptionGroup var store: DataDirOptions
        @Option(help: "Only the places imported under this source.") var source: String?

        func validate() throws { try store.requireExistingStore() }

        func run() throws {
            let database = try store.open()
            let sources = try orExit { () throws(StoreProblem) in try database.placeSources() }
            let places = try orExit { () throws(StoreProblem) in try database.places(source: source) }
            let today = ParisTime.day(of: database.now)
            for s in sources where source == nil || s.name == source {
                print(
                    "source \"\(s.name)\": \(s.places) place(s), "
                        + "imported \(ISO8601DateFormatter().string(from: s.importedAt))"
                )
            }
            for place in places {
                let services = place.services.map(\.rawValue).joined(separator: " | ")
                print(
                    "\(place.id)\t\(place.name)\t\(place.postalCode) \(place.commune)\t\(services)\t"
                        + "\(Self.describe(PlacesFinder.hours(of: place, on: today)))"
                )
            }
            print("\(places.count) place(s)")
        }

        /// Today's hours in a few plain words, for the admin (the screen phrases its own).
        static func describe(_ hours: DayHours) -> String {
            switch hours {
            case .open(let ranges): return "today " + ranges.map(\.description).joined(separator: ", ")
            case .closed: return "closed today"
            case .holidayNotStated: return "public holiday: hours not stated"
            case .asWritten(let text): return "hours as written: \(text)"
            case .notGiven: return "no hours given"
            }
        }
    }

    /// `passerellectl places export [--source NAME] [--csv FILE]`
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the stored places as a CSV of the national schema (what the kiosk kept of each file).")

        @OptionGroup var store: DataDirOptions
        @Option(help: "Only the places imported under this source.") var source: String?
        @Option(help: "The CSV file to write (\"-\" for standard output).") var csv: String = "-"

        func validate() throws { try store.requireExistingStore() }

        func run() throws {
            let database = try store.open()
            let places = try orExit { () throws(StoreProblem) in try database.places(source: source) }
            try writeOutput(PlacesCSV.text(places), to: csv == "-" ? nil : csv)
            if csv != "-" { print("wrote \(places.count) place(s) to \(csv)") }
        }
    }
}

func readFile(_ path: String) throws -> Data {
    do {
        return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        warn("error: cannot read \(path): \(error.localizedDescription)")
        throw ExitCode(66)
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data("\(line)\n".utf8))
}
