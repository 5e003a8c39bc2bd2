// swift-tools-version:5.9
// The Swift binding of the insurup SDK, for iOS and macOS apps.
//
// Two generated parts complete the package before it builds (bindings-uniffi/README.md, "Swift"):
// `bindings-uniffi/generate.sh` writes the Swift sources into Sources/InsurUp and the C headers
// into InsurUpFFI/, and the Mobile workflow (.github/workflows/mobile.yml) builds
// InsurUpFFI.xcframework from the Rust library for every Apple target.
import PackageDescription

let package = Package(
    name: "InsurUp",
    platforms: [.iOS(.v15), .macOS(.v12)],
    products: [
        .library(name: "InsurUp", targets: ["InsurUp"]),
    ],
    targets: [
        // The Rust library (static, one slice per platform) with the InsurUpFFI C module.
        .binaryTarget(name: "InsurUpFFI", path: "InsurUpFFI.xcframework"),
        .target(
            name: "InsurUp",
            dependencies: ["InsurUpFFI"],
            path: "Sources/InsurUp",
            // What the Rust standard library and the TLS stack link against on Apple platforms.
            linkerSettings: [
                .linkedFramework("CoreFoundation"),
                .linkedFramework("Security"),
                .linkedFramework("SystemConfiguration"),
                .linkedLibrary("iconv"),
            ]
        ),
    ]
)
