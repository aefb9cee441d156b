// swift-tools-version:6.0
import PackageDescription

/// pmreport: the comparison's content model → paginated handouts through Pango and Cairo.
let package = Package(
  name: "pmreport",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "pmreport", targets: ["pmreport"]),
    .library(name: "PMReportKit", targets: ["PMReportKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    // The live preview's HTTP server (`watch --serve`): no dependencies of its own.
    .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
  ],
  targets: [
    // MARK: C libraries
    // cairo with its FreeType/fontconfig font backend (Rendering makes scaled fonts from patterns).
    .systemLibrary(
      name: "CCairo", pkgConfig: "cairo-ft",
      providers: [.apt(["libcairo2-dev"]), .brew(["cairo"])]),
    // GLib: Storage's folder listing.
    .systemLibrary(
      name: "CGLib", pkgConfig: "glib-2.0",
      providers: [.apt(["libglib2.0-dev"]), .brew(["glib"])]),
    // nettle's SHA-256: Storage's hasher (output files, the PDF's id, the shape cache's keys);
    // about 4.5 times as fast as GLib's GChecksum.
    .systemLibrary(
      name: "CNettle", pkgConfig: "nettle", providers: [.apt(["nettle-dev"]), .brew(["nettle"])]),
    // zlib's CRC-32: the shape cache's checksum of each entry's payload (against damage on disk,
    // not a security boundary; nettle's SHA-256 cost 527 M instructions there at scale 20).
    .systemLibrary(
      name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
    // libdeflate: a whole stream compressed in one call, in zlib's format, about 2.4 times as fast
    // as libz at the same level and a little smaller (cairo's streams, held whole by CDeflateMemo;
    // the pages' content the finisher rewrites).
    .systemLibrary(
      name: "CDeflate", pkgConfig: "libdeflate",
      providers: [.apt(["libdeflate-dev"]), .brew(["libdeflate"])]),
    // libqpdf's C API: joins finished PDFs (PDFJoiner).
    .systemLibrary(
      name: "CQPDF", pkgConfig: "libqpdf",
      providers: [.apt(["libqpdf-dev"]), .brew(["qpdf"])]),
    // qpdf's C++ content tokenizer: page furniture cairo drew as `/Private` marked content becomes
    // `/Artifact` (the C API has no tokenizer; no PDF syntax is parsed by hand).
    .target(
      name: "CArtifacts", dependencies: ["CDeflate"],
      // qpdf 11's shared_ptr API only: no PointerHolder (nor its header's warning in every build).
      cxxSettings: [.define("POINTERHOLDER_TRANSITION", to: "4")],
      linkerSettings: [.linkedLibrary("qpdf")]),
    // The finisher's qpdf pass in C++, on qpdf's objects directly (the C API makes a handle for
    // every call): reads cairo's PDF, completes its structure tree, pages, catalog and metadata,
    // and writes it; no exception leaves its C functions.
    .target(
      name: "CFinisher", dependencies: ["CArtifacts"],
      // qpdf 11's shared_ptr API only: no PointerHolder (nor its header's warning).
      cxxSettings: [.define("POINTERHOLDER_TRANSITION", to: "4")],
      linkerSettings: [.linkedLibrary("qpdf")]),
    // The git commit `--version` prints (`make build` writes Sources/CBuildInfo/commit.h).
    .target(name: "CBuildInfo"),
    // Starting a file's writeback early (`sync_file_range`, not in Swift's Glibc module).
    .target(name: "CWriteback"),
    // Where libcairo's code lies: the two targets below treat libcairo's calls alone differently.
    .target(name: "CCairoCode"),
    // zlib's deflate functions defined in the executable, passed on to libz's: cairo's streams held
    // whole, compressed by libdeflate in one call or answered from a few recently compressed equal
    // ones (a roster's copies embed the same font subsets in every file).
    .target(
      name: "CDeflateMemo", dependencies: ["CCairoCode", "CDeflate"],
      linkerSettings: [.linkedLibrary("z")]),
    // FreeType's FT_New_Face and FT_Load_Sfnt_Table defined in the executable, passed on to
    // libfreetype's: a whole table cairo copies (a CJK face's CFF, 16 MB, to subset it) handed to
    // it as a private mapping of its file, cairo's block for it (libcairo's malloc, realloc and free
    // routed through the target), or else read with pread instead of faulting FreeType's mapping
    // of the file in, and the CFF table cairo loads inside cairo_show_page only to read its start
    // read for its first 64 KB; the same bytes. (CCairo: FreeType's headers, through cairo-ft's
    // pkg-config.)
    .target(
      name: "CFontTables", dependencies: ["CCairo", "CCairoCode"],
      linkerSettings: [.linkedLibrary("freetype")]),
    .systemLibrary(
      name: "CPango", pkgConfig: "pangocairo",
      providers: [.apt(["libpango1.0-dev"]), .brew(["pango"])]),
    // gdk-pixbuf (PNG, JPEG) and librsvg (SVG, drawn as vectors) for the content's images.
    .systemLibrary(
      name: "CImages", pkgConfig: "librsvg-2.0",
      providers: [.apt(["librsvg2-dev"]), .brew(["librsvg"])]),
    // libpng: PNG images read a row at a time (gdk-pixbuf's PNG loader holds the whole image).
    .systemLibrary(
      name: "CPNG", pkgConfig: "libpng",
      providers: [.apt(["libpng-dev"]), .brew(["libpng"])]),
    // libpng reports errors by longjmp: its calls are made from C (Rendering's PNG reader).
    .target(name: "CPNGRows", dependencies: ["CPNG"]),
    // zstd: the live preview's first paints (a page's pixels) compressed for the browser, which
    // decodes them as the response's Content-Encoding.
    .systemLibrary(
      name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"]), .brew(["zstd"])]),
    // libjpeg: a JPEG read to its end-of-image marker, so a file cut short or corrupt is an error
    // (gdk-pixbuf fills the missing pixels with grey and reports success).
    .systemLibrary(
      name: "CJPEG", pkgConfig: "libjpeg",
      providers: [.apt(["libjpeg-dev"]), .brew(["jpeg-turbo"])]),
    // libjpeg reports errors by longjmp too: its calls are made from C.
    .target(name: "CJPEGScan", dependencies: ["CJPEG"]),
    // libhyphen ships no .pc file: its module map links "hyphen" directly.
    .systemLibrary(name: "CHyphen", providers: [.apt(["libhyphen-dev", "hyphen-en-us"])]),
    // cmark-gfm and its table extension: Markdown content files. The .pc file lists both libraries;
    // the module map links both too, for a .pc that leaves the extensions out.
    .systemLibrary(
      name: "CCmark", pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]),

    // jemalloc, Linux only: linked into the executable ahead of the C library, it is every
    // library's malloc (Debian's build is unprefixed); glibc's malloc, free and consolidation took
    // ~9 % of a full report's samples (BENCHMARKS.md, thirteenth round).
    .systemLibrary(
      name: "CJemalloc", pkgConfig: "jemalloc", providers: [.apt(["libjemalloc-dev"])]),
    // jemalloc's settings (`malloc_conf`, a symbol the executable defines), Linux only.
    .target(name: "CJemallocSettings"),

    // MARK: Swift modules, lowest first
    .target(name: "Geometry"),
    // The process's allocator: its name for `--version`, and freed memory handed back on demand.
    .target(
      name: "Allocation",
      dependencies: [
        .target(name: "CJemalloc", condition: .when(platforms: [.linux])),
        .target(name: "CJemallocSettings", condition: .when(platforms: [.linux])),
      ]),
    // Durable files: checked atomic writes, the run lock, temporaries, SHA-256, cache packs.
    .target(name: "Storage", dependencies: ["CGLib", "CNettle", "CZlib", "CWriteback"]),
    .target(name: "Frames", dependencies: ["Geometry"]),
    // The words pmreport prints, one file per language, compiled in as bytes.
    .target(
      name: "ReportModel", dependencies: ["Geometry"],
      resources: ["de", "en", "es", "fr"].map { .embedInCode("Words/\($0).txt") }),
    // The shipped styles (copies of Styles/*.yml, kept equal by a test) and the built-in content
    // (the article, in Markdown) compiled in as bytes.
    .target(
      name: "ReportConfig",
      dependencies: [
        "ReportModel", "Geometry", "Storage", "CCmark", .product(name: "Yams", package: "Yams"),
      ],
      resources: ["classic", "compact", "large-print", "modern", "print-bw"].map {
        .embedInCode("BuiltinStyles/\($0).yml")
      } + [.embedInCode("BuiltinContent/comparison.md")]),
    .target(
      name: "TextShaping", dependencies: ["Geometry", "Frames", "Storage", "CPango", "CHyphen"]),
    // TextShaping for the TextMeasurer protocol and ParagraphSpec (a paragraph set again for the
    // widow rule); Pango is not used here.
    .target(name: "Pagination", dependencies: ["Geometry", "Frames", "TextShaping"]),
    .target(name: "Charts", dependencies: ["Geometry", "Frames", "TextShaping", "ReportModel"]),
    .target(
      name: "Rendering",
      dependencies: [
        "Geometry", "Frames", "Storage", "Allocation", "CCairo", "CImages", "CPNGRows", "CJPEGScan",
        "CQPDF", "CFinisher", "CDeflateMemo", "CFontTables",
      ]),
    .target(
      name: "PMReportKit",
      dependencies: [
        "Geometry", "Frames", "ReportModel", "ReportConfig", "TextShaping", "Pagination", "Charts",
        "Rendering", "Storage", "Allocation", "CBuildInfo",
        .product(name: "SwiftCSV", package: "SwiftCSV"),
      ]),
    // The live preview (`watch --serve`): an HTTP server over the core, serving each build's pages
    // from memory; its page, script and style compiled in as bytes.
    .target(
      name: "PreviewServer",
      dependencies: [
        "PMReportKit", "Frames", "Rendering", "CZstd",
        .product(name: "FlyingFox", package: "FlyingFox"),
        .product(name: "FlyingSocks", package: "FlyingFox"),
      ],
      resources: [
        "index.html", "app.js", "app.css", "present.html", "notes.html", "present.js",
        "present.css",
      ].map { .embedInCode("Web/\($0)") }),
    .executableTarget(
      name: "pmreport",
      dependencies: [
        "PMReportKit", "ReportModel", "PreviewServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // MARK: Tests
    // Shorthands for tests about the built-in article's two roles.
    .target(name: "ContentFixtures", dependencies: ["ReportModel"], path: "Tests/ContentFixtures"),
    .testTarget(name: "ReportModelTests", dependencies: ["ContentFixtures", "ReportModel"]),
    .testTarget(
      name: "ReportConfigTests",
      dependencies: ["ContentFixtures", "ReportConfig", "ReportModel", "Geometry"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "FramesTests", dependencies: ["Frames", "Geometry"]),
    .testTarget(name: "StorageTests", dependencies: ["Storage"]),
    // The one fake measurer every test target that lays text out without fonts uses.
    .target(
      name: "TestSupport", dependencies: ["TextShaping", "Frames"], path: "Tests/TestSupport"),
    .testTarget(
      name: "TextShapingTests",
      dependencies: ["TextShaping", "Storage", "TestSupport", "Frames", "Geometry"]),
    .testTarget(
      name: "PaginationTests",
      dependencies: ["Pagination", "Frames", "TextShaping", "TestSupport", "Geometry"]),
    .testTarget(
      name: "ChartsTests",
      dependencies: [
        "Charts", "Frames", "TextShaping", "TestSupport", "ReportModel", "ReportConfig", "Geometry",
        "ContentFixtures",
      ]),
    .testTarget(
      name: "RenderingTests",
      dependencies: [
        "Rendering", "Storage", "Frames", "Geometry", "CCairo", "CImages", "CArtifacts",
        "CFontTables", "Allocation", "CDeflate", "CZlib",
        .target(name: "CJemalloc", condition: .when(platforms: [.linux])),
      ]),
    .testTarget(
      name: "PreviewServerTests", dependencies: ["PreviewServer", "PMReportKit", "Rendering"]),
    .testTarget(
      name: "EndToEndTests",
      dependencies: [
        "PMReportKit", "ReportModel", "ReportConfig", "Rendering", "Storage", "TextShaping",
        "Geometry", "Frames", "ContentFixtures", "CCairo", "CImages", "TestSupport",
        .product(name: "Yams", package: "Yams"),
      ],
      // New comparisons written from the README alone, in English and in German.
      resources: [.copy("Fixtures")]),
  ],
  cxxLanguageStandard: .cxx17
)
