import KioskCore

/// A pictogram: one glyph of the Material Icons font (Debian
/// `fonts-material-design-icons-iconfont`, Apache-2.0), known by its Material name.
/// The shell's own icons are the constants below; content packs name theirs ("mail", "send")
/// and `Icon(material:)` looks them up.
public struct Icon: Hashable, Sendable, CustomStringConvertible {
    /// The Material name ("arrow_back").
    public let name: String
    public let codepoint: UInt32

    /// The glyph called `name` in the font, or nil if there is none.
    public init?(material name: String) {
        guard let codepoint = Pictogram.codepoint(named: name) else { return nil }
        self.name = name
        self.codepoint = codepoint
    }

    private init(_ name: String) {
        // The shell's constants are checked against the generated table by the tests.
        self.name = name
        self.codepoint = Pictogram.codepoint(named: name) ?? 0xE887
    }

    public var description: String { name }
    /// Kept for snapshots and status lines.
    public var rawValue: String { name }

    public static let help = Icon("help")
    public static let home = Icon("home")
    public static let arrowBack = Icon("arrow_back")
    public static let arrowForward = Icon("arrow_forward")
    public static let language = Icon("language")
    public static let textSize = Icon("format_size")
    public static let contrast = Icon("invert_colors")
    public static let touch = Icon("touch_app")
    public static let lock = Icon("lock")
    public static let camera = Icon("photo_camera")
    public static let info = Icon("info")
    public static let power = Icon("power_settings_new")
    public static let backspace = Icon("backspace")
    public static let check = Icon("check")
    public static let timer = Icon("timer")
    public static let person = Icon("person")
    public static let exit = Icon("exit_to_app")
    public static let warning = Icon("warning")
    public static let handshake = Icon("people")
    public static let place = Icon("place")
    public static let close = Icon("close")
    public static let event = Icon("event")
    public static let schedule = Icon("schedule")
    public static let phone = Icon("phone")
    public static let print = Icon("print")
    public static let school = Icon("school")
    public static let groups = Icon("groups")
    public static let description_ = Icon("description")
    public static let supportAgent = Icon("support_agent")
    public static let quiz = Icon("quiz")
    public static let edit = Icon("edit")
    public static let sun = Icon("wb_sunny")
    public static let evening = Icon("wb_twilight")
    public static let shift = Icon("keyboard_capslock")
    public static let space = Icon("space_bar")
    public static let thumbUp = Icon("thumb_up")
    public static let dontKnow = Icon("help_outline")
    public static let undo = Icon("undo")
    public static let volume = Icon("volume_up")
    public static let volumeDown = Icon("volume_down")
    public static let volumeOff = Icon("volume_off")
    /// "Also read my name and number": private data.
    public static let privacy = Icon("privacy_tip")
    /// A headset is plugged in: the sound goes there.
    public static let headset = Icon("headset")
    public static let qrCode = Icon("qr_code_2")
    public static let cancel = Icon("event_busy")
    public static let screenShare = Icon("screen_share")
    public static let stopScreenShare = Icon("stop_screen_share")
    public static let visibility = Icon("visibility")
    public static let panTool = Icon("pan_tool")
    /// The aidant's "look here" ring.
    public static let ring = Icon("radio_button_unchecked")
    /// On a control that is not usable yet: its shape says so, not only its colour.
    public static let unavailable = Icon("block")
    /// Low reach: the controls within reach of a seated person.
    public static let lowReach = Icon("accessible")

    /// Every icon the shell draws by itself (the status page checks the font has them).
    public static let shellIcons: [Icon] = [
        .help, .home, .arrowBack, .arrowForward, .language, .textSize, .contrast, .touch, .lock, .camera,
        .info, .power, .backspace, .check, .timer, .person, .exit, .warning, .handshake, .place, .close,
        .event, .schedule, .phone, .print, .school, .groups, .description_, .supportAgent, .quiz, .edit,
        .sun, .evening, .shift, .space, .thumbUp, .dontKnow, .undo, .volume, .qrCode, .cancel, .unavailable,
        .screenShare, .stopScreenShare, .visibility, .panTool, .ring, .volumeDown, .volumeOff, .privacy,
        .headset, .lowReach,
    ]

    /// The icon to show in a right-to-left layout: arrows point the other way.
    public func mirrored(_ rightToLeft: Bool) -> Icon {
        guard rightToLeft else { return self }
        if self == .arrowBack { return .arrowForward }
        if self == .arrowForward { return .arrowBack }
        return self
    }
}
