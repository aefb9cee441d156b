/// The standards a PDF is written to: PDF/UA-1 (ISO 14289-1) by default, PDF/A-2b (ISO 19005-2,
/// level B) on request, both, or neither (print files: booklets, sheets of cards).
public struct PDFStandards: OptionSet, Hashable, Sendable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  public static let ua1 = PDFStandards(rawValue: 1)
  public static let a2b = PDFStandards(rawValue: 2)

  /// Where Debian's `icc-profiles-free` puts the sRGB profile PDF/A's output intent embeds.
  public static let sRGBProfilePath = "/usr/share/color/icc/sRGB.icc"
}
