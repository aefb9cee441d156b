// swift-tools-version:6.0
import PackageDescription

/// pmreport: the comparison's content model → paginated handouts through Pango and Cairo.
let package = Package(
    name: "pmreport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pmreport", targets: ["pmreport"]),
        .library(name: "PMReport", targets: ["PMReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    ],
    targets: [
        // MARK: C libraries
        .systemLibrary(name: "CCairo", pkgConfig: "cairo",
                       providers: [.apt(["libcairo2-dev"]), .brew(["cairo"])]),
        .systemLibrary(name: "CPango", pkgConfig: "pangocairo",
                       providers: [.apt(["libpango1.0-dev"]), .brew(["pango"])]),
        // libhyphen ships no .pc file: its module map links "hyphen" directly.
        .systemLibrary(name: "CHyphen", providers: [.apt(["libhyphen-dev", "hyphen-en-us"])]),

        // MARK: Swift modules, lowest first
        .target(name: "Geometry"),
        .target(name: "ReportModel", dependencies: ["Geometry"]),
        .target(name: "ReportConfig", dependencies: ["ReportModel", "Geometry", .product(name: "Yams", package: "Yams")]),
        .target(name: "TextShaping", dependencies: ["Geometry", "CPango", "CHyphen"]),
        .target(name: "Pagination", dependencies: ["Geometry", "TextShaping"]),
        .target(name: "Charts", dependencies: ["Geometry", "TextShaping", "Pagination", "ReportModel"]),
        .target(name: "Rendering", dependencies: ["Geometry", "TextShaping", "Pagination", "CCairo", "CPango"]),
        .target(name: "PMReport", dependencies: [
            "ReportModel", "ReportConfig", "TextShaping", "Pagination", "Charts", "Rendering",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(name: "pmreport", dependencies: [
            "PMReport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // MARK: Tests
        .testTarget(name: "ReportModelTests", dependencies: ["ReportModel"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "ReportConfigTests", dependencies: ["ReportConfig", "ReportModel", "Geometry"]),
        .testTarget(name: "TextShapingTests", dependencies: ["TextShaping", "Geometry"]),
        .testTarget(name: "PaginationTests", dependencies: ["Pagination", "TextShaping", "Geometry"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "Pagination", "TextShaping", "ReportModel"]),
        .testTarget(name: "EndToEndTests", dependencies: ["PMReport", "ReportModel", "ReportConfig", "Rendering",
                                                          "Pagination", "Geometry",
                                                          .product(name: "Yams", package: "Yams")],
                    resources: [.copy("Fixtures")]),
    ]
)
