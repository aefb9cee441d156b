import Foundation
import ReportConfig
import ReportModel
import Storage

/// A role named on `pmreport init`'s command line: `"Scrum Master"` or `"Scrum Master=sm"`.
public struct NewRole: Hashable, Sendable {
  public var name: String
  public var id: String

  /// Reads `Name` or `Name=id`; the id defaults to a slug of the name.
  public init(parsing text: String) {
    let parts = text.split(separator: "=", maxSplits: 1).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    name = parts.first ?? ""
    id = parts.count > 1 ? parts[1] : Slug.make(name)
  }

  /// A short name for legends: the name when short, else its initials.
  var shortName: String {
    guard name.count > 16 else { return name }
    return name.split(separator: " ").compactMap(\.first).map(String.init).joined().uppercased()
  }
}

/// Kebab-case slugs of titles and names: lowercase ASCII letters and digits joined by single
/// hyphens, accents folded ("Führung" → "fuhrung").
public enum Slug {
  public static func make(_ text: String) -> String {
    let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
      .replacingOccurrences(of: "ß", with: "ss")
    var out = ""
    var pendingHyphen = false
    for scalar in folded.unicodeScalars {
      if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        if pendingHyphen, !out.isEmpty { out.append("-") }
        pendingHyphen = false
        out.unicodeScalars.append(scalar)
      } else {
        pendingHyphen = true
      }
    }
    return out.lowercased()
  }
}

/// The files `pmreport init` writes: a config whose documents work for the new content, a
/// Markdown content file with the structure filled in and short guidance, every shipped style, and
/// a `.gitignore`.
public struct ProjectTemplate {
  public var roles: [NewRole]
  /// The content's language (BCP 47).
  public var lang: String

  public init(roles: [NewRole], lang: String) {
    self.roles = roles
    self.lang = lang
  }

  /// The problems with the roles as given, one message each (empty when they are fine).
  public var problems: [String] {
    var out: [String] = []
    if !(2...4).contains(roles.count) {
      out.append("give 2 to 4 roles with --role (found \(roles.count))")
    }
    var seen: Set<String> = []
    for role in roles {
      if role.name.isEmpty { out.append("a role needs a name: --role \"Scrum Master\"") }
      if role.id.isEmpty || Slug.make(role.id) != role.id {
        out.append(
          "role id '\(role.id)' must be kebab-case, like '\(Slug.make(role.name))' "
            + "(--role \"\(role.name)=\(Slug.make(role.name))\")")
      }
      if !seen.insert(role.id).inserted { out.append("two roles have the id '\(role.id)'") }
    }
    return out
  }

  /// Relative path → text, in the order written.
  public var files: [(path: String, text: String)] {
    [("pmreport.yml", config), ("content.md", content), (".gitignore", gitignore)]
      + ConfigLoader.builtInStyleFiles.map { ("Styles/\($0.name).yml", $0.text) }
  }

  var title: String { roles.map(\.name).joined(separator: projectWords[.versus]) }

  /// The headings and document titles `init` writes, in the project's language (the guidance in
  /// the text stays English).
  var projectWords: ProjectWords { ProjectWords(language: lang) }

  /// The printed words of the project's language (the role sections' headings use them).
  var words: Words { Words(language: lang) }

  /// A document's title: the comparison's, then `part`.
  private func documentTitle(_ part: ProjectWords.Key) -> String {
    projectWords.fill(.documentTitle, ["title": title, "part": projectWords[part]])
  }

  /// A role's strengths or risks heading.
  private func roleHeading(_ heading: Words.Key, _ role: NewRole) -> String {
    projectWords.fill(.roleHeading, ["heading": words[heading], "role": role.name])
  }

  var gitignore: String {
    """
    # pmreport writes here; build it again with `pmreport`.
    Output/
    .pmreport-cache/

    """
  }

  var config: String {
    """
    # pmreport project: `pmreport` (or `pmreport --format all`) builds every document below into
    # Output/. The content, its title and its language are in content.md.
    content: content.md
    style: classic                 # a name from Styles/, or a path to a style file
    formats: [pdf]                 # pdf, svg, png, or all; --format overrides
    output: Output

    documents:
      - name: full-report          # everything: title, contents, every section, every chart
        kind: report

      - name: summary              # a short quick reference
        kind: report
        title: "\(documentTitle(.summary))"
        sections: [key-differences, summary]
        charts: [focus-profile]
        toc: false
        style: compact

      - name: comparison-table     # the summary table on one landscape page
        kind: comparison-table
        title: "\(documentTitle(.atAGlance))"
        orientation: landscape

      - name: faq                  # the questions and answers as a sheet
        kind: report
        title: "\(documentTitle(.faq))"
        sections: [faq]
        toc: false

      - name: role-cards           # one card per role
        kind: role-cards
        title: "\(projectWords[.roleCards])"

      - name: charts               # every chart alone: <format>/charts/<chart-id>.<format>
        kind: charts

    """
  }

  var content: String {
    let ids = roles.map(\.id)
    let header =
      "| Aspect | " + roles.map(\.name).joined(separator: " | ") + " |\n|---|"
      + String(repeating: "---|", count: roles.count)
    func row(_ aspect: String, _ hint: String) -> String {
      "| \(aspect) | " + roles.map { "\(hint) for the \($0.name)." }.joined(separator: " | ")
        + " |"
    }
    let focus = ["Strategy", "Delivery", "People", "Customers"].enumerated().map { i, label in
      "  - {label: \(label), "
        + ids.enumerated().map { "\($1): \(($0 + i) % 5 + 1)" }.joined(separator: ", ") + "}"
    }.joined(separator: "\n")
    let roleLines = roles.map {
      "  - {id: \($0.id), name: \(yaml($0.name)), short-name: \(yaml($0.shortName))}"
    }.joined(separator: "\n")
    let overlap = ids.map { "  \($0): [A trait only this role has]" }.joined(separator: "\n")
    let teams =
      "  - {team: Management, roles: [\(ids.joined(separator: ", "))]}\n"
      + roles.map { "  - {team: A team the \($0.name) works with, roles: [\($0.id)]}" }
      .joined(separator: "\n")
    let perRole = roles.map { role in
      """
      # \(roleHeading(.strengths, role)) {#\(role.id)-strengths role=\(role.id) kind=strengths}

      - **A strength:** What the \(role.name) does well, and why it matters. The role cards list
        these labels.

      # \(roleHeading(.risks, role)) {#\(role.id)-risks role=\(role.id) kind=risks}

      - **A risk:** Where the \(role.name) can struggle, and what helps.
      """
    }.joined(separator: "\n\n")
    return """
      ---
      # The comparison's own details. Chart data is keyed by role id; the scores are 0 to 5.
      title: \(yaml(title))
      subtitle: Two roles compared
      author: Your name
      lang: \(lang)
      roles:
      \(roleLines)
      focus:
      \(focus)
      overlap:
      \(overlap)
        shared-section: key-similarities
      stakeholders:
      \(teams)
      ---

      Replace this paragraph with the introduction: what the roles are and why a trainee should
      know how they differ. Text before the first heading opens the full report.

      # \(projectWords[.keyDifferences]) {#key-differences .paired}

      Each row compares the roles on one aspect; the role cards show each role's column.

      \(header)
      \(row("Focus", "What matters most"))
      \(row("Skills", "The skills needed"))
      \(row("Works with", "Who they work with"))

      # \(projectWords[.keySimilarities]) {#key-similarities}

      - **A shared trait:** What the roles have in common. The overlap chart lists these labels
        as shared.

      \(perRole)

      # \(projectWords[.faq]) {#faq .faq}

      ## A question trainees often ask?

      Its answer, in a paragraph or two.

      # \(projectWords[.summary]) {#summary}

      A closing paragraph, then the table the comparison-table document shows.

      \(header)
      \(row("Goal", "The main goal"))
      \(row("Measured by", "How success is measured"))

      """
  }

  /// A YAML scalar: plain when safe, else double-quoted.
  private func yaml(_ text: String) -> String {
    let plain = text.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" }
    return plain && !text.isEmpty
      ? text
      : "\""
        + text.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}

extension ProjectTemplate {
  /// Writes this new project into `directory` (created if needed): `pmreport init`.
  ///
  /// Refuses to replace an existing file unless `force`. Returns the paths written.
  public func write(in directory: String, force: Bool) throws -> [String] {
    let template = self
    let problems = template.problems
    if !problems.isEmpty { throw UsageError.badRoles(problems) }
    // Absolute, so that folder creation never works on a one-letter relative path (which
    // swift-corelibs-foundation's path functions trap on).
    let directory =
      directory.hasPrefix("/")
      ? directory
      : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(directory)
    let files = template.files.map {
      (path: (directory as NSString).appendingPathComponent($0.path), text: $0.text)
    }
    let existing = files.map(\.path).filter { FileManager.default.fileExists(atPath: $0) }
    if !force, !existing.isEmpty {
      throw ProjectExistsError(paths: existing)
    }
    var written: [String] = []
    for file in files {
      try FileManager.default.createOutputDirectory(
        (file.path as NSString).deletingLastPathComponent)
      _ = try OutputFile.writeAtomically(Array(file.text.utf8), to: file.path)
      written.append(file.path)
    }
    return written
  }
}

/// `pmreport init` found files it would replace.
public struct ProjectExistsError: Error, CustomStringConvertible {
  public var paths: [String]
  public var description: String {
    "not replacing existing files (use --force to replace them): "
      + paths.joined(separator: ", ")
  }
}
