import ReportModel

/// The shape of `pmreport.yml` as written, before paths are resolved and defaults applied.
///
/// Every key is optional. The values later checks point back to keep where they were written.
struct ConfigFile: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, metadata, content, style, formats, output, dpi, documents, words, roster
    case personalLine = "personal-line"
    case pdfStandard = "pdf-standard"
  }

  /// A label for the configuration; accepted and not used.
  var name: String?
  var metadata: MetadataEntry?
  var content: Located<String>?
  var style: Located<String>?
  var formats: NameList<OutputFormat>?
  var output: String?
  var dpi: Double?
  var documents: [Located<DocumentEntry>]?
  var words: WordsEntry?
  var pdfStandard: NameList<PDFStandard>?
  var roster: Located<String>?
  var personalLine: Located<String>?
}

/// `words:`: printed words by key (`contents: Table of contents`); an unknown key is reported with
/// a suggestion, as for any mapping, and a retired key is accepted to be warned about.
struct WordsEntry: Decodable {
  /// A key of `words:`: a printed word's, or a retired one.
  struct EntryKey: CodingKey, CaseIterable {
    /// Keys pmreport no longer prints: `faq` named a heading pmreport never set (the content
    /// names its own FAQ section).
    static let retired = ["faq"]
    static let allCases =
      Words.Key.allCases.map { EntryKey(stringValue: $0.rawValue) }
      + retired.map { EntryKey(stringValue: $0) }

    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  var words: [Words.Key: String] = [:]
  /// The retired keys written, in the order of ``EntryKey/retired``.
  var retired: [String] = []

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: EntryKey.self)
    for key in Words.Key.allCases {
      let entry = EntryKey(stringValue: key.rawValue)
      if c.contains(entry) { words[key] = try c.decode(String.self, forKey: entry) }
    }
    retired = EntryKey.retired.filter { c.contains(EntryKey(stringValue: $0)) }
  }
}

/// `metadata:`; a key left out keeps the built-in value, and `subtitle: null` removes the subtitle.
struct MetadataEntry: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case title, subtitle, author, subject, keywords, lang
  }

  var metadata: Metadata
  /// The keys written.
  var keys: Set<MetadataKey>

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    keys = Set(c.allKeys.compactMap { MetadataKey(rawValue: $0.stringValue) })
    var metadata = Metadata.builtIn
    if let title = try c.decodeIfPresent(String.self, forKey: .title) { metadata.title = title }
    if c.contains(.subtitle) {
      metadata.subtitle = try c.decodeIfPresent(String.self, forKey: .subtitle)
    }
    if let author = try c.decodeIfPresent(String.self, forKey: .author) { metadata.author = author }
    if let subject = try c.decodeIfPresent(String.self, forKey: .subject) {
      metadata.subject = subject
    }
    if let keywords = try c.decodeIfPresent(KeywordList.self, forKey: .keywords) {
      metadata.keywords = keywords.words
    }
    if let lang = try c.decodeIfPresent(String.self, forKey: .lang) { metadata.lang = lang }
    self.metadata = metadata
  }
}

/// `keywords:` as a list, or as one comma-separated text.
struct KeywordList: Decodable {
  var words: [String]

  init(from decoder: any Decoder) throws {
    if let node = (decoder as? NodeDecoder)?.node, let text = node.scalar {
      words = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
        !$0.isEmpty
      }
    } else {
      words = try [String](from: decoder)
    }
  }
}

/// A config enum a list key takes, with the words that stand for several values at once
/// (`formats: all`, `pdf-standard: none`).
protocol ListedConfigEnum: ConfigEnum, Hashable {
  static var listWords: [String: [Self]] { get }
}

extension OutputFormat: ListedConfigEnum {
  static var listWords: [String: [OutputFormat]] { ["all": allCases] }
}

extension PDFStandard: ListedConfigEnum {
  static var listWords: [String: [PDFStandard]] { ["none": []] }
}

/// A list key (`formats:`, `pdf-standard:`) written as a list, as one value, or as a word standing
/// for several; each unknown name is reported with a suggestion.
struct NameList<Value: ListedConfigEnum>: Decodable {
  var values: [Value]

  init(from decoder: any Decoder) throws {
    guard let nodeDecoder = decoder as? NodeDecoder, let node = nodeDecoder.node else {
      values = []
      return
    }
    let session = nodeDecoder.session
    let what = Value.valueDescription
    let names = Value.allCases.map(\.rawValue) + Value.listWords.keys.sorted()
    var result: [Value] = []
    func add(_ item: SourceNode, at path: NodePath) {
      guard let text = item.scalar else {
        session.report(
          "expected a \(what) (\(Suggestions.list(names))), found \(item.kindDescription)",
          at: item.location, path: path)
        return
      }
      if let several = Value.listWords[text] {
        result += several
      } else if let value = Value(rawValue: text) {
        result.append(value)
      } else {
        var message = "unknown \(what) '\(text)'; expected \(Suggestions.list(names))"
        if let suggestion = Suggestions.nearest(to: text, in: names) {
          message += "; did you mean '\(suggestion)'?"
        }
        session.report(message, at: item.location, path: path)
      }
    }
    switch node.value {
    case .scalar:
      add(node, at: nodeDecoder.path)
    case .sequence(let items):
      if items.isEmpty {
        session.report(
          "list at least one \(what) (\(Suggestions.list(names)))", at: node.location,
          path: nodeDecoder.path)
      }
      for (index, item) in items.enumerated() { add(item, at: nodeDecoder.path.appending(index)) }
    case .mapping:
      session.report(
        "expected a list of \(what)s (\(Suggestions.list(names))), found a mapping",
        at: node.location, path: nodeDecoder.path)
    }
    var seen: Set<Value> = []
    values = result.filter { seen.insert($0).inserted }
  }
}

/// One entry of `documents:`.
struct DocumentEntry: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, kind, title, sections, charts, toc
    case titleBlock = "title-block"
    case pageSize = "page-size"
    case orientation
    case maxPages = "max-pages"
    case style
    case exercises, seed
    case keyFor = "key-for"
    case prompts, personalised, merge
    case cardSize = "card-size"
    case copies, booklet
    case bookletPaper = "booklet-paper"
    case duplex
    case sectionStart = "section-start"
    case cropMarks = "crop-marks"
    case bleed
    case pdfStandard = "pdf-standard"
    case slideSize = "slide-size"
    case quizFor = "quiz-for"
    case openFullScreen = "open-full-screen"
    case guideFor = "guide-for"
    case sessionMinutes = "session-minutes"
    case participants
  }

  var name: String
  var kind: DocumentKind?
  var title: String?
  var sections: [Located<String>]?
  var charts: [Located<String>]?
  var toc: Bool?
  var titleBlock: Bool?
  var pageSize: Located<PaperSize>?
  var orientation: Located<Orientation>?
  var maxPages: Int?
  var style: Located<String>?
  var pdfStandard: NameList<PDFStandard>?
  var exercises: [ExerciseEntry]?
  var seed: Int?
  var keyFor: String?
  var prompts: [String]?
  var personalised: Bool?
  var merge: Bool?
  var cardSize: CardSize?
  var copies: Int?
  var booklet: Bool?
  var bookletPaper: SheetSize?
  var duplex: Bool?
  var sectionStart: SectionStart?
  var cropMarks: Bool?
  var bleed: Double?
  var slideSize: SlideSize?
  var quizFor: String?
  var openFullScreen: Bool?
  var guideFor: String?
  var sessionMinutes: Located<Int>?
  var participants: Int?
}

extension DocumentEntry {
  /// The `sections:` ids, without their positions.
  var sectionIDs: [String]? { sections?.map(\.value) }
  /// The `charts:` ids, without their positions.
  var chartIDs: [String]? { charts?.map(\.value) }
}

/// `section-start:`: where a top-level section begins.
enum SectionStart: String, CaseIterable, Decodable {
  /// Wherever the text before it ends (a style may still break the page).
  case any
  /// On a right-hand page.
  case right
}

/// One entry of a worksheet's `exercises:` (`{kind: who-does-it, items: 8}`).
struct ExerciseEntry: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case kind, items }
  var kind: ExerciseKind
  var items: Int?
}
