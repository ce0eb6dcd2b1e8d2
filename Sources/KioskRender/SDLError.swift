import CSDL2

/// A failed SDL, SDL_ttf or SDL_image call: which call, and what SDL said.
public struct SDLError: Error, CustomStringConvertible {
    public var call: String
    public var message: String

    public init(_ call: String, message: String? = nil) {
        self.call = call
        self.message = message ?? String(cString: SDL_GetError())
    }

    public var description: String { "\(call) failed: \(message)" }
}
