// Passerelle — passerellectl. Licensed under the EUPL-1.2.
import ArgumentParser
import Foundation
import KioskCalDAV
import KioskCore
import KioskStore

extension PasserelleCtl {
    /// Hidden tools for tests and demos; not for production data dirs.
    struct Debug: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Test and demo tools.", shouldDisplay: false,
            subcommands: [WriteLoop.self, Simulate.self, Book.self, Move.self])
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
            // Each line goes out with one write(2) once its commit returned: nothing waits in a
            // buffer when the kill comes.
            func acknowledge(_ line: String) { FileHandle.standardOutput.write(Data("\(line)\n".utf8)) }
            var written = 0
            while count == 0 || written < count {
                let visit = try orExit { () throws(StoreProblem) in try database.startVisit(language: "fr") }
                acknowledge("visit \(visit)")
                let entry = try orExit { () throws(StoreProblem) in try database.appendJournal(.note("write-loop")) }
                acknowledge("journal \(entry)")
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

extension PasserelleCtl.Debug {
    /// Books one slot and prints "booked UUID" (exit 0) or "taken" (exit 2). The race test runs
    /// two of these at once on the same slot, many times: exactly one must win each time.
    struct Book: ParsableCommand {
        @OptionGroup var store: DataDirOptions
        @Option(help: "Service key.") var service: String
        @Option(help: "Helper key.") var helper: String
        @Option(help: "Place key.") var place: String
        @Option(help: "Start, seconds since 1970.") var start: Double
        @Option(help: "Wait until this time (seconds since 1970) before booking, so racers start together.")
        var at: Double = 0
        @Option(help: "Book through the shared CalDAV calendars of this configuration.") var caldavConfig: String?
        @Option(help: "The person's phone (none: no SMS).") var phone = "0612345678"

        func validate() throws {
            guard start.isFinite else { throw ValidationError("--start must be a number of seconds since 1970") }
            // A meeting point on the wall clock for racing processes, so close by.
            guard at.isFinite, at - Date().timeIntervalSince1970 <= 60 else {
                throw ValidationError("--at must be a time (seconds since 1970) at most 60 s from now")
            }
        }

        func run() throws {
            let database = try store.open()
            let now = database.now
            guard let snapshot = try? database.agendaSnapshot(from: now, to: now.addingTimeInterval(86_400)),
                let duration = snapshot.services[service]?.durationMinutes
            else { throw ExitCode(1) }
            let startDate = Date(timeIntervalSince1970: start)
            let slot = Slot(
                service: service, helper: helper, place: place, start: startDate,
                end: startDate.addingTimeInterval(Double(duration * 60)))
            let shared = try caldavConfig.map(loadSharedAgenda)
            let wait = at - Date().timeIntervalSince1970
            if wait > 0 { Thread.sleep(forTimeInterval: wait) }
            switch Self.book(slot, phone: phone, shared: shared, in: database) {
            case .success(let (appointment, delivery)):
                switch delivery {
                case .local, .written: print("booked \(appointment.uuid)")
                case .queued(let reason): print("booked \(appointment.uuid) queued: \(reason)")
                }
            case .failure(.slotTaken):
                print("taken")
                throw ExitCode(2)
            case .failure(let problem):
                throw fail(problem)
            }
        }

        /// Outside run(): swift 6.3.1 crashes on typed-throws catches inside ArgumentParser run().
        static func book(_ slot: Slot, phone: String, shared: SharedAgenda?, in database: AppDatabase) -> Result<
            (Appointment, SharedAgenda.Delivery), StoreProblem
        > {
            let person = PersonContact(name: "Test", phone: phone.isEmpty ? nil : phone, remindBySMS: !phone.isEmpty)
            do {
                if let shared { return .success(try shared.book(slot, for: person, in: database)) }
                return .success((try database.book(slot, for: person), .local))
            } catch {
                return .failure(error)
            }
        }
    }
}

extension PasserelleCtl.Debug {
    /// Moves an appointment to another slot (helper, place, start), through the shared
    /// calendars when `--caldav-config` is given; prints "moved UUID" or "taken" (exit 2).
    struct Move: ParsableCommand {
        @OptionGroup var store: DataDirOptions
        @Argument(help: "The appointment's uuid.") var uuid: String
        @Option(help: "Helper key.") var helper: String
        @Option(help: "Place key.") var place: String
        @Option(help: "Start, seconds since 1970.") var start: Double
        @Option(help: "Move through the shared CalDAV calendars of this configuration.") var caldavConfig: String?

        func validate() throws {
            guard UUID(uuidString: uuid) != nil else { throw ValidationError("not an appointment uuid: \(uuid)") }
        }

        func run() throws {
            let database = try store.open()
            let id = UUID(uuidString: uuid)!
            let shared = try caldavConfig.map(loadSharedAgenda)
            guard let booked = try? database.bookedAppointment(id) else { throw ExitCode(1) }
            let startDate = Date(timeIntervalSince1970: start)
            let slot = Slot(
                service: booked.service.key, helper: helper, place: place, start: startDate,
                end: startDate.addingTimeInterval(Double(booked.service.durationMinutes * 60)))
            switch Self.move(id, to: slot, shared: shared, in: database) {
            case .success: print("moved \(id)")
            case .failure(.slotTaken):
                print("taken")
                throw ExitCode(2)
            case .failure(let problem): throw fail(problem)
            }
        }

        static func move(_ id: UUID, to slot: Slot, shared: SharedAgenda?, in database: AppDatabase) -> Result<
            Appointment, StoreProblem
        > {
            do {
                if let shared { return .success(try shared.move(id, to: slot, in: database)) }
                return .success(try database.moveAppointment(id, to: slot))
            } catch {
                return .failure(error)
            }
        }
    }
}
