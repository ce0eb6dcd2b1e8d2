import Foundation

/// Finds the `Assets` directory: `$PASSERELLE_ASSETS`, then beside an installed binary
/// (`../share/passerelle`), then the source tree the binary was built from.
public enum AssetLocator {
    public static func find(override: String? = nil) -> URL? {
        var candidates: [URL] = []
        if let override { candidates.append(URL(fileURLWithPath: override)) }
        if let env = ProcessInfo.processInfo.environment["PASSERELLE_ASSETS"] {
            candidates.append(URL(fileURLWithPath: env))
        }
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        candidates.append(exe.appendingPathComponent("../share/passerelle/Assets").standardized)
        // Sources/KioskApp/Assets.swift -> repository root.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(source.appendingPathComponent("Assets"))
        return candidates.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("strings/fr.json").path)
        }
    }
}
