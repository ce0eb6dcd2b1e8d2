import KioskCore

/// What a screen needs besides the state: where to draw, the texts, how to measure them.
public struct ViewContext {
    public var size: Size
    public var catalogue: Catalogue
    public var measurer: TextMeasurer
    public var policy: KioskPolicy
    /// Which journeys can run (the home's tiles).
    public var content: KioskContent

    public init(
        size: Size, catalogue: Catalogue, measurer: TextMeasurer, policy: KioskPolicy,
        content: KioskContent = KioskContent()
    ) {
        self.content = content
        self.size = size
        self.catalogue = catalogue
        self.measurer = measurer
        self.policy = policy
    }
}
