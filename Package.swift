// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "talentsite",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "talentsite", targets: ["talentsite"]),
        .executable(name: "talentsite-bench", targets: ["talentsite-bench"]),
        .library(name: "TalentSite", targets: ["TalentSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CBrotli",
            pkgConfig: "libbrotlienc",
            providers: [.apt(["libbrotli-dev"])]
        ),
        .systemLibrary(
            name: "CJemalloc",
            pkgConfig: "jemalloc",
            providers: [.apt(["libjemalloc-dev"])]
        ),
        .target(
            name: "TalentSite",
            dependencies: [
                "CCmarkGFM", "CLibXML2", "CZlib", "CBrotli",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "talentsite",
            dependencies: [
                "TalentSite", "CJemalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make bench`: renders one page of each kind many times (not part of the site build).
        .executableTarget(name: "talentsite-bench", dependencies: ["TalentSite", "CJemalloc"]),
        .testTarget(
            name: "TalentSiteTests",
            dependencies: ["TalentSite", "CZlib", "CBrotli"],
            resources: []
        ),
    ]
)
