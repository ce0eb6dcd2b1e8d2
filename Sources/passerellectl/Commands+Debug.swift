// Passerelle — passerellectl. Licensed under the EUPL-1.2.
import ArgumentParser
import Foundation
import KioskStore

extension PasserelleCtl {
    /// Hidden tools for tests and demos; not for production data dirs.
    struct Debug: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Test and demo tools.", shouldDisplay: false, subcommands: [WriteLoop.self, Simulate.self])
    }
}

extension PasserelleCtl.Debug {
    /// Writes visits and journal entries in a loop and prints each id on stdout once its commit
    /// returned (i.e. once it is acknowledged as durable). The kill -9 test kills this process
    /// at random moments and checks that every printed id is in the database.
    struct WriteLoop: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "write-loop")

        @OptionGroup var store: DataDirOptions
        @Option(help: "Stop after this many records (0: until killed).") var count = 0

        func run() throws {
            let database = try store.open()
            setvbuf(stdout, nil, _IOLBF, 0)
            var written = 0
            while count == 0 || written < count {
                let visit = try orExit { () throws(StoreProblem) in try database.startVisit(language: "fr") }
                print("visit \(visit)")
                fflush(stdout)
                let entry = try orExit { () throws(StoreProblem) in try database.appendJournal(.note("write-loop")) }
                print("journal \(entry)")
                fflush(stdout)
                written += 2
            }
        }
    }

    /// Fills a data dir with a simulated run of the kiosk (for demos of stats and report).
    struct Simulate: ParsableCommand {
        @OptionGroup var store: DataDirOptions
        @Option(help: "First local day, YYYY-MM-DD.") var from: String
        @Option(help: "Number of days.") var days = 30
        @Option(help: "Random seed (same seed, same data).") var seed: UInt64 = 42

        func validate() throws {
            guard AppDatabase.parseDay(from) != nil else { throw ValidationError("--from must be YYYY-MM-DD") }
            guard (1...3660).contains(days) else { throw ValidationError("--days must be within 1...3660") }
        }

        func run() throws {
            let visits = try orExit { () throws(StoreProblem) in
                try DemoScenario.run(dataDir: store.url, firstDay: from, days: days, seed: seed)
            }
            print("simulated \(days) days, \(visits) visits in \(store.dataDir)")
        }
    }
}
