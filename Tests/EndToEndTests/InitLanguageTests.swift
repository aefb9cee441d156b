import Foundation
import ReportConfig
import ReportModel
import Testing

/// `pmreport init --lang` writes a project in that language all the way.
///
/// Three roles named in the language, every document rendered at once in every format, and every word of the PDFs' text
/// (and of the SVGs' titles and descriptions) in the language's Debian word list, or a role name's
/// word, a number, an initial, "vs" or a short name init chose. Anything else is a translation bug
/// in the words files or the template, never an entry for an allow-list.
@Suite struct InitLanguageTests {
  /// Three roles a trainer of each language would compare.
  static let roles: [String: [String]] = [
    "en": ["Data Engineer", "Data Scientist", "Machine Learning Engineer"],
    "de": ["Pflegefachkraft", "Stationsleitung", "Pflegedienstleitung"],
    "fr": ["Infirmière de bloc opératoire", "Infirmière anesthésiste", "Cadre de santé"],
    "es": ["Ingeniero de datos", "Científico de datos", "Analista de datos"],
  ]

  /// A project made by `init` in `language` and rendered in every format; its folder.
  static func project(_ language: String) throws -> String {
    let dir = try temporaryDirectory("pmreport-init-\(language)")
    let names = try #require(roles[language])
    let created = try runPMReport(
      ["init", "p", "--lang", language] + names.flatMap { ["--role", $0] }, in: dir)
    #expect(created.status == 0, "\(created.summary)")
    let built = try runPMReport(["--format", "all"], in: dir + "/p")
    #expect(built.status == 0, "\(built.summary)")
    return dir + "/p"
  }

  /// The files under `folder` whose names end in `suffix`, at any depth.
  static func files(in folder: String, ending suffix: String) -> [String] {
    let walker = FileManager.default.enumerator(atPath: folder)
    var out: [String] = []
    while let path = walker?.nextObject() as? String {
      if path.hasSuffix(suffix) { out.append(folder + "/" + path) }
    }
    return out.sorted()
  }

  /// The text of an SVG's `<title>` and `<desc>` elements (cairo draws its words as glyphs).
  static func svgText(_ path: String) throws -> String {
    let svg = try String(contentsOfFile: path, encoding: .utf8)
    let element = try Regex(#"<(title|desc)[^>]*>([^<]*)</"#)
    return svg.matches(of: element).map { String($0.output[2].substring ?? "") }
      .joined(separator: "\n")
      .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'")
  }

  @Test(arguments: ["en", "de", "fr", "es"])
  func everyPrintedWordIsInTheLanguage(_ language: String) throws {
    let folder = try Self.project(language)
    let list = try LanguageWordList(language: language)
    let content = try ConfigLoader.loadContent(path: folder + "/content.md", inputs: Inputs())
    #expect(content.roles.count == 3)
    let allowed = Set(
      content.roles.flatMap { LanguageWordList.tokens($0.name + " " + $0.shortName) }
        .map(LanguageWordList.normal))
    let pdfs = Self.files(in: folder + "/Output/pdf", ending: ".pdf")
    let svgs = Self.files(in: folder + "/Output/svg", ending: ".svg")
    #expect(pdfs.count >= 8, "\(pdfs)")
    #expect(!svgs.isEmpty)
    #expect(!Self.files(in: folder + "/Output/png", ending: ".png").isEmpty)
    var foreign: [String: Set<String>] = [:]
    for pdf in pdfs {
      let text = try PDFText.pages(pdf).joined(separator: "\n")
      for word in LanguageWordList.tokens(text) where !list.accepts(word, allowed: allowed) {
        foreign[(pdf as NSString).lastPathComponent, default: []].insert(word)
      }
    }
    for svg in svgs {
      for word in LanguageWordList.tokens(try Self.svgText(svg))
      where !list.accepts(word, allowed: allowed) {
        foreign[(svg as NSString).lastPathComponent, default: []].insert(word)
      }
    }
    #expect(foreign.isEmpty, "\(language): \(foreign.mapValues { $0.sorted() })")
  }

  /// Subtitle, author and the section ids follow the project's language and its roles.
  @Test func theSpanishContentSpeaksSpanishAndHasNoEnglishIDs() throws {
    let dir = try temporaryDirectory("pmreport-init-es-content")
    let names = try #require(Self.roles["es"])
    let created = try runPMReport(
      ["init", "p", "--lang", "es"] + names.flatMap { ["--role", $0] }, in: dir)
    #expect(created.status == 0, "\(created.summary)")
    #expect(created.error.contains("archivos escritos en p"))
    let content = try String(contentsOfFile: dir + "/p/content.md", encoding: .utf8)
    #expect(content.contains("subtitle: Tres roles comparados"))
    #expect(content.contains("author: Su nombre"))
    #expect(content.contains("short-name: Ingeniero}"))
    #expect(content.contains("short-name: Científico}"))
    #expect(content.contains("short-name: Analista}"))
    #expect(content.contains("| Enfoque |"))
    #expect(content.contains("{label: Estrategia,"))
    for english in ["key-", "strengths}", "risks}", "summary", "{#faq"] {
      #expect(!content.contains("{#" + english), "\(english)")
    }
    let config = try String(contentsOfFile: dir + "/p/pmreport.yml", encoding: .utf8)
    #expect(config.contains("sections: [.paired, resumen]"))
    #expect(config.contains("sections: [.faq]"))
  }

  /// Content written in the README's own style (no ids: `{.paired}`, `{.faq}`, headings in the
  /// language) builds the summary and the FAQ sheet of a project `init` made: they find their
  /// sections by class, not by an English id.
  @Test func contentInTheREADMEsStyleBuildsTheSummaryAndTheFAQ() throws {
    let dir = try temporaryDirectory("pmreport-init-es-readme")
    let created = try runPMReport(
      [
        "init", "p", "--lang", "es", "--role", "Analista de datos", "--role", "Científico de datos",
      ],
      in: dir)
    #expect(created.status == 0, "\(created.summary)")
    try """
    ---
    title: Analista de datos vs Científico de datos
    lang: es
    roles:
      - {id: analista, name: Analista de datos, short-name: Analista}
      - {id: cientifico, name: Científico de datos, short-name: Científico}
    focus:
      - {label: Informes, analista: 5, cientifico: 2}
      - {label: Estadística, analista: 3, cientifico: 5}
      - {label: Programación, analista: 2, cientifico: 5}
    ---

    Ambos roles convierten datos en decisiones.

    # Lo que cambia {.paired}

    | Aspecto | Analista de datos | Científico de datos |
    |---|---|---|
    | Enfoque | Lo que pasó, y por qué. | Lo que pasará. |

    # Dudas habituales {.faq}

    ## ¿Qué rol contratar primero?

    Normalmente, el analista.

    # Resumen

    | Aspecto | Analista de datos | Científico de datos |
    |---|---|---|
    | Objetivo | Explicar. | Predecir. |

    """.write(toFile: dir + "/p/content.md", atomically: true, encoding: .utf8)
    let built = try runPMReport([], in: dir + "/p")
    #expect(built.status == 0, "\(built.summary)")
    let faq = try PDFText.pages(dir + "/p/Output/pdf/faq.pdf").joined(separator: "\n")
    #expect(faq.contains("contratar primero"))
    let summary = try PDFText.pages(dir + "/p/Output/pdf/summary.pdf").joined(separator: "\n")
    #expect(summary.contains("Lo que cambia") && summary.contains("Predecir"))
  }
}
