import Foundation
import XCTest

@testable import KioskCore

/// The voice of each person (issue 13, item 13): started without sight by the speech key, the
/// volume keys or a headset; its volume back to the kiosk's own after them; the headset's
/// state kept across people, as the headset stays plugged.
final class VoiceTests: XCTestCase {
    let now = paris("2026-11-18 12:06")

    func env(onAtStart: Bool = false, available: Bool = true, volume: Int = 4) -> Environment {
        var policy = KioskPolicy(idleTimeout: 90, warningDuration: 30, attractAfter: 120)
        policy.voice = VoicePolicy(available: available, onAtStart: onAtStart, volume: volume)
        return Environment(now: now, policy: policy)
    }

    func test_a_silent_kiosk_starts_speaking_on_the_speech_key() {
        let env = env()
        var state = KioskState.initial(now: now, policy: env.policy)
        XCTAssertFalse(state.voice.on)
        XCTAssertEqual(state.voice.volume, 4)
        _ = reduce(&state, .speechKeyPressed, env)
        XCTAssertTrue(state.voice.on)
        _ = reduce(&state, .speechKeyPressed, env)
        XCTAssertTrue(state.voice.on, "pressed again, it reads again: it never turns the voice off")
    }

    func test_listen_and_the_volume_keys_turn_the_voice_on_and_the_volume_stays_in_range() {
        let env = env()
        var state = KioskState.initial(now: now, policy: env.policy)
        _ = reduce(&state, .volumeChanged(1), env)
        XCTAssertTrue(state.voice.on)
        XCTAssertEqual(state.voice.volume, 5)
        for _ in 0..<10 { _ = reduce(&state, .volumeChanged(1), env) }
        XCTAssertEqual(state.voice.volume, Voice.levels)
        for _ in 0..<10 { _ = reduce(&state, .volumeChanged(-1), env) }
        XCTAssertEqual(state.voice.volume, 1)
        _ = reduce(&state, .voiceToggled, env)
        XCTAssertFalse(state.voice.on)
        _ = reduce(&state, .listenAgainTapped, env)
        XCTAssertTrue(state.voice.on, "\"listen\" is asking to hear")
    }

    func test_a_headset_turns_the_voice_on_for_the_headset_only() {
        let env = env()
        var state = KioskState.initial(now: now, policy: env.policy)
        XCTAssertFalse(state.voice.mayReadPersonal)
        _ = reduce(&state, .headsetChanged(true), env)
        XCTAssertTrue(state.voice.on)
        XCTAssertTrue(state.voice.headset)
        XCTAssertTrue(state.voice.mayReadPersonal, "into a headset, the person's details may be said")
        _ = reduce(&state, .headsetChanged(false), env)
        XCTAssertFalse(state.voice.on, "unplugged on a silent kiosk: not through the speaker")
        XCTAssertFalse(state.voice.mayReadPersonal)

        let speaking = self.env(onAtStart: true)
        var other = KioskState.initial(now: now, policy: speaking.policy)
        _ = reduce(&other, .headsetChanged(true), speaking)
        _ = reduce(&other, .headsetChanged(false), speaking)
        XCTAssertTrue(other.voice.on, "a kiosk that speaks to everyone goes on speaking")
    }

    func test_a_person_who_asked_for_the_voice_keeps_it_when_the_headset_comes_out() {
        let env = env()
        var state = KioskState.initial(now: now, policy: env.policy)
        _ = reduce(&state, .speechKeyPressed, env)
        _ = reduce(&state, .headsetChanged(true), env)
        _ = reduce(&state, .headsetChanged(false), env)
        XCTAssertTrue(state.voice.on)
        XCTAssertFalse(state.voice.mayReadPersonal)

        var other = KioskState.initial(now: now, policy: env.policy)
        _ = reduce(&other, .headsetChanged(true), env)
        _ = reduce(&other, .volumeChanged(1), env)
        _ = reduce(&other, .headsetChanged(false), env)
        XCTAssertTrue(other.voice.on, "turning the volume up is asking to hear")
    }

    func test_plugging_a_headset_in_is_someone_there() {
        let env = env()
        var state = KioskState.initial(now: now, policy: env.policy)
        let later = Environment(now: now.addingTimeInterval(60), policy: env.policy)
        _ = reduce(&state, .headsetChanged(true), later)
        XCTAssertEqual(state.lastActivity, later.now)
    }

    func test_the_next_person_starts_with_the_kiosks_voice_but_the_headset_is_still_there() {
        let env = env()
        var state = KioskState.initial(now: now, policy: env.policy)
        _ = reduce(&state, .headsetChanged(true), env)
        _ = reduce(&state, .volumeChanged(3), env)
        _ = reduce(&state, .personalAloudToggled, env)
        XCTAssertTrue(state.holdsTraces(policy: env.policy), "a louder voice is the person's")
        _ = state.forgetPerson(now: now, policy: env.policy)
        XCTAssertEqual(state.voice.volume, 4, "the volume comes back after each person (EN 301 549, 5.1.3.13)")
        XCTAssertFalse(state.voice.personalAloud)
        XCTAssertTrue(state.voice.headset)
        XCTAssertTrue(state.voice.on, "the headset is still in: it still speaks into it")
        XCTAssertFalse(state.holdsTraces(policy: env.policy), "a headset left plugged is not a person")

        _ = reduce(&state, .headsetChanged(false), env)
        _ = state.forgetPerson(now: now, policy: env.policy)
        XCTAssertFalse(state.voice.on)
        XCTAssertFalse(state.voice.headset)
    }

    func test_the_goodbye_is_heard_as_the_rest_was() {
        let env = env()
        var state = KioskState.initial(now: now, policy: env.policy)
        _ = reduce(&state, .speechKeyPressed, env)
        _ = reduce(&state, .volumeChanged(-2), env)
        _ = state.sayGoodbye(now: now, policy: env.policy)
        XCTAssertTrue(state.voice.on)
        XCTAssertEqual(state.voice.volume, 2)
        let after = Environment(now: now.addingTimeInterval(env.policy.goodbyeDuration + 1), policy: env.policy)
        _ = reduce(&state, .timeElapsed, after)
        XCTAssertEqual(state.screen, .home)
        XCTAssertFalse(state.voice.on)
        XCTAssertEqual(state.voice.volume, 4)
    }

    func test_a_kiosk_without_a_voice_ignores_the_keys() {
        let env = env(onAtStart: true, available: false)
        var state = KioskState.initial(now: now, policy: env.policy)
        XCTAssertFalse(state.voice.on)
        for action in [Action.speechKeyPressed, .volumeChanged(1), .voiceToggled, .headsetChanged(true)] {
            _ = reduce(&state, action, env)
        }
        XCTAssertFalse(state.voice.on)
        XCTAssertEqual(state.voice.volume, 4)
    }

    func test_seven_levels_span_eighteen_decibels() {
        XCTAssertEqual(Voice.gain(Voice.levels), 1)
        XCTAssertEqual(20 * log10(Voice.gain(1)), -18, accuracy: 0.001)
        XCTAssertEqual(20 * log10(Voice.gain(4)), -9, accuracy: 0.001)
        XCTAssertEqual(Voice.gain(0), Voice.gain(1), "out-of-range levels are clamped")
        XCTAssertEqual(VoicePolicy(volume: 99).volume, Voice.levels)
    }
}
