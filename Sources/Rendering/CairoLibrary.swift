import CCairo

/// The cairo this process draws with.
public enum CairoLibrary {
  /// cairo's version, such as `1.16.0`.
  public static var version: String { String(cString: cairo_version_string()) }
}
