import Foundation

extension DiagnosticPack {
    /// The same pack with only these items (previews and the layout audit show an item the
    /// adaptive path would skip). Texts and limits are the pack's own.
    public func restricted(to items: [DiagnosticItem]) -> DiagnosticPack {
        DiagnosticPack(
            id: id, version: version, items: items, steps: steps, help: help, encouragement: encouragement,
            limits: limits)
    }
}
