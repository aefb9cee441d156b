import CHyphen
import Storage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: Finding a dictionary

extension Hyphenator {
  /// Where Debian (`hyphen-*` packages), a local install and Homebrew put hyphenation dictionaries.
  public static let dictionaryFolders = [
    "/usr/share/hyphen", "/usr/local/share/hyphen", "/opt/homebrew/share/hyphen",
  ]

  /// The dictionary for a BCP 47 language tag: `hyph_<ll>_<CC>.dic`, then `hyph_<ll>.dic`, then the
  /// first `hyph_<ll>_*.dic` by name, each looked for in every folder in turn; `en` alone is `en-US`.
  ///
  /// The tag's case does not matter and `_` may stand for `-`; a script subtag (`sr-Latn-RS`) is
  /// skipped. Nil when no dictionary is installed for the language.
  public static func dictionaryPath(
    forLanguage tag: String, in folders: [String] = dictionaryFolders
  ) -> String? {
    let parts = tag.split(whereSeparator: { $0 == "-" || $0 == "_" })
    guard let first = parts.first, (2...3).contains(first.count),
      first.allSatisfy({ $0.isASCII && $0.isLetter })
    else { return nil }
    let language = first.lowercased()
    var region = parts.dropFirst().first { part in
      part.count == 2 && part.allSatisfy { $0.isASCII && $0.isLetter }
    }?.uppercased()
    if language == "en", region == nil { region = "US" }
    var names: [String] = []
    if let region { names.append("hyph_\(language)_\(region).dic") }
    names.append("hyph_\(language).dic")
    for name in names {
      for folder in folders where access(folder + "/" + name, R_OK) == 0 {
        return folder + "/" + name
      }
    }
    for folder in folders {
      let prefix = "hyph_\(language)_"
      if let name = fileNames(in: folder).sorted().first(where: {
        $0.hasPrefix(prefix) && $0.hasSuffix(".dic")
      }), access(folder + "/" + name, R_OK) == 0 {
        return folder + "/" + name
      }
    }
    return nil
  }

  /// The names in a folder (none when it cannot be read).
  private static func fileNames(in folder: String) -> [String] {
    guard let dir = opendir(folder) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != ".", name != ".." { names.append(name) }
    }
    return names
  }

  /// `$XDG_CACHE_HOME/pmreport/hyphen`, else `~/.cache/pmreport/hyphen`; nil with neither set (or
  /// set to a relative path, which the XDG rules say to ignore).
  public static var defaultCacheDirectory: String? {
    for (variable, suffix) in [("XDG_CACHE_HOME", ""), ("HOME", "/.cache")] {
      if let value = getenv(variable).map({ String(cString: $0) }), value.hasPrefix("/") {
        return value + suffix + "/pmreport/hyphen"
      }
    }
    return nil
  }
}

// MARK: Loading through the cache

extension Hyphenator {
  /// The patterns at `path`: rebuilt from the cache when it holds them intact, else loaded by
  /// libhyphen and written to the cache (when `cacheDirectory` can be written; else just loaded).
  ///
  /// The cache file is named after the dictionary and a checksum of its bytes and of the libhyphen
  /// library in use, so an updated dictionary or library gets a new file.
  static func load(_ path: String, cacheDirectory: String?)
    -> (UnsafeMutablePointer<HyphenDict>, fromCache: Bool)?
  {
    guard var source = Folder.readFile(path), !source.isEmpty else { return nil }
    var cacheFile: String?
    if let cacheDirectory {
      let key = source.withUnsafeBytes { HyphenCache.checksum($0, seed: libraryIdentity) }
      let real = realpath(path, nil).map { resolved in
        defer { free(resolved) }
        return String(cString: resolved)
      }
      var name = String((real ?? path).split(separator: "/").last ?? "hyph")
      if name.hasSuffix(".dic") { name.removeLast(4) }
      let hex = String(key, radix: 16)
      cacheFile =
        cacheDirectory + "/" + name + "-" + String(repeating: "0", count: 16 - hex.count) + hex
        + ".bin"
      if let cacheFile, let bytes = Folder.readFile(cacheFile),
        let dict = bytes.withUnsafeBytes(HyphenCache.rebuild(from:))
      {
        return (dict, true)
      }
    }
    // The bytes already read (and hashed) are the ones loaded: no second read of a changing file.
    let count = source.count
    let loaded = source.withUnsafeMutableBytes { buffer -> UnsafeMutablePointer<HyphenDict>? in
      guard let file = fmemopen(buffer.baseAddress, count, "r") else { return nil }
      defer { fclose(file) }
      return hnj_hyphen_load_file(file)
    }
    guard let dict = loaded else { return nil }
    if let cacheDirectory, let cacheFile {
      // A cache that cannot be written is only slower.
      try? OutputFile.writeCacheFile(
        [HyphenCache.serialize(dict)], to: cacheFile, in: cacheDirectory)
    }
    return (dict, false)
  }

  /// A fingerprint of the libhyphen loader in use: a few patterns (with a compound level, a
  /// spelling change and a no-hyphen list) loaded by it and serialized, so that a cache written by
  /// one version's loader is not read by another's that compiles patterns differently.
  private static let libraryIdentity: UInt64 = {
    var probe = Array(
      "UTF-8\nLEFTHYPHENMIN 2\nNOHYPHEN -,'\n1ba\na1b\n.ab3c\nf1f/ff=f,1,2\nNEXTLEVEL\n1-1\n"
        .utf8)
    let count = probe.count
    let dict = probe.withUnsafeMutableBytes { buffer -> UnsafeMutablePointer<HyphenDict>? in
      guard let file = fmemopen(buffer.baseAddress, count, "r") else { return nil }
      defer { fclose(file) }
      return hnj_hyphen_load_file(file)
    }
    guard let dict else { return 0 }
    defer { hnj_hyphen_free(dict) }
    var bytes = HyphenCache.serialize(dict)
    withUnsafeBytes(of: UInt64(MemoryLayout<HyphenState>.size)) { bytes += $0 }
    return bytes.withUnsafeBytes { HyphenCache.checksum($0) }
  }()
}

// MARK: Encodings

extension Hyphenator {
  /// How a dictionary wants its words: the first line of a `.dic` names its character set.
  enum Encoding {
    case utf8
    /// ISO 8859-1: each character up to U+00FF is one byte of the same value.
    case latin1
    /// ISO 8859-15: Latin-1 with eight places given to €, Š, š, Ž, ž, Œ, œ, Ÿ.
    case latin9
    /// Any other set: only ASCII words are hyphenated.
    case ascii

    init<T>(charset: T) {
      let name = withUnsafeBytes(of: charset) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }.uppercased().replacingOccurrences("ISO-", "ISO").replacingOccurrences("_", "-")
      switch name {
      case "UTF-8", "UTF8": self = .utf8
      case "ISO8859-1", "LATIN1": self = .latin1
      case "ISO8859-15", "LATIN9": self = .latin9
      default: self = .ascii
      }
    }

    private static let latin9Bytes: [UInt32: UInt8] = [
      0x20AC: 0xA4, 0x160: 0xA6, 0x161: 0xA8, 0x17D: 0xB4, 0x17E: 0xB8, 0x152: 0xBC, 0x153: 0xBD,
      0x178: 0xBE,
    ]

    /// Appends `scalar` in this encoding; false when the encoding has no such character.
    func append(_ scalar: Unicode.Scalar, to out: inout [CChar]) -> Bool {
      let v = scalar.value
      if v < 0x80 {
        out.append(CChar(bitPattern: UInt8(v)))
        return true
      }
      switch self {
      case .utf8:
        for byte in UTF8.encode(scalar) ?? UTF8.EncodedScalar() {
          out.append(CChar(bitPattern: byte))
        }
        return true
      case .latin1:
        guard v <= 0xFF else { return false }
        out.append(CChar(bitPattern: UInt8(v)))
        return true
      case .latin9:
        if let byte = Self.latin9Bytes[v] {
          out.append(CChar(bitPattern: byte))
          return true
        }
        guard v <= 0xFF, !Self.latin9Bytes.values.contains(UInt8(v)) else { return false }
        out.append(CChar(bitPattern: UInt8(v)))
        return true
      case .ascii:
        return false
      }
    }
  }
}

extension String {
  /// The string with every `target` replaced (no Foundation in this module).
  fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
    guard !target.isEmpty, contains(target) else { return self }
    var out = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      out += rest[..<range.lowerBound] + replacement
      rest = rest[range.upperBound...]
    }
    return out + rest
  }
}
