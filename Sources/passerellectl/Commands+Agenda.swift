// Passerelle — passerellectl. Licensed under the EUPL-1.2.
import ArgumentParser
import Foundation
import KioskCore
import KioskStore

extension PasserelleCtl {
    /// `passerellectl agenda import|export`
    struct Agenda: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load the agenda (places, services, helpers, opening hours) and export helpers' calendars.",
            subcommands: [Import.self, Export.self, Cancel.self, Sync.self, Status.self])
    }
}

extension PasserelleCtl.Agenda {
    /// `passerellectl agenda import FILE [--data-dir DIR]`
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Replace the agenda with a JSON agenda file (docs/agenda.md). A file with any problem changes nothing.",
            discussion:
                "Every problem is printed as FILE:LINE: FIELD: MESSAGE; the exit code is then 65. "
                + "Re-importing the same file changes nothing."
        )

        @OptionGroup var store: DataDirOptions
        @Argument(help: "The agenda file (see Assets/agenda/example.json).", completion: .file(extensions: ["json"]))
        var file: String
        @Flag(help: "Only check the file; do not touch the store.") var check = false

        func run() throws {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                warn("error: cannot read \(file): \(error.localizedDescription)")
                throw ExitCode(66)
            }
            let document: AgendaDocument
            do {
                document = try AgendaDocument.parse(data, file: file)
            } catch {
                for problem in error.problems { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
                warn("\(error.problems.count) problem(s) in \(file); nothing was imported")
                throw ExitCode(65)
            }
            for warning in document.warnings { FileHandle.standardError.write(Data("\(warning)\n".utf8)) }
            if check {
                print(
                    "\(file): ok (\(document.places.count) places, \(document.services.count) services, "
                        + "\(document.helpers.count) helpers)"
                )
                return
            }
            let database = try store.open()
            let report = try orExit { () throws(StoreProblem) in try database.importAgenda(document) }
            print("imported \(file): \(report.summary)")
            rewriteCalendars(database)
        }
    }
}

extension PasserelleCtl.Agenda {
    /// `passerellectl agenda export --ics FILE [--helper ID]`
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write helpers' appointments as an RFC 5545 calendar (.ics) for their calendar app.")

        @OptionGroup var store: DataDirOptions
        @Option(help: "The .ics file to write (\"-\" for standard output).") var ics: String
        @Option(help: "Only this helper's appointments (their id in the agenda file).") var helper: String?

        func validate() throws { try store.requireExistingStore() }

        func run() throws {
            let database = try store.open()
            let text = try orExit { () throws(StoreProblem) in try database.calendarICS(helper: helper) }
            try writeOutput(text, to: ics == "-" ? nil : ics)
            if ics != "-" { print("wrote \(ics)") }
        }
    }

    /// `passerellectl agenda cancel UUID [--by-person]`
    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Cancel an appointment (revoked by the place, or excused with --by-person) "
                + "and rewrite the helper's calendar."
        )

        @OptionGroup var store: DataDirOptions
        @OptionGroup var caldav: CalDAVOptions
        @Argument(help: "The appointment's uuid.") var uuid: String
        @Flag(help: "The person cancelled (status excused) rather than the place (revoked).") var byPerson = false

        func validate() throws {
            guard UUID(uuidString: uuid) != nil else { throw ValidationError("not an appointment uuid: \(uuid)") }
            try store.requireExistingStore()
        }

        func run() throws {
            let database = try store.open()
            let id = UUID(uuidString: uuid)!
            let shared = try caldav.load()
            try orExit { () throws(StoreProblem) in
                // With shared calendars, the event is deleted there too (or queued for the next sync).
                if let shared {
                    try shared.cancel(id, byPerson: byPerson, in: database)
                } else {
                    try database.cancelAppointment(id, byPerson: byPerson)
                }
            }
            print("cancelled \(uuid)")
            if let helper = try? database.helperKey(of: id) {
                do { try database.rewriteCalendar(helper: helper) } catch {
                    warn("warning: calendar not rewritten: \(error)")
                }
            }
        }
    }
}

/// Rewrites every helper's calendar file after a change; a failure is reported, not fatal
/// (the store is the truth and the next change rewrites the files).
func rewriteCalendars(_ database: AppDatabase) {
    do {
        let files = try database.rewriteHelperCalendars()
        print("calendars: \(files.count) file(s) in \(database.calendarsDirectory.path)")
    } catch {
        warn("warning: calendars not rewritten: \(error)")
    }
}
