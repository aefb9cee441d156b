import Foundation
import ReportConfig
import ReportModel
import Storage

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

  var title: String { roles.map(\.name).joined(separator: words[.versus]) }

  /// Everything `init` writes and prints, in the project's language.
  var words: ProjectWords { ProjectWords(language: lang) }

  /// The printed words of the project's language (the role sections' headings and the tables'
  /// first column use them).
  var printed: Words { Words(language: lang) }

  /// What `init` prints once it wrote `count` files into `folder`.
  public func doneMessage(count: Int, folder: String) -> String {
    words.fill(.written, ["count": "\(count)", "folder": folder])
  }

  /// A document's title: the comparison's, then `part`.
  private func documentTitle(_ part: ProjectWords.Key) -> String {
    yaml(words.fill(.documentTitle, ["title": title, "part": words[part]]))
  }

  /// A role's strengths or risks heading.
  private func roleHeading(_ heading: Words.Key, _ role: NewRole) -> String {
    words.fill(.roleHeading, ["heading": printed[heading], "role": role.name])
  }

  /// The ids of the sections that something refers to by id (the overlap's shared section, the
  /// summary document's summary): slugs of their headings, in the project's language.
  var similaritiesID: String { Slug.make(words[.keySimilarities]) }
  var summaryID: String { Slug.make(words[.summary]) }

  /// The subtitle: how many roles are compared.
  var subtitle: String {
    words[[2: .twoRoles, 3: .threeRoles, 4: .fourRoles][roles.count] ?? .twoRoles]
  }

  var gitignore: String {
    """
    \(comment(words[.gitignoreComment]))
    Output/
    .pmreport-cache/

    """
  }

  var config: String {
    """
    \(comment(words[.configComment]))
    content: content.md
    \(line("style: classic", .styleComment))
    \(line("formats: [pdf]", .formatsComment))
    output: Output

    documents:
      \(line("- name: full-report", .fullReportComment, indent: 2))
        kind: report

      \(line("- name: summary", .summaryComment, indent: 2))
        kind: report
        title: \(documentTitle(.summary))
        \(comment(words[.sectionsComment], indent: "    "))
        sections: [.paired, \(summaryID)]
        charts: [focus-profile]
        toc: false
        style: compact

      \(line("- name: comparison-table", .tableComment, indent: 2))
        kind: comparison-table
        title: \(documentTitle(.atAGlance))
        orientation: landscape

      \(line("- name: faq", .faqComment, indent: 2))
        kind: report
        title: \(documentTitle(.faq))
        sections: [.faq]
        toc: false

      \(line("- name: role-cards", .cardsComment, indent: 2))
        kind: role-cards
        title: \(yaml(words[.roleCards]))

      \(line("- name: charts", .chartsComment, indent: 2))
        kind: charts

    """
  }

  /// A role table: the printed "Aspect" header, the role names, and a row a label with its
  /// placeholder cell in each role's column.
  private func table(_ rows: [(ProjectWords.Key, ProjectWords.Key)]) -> String {
    let header =
      "| \(printed[.aspect]) | " + roles.map(\.name).joined(separator: " | ") + " |\n|---|"
      + String(repeating: "---|", count: roles.count)
    let lines = rows.map { label, hint in
      "| \(words[label]) | "
        + Array(repeating: words[hint], count: roles.count).joined(separator: " | ") + " |"
    }
    return ([header] + lines).joined(separator: "\n")
  }

  /// A labelled list's placeholder item.
  private func item(_ label: ProjectWords.Key, _ hint: ProjectWords.Key) -> String {
    wrapped("- **\(words[label]):** \(words[hint])", indent: "  ")
  }

  var content: String {
    let ids = roles.map(\.id)
    let dimensions: [ProjectWords.Key] = [.strategy, .delivery, .people, .customers]
    let focus = dimensions.enumerated().map { i, label in
      "  - {label: \(yaml(words[label])), "
        + ids.enumerated().map { "\($1): \(($0 + i) % 5 + 1)" }.joined(separator: ", ") + "}"
    }.joined(separator: "\n")
    let roleLines = zip(roles, NewRole.shortNames(roles.map(\.name))).map { role, short in
      "  - {id: \(role.id), name: \(yaml(role.name)), short-name: \(yaml(short))}"
    }.joined(separator: "\n")
    let overlap = ids.map { "  \($0): [\(yaml(words[.ownTrait]))]" }.joined(separator: "\n")
    let teams =
      "  - {team: \(yaml(words[.management])), roles: [\(ids.joined(separator: ", "))]}\n"
      + roles.map {
        "  - {team: \(yaml(words.fill(.roleTeam, ["role": $0.name]))), roles: [\($0.id)]}"
      }.joined(separator: "\n")
    let perRole = roles.map { role in
      """
      # \(roleHeading(.strengths, role)) {role=\(role.id) kind=strengths}

      \(item(.strength, .strengthHint))

      # \(roleHeading(.risks, role)) {role=\(role.id) kind=risks}

      \(item(.risk, .riskHint))
      """
    }.joined(separator: "\n\n")
    return """
      ---
      \(comment(words[.contentComment]))
      title: \(yaml(title))
      subtitle: \(yaml(subtitle))
      author: \(yaml(words[.author]))
      lang: \(lang)
      roles:
      \(roleLines)
      focus:
      \(focus)
      overlap:
      \(overlap)
        shared-section: \(similaritiesID)
      stakeholders:
      \(teams)
      ---

      \(wrapped(words[.introduction]))

      # \(words[.keyDifferences]) {.paired}

      \(wrapped(words[.differencesGuide]))

      \(table([(.focus, .focusHint), (.skills, .skillsHint), (.worksWith, .worksWithHint)]))

      # \(words[.keySimilarities]) {#\(similaritiesID)}

      \(item(.sharedTrait, .sharedTraitHint))

      \(perRole)

      # \(words[.faq]) {.faq}

      ## \(words[.question])

      \(wrapped(words[.answer]))

      # \(words[.summary]) {#\(summaryID)}

      \(wrapped(words[.summaryGuide]))

      \(table([(.goal, .goalHint), (.measuredBy, .measuredByHint)]))

      """
  }

  /// `text` broken at spaces into lines of at most 100 characters, the later ones after `indent`.
  private func wrapped(_ text: String, first: String = "", indent: String = "") -> String {
    var lines: [String] = []
    var current = first
    for word in text.split(separator: " ") {
      let opening = lines.isEmpty ? first : indent
      if current.count > opening.count, current.count + 1 + word.count > 100 {
        lines.append(current)
        current = indent + word
      } else {
        current += (current.count > opening.count ? " " : "") + word
      }
    }
    return (lines + [current]).joined(separator: "\n")
  }

  /// A comment of one or more lines, the later ones after `indent` (the first one's is the
  /// template's).
  private func comment(_ text: String, indent: String = "") -> String {
    wrapped(text, first: "# ", indent: indent + "# ")
  }

  /// A line of YAML with its comment from column 32, as the shipped config writes them.
  private func line(_ code: String, _ note: ProjectWords.Key, indent: Int = 0) -> String {
    let padded = code.padding(
      toLength: max(31 - indent, code.count + 1), withPad: " ", startingAt: 0)
    return padded + "# " + words[note]
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
    // No manifest follows and no run lock is held: the folders go to the disk before the end.
    defer { UnsyncedFolders.shared.syncAll() }
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
