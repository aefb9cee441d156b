import Allocation
import CBuildInfo
import Rendering
import TextShaping

/// pmreport's version: printed by `--version`, written as the PDF creator and the manifest's
/// generator.
public enum ProgramVersion {
  /// The version number.
  public static let number = "0.1.0"

  /// What `--version` prints: the version and the commit built from, then the drawing and text
  /// libraries this process runs with, and its allocator when it is not the system's (jemalloc
  /// on Linux).
  public static var description: String {
    "pmreport \(number) (commit \(String(cString: pmreport_build_commit())))\n"
      + "cairo \(CairoLibrary.version), Pango \(TextEngine.pangoVersion), "
      + "HarfBuzz \(TextEngine.harfBuzzVersion)" + (Allocator.version.map { ", \($0)" } ?? "")
  }
}
