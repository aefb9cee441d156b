import CHyphen

/// Marks hyphenation points with soft hyphens (U+00AD), using libhyphen's TeX-style patterns.
///
/// Pango breaks at soft hyphens and draws the hyphen, so the line breaker itself stays Pango's.
/// Words are cached: the same word is hyphenated once per hyphenator.
///
/// The patterns are Debian's `hyphen-*` dictionaries, found by language tag
/// (``dictionaryPath(forLanguage:in:)``). Words are handed to libhyphen in the dictionary's own
/// encoding (UTF-8, or ISO 8859-1 for German, Dutch and Portuguese) and the break points mapped back
/// to the text; a word with a letter the dictionary's encoding lacks is left alone. The compiled
/// patterns are cached on disk (``HyphenCache``): the German ones take libhyphen about 3 s to load,
/// the cache a few milliseconds.
public final class Hyphenator {
  private let dictionary: UnsafeMutablePointer<HyphenDict>
  /// The dictionary file the patterns came from.
  public let dictionaryPath: String
  /// Whether the patterns were rebuilt from the cache rather than loaded by libhyphen.
  public let loadedFromCache: Bool
  /// How words are encoded for the dictionary.
  private let encoding: Encoding
  /// Words hyphenated so far (UTF-8), with their soft hyphens.
  private var cache: [[UInt8]: [UInt8]] = [:]
  /// Least letters before the first and after the last hyphen.
  private let leftMin: Int32 = 2, rightMin: Int32 = 3
  /// Words shorter than this (in characters) are never hyphenated.
  private let shortestWord = 6

  /// Loads the patterns at `path` (through the cache in `cacheDirectory`, when there is one); nil
  /// when the file is missing, unreadable or empty.
  public init?(dictionaryPath: String, cacheDirectory: String? = Hyphenator.defaultCacheDirectory) {
    guard let (dict, fromCache) = Self.load(dictionaryPath, cacheDirectory: cacheDirectory) else {
      return nil
    }
    dictionary = dict
    self.dictionaryPath = dictionaryPath
    loadedFromCache = fromCache
    encoding = Encoding(charset: dict.pointee.cset)
  }

  /// The patterns for a BCP 47 language tag (`de`, `en-GB`), when installed; see
  /// ``dictionaryPath(forLanguage:in:)``.
  public convenience init?(
    language: String, folders: [String] = Hyphenator.dictionaryFolders,
    cacheDirectory: String? = Hyphenator.defaultCacheDirectory
  ) {
    guard let path = Self.dictionaryPath(forLanguage: language, in: folders) else { return nil }
    self.init(dictionaryPath: path, cacheDirectory: cacheDirectory)
  }

  /// The US English patterns from Debian's `hyphen-en-us`, when installed.
  public static func englishUS() -> Hyphenator? { Hyphenator(language: "en-US") }

  deinit { hnj_hyphen_free(dictionary) }

  /// Words longer than this get a break point every `longWordPiece` characters.
  static let longWord = 40, longWordPiece = 12

  /// `text` with a soft hyphen every few characters inside words longer than any dictionary word
  /// (an 800-letter string, a pasted hash), so they break across lines cheaply and visibly.
  ///
  /// Counts characters as Unicode scalars, a combining mark or a joined emoji part going with the
  /// character before it (and never getting a soft hyphen before it).
  public static func breakingLongWords(_ text: String) -> String {
    // Scanned once a paragraph: the common case (no word that long) allocates nothing.
    guard text.utf8.count > longWord else { return text }
    var out = String.UnicodeScalarView()
    var run = 0
    var changed = false
    var joined = false
    for (offset, scalar) in text.unicodeScalars.enumerated() {
      let continues = joined || (scalar.value >= 0x300 && Self.isMark(scalar))
      joined = scalar == "\u{200D}"
      if !continues {
        if Self.isBreak(scalar) { run = 0 } else { run += 1 }
        if run > longWord, run % longWordPiece == 1 {
          if !changed {
            out.append(contentsOf: text.unicodeScalars.prefix(offset))
            changed = true
          }
          out.append("\u{00AD}")
        }
      }
      if changed { out.append(scalar) }
    }
    return changed ? String(out) : text
  }

  /// Whitespace, a soft hyphen or a hyphen: where a long word's count starts again.
  private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20, 0x09...0x0D, 0x2D, 0xAD: true
    case 0..<0x80: false
    default: scalar.properties.isWhitespace
    }
  }

  /// A combining mark (it belongs to the character before it).
  private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: true
    default: false
    }
  }

  /// `text` with soft hyphens at every allowed break inside its words (runs of letters and the
  /// marks that go with them).
  public func hyphenate(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
    var text = text
    text.withUTF8 { bytes in
      var i = 0
      while i < bytes.count {
        var (scalar, length) = Self.scalar(in: bytes, at: i)
        guard Self.isWordScalar(scalar) else {
          out.append(contentsOf: bytes[i..<i + length])
          i += length
          continue
        }
        var end = i + length
        while end < bytes.count {
          (scalar, length) = Self.scalar(in: bytes, at: end)
          guard Self.isWordScalar(scalar) else { break }
          end += length
        }
        appendHyphenated(UnsafeBufferPointer(rebasing: bytes[i..<end]), to: &out)
        i = end
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The scalar starting at `i` of valid UTF-8 and its length in bytes.
  private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (
    Unicode.Scalar, Int
  ) {
    let b = bytes[i]
    if b < 0x80 { return (Unicode.Scalar(b), 1) }
    let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
    var value = UInt32(b) & (0x7F >> length)
    for k in 1..<min(length, bytes.count - i) { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", min(length, bytes.count - i))
  }

  /// A letter, or a mark that belongs to the letter before it.
  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
    return scalar.properties.isAlphabetic || isMark(scalar)
  }

  /// The lowercase letter, when it is one letter (the patterns are lowercase).
  private static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    let v = scalar.value
    if v < 0x80 { return v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v | 0x20)) : scalar }
    let lower = scalar.properties.lowercaseMapping.unicodeScalars
    return lower.count == 1 ? lower.first ?? scalar : scalar
  }

  /// Appends one word (letters and marks only) with its soft hyphens.
  private func appendHyphenated(_ word: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    if word.count < shortestWord {
      out.append(contentsOf: word)
      return
    }
    let key = Array(word)
    if let hit = cache[key] {
      out.append(contentsOf: hit)
      return
    }
    let result = hyphenated(word) ?? key
    cache[key] = result
    out.append(contentsOf: result)
  }

  /// The word with soft hyphens, or nil to leave it as it is (too short, a letter the dictionary
  /// cannot encode, libhyphen refused it).
  private func hyphenated(_ word: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    // Each character's end in `word`, and the word in the dictionary's encoding, lowercase.
    var ends: [Int] = []
    var encoded: [CChar] = []
    encoded.reserveCapacity(word.count + 1)
    var i = 0
    while i < word.count {
      let (scalar, length) = Self.scalar(in: word, at: i)
      i += length
      ends.append(i)
      guard encoding.append(Self.lowercase(scalar), to: &encoded) else { return nil }
    }
    guard ends.count >= shortestWord else { return nil }
    let size = encoded.count
    encoded.append(0)  // libhyphen looks for its no-hyphen sequences with strstr
    var hyphens = [CChar](repeating: 0, count: size + 5)
    var rep: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
    var pos: UnsafeMutablePointer<Int32>? = nil
    var cut: UnsafeMutablePointer<Int32>? = nil
    let status = encoded.withUnsafeBufferPointer { buf in
      hnj_hyphen_hyphenate3(
        dictionary, buf.baseAddress, Int32(size), &hyphens,
        nil, &rep, &pos, &cut, leftMin, rightMin, 2, 2)
    }
    // Break points are by character now (libhyphen maps UTF-8 bytes to characters itself). One with
    // a spelling change (German "Schiffahrt" → "Schiff-fahrt") cannot be a soft hyphen: skipped.
    var breaks = [Bool](repeating: false, count: ends.count)
    if status == 0 {
      for k in 0..<ends.count - 1 where hyphens[k] & 1 == 1 {
        breaks[k] = rep.map { $0[k] == nil } ?? true
      }
    }
    freeReplacements(rep, pos, cut, count: size)
    guard status == 0 else { return nil }
    var result: [UInt8] = []
    result.reserveCapacity(word.count + word.count / 2)
    var start = 0
    for (k, end) in ends.enumerated() {
      result.append(contentsOf: word[start..<end])
      if breaks[k] { result += [0xC2, 0xAD] }
      start = end
    }
    return result
  }

  /// Frees the non-standard hyphenation tables libhyphen may allocate (none for English).
  private func freeReplacements(
    _ rep: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ pos: UnsafeMutablePointer<Int32>?, _ cut: UnsafeMutablePointer<Int32>?,
    count: Int
  ) {
    if let rep {
      for i in 0..<count { free(rep[i]) }
      free(rep)
    }
    free(pos)
    free(cut)
  }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
