/// A shaped line as compact glyph runs: glyph ids, their positions, the text they show and the
/// cluster map between the two, with each run's font and colour named by an index into a
/// ``GlyphPalette``.
///
/// Plain data: no font engine or drawing object, so the engine that shaped the line is freed at
/// once, and a page costs a few bytes a character however long the document grows.
///
/// Positions are in units of 1/``unitsPerPoint`` pt from the line's left baseline point.
public struct GlyphRuns: Sendable {
  /// Position units a point (Pango's scale).
  public static let unitsPerPoint = 1024.0

  let runCount: Int32
  /// Four columns and the text, in one buffer.
  ///
  /// In order:
  /// - glyph ids;
  /// - glyph origins from the line's left baseline point, each as the step from the one before
  ///   (zigzag-coded: steps are small, and a mark's may be negative);
  /// - (bytes, glyphs) cluster pairs in logical order within each run, when `clusterMap` is `.pairs`;
  /// - the runs, six numbers each (font, colour, direction, where its glyphs, text and clusters end);
  /// - the UTF-8 text, run after run in logical order.
  let data: PackedColumns
  /// Vertical offsets, one a glyph; empty when every glyph sits on the baseline.
  let ys: [Int32]
  /// How the text maps onto the glyphs.
  public let clusterMap: ClusterMap
  /// Glyphs no installed font has, as (x, width) pairs: drawn as empty boxes.
  let missing: [Int32]
  /// The size of the font the missing glyphs are boxes for, in points.
  public let missingGlyphSize: Double

  /// How the text of a line maps onto its glyphs.
  public enum ClusterMap: Sendable {
    /// Every cluster is one byte shown by one glyph (plain text without ligatures).
    case oneToOne
    /// ``GlyphRuns/cluster(_:)`` gives each cluster's bytes and glyphs.
    case pairs
  }

  static let ids = 0, steps = 1, pairs = 2, runsColumn = 3

  // MARK: Reading

  /// The number of runs.
  public var count: Int { Int(runCount) }

  /// Run `index`: its font and colour, and where its glyphs, text bytes and cluster pairs lie.
  public func run(_ index: Int) -> GlyphRun {
    let at = index * 6
    func end(_ k: Int) -> Int { Int(data.number(Self.runsColumn, at + k)) }
    let start = index == 0 ? (0, 0, 0) : (end(-3), end(-2), end(-1))
    return GlyphRun(
      font: Int(data.number(Self.runsColumn, at)), color: Int(data.number(Self.runsColumn, at + 1)),
      backward: data.number(Self.runsColumn, at + 2) != 0,
      glyphs: start.0..<end(3), text: start.1..<end(4), clusters: start.2 / 2..<end(5) / 2)
  }

  /// Calls `body` with each glyph of `run` and its origin in points, from `x` (position units,
  /// carried from run to run in order).
  public func forEachGlyph(
    in run: GlyphRun, x: inout Int32, _ body: (UInt32, Double, Double) -> Void
  ) {
    for i in run.glyphs {
      x &+= Self.unzigzag(data.number(Self.steps, i))
      let y = ys.isEmpty ? 0 : Double(ys[i]) / Self.unitsPerPoint
      body(data.number(Self.ids, i), Double(x) / Self.unitsPerPoint, y)
    }
  }

  /// Feeds `hasher` the glyph ids, their steps and vertical offsets, and the cluster pairs, as
  /// stored: equal glyphs at equal positions give equal input.
  func hashGlyphs(into hasher: inout Hasher) {
    data.hashColumns(Self.ids..<Self.runsColumn, into: &hasher)
    hasher.combine(ys)
  }

  /// Cluster `index` (with `.pairs`): how many bytes of text it holds and how many glyphs show them.
  public func cluster(_ index: Int) -> (bytes: Int, glyphs: Int) {
    (Int(data.number(Self.pairs, 2 * index)), Int(data.number(Self.pairs, 2 * index + 1)))
  }

  /// Calls `body` with the line's UTF-8 text (soft hyphens it does not break at left out).
  public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try data.tail.withUnsafeBufferPointer(body)
  }

  /// Where glyphs are missing, in points from the line's start: drawn as empty boxes.
  public var missingGlyphs: [(x: Double, width: Double)] {
    stride(from: 0, to: missing.count, by: 2).map {
      (Double(missing[$0]) / Self.unitsPerPoint, Double(missing[$0 + 1]) / Self.unitsPerPoint)
    }
  }

  /// The characters the line shows, a soft hyphen it breaks at shown as "-".
  public var text: String {
    var utf8 = Array(data.tail)
    if utf8.count >= 2, utf8[utf8.count - 2] == 0xC2, utf8[utf8.count - 1] == 0xAD {
      utf8.removeLast(2)
      utf8.append(UInt8(ascii: "-"))
    }
    if utf8.last == UInt8(ascii: "\n") { utf8.removeLast() }
    return String(decoding: utf8, as: UTF8.self)
  }

  /// A signed step as an unsigned number, small steps of either sign staying small.
  static func zigzag(_ v: Int32) -> UInt32 { UInt32(bitPattern: (v << 1) ^ (v >> 31)) }

  /// The step `zigzag` coded.
  static func unzigzag(_ u: UInt32) -> Int32 {
    Int32(bitPattern: u >> 1) ^ -Int32(bitPattern: u & 1)
  }
}

/// One run of a line: a font and colour over a stretch of its glyphs, text bytes and clusters.
public struct GlyphRun: Sendable {
  /// Index into the palette's fonts.
  public var font: Int
  /// Index into the palette's colours.
  public var color: Int
  /// Right-to-left: the clusters map the text forwards onto the glyphs from the last one back.
  public var backward: Bool
  /// The run's glyph indices, text byte offsets and cluster indices within the line.
  public var glyphs: Range<Int>
  public var text: Range<Int>
  public var clusters: Range<Int>
}

// MARK: - Building

extension GlyphRuns {
  /// Collects the runs of one line, run after run; reused from line to line (`reset`) so that
  /// copying lines out of a text engine allocates once.
  public struct Builder {
    private var runNumbers: [UInt32] = []
    private var runCount = 0
    private var glyphIDs: [UInt32] = []
    /// x positions while collecting, zigzag-coded steps once the line is done.
    private var xs: [UInt32] = []
    private var ys: [Int32] = []
    private var anyY = false
    private var text: [UInt8] = []
    private var clusters: [UInt32] = []
    private var oneToOne = true
    private var missing: [Int32] = []
    private var missingSize = 0.0

    public init() {}

    /// Empties the builder for the next line.
    public mutating func reset() {
      runNumbers.removeAll(keepingCapacity: true)
      runCount = 0
      glyphIDs.removeAll(keepingCapacity: true)
      xs.removeAll(keepingCapacity: true)
      ys.removeAll(keepingCapacity: true)
      anyY = false
      text.removeAll(keepingCapacity: true)
      clusters.removeAll(keepingCapacity: true)
      oneToOne = true
      missing = []
      missingSize = 0
    }

    /// Adds text bytes to the current run.
    public mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
      text.append(contentsOf: bytes)
    }
    public mutating func appendText(_ byte: UInt8) { text.append(byte) }

    /// Adds a cluster: `bytes` of text shown by `glyphs` glyphs.
    public mutating func appendCluster(bytes: Int, glyphs: Int) {
      if bytes != 1 || glyphs != 1 { oneToOne = false }
      clusters.append(UInt32(bytes))
      clusters.append(UInt32(glyphs))
    }

    /// Adds a glyph at `x`, `y` (position units from the line's left baseline point).
    public mutating func appendGlyph(_ id: UInt32, x: Int32, y: Int32) {
      glyphIDs.append(id)
      xs.append(UInt32(bitPattern: x))
      ys.append(y)
      if y != 0 { anyY = true }
    }

    /// Notes a glyph no font has, at `x` and `width` wide (position units), in a font of `size` pt.
    public mutating func appendMissingGlyph(x: Int32, width: Int32, size: Double) {
      missing += [x, width]
      missingSize = size
    }

    /// Ends the current run: what was added since the last one is in `font` and `color`.
    public mutating func endRun(font: UInt32, color: UInt32, backward: Bool) {
      runCount += 1
      runNumbers += [
        font, color, backward ? 1 : 0, UInt32(glyphIDs.count), UInt32(text.count),
        UInt32(clusters.count),
      ]
    }

    /// The line, in storage of its own size: numbers as narrow as they fit (a document keeps
    /// every line it sets).
    public mutating func finish() -> GlyphRuns {
      let map: ClusterMap = oneToOne ? .oneToOne : .pairs
      var previous: Int32 = 0
      for i in xs.indices {
        let x = Int32(bitPattern: xs[i])
        xs[i] = GlyphRuns.zigzag(x &- previous)
        previous = x
      }
      let data = PackedColumns(
        [glyphIDs, xs, map == .pairs ? clusters : [], runNumbers], tail: text)
      return GlyphRuns(
        runCount: Int32(runCount), data: data,
        ys: anyY ? ys.withUnsafeBufferPointer { Array($0) } : [],
        clusterMap: map, missing: missing, missingGlyphSize: missingSize)
    }
  }
}

/// Columns of unsigned numbers and a tail of bytes in one buffer (one allocation, not one a column),
/// each column as narrow — 1, 2 or 4 bytes a number — as its largest number allows.
struct PackedColumns: Sendable {
  private let storage: [UInt8]
  /// Where each column starts, and (the last) where the tail starts.
  private let starts: SIMD8<Int32>
  /// Bytes a number, each column.
  private let widths: SIMD8<UInt8>

  /// Packs up to seven columns and the tail.
  init(_ columns: [[UInt32]], tail: [UInt8]) {
    var widths = SIMD8<UInt8>(repeating: 1)
    var starts = SIMD8<Int32>(repeating: 0)
    var size = 0
    for (c, column) in columns.prefix(7).enumerated() {
      let largest = column.max() ?? 0
      widths[c] = largest <= UInt8.max ? 1 : largest <= UInt16.max ? 2 : 4
      starts[c] = Int32(size)
      size += column.count * Int(widths[c])
    }
    for c in min(columns.count, 7)..<8 { starts[c] = Int32(size) }
    let storage = [UInt8](unsafeUninitializedCapacity: size + tail.count) { buffer, initialized in
      let raw = UnsafeMutableRawBufferPointer(buffer)
      var at = 0
      for (c, column) in columns.prefix(7).enumerated() {
        switch widths[c] {
        case 1:
          for value in column {
            raw[at] = UInt8(truncatingIfNeeded: value)
            at += 1
          }
        case 2:
          for value in column {
            raw.storeBytes(
              of: UInt16(truncatingIfNeeded: value).littleEndian, toByteOffset: at, as: UInt16.self)
            at += 2
          }
        default:
          for value in column {
            raw.storeBytes(of: value.littleEndian, toByteOffset: at, as: UInt32.self)
            at += 4
          }
        }
      }
      for byte in tail {
        raw[at] = byte
        at += 1
      }
      initialized = at
    }
    self.storage = storage
    self.starts = starts
    self.widths = widths
  }

  /// Number `index` of `column`.
  func number(_ column: Int, _ index: Int) -> UInt32 {
    let width = Int(widths[column])
    let at = Int(starts[column]) + index * width
    return storage.withUnsafeBytes { raw in
      switch width {
      case 1: UInt32(raw[at])
      case 2: UInt32(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt16.self)))
      default: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))
      }
    }
  }

  /// Feeds `hasher` the numbers of `columns` (adjacent ones) as stored, with their widths: the
  /// same numbers give the same input.
  func hashColumns(_ columns: Range<Int>, into hasher: inout Hasher) {
    for column in columns { hasher.combine(widths[column]) }
    let bytes = Int(starts[columns.lowerBound])..<Int(starts[columns.upperBound])
    hasher.combine(bytes.count)
    storage.withUnsafeBytes { hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: $0[bytes])) }
  }

  /// The bytes after the columns.
  var tail: ArraySlice<UInt8> { storage[Int(starts[7])...] }

  /// How many numbers `column` holds.
  func count(_ column: Int) -> Int {
    (Int(starts[column + 1]) - Int(starts[column])) / Int(widths[column])
  }

  /// `column` as stored: bytes a number, how many, and the numbers.
  func storedColumn(_ column: Int) -> (width: Int, count: Int, bytes: ArraySlice<UInt8>) {
    (
      Int(widths[column]), count(column),
      storage[Int(starts[column])..<Int(starts[column + 1])]
    )
  }

  /// Every number of `column`, widened.
  func column(_ column: Int) -> [UInt32] {
    (0..<count(column)).map { number(column, $0) }
  }
}
