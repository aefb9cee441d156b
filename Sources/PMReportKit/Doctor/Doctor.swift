import Foundation
import Rendering
import ReportConfig
import ReportModel
import Storage
import TextShaping

/// One line of `pmreport doctor`: what was checked, what was found, and what to do when it fails.
public struct DoctorCheck: Hashable, Sendable {
  public var subject: String
  public var passed: Bool
  public var detail: String
  /// What would make it pass (`apt-get install hyphen-de`); nil when it passed or nothing is known.
  public var fix: String?

  public init(_ subject: String, passed: Bool, _ detail: String, fix: String? = nil) {
    self.subject = subject
    self.passed = passed
    self.detail = detail
    self.fix = fix
  }

  /// `✓ subject: detail`, or `✗ subject: detail; fix`.
  public var line: String {
    (passed ? "✓ " : "✗ ") + subject + ": " + detail + (fix.map { "; \($0)" } ?? "")
  }
}

/// What a run needs on this machine, checked before it fails halfway: `pmreport doctor`.
///
/// The libraries and their versions, every font family the documents' styles name (and what
/// fontconfig would use instead), the hyphenation patterns for the documents' language, the colour
/// profile PDF/A needs, and the output folder (writable, room to spare).
public enum Doctor {
  /// The least free space the output folder should have.
  static let minimumFreeBytes: UInt64 = 50 << 20

  /// Every check for the run `options` describes; a configuration that does not load is one failed
  /// check (`pmreport check` lists its problems).
  public static func checks(options: RunOptions) -> [DoctorCheck] {
    var out = libraries()
    let project: Project
    do {
      project = try Project.load(options: options, inputs: Inputs())
    } catch {
      out.append(
        DoctorCheck(
          "configuration", passed: false, ErrorReport.message(for: error),
          fix: "`pmreport check` lists every problem"))
      return out
    }
    out.append(DoctorCheck("configuration", passed: true, "loads and checks"))
    let shaper = PangoShaper()
    var families: [(family: String, style: String)] = []
    for document in project.resolvedDocuments {
      let fonts = document.style.fonts
      for family in [fonts.body, fonts.heading, fonts.mono ?? FontStyle.defaultMono]
      where !families.contains(where: { $0.family == family }) {
        families.append((family, document.style.name))
      }
    }
    out += families.map { fontCheck($0.family, style: $0.style, substitute: shaper.substitute) }
    out.append(
      hyphenationCheck(
        project.settings.metadata.lang, dictionary: { Hyphenator.dictionaryPath(forLanguage: $0) }
      ))
    let archival = project.resolvedDocuments.contains {
      options.pdfStandards(for: $0.spec, in: project.settings).contains(.a2b)
    }
    if archival { out.append(colourProfileCheck()) }
    out += outputFolderChecks(project.settings.outputDirectory)
    return out
  }

  /// cairo, Pango and HarfBuzz, with their versions; cairo 1.16 and Pango 1.50 are the least
  /// pmreport is built and tested with.
  static func libraries() -> [DoctorCheck] {
    [
      versionCheck("cairo", CairoLibrary.version, least: [1, 16], package: "libcairo2"),
      versionCheck("Pango", TextEngine.pangoVersion, least: [1, 50], package: "libpango-1.0-0"),
      DoctorCheck("HarfBuzz", passed: true, TextEngine.harfBuzzVersion),
    ]
  }

  static func versionCheck(_ name: String, _ version: String, least: [Int], package: String)
    -> DoctorCheck
  {
    let parts = version.split(separator: ".").compactMap { Int($0) }
    let ok = parts.lexicographicallyPrecedes(least) == false
    return DoctorCheck(
      name, passed: ok,
      ok ? version : "\(version), older than \(least.map(String.init).joined(separator: "."))",
      fix: ok ? nil : "apt-get install \(package) (a newer release)")
  }

  /// A style's font family: installed, or what fontconfig would use instead and the package that
  /// has it.
  static func fontCheck(_ family: String, style: String, substitute: (String) -> String?)
    -> DoctorCheck
  {
    let subject = "font '\(family)' (style '\(style)')"
    guard let used = substitute(family) else {
      return DoctorCheck(subject, passed: true, "installed")
    }
    let fix =
      fontPackage(family).map { "apt-get install \($0)" } ?? "install a font with that family"
    return DoctorCheck(
      subject, passed: false, "not installed; fontconfig would use '\(used)'", fix: fix)
  }

  /// The Debian package with a family the shipped styles (or common styles) name.
  static func fontPackage(_ family: String) -> String? {
    let name = family.lowercased()
    if name.hasPrefix("noto sans cjk") || name.hasPrefix("noto serif cjk") {
      return "fonts-noto-cjk"
    }
    if name.hasPrefix("noto sans mono") { return "fonts-noto-mono" }
    if name.hasPrefix("noto") { return "fonts-noto-core" }
    if name.hasPrefix("dejavu") { return "fonts-dejavu-core" }
    if name.hasPrefix("liberation") { return "fonts-liberation2" }
    if name == "symbola" { return "fonts-symbola" }
    if name.hasPrefix("source ") { return "fonts-adobe-sourcesans3" }
    return nil
  }

  /// The hyphenation patterns for the document language: the file libhyphen really reads, links
  /// followed (Debian's `hyph_es_AR.dic`, which `es` finds first, is a link to `hyph_es_ES.dic`).
  static func hyphenationCheck(_ language: String, dictionary: (String) -> String?) -> DoctorCheck {
    let subject = "hyphenation for '\(language)'"
    if let path = dictionary(language) {
      return DoctorCheck(
        subject, passed: true, URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
    }
    let primary = Words.primarySubtag(language)
    let package = primary == "en" ? "hyphen-en-us" : "hyphen-\(primary)"
    return DoctorCheck(
      subject, passed: false, "no patterns installed (the documents would not be hyphenated)",
      fix: "apt-get install \(package)")
  }

  /// The sRGB profile PDF/A-2b embeds.
  static func colourProfileCheck() -> DoctorCheck {
    let path = PDFStandards.sRGBProfilePath
    let ok = FileManager.default.isReadableFile(atPath: path)
    return DoctorCheck(
      "sRGB profile (PDF/A-2b)", passed: ok, ok ? path : "\(path) is missing",
      fix: ok ? nil : "apt-get install icc-profiles-free")
  }

  /// The output folder (or the folder it would be made in): writable, and with room to spare.
  static func outputFolderChecks(_ path: String) -> [DoctorCheck] {
    var folder = path
    while !FileManager.default.fileExists(atPath: folder), folder != "/" {
      folder = (folder as NSString).deletingLastPathComponent
    }
    let writable = Folder.acceptsNewFiles(folder)
    var out = [
      DoctorCheck(
        "output folder \(path)", passed: writable,
        writable
          ? (folder == path ? "writable" : "can be made in \(folder)")
          : "\(folder) is not writable",
        fix: writable ? nil : "choose another with --output, or change the folder's permissions")
    ]
    var stats = statvfs()
    if statvfs(folder, &stats) == 0 {
      let free = UInt64(stats.f_bavail) * UInt64(stats.f_frsize)
      let ok = free >= minimumFreeBytes
      out.append(
        DoctorCheck(
          "free space in \(folder)", passed: ok, "\(free >> 20) MB",
          fix: ok ? nil : "free at least \(minimumFreeBytes >> 20) MB"))
    }
    return out
  }
}
