extension GlyphRuns {
  /// A line's glyph runs taken apart into plain arrays: what a cache stores, and what it rebuilds a
  /// line from (``GlyphRuns/init(parts:)`` checks that the pieces fit together).
  public struct Parts: Sendable, Equatable {
    /// The number of runs.
    public var runCount: Int
    public var clusterMap: ClusterMap
    public var missingGlyphSize: Double
    /// Vertical offsets, one a glyph (empty: all on the baseline).
    public var ys: [Int32]
    /// Missing glyphs as (x, width) pairs.
    public var missing: [Int32]
    /// Glyph ids; zigzag-coded x steps; cluster pairs (`.pairs` only); the runs, six numbers each
    /// (font, colour, direction, where its glyphs, text and clusters end).
    public var columns: [[UInt32]]
    /// The UTF-8 text.
    public var text: [UInt8]

    public init(
      runCount: Int, clusterMap: ClusterMap, missingGlyphSize: Double, ys: [Int32],
      missing: [Int32], columns: [[UInt32]], text: [UInt8]
    ) {
      self.runCount = runCount
      self.clusterMap = clusterMap
      self.missingGlyphSize = missingGlyphSize
      self.ys = ys
      self.missing = missing
      self.columns = columns
      self.text = text
    }

    /// The index of the runs column in ``columns``.
    public static let runsColumn = GlyphRuns.runsColumn
    /// Numbers a run takes in the runs column; the font index is the first, the colour the second.
    public static let numbersPerRun = 6
  }

  /// The line taken apart.
  public var parts: Parts {
    Parts(
      runCount: count, clusterMap: clusterMap, missingGlyphSize: missingGlyphSize, ys: ys,
      missing: missing, columns: (0...Self.runsColumn).map { data.column($0) },
      text: Array(data.tail))
  }

  /// The line `parts` describe; nil when they do not fit together (a run ending past its glyphs,
  /// text or clusters, columns of different lengths), so that reading it can never go out of bounds.
  public init?(parts: Parts) {
    let per = Parts.numbersPerRun
    guard parts.columns.count == Self.runsColumn + 1, parts.runCount >= 0,
      parts.columns[Self.runsColumn].count == parts.runCount * per,
      parts.columns[Self.steps].count == parts.columns[Self.ids].count,
      parts.ys.isEmpty || parts.ys.count == parts.columns[Self.ids].count,
      parts.missing.count % 2 == 0,
      parts.clusterMap == .pairs || parts.columns[Self.pairs].isEmpty,
      parts.columns[Self.pairs].count % 2 == 0
    else { return nil }
    let runs = parts.columns[Self.runsColumn]
    var previous = (glyphs: UInt32(0), text: UInt32(0), clusters: UInt32(0))
    for r in 0..<parts.runCount {
      let at = r * per
      let ends = (glyphs: runs[at + 3], text: runs[at + 4], clusters: runs[at + 5])
      guard runs[at + 2] <= 1,
        ends.glyphs >= previous.glyphs, ends.glyphs <= parts.columns[Self.ids].count,
        ends.text >= previous.text, ends.text <= parts.text.count,
        ends.clusters >= previous.clusters,
        parts.clusterMap == .oneToOne || ends.clusters <= parts.columns[Self.pairs].count,
        Self.clustersCover(
          parts, glyphs: previous.glyphs..<ends.glyphs,
          text: previous.text..<ends.text, pairs: previous.clusters..<ends.clusters)
      else { return nil }
      previous = ends
    }
    self.init(
      runCount: Int32(parts.runCount), data: PackedColumns(parts.columns, tail: parts.text),
      ys: parts.ys, clusterMap: parts.clusterMap, missing: parts.missing,
      missingGlyphSize: parts.missingGlyphSize)
  }

  /// Whether a run's clusters are ones cairo takes (so drawing it can neither trap nor fail): one
  /// to one, a glyph for each byte, every byte a whole character; as pairs, each of them within
  /// Int32, not empty, starting on a character, and all together its text and glyphs.
  private static func clustersCover(
    _ parts: Parts, glyphs: Range<UInt32>, text: Range<UInt32>, pairs: Range<UInt32>
  ) -> Bool {
    // A run without text is drawn without clusters.
    guard !text.isEmpty else { return true }
    let bytes = parts.text[Int(text.lowerBound)..<Int(text.upperBound)]
    if parts.clusterMap == .oneToOne {
      return glyphs.count == text.count && bytes.allSatisfy { $0 < 0x80 }
    }
    guard pairs.lowerBound % 2 == 0, pairs.upperBound % 2 == 0 else { return false }
    let column = parts.columns[Self.pairs]
    var at = (text: Int(text.lowerBound), glyphs: 0)
    for k in stride(from: Int(pairs.lowerBound), to: Int(pairs.upperBound), by: 2) {
      let (count, shown) = (Int(column[k]), Int(column[k + 1]))
      guard count <= Int32.max, shown <= Int32.max, count > 0 || shown > 0,
        count <= Int(text.upperBound) - at.text,
        count == 0 || !isContinuation(parts.text[at.text])
      else { return false }
      at = (at.text + count, at.glyphs + shown)
    }
    return at.text == Int(text.upperBound) && at.glyphs == glyphs.count
      && (at.text == parts.text.count || !isContinuation(parts.text[at.text]))
  }

  /// Whether `byte` continues a UTF-8 character rather than starting one.
  private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}

extension GlyphRuns {
  /// Column `column` of ``Parts/columns`` as it is stored, its numbers not widened.
  ///
  /// Bytes a number (1, 2 or 4, as the largest needs), how many numbers, and the numbers
  /// little-endian in that width: what a cache writes of a line without taking it apart
  /// (``parts``).
  public func storedColumn(_ column: Int) -> (width: Int, count: Int, bytes: ArraySlice<UInt8>) {
    data.storedColumn(column)
  }

  /// The runs column (``Parts/columns``' last), widened.
  public var runNumbers: [UInt32] { data.column(Self.runsColumn) }
  /// ``Parts/ys``, ``Parts/missing`` and ``Parts/text`` of the line, without the columns.
  public var verticalOffsets: [Int32] { ys }
  public var missingBoxes: [Int32] { missing }
  public var utf8: ArraySlice<UInt8> { data.tail }
}
