import Foundation

/// One problem in a content or agenda file, with where it is.
public struct ContentProblem: Error, Equatable, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int
    /// Where in the document: "items[3].texts.ar".
    public let path: String
    public let message: String

    public init(file: String, line: Int, path: String, message: String) {
        self.file = file
        self.line = line
        self.path = path
        self.message = message
    }

    public var description: String {
        path.isEmpty ? "\(file):\(line): \(message)" : "\(file):\(line): \(path): \(message)"
    }
}
