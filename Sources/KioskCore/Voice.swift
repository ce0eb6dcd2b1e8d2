import Foundation

/// What the person hears (EN 301 549, 5.1.3): whether the screens are read aloud, how loud,
/// and whether their own details (first name, phone number) may be said.
///
/// The voice starts as the kiosk is configured (`KioskPolicy.voice`). A person who cannot
/// see the screen turns it on without sight: the speech key, a headset plugged into the jack,
/// or the volume keys. Everything but the headset is the person's and goes with them.
public struct Voice: Equatable, Sendable {
    /// The screens are read aloud.
    public var on: Bool
    /// 1 (quietest) to `levels` (loudest), `Voice.stepDecibels` apart.
    public var volume: Int
    /// A headset is in the jack (the device says so): nobody else hears. Not the person's:
    /// it survives a reset, as the headset stays plugged when the next person comes.
    public var headset = false
    /// The person chose to hear their own details through the speaker.
    public var personalAloud = false
    /// The voice is on only because a headset went in: pulled out, it stops (on a kiosk that
    /// does not speak to everyone). A person who asked for the voice keeps it.
    public var onlyForHeadset = false

    /// Seven levels 3 dB apart: the loudest is 18 dB above the quietest (EN 301 549 asks a
    /// range of at least 18 dB; the amplifier's setting makes the loudest reach 65 dBA).
    public static let levels = 7
    public static let stepDecibels = 3.0

    public init(on: Bool, volume: Int, headset: Bool = false, personalAloud: Bool = false) {
        self.on = on
        self.volume = Self.clamped(volume)
        self.headset = headset
        self.personalAloud = personalAloud
    }

    public static func clamped(_ volume: Int) -> Int { min(max(volume, 1), levels) }

    /// Whether the first name or the phone number may be said now: only into a headset, or
    /// when the person chose to hear them (EN 301 549, 5.1.3.9).
    public var mayReadPersonal: Bool { headset || personalAloud }

    /// The gain of a level, relative to the loudest: 1.0 at the top, −18 dB at level 1.
    public static func gain(_ volume: Int) -> Double {
        pow(10, -Double(levels - clamped(volume)) * stepDecibels / 20)
    }
}

/// How the kiosk starts speaking for each person (`[speech]` in the configuration).
public struct VoicePolicy: Equatable, Sendable {
    /// The kiosk can speak at all (espeak-ng and an audio device are there).
    public var available = true
    /// Every screen is read aloud from the first touch; off, only after the speech key, a
    /// headset or "listen" (a quiet reading room).
    public var onAtStart = true
    /// The volume every person starts with, and that comes back after them.
    public var volume = 5

    public init(available: Bool = true, onAtStart: Bool = true, volume: Int = 5) {
        self.available = available
        self.onAtStart = onAtStart
        self.volume = Voice.clamped(volume)
    }

    /// A new person's voice, with the headset as it is now.
    func start(headset: Bool) -> Voice {
        var voice = Voice(on: available && (onAtStart || headset), volume: volume, headset: headset)
        voice.onlyForHeadset = voice.on && !onAtStart
        return voice
    }
}

extension KioskState {
    /// The speech key, the volume keys, a headset, the voice settings.
    mutating func reduceVoice(_ action: Action, now: Date, policy: KioskPolicy) -> [Effect] {
        guard policy.voice.available else { return [] }
        switch action {
        case .speechKeyPressed, .listenAgainTapped:
            voice.on = true
            voice.onlyForHeadset = false
        case .volumeChanged(let step):
            voice.on = true
            voice.onlyForHeadset = false
            voice.volume = Voice.clamped(voice.volume + step)
        case .voiceToggled:
            voice.on.toggle()
            voice.onlyForHeadset = false
        case .personalAloudToggled:
            voice.personalAloud.toggle()
        case .headsetChanged(let plugged):
            voice.headset = plugged
            if plugged {
                // Plugging a headset in is someone there, who wants to hear.
                if !voice.on { voice.onlyForHeadset = true }
                voice.on = true
                lastActivity = now
                idle = .active
            } else if voice.onlyForHeadset {
                // Unplugged: the speaker takes over only if it speaks for everyone anyway.
                voice.on = policy.voice.onAtStart
                voice.onlyForHeadset = false
            }
        default:
            break
        }
        return []
    }
}
