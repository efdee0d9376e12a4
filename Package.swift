// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "ntm-sync",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SyncCore", targets: ["SyncCore"]),
        .executable(name: "ntm-hub", targets: ["SyncServer"]),
        .executable(name: "ntm", targets: ["SyncCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(
            name: "SyncCore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "SyncServer",
            dependencies: ["SyncCore"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "SyncCLI",
            dependencies: ["SyncCore"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SyncCoreTests",
            dependencies: ["SyncCore"],
            swiftSettings: strict
        ),
    ]
)
