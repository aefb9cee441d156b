import Geometry

/// The fonts and colours that glyph runs name by index: what a renderer needs, besides the frames,
/// to draw a document's text.
///
/// A text engine fills it as it shapes (indices only grow), so a palette taken after a document's
/// layout names every font and colour its lines use.
public struct GlyphPalette: Hashable, Sendable {
  public var fonts: [FontFace]
  public var colors: [Color]
  public init(fonts: [FontFace] = [], colors: [Color] = []) {
    self.fonts = fonts
    self.colors = colors
  }

  /// The colour at `index`, black past the end (a line from another palette: a programming error
  /// that must not stop a run).
  public func color(_ index: Int) -> Color {
    colors.indices.contains(index) ? colors[index] : .black
  }
}

/// A font face at a size, as plain data: enough for a renderer to make the same scaled font the
/// text engine measured with, so that drawn glyphs sit exactly where layout put them.
public struct FontFace: Hashable, Sendable {
  /// The fontconfig pattern of the face (file, index, synthetic bold or slant, render options), in
  /// fontconfig's text form.
  public var pattern: String
  /// The font matrix (size and slant) and the device matrix, as cairo's xx, yx, xy, yy, x0, y0.
  public var fontMatrix: [Double]
  public var deviceMatrix: [Double]
  /// Render options as the engine set them: antialias, subpixel order, hint style, hint metrics
  /// (cairo's enumeration values).
  public var options: [Int32]

  public init(pattern: String, fontMatrix: [Double], deviceMatrix: [Double], options: [Int32]) {
    self.pattern = pattern
    self.fontMatrix = fontMatrix
    self.deviceMatrix = deviceMatrix
    self.options = options
  }
}
