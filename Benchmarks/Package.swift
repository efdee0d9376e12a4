// swift-tools-version:6.1
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder: the checkout's folder, whatever it is.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

// package-benchmark suites over the same workloads `scripts/bench-report` runs:
//   cd Benchmarks && swift package benchmark
// The benchmark harness (and its malloc interposer) stays out of the product's build and
// out of CI; the workloads themselves live in the main package (`SyncWorkloads`).
let package = Package(
    name: "NTMSyncBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "SyncBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SyncWorkloads", package: root),
            ],
            path: "Benchmarks/SyncBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
