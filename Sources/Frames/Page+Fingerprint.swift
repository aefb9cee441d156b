import Geometry

extension Page {
  /// A hash of everything the page draws, as plain data: two pages with the same fingerprint look
  /// the same.
  ///
  /// Glyph runs count by the font face and colour they name, not by their indices into
  /// `palette` (a later build may number them otherwise); source spans are left out (a line
  /// added above moves the spans of an unchanged page). Hash values are seeded per process:
  /// fingerprints compare within one run of the program only.
  public func fingerprint(palette: GlyphPalette) -> Int { fingerprint(DrawnPalette(palette)) }

  fileprivate func fingerprint(_ palette: DrawnPalette) -> Int {
    var hasher = Hasher()
    hasher.combine(size)
    frame.hashDrawing(into: &hasher, palette: palette)
    return hasher.finalize()
  }
}

extension Sequence<Page> {
  /// Each page's ``Page/fingerprint(palette:)``, the palette's fonts hashed once for them all
  /// (a font's identity is its long fontconfig pattern: hashing them again for every page was a
  /// sixth of a document's fingerprints).
  public func fingerprints(palette: GlyphPalette) -> [Int] {
    let drawn = DrawnPalette(palette)
    return map { $0.fingerprint(drawn) }
  }
}

/// A palette as its fingerprints read it: each font's identity hashed once (a font face's
/// fontconfig pattern is long, and a page names its fonts on every glyph run).
private struct DrawnPalette {
  let fonts: [Int]
  let palette: GlyphPalette

  init(_ palette: GlyphPalette) {
    fonts = palette.fonts.map(\.hashValue)
    self.palette = palette
  }

  /// The identity of font `index`; nil past the end (a line from another palette).
  func font(_ index: Int) -> Int? { fonts.indices.contains(index) ? fonts[index] : nil }

  /// The colour at `index`.
  func color(_ index: Int) -> Color { palette.color(index) }
}

extension Frame {
  fileprivate func hashDrawing(into hasher: inout Hasher, palette: DrawnPalette) {
    hasher.combine(size)
    hasher.combine(items.count)
    for (position, item) in items {
      hasher.combine(position)
      item.hashDrawing(into: &hasher, palette: palette)
    }
  }
}

extension FrameItem {
  fileprivate func hashDrawing(into hasher: inout Hasher, palette: DrawnPalette) {
    switch self {
    case .group(let frame):
      hasher.combine(0)
      frame.hashDrawing(into: &hasher, palette: palette)
    case .tagged(let tag, let frame, let alt, _):
      hasher.combine(tag.rawValue)
      hasher.combine(alt)
      frame.hashDrawing(into: &hasher, palette: palette)
    case .language(let lang, let frame):
      hasher.combine(lang)
      frame.hashDrawing(into: &hasher, palette: palette)
    case .text(let line, let color):
      hasher.combine(color)
      line.hashDrawing(into: &hasher, palette: palette)
    case .shape(let shape): hasher.combine(shape)
    case .link(let destination, let frame):
      hasher.combine(destination)
      frame.hashDrawing(into: &hasher, palette: palette)
    case .linkArea(let target, let size):
      hasher.combine(target)
      hasher.combine(size)
    case .anchor(let anchor): hasher.combine(anchor)
    case .image(let image):
      hasher.combine(image.path)
      hasher.combine(image.kind)
      hasher.combine(image.size)
      hasher.combine(image.alt)
      hasher.combine(image.contentHash)
    case .scaled(let factor, let frame):
      hasher.combine(factor)
      frame.hashDrawing(into: &hasher, palette: palette)
    }
  }
}

extension ShapedLine {
  fileprivate func hashDrawing(into hasher: inout Hasher, palette: DrawnPalette) {
    hasher.combine(width)
    hasher.combine(offset)
    hasher.combine(height)
    hasher.combine(baseline)
    hasher.combine(links)
    guard let glyphs else {
      hasher.combine(text)
      return
    }
    // Each run's font, colour, direction and where its glyphs end; then the glyph ids and steps
    // (and cluster pairs) of every run at once, as stored: positions are the steps summed.
    for index in 0..<glyphs.count {
      let run = glyphs.run(index)
      hasher.combine(palette.font(run.font))
      hasher.combine(palette.color(run.color))
      hasher.combine(run.backward)
      hasher.combine(run.glyphs.upperBound)
    }
    glyphs.hashGlyphs(into: &hasher)
    for box in glyphs.missingGlyphs {
      hasher.combine(box.x)
      hasher.combine(box.width)
    }
    hasher.combine(glyphs.missingGlyphSize)
    glyphs.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}
