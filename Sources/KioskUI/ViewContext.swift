import KioskCore

/// What a screen needs besides the state: where to draw, the texts, how to measure them.
public struct ViewContext {
    public var size: Size
    public var catalogue: Catalogue
    public var measurer: TextMeasurer
    public var policy: KioskPolicy

    public init(size: Size, catalogue: Catalogue, measurer: TextMeasurer, policy: KioskPolicy) {
        self.size = size
        self.catalogue = catalogue
        self.measurer = measurer
        self.policy = policy
    }
}
