/// The validated contents of `pmreport.yml`: metadata, where things come from and go, and the
/// documents to build.
///
/// `ReportConfig` produces it; built-in defaults apply where there is no file.
public struct ReportSettings: Hashable, Sendable {
  public var metadata: Metadata
  /// The `metadata` keys the config file wrote (they win over the content's front matter).
  public var metadataKeys: Set<MetadataKey> = []
  /// The content file, absolute; nil for the built-in comparison.
  public var contentPath: String?
  /// A style name (from the `Styles/` folder) or an absolute path to a style file.
  public var style: String
  public var formats: [OutputFormat]
  /// The output folder, absolute.
  public var outputDirectory: String
  /// PNG resolution.
  public var dpi: Double
  public var documents: [DocumentSpec]
  /// The folder holding the config file (or the working directory), where `Styles/` is looked up.
  public var baseDirectory: String
  /// The config's `words:`: printed words replacing the shipped ones, by key.
  public var wordOverrides: [Words.Key: String]
  /// The config's `pdf-standard:`: what every PDF meets unless its document says otherwise.
  public var pdfStandards: Set<PDFStandard> = [.ua1]
  /// The participants' CSV file (`roster:`), absolute; `--roster` overrides it.
  public var rosterPath: String?
  /// The personalised line (`personal-line:`), with `{name}` and the roster's other columns as
  /// placeholders; nil for the `prepared-for` words.
  public var personalLine: String?

  public init(
    metadata: Metadata, contentPath: String?, style: String, formats: [OutputFormat],
    outputDirectory: String, dpi: Double, documents: [DocumentSpec], baseDirectory: String,
    wordOverrides: [Words.Key: String] = [:]
  ) {
    self.metadata = metadata
    self.contentPath = contentPath
    self.style = style
    self.formats = formats
    self.outputDirectory = outputDirectory
    self.dpi = dpi
    self.documents = documents
    self.baseDirectory = baseDirectory
    self.wordOverrides = wordOverrides
  }

  /// The words the documents print: the shipped table for the document language
  /// (``Metadata/lang``) with the config's overrides.
  public var words: Words { Words(language: metadata.lang, overrides: wordOverrides) }
}

/// Document metadata, printed on the cover and written into the PDF.
public struct Metadata: Codable, Hashable, Sendable {
  public var title: String
  public var subtitle: String?
  public var author: String
  public var subject: String
  public var keywords: [String]
  /// The document language, a BCP 47 tag (`en`, `de`, `en-GB`): it picks the hyphenation patterns
  /// and the words pmreport prints (``Words``).
  public var lang: String
  public init(
    title: String, subtitle: String?, author: String, subject: String, keywords: [String],
    lang: String = "en"
  ) {
    self.title = title
    self.subtitle = subtitle
    self.author = author
    self.subject = subject
    self.keywords = keywords
    self.lang = lang
  }
  enum CodingKeys: String, CodingKey, CaseIterable {
    case title, subtitle, author, subject, keywords, lang
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      title: try c.decode(String.self, forKey: .title),
      subtitle: try c.decodeIfPresent(String.self, forKey: .subtitle),
      author: try c.decode(String.self, forKey: .author),
      subject: try c.decode(String.self, forKey: .subject),
      keywords: try c.decode([String].self, forKey: .keywords),
      lang: try c.decodeIfPresent(String.self, forKey: .lang) ?? "en")
  }

  /// The metadata used when there is no config file.
  public static let builtIn = Metadata(
    title: "Business Product Manager vs Technical Product Manager",
    subtitle: "Roles, skills and collaboration compared",
    author: "pmreport",
    subject: "How the business and the technical product manager roles differ and work together",
    keywords: ["product management", "business product manager", "technical product manager"])
}

/// The file formats pmreport writes.
public enum OutputFormat: String, Codable, CaseIterable, Hashable, Sendable {
  case pdf, svg, png
}

/// A standard a PDF is written to.
///
/// `pdf-standard:` takes one, a list, or `none` (plain PDF).
public enum PDFStandard: String, Codable, CaseIterable, Hashable, Sendable {
  /// PDF/UA-1 (ISO 14289-1): tagged, described, for assistive technology. The default.
  case ua1 = "ua-1"
  /// PDF/A-2b (ISO 19005-2, level B): archival; adds an sRGB output intent.
  case a2b = "a-2b"
}

/// A booklet's printing sheet, named by its portrait size (it is used landscape).
public enum SheetSize: String, Codable, CaseIterable, Hashable, Sendable {
  case a3, a4, tabloid, letter

  /// Portrait width and height in points.
  public var portrait: (width: Double, height: Double) {
    switch self {
    case .a3: (841.8898, 1190.5512)
    case .a4: (595.2756, 841.8898)
    case .tabloid: (792, 1224)
    case .letter: (612, 792)
    }
  }
}

/// How role cards are printed.
public enum CardSize: String, Codable, CaseIterable, Hashable, Sendable {
  /// About A6: four cards on a sheet, with cut marks.
  case a6
  /// A card a page, as a handout.
  case page
}

/// One handout to build.
public struct DocumentSpec: Hashable, Sendable {
  /// File name without extension (`full-report`).
  public var name: String
  public var kind: DocumentKind
  /// A title to print instead of the metadata title.
  public var title: String?
  /// Section ids in order; nil for every section.
  public var sections: [String]?
  /// Chart ids shown with their sections; nil for every chart whose section is included.
  public var charts: [String]?
  public var tableOfContents: Bool
  public var titleBlock: Bool
  public var paperSize: PaperSize?
  public var orientation: Orientation?
  /// A page budget: more pages than this is a warning.
  public var maxPages: Int?
  /// A style name or path for this document only.
  public var style: String?
  /// The standards this document's PDF meets; nil for the config's.
  public var pdfStandards: Set<PDFStandard>?
  /// A worksheet's exercises, in order (nil: ``ExerciseSpec/defaults``).
  public var exercises: [ExerciseSpec]?
  /// The worksheet's shuffle seed (`seed:`, default 1; `--seed` overrides every document's).
  public var seed: UInt64
  /// An answer key's worksheet, by document name.
  public var keyFor: String?
  /// A worksheet's reflection prompts (nil: the shipped ones, in the document's language).
  public var prompts: [String]?
  /// Written once a participant of the roster, with the personal line (certificates always).
  public var personalised: Bool
  /// A personalised document's copies also go into one `<name>-all.pdf`, in roster order.
  public var merge: Bool
  /// Role cards as cut-out cards, four to a sheet (`card-size: a6`, the default), or a page each
  /// (`page`).
  public var cardSize: CardSize
  /// How many times each role's card is printed.
  public var copies: Int
  /// Also write `<name>-booklet.pdf`: the pages imposed for saddle stitching.
  public var booklet: Bool
  /// The booklet's sheet (`booklet-paper:`), pages at full size; nil: the document's own paper,
  /// pages scaled to half a sheet.
  public var bookletPaper: SheetSize?
  /// Printed on both sides: the left and right margins swap on left-hand (even) pages.
  public var duplex: Bool
  /// Top-level sections start on a right-hand (odd) page, after a blank page when needed.
  public var sectionStartRight: Bool
  /// Trim marks outside the page and the PDF's TrimBox and BleedBox (`crop-marks: true`).
  public var cropMarks: Bool
  /// How far the printer bleeds past the trim, in points (`bleed: 3mm`).
  public var bleed: Double
  /// What a deck, a guide and their session are (`slide-size:`, `quiz-for:`, `guide-for:`…).
  public var session = SessionSpec()

  public init(
    name: String, kind: DocumentKind = .report, title: String? = nil, sections: [String]? = nil,
    charts: [String]? = nil, tableOfContents: Bool = true, titleBlock: Bool = true,
    paperSize: PaperSize? = nil, orientation: Orientation? = nil, maxPages: Int? = nil,
    style: String? = nil, pdfStandards: Set<PDFStandard>? = nil,
    exercises: [ExerciseSpec]? = nil, seed: UInt64 = 1,
    keyFor: String? = nil, prompts: [String]? = nil, personalised: Bool? = nil,
    merge: Bool = false, cardSize: CardSize = .a6, copies: Int = 1, booklet: Bool = false,
    bookletPaper: SheetSize? = nil, duplex: Bool = false, sectionStartRight: Bool = false,
    cropMarks: Bool = false, bleed: Double = 0
  ) {
    self.duplex = duplex
    self.sectionStartRight = sectionStartRight
    self.cropMarks = cropMarks
    self.bleed = bleed
    self.booklet = booklet
    self.bookletPaper = bookletPaper
    self.cardSize = cardSize
    self.copies = copies
    self.personalised = personalised ?? kind.rules.alwaysPersonalised
    self.merge = merge
    self.exercises = exercises
    self.seed = seed
    self.keyFor = keyFor
    self.prompts = prompts
    self.name = name
    self.kind = kind
    self.title = title
    self.sections = sections
    self.charts = charts
    self.tableOfContents = tableOfContents
    self.titleBlock = titleBlock
    self.paperSize = paperSize
    self.orientation = orientation
    self.maxPages = maxPages
    self.style = style
    self.pdfStandards = pdfStandards
  }

  /// The one document built when there is no config: the whole report.
  public static let fullReport = DocumentSpec(name: "full-report")
}
