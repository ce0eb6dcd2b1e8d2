// Integer pixel geometry: the framebuffer is pixels, and snapshots must be exact.

public struct Point: Equatable, Hashable, Sendable {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }
}

public struct Size: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
    public var isPortrait: Bool { height > width }
    public var description: String { "\(width)x\(height)" }

    /// Parses "1080x1920"; nil if it is not two positive integers joined by "x".
    /// The screen sizes the kiosk accepts (configuration and `--size`): 640×480 to 7680×7680.
    public static let screenWidths = 640...7680
    public static let screenHeights = 480...7680

    /// A size a screen can have (see `screenWidths`, `screenHeights`).
    public var isScreenSize: Bool { Self.screenWidths.contains(width) && Self.screenHeights.contains(height) }

    public init?(parsing text: String) {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0 else { return nil }
        self.init(width: w, height: h)
    }
}

public struct Rect: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var midX: Int { x + width / 2 }
    public var midY: Int { y + height / 2 }
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public var description: String { "\(x),\(y) \(width)x\(height)" }

    public func contains(_ p: Point) -> Bool { p.x >= x && p.x < maxX && p.y >= y && p.y < maxY }

    public func contains(_ r: Rect) -> Bool { r.x >= x && r.y >= y && r.maxX <= maxX && r.maxY <= maxY }

    public func intersects(_ r: Rect) -> Bool {
        !isEmpty && !r.isEmpty && r.x < maxX && x < r.maxX && r.y < maxY && y < r.maxY
    }

    public func intersection(_ r: Rect) -> Rect {
        let nx = max(x, r.x), ny = max(y, r.y)
        let w = min(maxX, r.maxX) - nx, h = min(maxY, r.maxY) - ny
        return w > 0 && h > 0 ? Rect(x: nx, y: ny, width: w, height: h) : .zero
    }

    public func union(_ r: Rect) -> Rect {
        if isEmpty { return r }
        if r.isEmpty { return self }
        let nx = min(x, r.x), ny = min(y, r.y)
        return Rect(x: nx, y: ny, width: max(maxX, r.maxX) - nx, height: max(maxY, r.maxY) - ny)
    }

    public func inset(by d: Int) -> Rect { inset(dx: d, dy: d) }

    public func inset(dx: Int, dy: Int) -> Rect {
        Rect(x: x + dx, y: y + dy, width: max(0, width - 2 * dx), height: max(0, height - 2 * dy))
    }

    /// The same rect on a screen of width `screenWidth` read right to left.
    public func mirrored(in screenWidth: Int) -> Rect {
        Rect(x: screenWidth - x - width, y: y, width: width, height: height)
    }

    // MARK: - Cutting a rect into parts, as a layout does

    /// Removes a slice of `amount` from the top and returns it.
    public mutating func sliceTop(_ amount: Int, gap: Int = 0) -> Rect {
        let part = Rect(x: x, y: y, width: width, height: min(amount, height))
        let used = min(height, amount + gap)
        y += used; height -= used
        return part
    }

    public mutating func sliceBottom(_ amount: Int, gap: Int = 0) -> Rect {
        let a = min(amount, height)
        let part = Rect(x: x, y: maxY - a, width: width, height: a)
        height -= min(height, amount + gap)
        return part
    }

    public mutating func sliceLeft(_ amount: Int, gap: Int = 0) -> Rect {
        let part = Rect(x: x, y: y, width: min(amount, width), height: height)
        let used = min(width, amount + gap)
        x += used; width -= used
        return part
    }

    public mutating func sliceRight(_ amount: Int, gap: Int = 0) -> Rect {
        let a = min(amount, width)
        let part = Rect(x: maxX - a, y: y, width: a, height: height)
        width -= min(width, amount + gap)
        return part
    }

    /// `count` equal columns separated by `gap`.
    public func columns(_ count: Int, gap: Int) -> [Rect] {
        guard count > 0 else { return [] }
        let w = (width - gap * (count - 1)) / count
        return (0..<count).map { Rect(x: x + $0 * (w + gap), y: y, width: w, height: height) }
    }

    /// `count` equal rows separated by `gap`.
    public func rows(_ count: Int, gap: Int) -> [Rect] {
        guard count > 0 else { return [] }
        let h = (height - gap * (count - 1)) / count
        return (0..<count).map { Rect(x: x, y: y + $0 * (h + gap), width: width, height: h) }
    }

    /// A rect of `size` centred in this one.
    public func centered(_ w: Int, _ h: Int) -> Rect {
        Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
    }
}
