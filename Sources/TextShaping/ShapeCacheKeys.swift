import CPango
import Geometry
import Storage

/// The program that shaped a paragraph and the text engine's versions: part of every shape cache key.
///
/// (The key also covers the ``ParagraphSpec``, the measurer's language and hyphenation dictionary, and
/// fontconfig's configuration.)
public struct ShapeCacheIdentity: Sendable, Hashable {
  /// The program's name, version and build (such as `pmreport 0.1.0 (commit 1a2b3c)`).
  public var program: String
  public var pangoVersion: String
  public var harfBuzzVersion: String

  public init(
    program: String, pangoVersion: String = TextEngine.pangoVersion,
    harfBuzzVersion: String = TextEngine.harfBuzzVersion
  ) {
    self.program = program
    self.pangoVersion = pangoVersion
    self.harfBuzzVersion = harfBuzzVersion
  }
}

/// What a shape cache entry holds: a shaped paragraph, or a paragraph's two widths.
enum ShapeCacheEntryKind: UInt8 {
  case paragraph = 1
  case widths = 2
}

/// Makes the keys of one measurer's shape cache entries: SHA-256 over the cache format, the
/// ``ShapeCacheIdentity``, fontconfig's configuration, the language and hyphenation dictionary, the
/// entry's kind and the whole ``ParagraphSpec`` in a fixed binary layout (never `hashValue`, which
/// changes from process to process).
struct ShapeCacheKeys {
  /// Has taken in everything hashed before the entry's kind and spec (copied for each key, so the
  /// prefix — fontconfig's files and folders, kilobytes — is hashed once, not once a paragraph).
  private let prefix: SHA256

  init(
    identity: ShapeCacheIdentity, fontconfig: [UInt8], language: String,
    hyphenDictionary: String?
  ) {
    prefix = SHA256()
    prefix.update(
      Self.prefixBytes(
        identity: identity, fontconfig: fontconfig, language: language,
        hyphenDictionary: hyphenDictionary))
  }

  /// What every key of a measurer hashes first: the cache format, the identity, fontconfig's
  /// configuration, the language and the hyphenation dictionary (with its stamp).
  static func prefixBytes(
    identity: ShapeCacheIdentity, fontconfig: [UInt8], language: String,
    hyphenDictionary: String?
  ) -> [UInt8] {
    var w = ByteWriter()
    w.raw(ShapeCacheEntry.magic)
    w.u32(ShapeCacheEntry.formatVersion)
    w.text(identity.program)
    w.text(identity.pangoVersion)
    w.text(identity.harfBuzzVersion)
    w.raw(fontconfig)
    w.text(language)
    w.optionalText(hyphenDictionary)
    if let hyphenDictionary {
      let stamp = FileStamp(path: hyphenDictionary) ?? FileStamp(size: -1, modified: -1)
      stamp.encode(into: &w)
    }
    return w.bytes
  }

  /// The key of `spec`'s entry of `kind`.
  func key(_ kind: ShapeCacheEntryKind, _ spec: ParagraphSpec) -> [UInt8] {
    var w = ByteWriter()
    w.bytes.reserveCapacity(512)
    w.u8(kind.rawValue)
    spec.encode(into: &w)
    let hasher = prefix.copy()
    hasher.update(w.bytes)
    return hasher.digest()
  }

  /// fontconfig's configuration as bytes: its version, and each configuration file and font folder
  /// it uses with its size and modification time (a font installed or removed changes its folder's
  /// time; a changed configuration file changes its own).
  static func fontconfigIdentity() -> [UInt8] {
    var w = ByteWriter()
    w.i32(FcGetVersion())
    let config = FcConfigGetCurrent()
    for list in [FcConfigGetConfigFiles(config), FcConfigGetFontDirs(config)] {
      guard let list else {
        w.u8(0)
        continue
      }
      defer { FcStrListDone(list) }
      while let path = FcStrListNext(list) {
        let name = String(cString: UnsafeRawPointer(path).assumingMemoryBound(to: CChar.self))
        w.u8(1)
        w.text(name)
        (FileStamp(path: name) ?? FileStamp(size: -1, modified: -1)).encode(into: &w)
      }
      w.u8(0)
    }
    return w.bytes
  }
}

extension ParagraphSpec {
  /// Every field, in a fixed order and layout (doubles by bit pattern).
  func encode(into w: inout ByteWriter) {
    w.u32(UInt32(runs.count))
    for run in runs {
      w.text(run.text)
      run.font.encode(into: &w)
      run.color.encode(into: &w)
      w.optionalText(run.link?.storedText)
    }
    w.f64(width)
    switch alignment {
    case .left: w.u8(0)
    case .right: w.u8(1)
    case .center: w.u8(2)
    case .justify: w.u8(3)
    }
    w.bool(hyphenate)
    w.f64(leading)
    w.i64(Int64(maxHyphenRun))
    w.f64(hyphenPenalty)
    w.i64(Int64(looseness))
    w.bool(hangingPunctuation)
    w.bool(baseFont != nil)
    baseFont?.encode(into: &w)
  }
}

extension Color {
  /// The four channels (a shape cache key's and entry's layout).
  func encode(into w: inout ByteWriter) {
    w.f64(red)
    w.f64(green)
    w.f64(blue)
    w.f64(alpha)
  }
}

extension FontSpec {
  func encode(into w: inout ByteWriter) {
    w.text(family)
    w.f64(size)
    w.bool(bold)
    w.bool(italic)
    w.u32(UInt32(features.count))
    for feature in features { w.text(feature) }
  }
}
