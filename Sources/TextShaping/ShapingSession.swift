import Frames

/// What a run does with its text engine between documents: the language, font substitutes, the
/// cached shapes kept or discarded, the disk cache, the characters a document lacks.
///
/// Layout sees the session only as the ``TextMeasurer`` it is. ``PangoMeasurer`` is the real one.
public protocol ShapingSession: TextMeasurer {
  /// The hyphenator in use (nil: none).
  var currentHyphenator: Hyphenator? { get }
  /// Sets the language text is shaped and hyphenated in: `tag` for Pango (`en` is `en-us`), and
  /// `hyphenator` (nil: no hyphenation). Forgets the shapes cached so far, unless both are the ones
  /// already set.
  func setLanguage(_ tag: String, hyphenator: Hyphenator?)
  /// The family fontconfig actually uses for `family`: nil when it is installed, else the
  /// substitute's name.
  func substitute(forFamily family: String) -> String?
  /// Keeps shaped paragraphs and widths in `cache` from run to run (nil: no cache on disk).
  func useShapeCache(_ cache: ShapeCache?)
  /// Forgets the paragraphs and widths shaped so far (the lines already handed out stay valid), and
  /// lets the disk cache write what is pending and let go of its index until the next lookup.
  func discardCachedShapes()
  /// Keeps the paragraphs and widths asked for since the last call, for the next build, and
  /// forgets the others (`pmreport watch`, where a one-paragraph edit re-shapes only that one).
  func keepShapesUsedSinceLastKeep()
  /// The characters no installed font could draw met since the last call, in the order first
  /// met; forgets them.
  func takeMissingCharacters() -> [Unicode.Scalar]
  /// The start of each word wider than its paragraph's measure (broken across lines) met since
  /// the last call, each once, in the order first met; forgets them.
  func takeOverlongWords() -> [String]
}
