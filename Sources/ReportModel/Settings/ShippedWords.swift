/// The words files compiled into pmreport (`Sources/ReportModel/Words/*.txt`), by language.
///
/// Adding a language: its file in `Words/`, its tag in Package.swift's list of words files, and
/// its line below (a test checks that every file in the folder is listed here).
enum ShippedWords {
  /// Each language's file, read.
  static let files: [String: WordsFile] = [
    "de": PackageResources.de_txt,
    "en": PackageResources.en_txt,
    "es": PackageResources.es_txt,
    "fr": PackageResources.fr_txt,
  ].mapValues { WordsFile(parsing: String(decoding: $0, as: UTF8.self)) }

  /// The language whose words a BCP 47 tag takes: its primary subtag's when shipped, else English.
  static func language(for tag: String) -> String {
    let primary = Words.primarySubtag(tag)
    return files[primary] == nil ? "en" : primary
  }

  /// A language's entries whose keys are cases of `Key`.
  static func table<Key: RawRepresentable & Hashable>(_ language: String, of _: Key.Type)
    -> [Key: String]
  where Key.RawValue == String {
    var table: [Key: String] = [:]
    for (name, text) in files[language]?.entries ?? [:] {
      if let key = Key(rawValue: name) { table[key] = text }
    }
    return table
  }
}
