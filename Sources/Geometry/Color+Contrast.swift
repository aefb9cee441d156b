import Foundation

extension Color {
  /// WCAG 2.2's relative luminance: each sRGB channel linearised, weighted 0.2126, 0.7152, 0.0722
  /// (alpha ignored).
  public var relativeLuminance: Double {
    func linear(_ channel: Double) -> Double {
      channel <= 0.04045 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
  }

  /// WCAG 2.2's contrast ratio with `other`: (L1 + 0.05) / (L2 + 0.05), the lighter over the
  /// darker, from 1 (the same) to 21 (black on white).
  public func contrast(with other: Color) -> Double {
    let (a, b) = (relativeLuminance, other.relativeLuminance)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
  }

  /// The least contrast WCAG 2.2 AA asks of text at `size` points: 3:1 for large text (24 pt and
  /// above), else 4.5:1.
  public static func requiredContrast(forTextOf size: Double) -> Double {
    size >= 24 ? 3 : 4.5
  }
}
