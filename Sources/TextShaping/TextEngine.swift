import CPango

/// The versions of the text engine's libraries this process runs with.
public enum TextEngine {
  /// Pango's version, such as `1.50.12`.
  public static var pangoVersion: String { String(cString: pango_version_string()) }
  /// HarfBuzz's version (Pango shapes with it).
  public static var harfBuzzVersion: String { String(cString: hb_version_string()) }
}
