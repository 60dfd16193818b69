// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "sarcopanel",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "sarcopanel", targets: ["sarcopanel"]),
    .library(name: "SarcoCore", targets: ["SarcoCore"]),
    .library(name: "SarcoPipeline", targets: ["SarcoPipeline"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    // System htslib (Debian libhts-dev); only the HTS module imports it.
    .systemLibrary(
      name: "CHTSlib",
      pkgConfig: "htslib",
      providers: [.apt(["libhts-dev", "zlib1g-dev"]), .brew(["htslib"])]
    ),
    // htslib macros and static inlines as plain functions (sp_ prefix).
    .target(name: "CHTSlibShims", dependencies: ["CHTSlib"]),
    // The only Swift module holding htslib pointers or unsafe code.
    .target(name: "HTS", dependencies: ["CHTSlib", "CHTSlibShims", "SarcoCore"]),
    // Pure values and algorithms: coordinates, variants, panel model, annotation.
    .target(name: "SarcoCore"),
    // sync_file_range, which Swift's Glibc module does not show.
    .target(name: "CFileSync"),
    // Panel tables, atomic files and checksums.
    .target(
      name: "SarcoIO",
      dependencies: ["SarcoCore", "CFileSync", .product(name: "Crypto", package: "swift-crypto")]
    ),
    // Renderers: SampleReport to JSON and TSV bytes.
    .target(name: "SarcoReports", dependencies: ["SarcoCore"]),
    // The cohort store: reports in SQLite (GRDB), versioned schema, canned queries.
    .target(name: "SarcoStore", dependencies: ["SarcoCore", .product(name: "GRDB", package: "GRDB.swift")]),
    // One library call per command: run, panel validate, panel bed.
    .target(name: "SarcoPipeline", dependencies: ["HTS", "SarcoCore", "SarcoIO", "SarcoReports", "SarcoStore"]),
    .executableTarget(
      name: "sarcopanel",
      dependencies: [
        "SarcoPipeline", "SarcoCore", "SarcoIO",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Fuzzing the VCF pipeline and the panel loader: a seeded mutation driver, or libFuzzer's entry
    // point when built with `-sanitize=fuzzer -D LIBFUZZER` (scripts/fuzz).
    .executableTarget(name: "SarcoFuzz", dependencies: ["SarcoPipeline", "SarcoCore", "SarcoIO"]),
    .target(name: "SarcoTestSupport", dependencies: ["SarcoCore", "SarcoIO"], path: "Tests/SarcoTestSupport"),
    .testTarget(name: "SarcoCoreTests", dependencies: ["SarcoCore", "SarcoTestSupport"]),
    .testTarget(name: "HTSTests", dependencies: ["HTS", "SarcoCore", "SarcoTestSupport"]),
    .testTarget(name: "SarcoIOTests", dependencies: ["SarcoIO", "SarcoCore", "SarcoTestSupport"]),
    .testTarget(
      name: "SarcoPipelineTests",
      dependencies: ["SarcoPipeline", "HTS", "SarcoIO", "SarcoCore", "SarcoReports", "SarcoStore", "SarcoTestSupport"]
    ),
    .testTarget(name: "sarcopanelTests", dependencies: ["SarcoTestSupport"]),
  ]
)
