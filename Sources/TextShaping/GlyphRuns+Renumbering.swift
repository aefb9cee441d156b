import Frames

extension GlyphRuns.Parts {
  /// Gives each run the font and colour index `renumber` returns for its own, run after run in
  /// order (so a palette that adds what it first meets adds it in the order the line shows it);
  /// false when `renumber` refuses a run (nil), or the runs column is not whole runs.
  mutating func renumberRuns(
    _ renumber: (_ font: UInt32, _ color: UInt32) -> (font: UInt32, color: UInt32)?
  ) -> Bool {
    let column = Self.runsColumn
    guard columns.count > column, columns[column].count % Self.numbersPerRun == 0 else {
      return false
    }
    for at in stride(from: 0, to: columns[column].count, by: Self.numbersPerRun) {
      guard let renamed = renumber(columns[column][at], columns[column][at + 1]) else {
        return false
      }
      columns[column][at] = renamed.font
      columns[column][at + 1] = renamed.color
    }
    return true
  }
}

extension ShapedParagraph {
  /// The paragraph with its lines' fonts and colours, named in `palette`, named again by
  /// `builder` (which adds those it lacks, in the order the lines show them); nil when a line
  /// names one `palette` lacks.
  func renumbered(from palette: GlyphPalette, into builder: PaletteBuilder) -> ShapedParagraph? {
    var lines: [ShapedLine] = []
    lines.reserveCapacity(self.lines.count)
    for var line in self.lines {
      if var parts = line.glyphs?.parts {
        let renumbered = parts.renumberRuns { font, color in
          guard palette.fonts.indices.contains(Int(font)),
            palette.colors.indices.contains(Int(color))
          else { return nil }
          return (
            builder.index(of: palette.fonts[Int(font)]),
            builder.index(of: palette.colors[Int(color)])
          )
        }
        guard renumbered, let glyphs = GlyphRuns(parts: parts) else { return nil }
        line.glyphs = glyphs
      }
      lines.append(line)
    }
    return ShapedParagraph(lines: lines)
  }
}
