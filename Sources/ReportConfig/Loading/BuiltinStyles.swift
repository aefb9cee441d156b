import Foundation

extension ConfigLoader {
  /// The shipped styles compiled in, by name, in the order `Styles/` lists them: the exact text of
  /// each `Styles/<name>.yml` (copies in `Sources/ReportConfig/BuiltinStyles/`, embedded by SwiftPM
  /// and kept byte-equal to `Styles/` by a test).
  ///
  /// For writing the styles out; loading `classic` still uses ``Style/classic``, the root of every
  /// chain.
  public static let builtInStyleFiles: [(name: String, text: String)] = [
    ("classic", PackageResources.classic_yml),
    ("compact", PackageResources.compact_yml),
    ("large-print", PackageResources.large_print_yml),
    ("modern", PackageResources.modern_yml),
    ("print-bw", PackageResources.print_bw_yml),
  ].map { (name: $0.0, text: String(decoding: $0.1, as: UTF8.self)) }

  /// The compiled-in text of a shipped style, or nil when no shipped style has that name.
  static func builtInStyleText(named name: String) -> String? {
    builtInStyleFiles.first { $0.name == name }?.text
  }

  /// How messages name a compiled-in style (it has no path).
  static func builtInStyleDisplay(_ name: String) -> String { "built-in style '\(name)'" }
}
