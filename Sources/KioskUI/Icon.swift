/// The pictograms the kiosk uses, as code points of the Material Icons font
/// (Debian `fonts-material-design-icons-iconfont`, Apache-2.0).
public enum Icon: String, CaseIterable, Sendable {
    case help, home, arrowBack, arrowForward, language, textSize, contrast, touch,
        lock, camera, info, power, backspace, check, timer, person, exit, warning,
        handshake, place

    public var codepoint: UInt32 {
        switch self {
        case .help: return 0xE887  // help
        case .home: return 0xE88A  // home
        case .arrowBack: return 0xE5C4  // arrow_back
        case .arrowForward: return 0xE5C8  // arrow_forward
        case .language: return 0xE894  // language
        case .textSize: return 0xE245  // format_size
        case .contrast: return 0xE891  // invert_colors
        case .touch: return 0xE913  // touch_app
        case .lock: return 0xE897  // lock
        case .camera: return 0xE412  // photo_camera
        case .info: return 0xE88E  // info
        case .power: return 0xE8AC  // power_settings_new
        case .backspace: return 0xE14A  // backspace
        case .check: return 0xE5CA  // check
        case .timer: return 0xE425  // timer
        case .person: return 0xE7FD  // person
        case .exit: return 0xE879  // exit_to_app
        case .warning: return 0xE002  // warning
        case .handshake: return 0xE7FB  // people
        case .place: return 0xE55F  // place
        }
    }

    /// The icon to show in a right-to-left layout: arrows point the other way.
    public func mirrored(_ rightToLeft: Bool) -> Icon {
        guard rightToLeft else { return self }
        switch self {
        case .arrowBack: return .arrowForward
        case .arrowForward: return .arrowBack
        default: return self
        }
    }
}
