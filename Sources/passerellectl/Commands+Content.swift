// Passerelle — passerellectl. Licensed under the EUPL-1.2.
import ArgumentParser
import Foundation
import KioskCore

extension PasserelleCtl {
    /// Content packs (diagnostic items, texts) as the kiosk will load them.
    struct Content: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check content packs before installing them.", subcommands: [Check.self])
    }
}

extension PasserelleCtl.Content {
    /// Prints every problem as `file:line: path: message` on stderr and exits 1, or prints a
    /// short summary of each file and exits 0. The kiosk refuses the same problems at load.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a content file, or every *.json file in a folder.")

        @Argument(help: "A content pack file or a folder of them.", completion: .file(extensions: ["json"]))
        var path: String

        func run() throws {
            let report = ContentCheck.check(path: path)
            guard report.isValid else {
                for problem in report.problems {
                    FileHandle.standardError.write(Data("\(problem)\n".utf8))
                }
                warn("\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s") found")
                throw ExitCode(1)
            }
            print(report.summaries.joined(separator: "\n"))
        }
    }
}
