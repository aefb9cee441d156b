import Storage

extension Roster {
  /// The longest slug whose files fit the file system: `<slug>.pdf` (the longest name a
  /// participant's file or page folder gets) with a temporary's suffix, within `NAME_MAX`.
  public static let maximumSlugBytes =
    OutputFile.maximumNameBytes - OutputFile.temporaryNameOverhead - ".pdf".utf8.count

  /// Each participant's slug, in order, unique: the name in lower-case ASCII, accents dropped and
  /// words joined by hyphens ("Zoë O'Brien" → `zoe-o-brien`); a name in another script (or with
  /// nothing left) gives `participant-<line>`, numbered by the line of the file its row starts on,
  /// as errors are.
  ///
  /// A slug taken by an earlier row gets `-<line>` added, then `-2`, `-3`, … until it is free:
  /// every candidate is checked, so "Jose", "José" on line 3 and "Jose 3" give three files.
  public static func slugs(_ names: [(line: Int, name: String)]) -> [String] {
    var taken: Set<String> = []
    return names.map { line, name in
      let folded =
        (name.isASCII ? name : name.folding(options: [.diacriticInsensitive], locale: nil))
        .lowercased().replacing(letters: latinLetters)
      let foreign = folded.unicodeScalars.contains { !$0.isASCII && $0.properties.isAlphabetic }
      var base = Slug.make(folded)
      if foreign || base.isEmpty { base = "participant-\(line)" }
      var slug = base
      if taken.contains(slug) { slug = "\(base)-\(line)" }
      var next = 2
      while taken.contains(slug) {
        slug = "\(base)-\(line)-\(next)"
        next += 1
      }
      taken.insert(slug)
      return slug
    }
  }

  /// Latin letters that folding leaves alone (they have no accent to drop), as ASCII.
  private static let latinLetters: [(letter: Unicode.Scalar, with: String)] = [
    ("ß", "ss"), ("ø", "o"), ("ł", "l"), ("ı", "i"), ("đ", "d"), ("ð", "d"), ("þ", "th"),
    ("æ", "ae"), ("œ", "oe"), ("ħ", "h"), ("ŋ", "ng"),
  ]

  /// Why `slug`'s files would not fit the file system, or nil when they do.
  static func lengthProblem(_ slug: String) -> String? {
    let bytes = slug.utf8.count
    guard bytes > maximumSlugBytes else { return nil }
    return "the name is too long for a file name: it gives '\(slug.prefix(24))…' of \(bytes) "
      + "characters, and at most \(maximumSlugBytes) fit (a name of the file system's "
      + "\(OutputFile.maximumNameBytes) bytes, with '.pdf' and a temporary name's suffix); "
      + "shorten the name"
  }
}
