import Foundation
import KioskCore

/// Loads the journeys' content from the Assets (or a content directory an admin set):
/// the diagnostic pack and the free resources list. A broken file is refused with every problem and its line; the kiosk
/// keeps the last good content and the admin status page shows what is wrong.
public enum ContentLoader {
    public struct Outcome {
        public var content: KioskContent
        /// Problems to show on the status page (empty: all good).
        public var problems: [String]
        /// Which pack file is in use.
        public var diagnosticFile: String?
    }

    /// The pack file of a content directory: `diagnostic/*.json`, the first in name order.
    public static func diagnosticPackURL(in contentDir: URL) -> URL? {
        let folder = contentDir.appendingPathComponent("diagnostic")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().first.map { folder.appendingPathComponent($0) }
    }

    /// Loads the content of `contentDir`; where a part fails, `previous` keeps serving.
    public static func load(contentDir: URL, previous: KioskContent) -> Outcome {
        var content = previous
        var problems: [String] = []
        var file: String?
        if let url = diagnosticPackURL(in: contentDir) {
            file = url.path
            do {
                let data = try Data(contentsOf: url)
                switch DiagnosticPack.load(data: data, file: url.path) {
                case .success(let pack): content.diagnosticPack = pack
                case .failure(let errors): problems += errors.problems.map(\.description)
                }
            } catch {
                problems.append("\(url.path): cannot be read: \(error.localizedDescription)")
            }
        } else {
            problems.append(
                "\(contentDir.appendingPathComponent("diagnostic").path): "
                    + "no diagnostic pack (*.json); the diagnostic is not offered"
            )
        }
        for problem in problems {
            FileHandle.standardError.write(Data("passerelle: content: \(problem)\n".utf8))
        }
        if !problems.isEmpty, previous.diagnosticPack != nil {
            FileHandle.standardError.write(Data("passerelle: content: keeping the last good diagnostic pack\n".utf8))
        }
        // The free resources: printed, or shown on screen when nothing can print them.
        let resources = contentDir.appendingPathComponent("resources.json")
        if let data = try? Data(contentsOf: resources) {
            switch ResourceSheet.load(data: data, file: resources.path) {
            case .success(let sheet): content.resources = sheet
            case .failure(let errors):
                for problem in errors.problems.map(\.description) {
                    FileHandle.standardError.write(Data("passerelle: content: \(problem)\n".utf8))
                    problems.append(problem)
                }
            }
        }
        return Outcome(content: content, problems: problems, diagnosticFile: file)
    }
}
