// swift-tools-version:6.0
// Passerelle — self-service kiosk for digital inclusion. Licensed under the EUPL-1.2.
import PackageDescription

let package = Package(
    name: "Passerelle",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "passerelle", targets: ["passerelle"]),
        .executable(name: "passerelle-bench", targets: ["passerelle-bench"]),
        .executable(name: "passerellectl", targets: ["passerellectl"]),
        .executable(name: "passerelle-store-bench", targets: ["passerelle-store-bench"]),
        .executable(name: "passerelle-agenda-bench", targets: ["passerelle-agenda-bench"]),
        .executable(name: "passerelle-caldav-bench", targets: ["passerelle-caldav-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // MARK: - C libraries from Debian's -dev packages
        .systemLibrary(
            name: "CSDL2", pkgConfig: "sdl2",
            providers: [.apt(["libsdl2-dev"])]),
        .systemLibrary(
            name: "CSDL2TTF", pkgConfig: "SDL2_ttf",
            providers: [.apt(["libsdl2-ttf-dev"])]),
        .systemLibrary(
            name: "CSDL2Image", pkgConfig: "SDL2_image",
            providers: [.apt(["libsdl2-image-dev"])]),
        .systemLibrary(
            name: "CEspeakNG", pkgConfig: "espeak-ng",
            providers: [.apt(["libespeak-ng-dev"])]),
        .systemLibrary(
            name: "CVNCServer", pkgConfig: "libvncserver",
            providers: [.apt(["libvncserver-dev"])]),
        // The headphone jack's switch (linux/input.h); no library to link.
        .systemLibrary(name: "CLinuxInput", providers: [.apt(["linux-libc-dev"])]),
        .systemLibrary(
            name: "CQREncode", pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),

        // MARK: - Pure core and UI (no SDL, no SQLite, no network)
        .target(name: "KioskCore"),
        .target(name: "KioskUI", dependencies: ["KioskCore"]),

        // MARK: - Edges
        // The store: GRDB on Debian's SQLite; of ours it knows only the pure core (agenda values).
        .target(
            name: "KioskStore",
            dependencies: ["KioskCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // The helpers' CalDAV calendars (issue 17): libcurl for HTTP, the store for the local copy.
        .target(name: "KioskCalDAV", dependencies: ["KioskCore", "KioskStore", "CCurl"]),
        // Speech: espeak-ng into memory; KioskApp plays it on the audio device.
        .target(name: "KioskSpeech", dependencies: ["KioskCore", "CEspeakNG"]),
        .target(
            name: "KioskRender",
            dependencies: ["KioskCore", "KioskUI", "CSDL2", "CSDL2TTF", "CSDL2Image", "CQREncode"]),
        // Remote help: the kiosk's screen over RFB (LibVNCServer), for an aidant's viewer.
        .target(name: "KioskAssist", dependencies: ["CVNCServer"]),
        .target(
            name: "KioskApp",
            dependencies: [
                "KioskCore", "KioskUI", "KioskRender", "KioskStore", "KioskSpeech", "KioskAssist", "KioskCalDAV",
                "CSDL2", "CLinuxInput",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // MARK: - Programs
        .executableTarget(
            name: "passerelle",
            dependencies: [
                "KioskApp", "KioskCore", "KioskUI", "KioskRender", "CSDL2",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "passerellectl",
            dependencies: [
                "KioskStore", "KioskCore", "KioskCalDAV",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "passerelle-store-bench",
            dependencies: ["KioskStore", "KioskCore"]),
        .executableTarget(name: "passerelle-agenda-bench", dependencies: ["KioskCore"]),
        .executableTarget(
            name: "passerelle-caldav-bench", dependencies: ["KioskCalDAV", "KioskStore", "KioskCore"]),
        .executableTarget(
            name: "passerelle-bench",
            dependencies: ["KioskApp", "KioskRender", "KioskUI", "KioskCore"]),

        // MARK: - Tests
        // Finding and running the built programs, shared by the integration tests.
        .target(name: "PasserelleTestSupport", path: "Tests/PasserelleTestSupport"),
        .testTarget(name: "KioskCoreTests", dependencies: ["KioskCore"]),
        .testTarget(name: "KioskUITests", dependencies: ["KioskUI", "KioskCore"]),
        .testTarget(
            name: "KioskRenderTests",
            dependencies: ["KioskRender", "KioskUI", "KioskCore", "CSDL2", "CSDL2Image"]),
        .testTarget(
            name: "KioskAppTests",
            dependencies: ["KioskApp", "KioskRender", "KioskUI", "KioskCore", "KioskStore", "PasserelleTestSupport"]),
        .testTarget(name: "KioskSpeechTests", dependencies: ["KioskSpeech", "KioskCore"]),
        .testTarget(
            name: "KioskStoreTests",
            dependencies: [
                "KioskStore", "KioskCore", "KioskCalDAV", "PasserelleTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
