// swift-tools-version: 6.0
import PackageDescription

/// The folders under Sources/ show the architecture:
/// C boundaries (CGit2, CCmarkGFM, CLibXML2) → wrappers (GitKit, ServiceNow, Statements) → the domain
/// (GRCSync) → commands (GRCSyncCLI) → one-file executables. The emulator stands apart: it shares no
/// code with the client, so that a bug in one cannot hide a bug in the other.
let package = Package(
    name: "grcsync",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "grcsync", targets: ["grcsync"]),
        .executable(name: "servicenow-emulator", targets: ["servicenow-emulator"]),
        .executable(name: "grcsync-benchmark", targets: ["grcsync-benchmark"]),
        .library(name: "GRCSync", targets: ["GRCSync"]),
        .library(name: "ServiceNowEmulator", targets: ["ServiceNowEmulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        // C boundaries
        .systemLibrary(name: "CGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev", "zlib1g-dev", "libmbedtls-dev"])]),
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

        // Wrappers
        .target(name: "GitKit", dependencies: ["CGit2"]),
        .target(name: "ServiceNow", dependencies: [.product(name: "Logging", package: "swift-log")]),
        .target(name: "Statements", dependencies: ["CCmarkGFM", "CLibXML2"]),

        // The domain and its commands
        .target(name: "GRCSync", dependencies: [
            "GitKit", "ServiceNow", "Statements", "Yams",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "GRCSyncCLI", dependencies: [
            "GRCSync", "ServiceNowEmulator",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "grcsync", dependencies: [
            "GRCSyncCLI", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // The emulator
        .target(name: "ServiceNowEmulator", dependencies: [
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "servicenow-emulator", dependencies: [
            "ServiceNowEmulator",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),

        // Benchmarks (release build; see docs/performance.md)
        .executableTarget(name: "grcsync-benchmark", dependencies: [
            "GRCSync", "ServiceNowEmulator", "GitKit",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Tests
        .target(name: "GRCSyncTestSupport", dependencies: ["GRCSync", "GitKit", "ServiceNowEmulator"],
                path: "Tests/GRCSyncTestSupport"),
        .testTarget(name: "GitKitTests", dependencies: ["GitKit", "GRCSyncTestSupport"]),
        .testTarget(name: "ServiceNowTests", dependencies: ["ServiceNow", "GRCSyncTestSupport"]),
        .testTarget(name: "StatementsTests", dependencies: ["Statements", "GRCSyncTestSupport"]),
        .testTarget(name: "ServiceNowEmulatorTests", dependencies: [
            "ServiceNowEmulator", "GRCSyncTestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "GRCSyncTests", dependencies: ["GRCSync", "GRCSyncTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["GRCSync", "GRCSyncCLI", "GRCSyncTestSupport", "GitKit", "Yams"]),
    ]
)

let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + upcoming
}
