import Frames
import ReportModel
import TextShaping

/// The charts laid out in the last build of a `pmreport watch` session, each kept with all its
/// layout read, so that a build whose chart inputs did not change lays no chart out again.
///
/// A chart is keyed by its spec, the part of the content it reads (``Comparison/readByChart(_:)``),
/// its theme (style, colours, words), its width and the text engine's language and hyphenation
/// patterns (so documents in different languages each keep theirs). A chart found is handed back with the text engine told of
/// every paragraph its layout shaped, again, so that the engine's notes (characters no font has,
/// words too wide) and its kept shapes are what a fresh layout leaves. A class: one memo shared by
/// a session's builds.
public final class ChartLayouts {
  /// Everything a chart's layout reads besides the text engine.
  private struct Input: Hashable {
    var spec: ChartSpec
    var content: Comparison
    var theme: ChartTheme
    var width: Double
    /// The text engine's language and hyphenation patterns (their file).
    var shaping: [String]
  }

  /// An input with its hash worked out once: hashing one walks the chart's part of the content,
  /// and a lookup and the note that it was used would each do it again.
  private struct Key: Hashable {
    let input: Input
    private let hash: Int

    init(_ input: Input) {
      self.input = input
      hash = input.hashValue
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    static func == (left: Key, right: Key) -> Bool {
      left.hash == right.hash && left.input == right.input
    }
  }

  /// A chart laid out, and the paragraphs its layout shaped (each once, in first-use order).
  private struct Laid {
    var layout: ChartLayout
    var shaped: [ParagraphSpec]
  }

  private var kept: [Key: Laid] = [:]
  /// The charts asked for since the last ``keepUsedSinceLastKeep()``.
  private var used: Set<Key> = []
  /// The text engine's language and hyphenation patterns now.
  private var shaping: [String] = []

  public init() {}

  /// The chart of ``ChartBuilder/layout(for:content:theme:width:measurer:)``: the one kept for the
  /// same input, else laid out (by `measurer`, which must be the session's text engine) and kept.
  public func layout(
    for spec: ChartSpec, content: Comparison, theme: ChartTheme, width: Double,
    measurer: any TextMeasurer
  ) throws -> ChartLayout {
    let key = Key(
      Input(
        spec: spec, content: content.readByChart(spec), theme: theme, width: width,
        shaping: shaping))
    used.insert(key)
    if let laid = kept[key] {
      for paragraph in laid.shaped { _ = measurer.shape(paragraph) }
      return laid.layout
    }
    let recorder = ShapeRecorder(measurer)
    let layout = try ChartBuilder.layout(
      for: spec, content: key.input.content, theme: theme, width: width, measurer: recorder)
    kept[key] = Laid(layout: layout, shaped: recorder.shaped)
    return layout
  }

  /// Sets the text engine's language and hyphenation patterns (their file), part of each
  /// chart's key from now on.
  public func use(language: String, patterns: String?) {
    shaping = [language, patterns ?? ""]
  }

  /// Forgets the charts not asked for since the last call (a build's end).
  public func keepUsedSinceLastKeep() {
    kept = kept.filter { used.contains($0.key) }
    used = []
  }
}

/// A text measurer passing every call on to another, noting each paragraph shaped (once, in
/// first-use order).
private final class ShapeRecorder: TextMeasurer {
  private let measurer: any TextMeasurer
  private(set) var shaped: [ParagraphSpec] = []
  private var seen: Set<ParagraphSpec> = []

  init(_ measurer: any TextMeasurer) { self.measurer = measurer }

  func shape(_ paragraph: ParagraphSpec) -> ShapedParagraph {
    if seen.insert(paragraph).inserted { shaped.append(paragraph) }
    return measurer.shape(paragraph)
  }

  func widths(_ paragraph: ParagraphSpec) -> TextWidths { measurer.widths(paragraph) }

  var palette: GlyphPalette { measurer.palette }
}
