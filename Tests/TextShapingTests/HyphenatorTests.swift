import CHyphen
import Foundation
import Testing

@testable import TextShaping

/// A fresh folder for one test's cache files, removed at the end.
private struct CacheFolder {
  let path = NSTemporaryDirectory() + "pmreport-hyphen-\(UUID().uuidString)"
  func remove() { try? FileManager.default.removeItem(atPath: path) }
  /// The cache files written so far.
  var files: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter {
      $0.hasSuffix(".bin") && !$0.hasPrefix(".")
    }.sorted().map { path + "/" + $0 }
  }
}

/// `text` with soft hyphens shown as `-`.
private func shown(_ text: String) -> String {
  text.replacingOccurrences(of: "\u{AD}", with: "-")
}

/// Whether Debian's dictionary `name` is installed (the tests that need one are skipped without it).
private func installed(_ name: String) -> Bool {
  FileManager.default.isReadableFile(atPath: "/usr/share/hyphen/" + name)
}

/// Pseudo-words from a dictionary's own patterns (letters of three patterns in a row), so that
/// every part of the state machine is walked: tens of thousands of words for German.
private func patternWords(_ path: String, encoding: String.Encoding) throws -> [String] {
  let text = try #require(
    String(data: Data(contentsOf: URL(fileURLWithPath: path)), encoding: encoding))
  let fragments = text.split(separator: "\n").dropFirst().compactMap { line -> String? in
    guard !line.hasPrefix("%"), !line.contains("/"), line.first?.isUppercase != true else {
      return nil
    }
    let letters = line.filter { $0.isLetter }
    return letters.isEmpty ? nil : letters
  }
  return fragments.indices.dropLast(2).map {
    fragments[$0] + fragments[$0 + 1] + fragments[$0 + 2]
  }
}

@Suite struct HyphenatorTests {
  // MARK: Finding dictionaries

  @Test(.enabled(if: installed("hyph_de_DE.dic") && installed("hyph_en_GB.dic")))
  func languageTagsFindTheirDictionaries() {
    func file(_ tag: String) -> String? {
      Hyphenator.dictionaryPath(forLanguage: tag).map { ($0 as NSString).lastPathComponent }
    }
    #expect(file("en") == "hyph_en_US.dic")
    #expect(file("en-US") == "hyph_en_US.dic")
    #expect(file("en-GB") == "hyph_en_GB.dic")
    #expect(file("en_gb") == "hyph_en_GB.dic")
    #expect(file("de") == "hyph_de.dic")
    #expect(file("de-AT") == "hyph_de_AT.dic")
    #expect(file("DE-de") == "hyph_de_DE.dic")
    // A region with no dictionary of its own falls back to the language's.
    #expect(file("de-NZ") == "hyph_de.dic")
    #expect(file("sr-Latn-RS") == nil)
    #expect(file("xx") == nil)
    #expect(file("") == nil)
    #expect(file("../etc/passwd") == nil)
  }

  @Test func aLanguageWithOnlyRegionalDictionariesTakesTheFirstByName() throws {
    let folder = CacheFolder()
    defer { folder.remove() }
    try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
    for name in ["hyph_sv_SE.dic", "hyph_sv_FI.dic", "hyph_svx.dic"] {
      try "UTF-8\n1b1\n".write(toFile: folder.path + "/" + name, atomically: true, encoding: .utf8)
    }
    let folders = ["/nonexistent", folder.path]
    #expect(
      Hyphenator.dictionaryPath(forLanguage: "sv-SE", in: folders) == folder.path
        + "/hyph_sv_SE.dic")
    #expect(
      Hyphenator.dictionaryPath(forLanguage: "sv", in: folders) == folder.path + "/hyph_sv_FI.dic")
    #expect(
      Hyphenator.dictionaryPath(forLanguage: "sv-AX", in: folders) == folder.path
        + "/hyph_sv_FI.dic")
    #expect(Hyphenator.dictionaryPath(forLanguage: "no", in: folders) == nil)
  }

  // MARK: Encodings

  @Test(.enabled(if: installed("hyph_de_DE.dic")))
  func germanWordsWithUmlautsAndEszettAreHyphenatedThroughLatin1() throws {
    let folder = CacheFolder()
    defer { folder.remove() }
    let german = try #require(Hyphenator(language: "de", cacheDirectory: folder.path))
    // pmreport keeps three letters after the last hyphen ("kräf-te" would leave two).
    #expect(shown(german.hyphenate("Führungskräfte")) == "Füh-rungs-kräfte")
    #expect(shown(german.hyphenate("Qualitätssicherung")) == "Qua-li-täts-si-che-rung")
    #expect(shown(german.hyphenate("Straßenbahn")) == "Stra-ßen-bahn")
    #expect(shown(german.hyphenate("ÜBERGRÖSSE")) == "ÜBER-GRÖSSE")
    // The text around words is kept byte for byte.
    #expect(
      shown(german.hyphenate("Die Führungskräfte, 2024: „Qualitätssicherung“!"))
        == "Die Füh-rungs-kräfte, 2024: „Qua-li-täts-si-che-rung“!")
    // A letter Latin-1 has not: the word is left alone, the others are not.
    #expect(shown(german.hyphenate("Łódźstraße Straßenbahn")) == "Łódźstraße Stra-ßen-bahn")
  }

  @Test(.enabled(if: installed("hyph_fr.dic") && installed("hyph_en_US.dic")))
  func utf8DictionariesTakeAccentedWordsWhole() throws {
    let folder = CacheFolder()
    defer { folder.remove() }
    let french = try #require(Hyphenator(language: "fr", cacheDirectory: folder.path))
    let word = french.hyphenate("l’indépendance")
    #expect(word.replacingOccurrences(of: "\u{AD}", with: "") == "l’indépendance")
    #expect(word.contains("\u{AD}"))
    // Soft hyphens only ever fall between whole characters.
    for part in word.split(separator: "\u{AD}") { #expect(!part.isEmpty) }
    // English output is unchanged: ASCII words are still the words.
    let english = try #require(Hyphenator(language: "en", cacheDirectory: folder.path))
    #expect(shown(english.hyphenate("development")) == "de-vel-op-ment")
    #expect(shown(english.hyphenate("product’s development")) == "prod-uct’s de-vel-op-ment")
  }

  // MARK: The cache

  @Test(.enabled(if: installed("hyph_de_DE.dic")))
  func theCacheHyphenatesByteForByteLikeTheDictionary() throws {
    let folder = CacheFolder()
    defer { folder.remove() }
    let path = "/usr/share/hyphen/hyph_de_DE.dic"
    let direct = try #require(Hyphenator(dictionaryPath: path, cacheDirectory: nil))
    let writing = try #require(Hyphenator(dictionaryPath: path, cacheDirectory: folder.path))
    #expect(!writing.loadedFromCache)
    #expect(folder.files.count == 1)
    let cached = try #require(Hyphenator(dictionaryPath: path, cacheDirectory: folder.path))
    #expect(cached.loadedFromCache)
    let words = try patternWords(path, encoding: .isoLatin1)
    #expect(words.count > 50_000)
    var hyphenated = 0
    for word in words {
      let expected = direct.hyphenate(word)
      #expect(cached.hyphenate(word) == expected, "\(word)")
      if expected != word { hyphenated += 1 }
    }
    #expect(hyphenated > words.count / 2)
  }

  @Test(.enabled(if: installed("hyph_en_US.dic")))
  func theEnglishCacheMatchesToo() throws {
    let folder = CacheFolder()
    defer { folder.remove() }
    let path = "/usr/share/hyphen/hyph_en_US.dic"
    let direct = try #require(Hyphenator(dictionaryPath: path, cacheDirectory: nil))
    _ = Hyphenator(dictionaryPath: path, cacheDirectory: folder.path)
    let cached = try #require(Hyphenator(dictionaryPath: path, cacheDirectory: folder.path))
    #expect(cached.loadedFromCache)
    for word in try patternWords(path, encoding: .utf8) {
      #expect(cached.hyphenate(word) == direct.hyphenate(word), "\(word)")
    }
  }

  @Test(.enabled(if: installed("hyph_nl_NL.dic")))
  func aDamagedCacheFileIsIgnoredAndWrittenAgain() throws {
    let folder = CacheFolder()
    defer { folder.remove() }
    let path = "/usr/share/hyphen/hyph_nl_NL.dic"
    let direct = try #require(Hyphenator(dictionaryPath: path, cacheDirectory: nil))
    _ = try #require(Hyphenator(dictionaryPath: path, cacheDirectory: folder.path))
    let file = try #require(folder.files.first)
    let good = try Data(contentsOf: URL(fileURLWithPath: file))
    let sample = "ziekenhuisopname verantwoordelijkheid samenwerkingsverband"

    var flipped = good
    flipped[good.count / 2] ^= 0x10
    var badMagic = good
    badMagic[0] = UInt8(ascii: "X")
    var badVersion = good
    badVersion[8] = 99
    var badLength = good
    badLength[16] ^= 1
    let damaged: [(String, Data)] = [
      ("one bit flipped", flipped), ("truncated", good.prefix(good.count - 7)),
      ("header only", good.prefix(32)), ("empty", Data()), ("bad magic", badMagic),
      ("other version", badVersion), ("wrong length", badLength), ("longer", good + [0]),
    ]
    for (what, bytes) in damaged {
      try bytes.write(to: URL(fileURLWithPath: file))
      let reloaded = try #require(Hyphenator(dictionaryPath: path, cacheDirectory: folder.path))
      #expect(!reloaded.loadedFromCache, "\(what)")
      #expect(reloaded.hyphenate(sample) == direct.hyphenate(sample), "\(what)")
      // Written again whole: the next run reads it.
      #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == good, "\(what)")
      #expect(
        Hyphenator(dictionaryPath: path, cacheDirectory: folder.path)?.loadedFromCache == true)
    }
  }

  @Test func rebuildRejectsEveryTruncationOfAValidFile() throws {
    // A small dictionary with both levels, a spelling change and a no-hyphen list.
    let folder = CacheFolder()
    defer { folder.remove() }
    try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
    let dic = folder.path + "/hyph_zz.dic"
    try "ISO8859-1\nNOHYPHEN -,'\n1ba\na1b\n.ab3c\nf1f/ff=f,1,2\nNEXTLEVEL\n1-1\n".write(
      toFile: dic, atomically: true, encoding: .isoLatin1)
    _ = try #require(Hyphenator(dictionaryPath: dic, cacheDirectory: folder.path))
    let file = try #require(folder.files.first)
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
    bytes.withUnsafeBytes { raw in
      if let whole = HyphenCache.rebuild(from: raw) {
        hnj_hyphen_free(whole)
      } else {
        Issue.record("the intact file was rejected")
      }
      for count in 0..<raw.count {
        #expect(HyphenCache.rebuild(from: UnsafeRawBufferPointer(rebasing: raw[..<count])) == nil)
      }
    }
  }

  @Test func anUnwritableCacheFolderStillLoads() throws {
    let path = try #require(Hyphenator.dictionaryPath(forLanguage: "en"))
    let loaded = Hyphenator(dictionaryPath: path, cacheDirectory: "/proc/pmreport-cannot-write")
    #expect(loaded?.loadedFromCache == false)
    #expect(loaded.map { shown($0.hyphenate("development")) } == "de-vel-op-ment")
    #expect(Hyphenator(dictionaryPath: "/nonexistent/hyph_xx.dic") == nil)
  }
}
