import CHyphen

/// Marks hyphenation points with soft hyphens (U+00AD), using libhyphen's TeX-style patterns.
///
/// Pango breaks at soft hyphens and draws the hyphen, so the line breaker itself stays Pango's.
/// Words are cached: the same word is hyphenated once per hyphenator.
public final class Hyphenator {
  private let dictionary: UnsafeMutablePointer<HyphenDict>
  /// Words hyphenated so far (UTF-8), with their soft hyphens.
  private var cache: [[UInt8]: [UInt8]] = [:]
  /// Least letters before the first and after the last hyphen.
  private let leftMin: Int32 = 2, rightMin: Int32 = 3
  /// Words shorter than this are never hyphenated.
  private let shortestWord = 6

  /// Loads the patterns at `path`; nil when the file is missing or unreadable.
  public init?(dictionaryPath: String) {
    guard let dict = hnj_hyphen_load(dictionaryPath) else { return nil }
    dictionary = dict
  }

  /// The US English patterns from Debian's `hyphen-en-us`, when installed.
  public static func englishUS() -> Hyphenator? {
    for path in [
      "/usr/share/hyphen/hyph_en_US.dic", "/usr/share/hyphen/hyph_en_Latn_US.dic",
      "/usr/local/share/hyphen/hyph_en_US.dic", "/opt/homebrew/share/hyphen/hyph_en_US.dic",
    ] {
      if let h = Hyphenator(dictionaryPath: path) { return h }
    }
    return nil
  }

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

  /// `text` with soft hyphens at every allowed break inside its words (runs of ASCII letters).
  public func hyphenate(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
    var text = text
    text.withUTF8 { bytes in
      var i = 0
      while i < bytes.count {
        guard Self.isASCIILetter(bytes[i]) else {
          out.append(bytes[i])
          i += 1
          continue
        }
        var end = i
        while end < bytes.count, Self.isASCIILetter(bytes[end]) { end += 1 }
        appendHyphenated(UnsafeBufferPointer(rebasing: bytes[i..<end]), to: &out)
        i = end
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }

  /// Appends one word (ASCII letters only) with its soft hyphens.
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
    let lower = key.map { CChar(bitPattern: $0 | 0x20) }
    var hyphens = [CChar](repeating: 0, count: lower.count + 5)
    var rep: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
    var pos: UnsafeMutablePointer<Int32>? = nil
    var cut: UnsafeMutablePointer<Int32>? = nil
    let status = lower.withUnsafeBufferPointer { buf in
      hnj_hyphen_hyphenate3(
        dictionary, buf.baseAddress, Int32(lower.count), &hyphens,
        nil, &rep, &pos, &cut, leftMin, rightMin, 2, 2)
    }
    freeReplacements(rep, pos, cut, count: lower.count)
    var result = key
    if status == 0 {
      result = []
      result.reserveCapacity(key.count + key.count / 2)
      for (i, byte) in key.enumerated() {
        result.append(byte)
        if i < key.count - 1, hyphens[i] & 1 == 1 { result += [0xC2, 0xAD] }
      }
    }
    cache[key] = result
    out.append(contentsOf: result)
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
