// swift-tools-version:6.0
// Passerelle — the local store (issue 3). Licensed under the EUPL-1.2.
// The targets below are meant to be copied verbatim into the main Package.swift.
import PackageDescription

let package = Package(
    name: "PasserelleStore",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "KioskStore", targets: ["KioskStore"]),
        .executable(name: "passerellectl", targets: ["passerellectl"]),
        .executable(name: "passerelle-store-bench", targets: ["passerelle-store-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // MARK: - Store (GRDB on Debian's SQLite; no other Passerelle module)
        .target(
            name: "KioskStore",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),

        // MARK: - Programs
        .executableTarget(
            name: "passerellectl",
            dependencies: [
                "KioskStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "passerelle-store-bench",
            dependencies: ["KioskStore"]),

        // MARK: - Tests
        .testTarget(
            name: "KioskStoreTests",
            dependencies: ["KioskStore", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v5]
)
