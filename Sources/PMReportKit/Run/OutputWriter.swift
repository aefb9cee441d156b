import Dispatch
import Foundation
import Frames
import Rendering
import ReportConfig
import ReportModel
import Storage

/// The one writer of a document's outputs, whatever its kind: each ``PlannedOutput`` drawn in
/// each of its formats, each file recorded and each format reported with the time it took.
///
/// A document is `<format>/<stem>.pdf`, or a page folder `<format>/<stem>/` for SVG and PNG; a
/// picture is one file in every format. The last format written frees each page as it goes.
///
/// With `settled`, each file target is handed over to be flushed and put in place while the next
/// output is drawn, and the events of what is written are held until their files are in place.
struct OutputWriter {
  let build: DocumentBuild
  var settled: SettledReports? = nil

  private var project: Project { build.project }
  private var settings: ReportSettings { build.settings }

  /// Writes `output` and reports its files and its line a format.
  func write(_ output: consuming PlannedOutput) throws {
    let formats = output.formats
    let folder = output.folder
    let recordedAs = output.recordedAs ?? build.name
    var planned = output.files
    _ = consume output
    var drawn: [(stem: String, isPicture: Bool, document: RenderDocument)] = []
    planned.reverse()
    while let file = planned.popLast() {
      drawn.append((file.stem, file.picture != nil, document(of: file)))
    }
    for format in formats {
      try refuseFormatFolderLeadingOut(format.rawValue)
      let started = DispatchTime.now()
      var written: [WrittenFile] = []
      for index in drawn.indices {
        drawn[index].document.images = try build.images.store(
          for: drawn[index].document.pages, format: format)
        let path = (settings.outputDirectory as NSString)
          .appendingPathComponent(format.rawValue + "/" + drawn[index].stem)
        try FileManager.default.createOutputDirectory((path as NSString).deletingLastPathComponent)
        let target: OutputTarget =
          drawn[index].isPicture
          ? .file(path + "." + format.rawValue)
          : format == .pdf ? .file(path + ".pdf") : .pageFolder(path)
        if case .pageFolder = target { warnOfForeignFiles(in: path) }
        let files = try format.exporter(dpi: settings.dpi).write(
          &drawn[index].document, to: target, recordedAs: recordedAs, format: format.rawValue,
          releasingPages: format == formats.last, settling: settled?.settling)
        for file in files {
          written.append(file)
          reportFile(file)
        }
      }
      let stem = drawn.first?.stem ?? ""
      let shown = folder.map { $0 + "/" } ?? (format == .pdf ? stem + ".pdf" : stem + "/")
      reportOutput(written, format: format, shown: shown, seconds: started.elapsedSeconds)
    }
  }

  /// Writes the print file `pdf/<stem>.pdf` as its pages come, and reports it.
  ///
  /// For a personalised document's merged copies: `draw` is handed a function that draws a
  /// copy's pages into the file at once, finished for print as the copies are, so no page is
  /// held past its drawing. Its line's time is the file's own: the copies' layout between the
  /// drawings is left out.
  func writePrintStream(_ stem: String, _ draw: (_ add: ([Page]) throws -> Void) throws -> Void)
    throws
  {
    let format = OutputFormat.pdf
    try refuseFormatFolderLeadingOut(format.rawValue)
    // The file's own time, as other files' lines give theirs: opening it, drawing each copy and
    // finishing it, not laying the copies out (nor writing their own files) in between.
    var own = Stopwatch(startedAt: DispatchTime.now().uptimeNanoseconds)
    let path = (settings.outputDirectory as NSString)
      .appendingPathComponent(format.rawValue + "/" + stem)
    try FileManager.default.createOutputDirectory((path as NSString).deletingLastPathComponent)
    let finish = PrintFinish(resolved: build.document)
    let files = try PrintPDFStream.write(
      to: path + ".pdf", recordedAs: build.name, info: info(title: build.title),
      palette: build.session.palette, printBoxes: finish.boxes
    ) { stream in
      own.pause(at: DispatchTime.now().uptimeNanoseconds)
      try draw { pages in
        own.resume(at: DispatchTime.now().uptimeNanoseconds)
        defer { own.pause(at: DispatchTime.now().uptimeNanoseconds) }
        let finished = finish.apply(pages, first: stream.pageCount)
        try stream.draw(
          finished, palette: build.session.palette,
          images: build.images.store(for: finished, format: format))
      }
      own.resume(at: DispatchTime.now().uptimeNanoseconds)
    }
    let seconds = own.seconds(at: DispatchTime.now().uptimeNanoseconds)
    // The file's own line (`-v`, `--json`) too: the sink timed it from open to rename.
    let timed = files.map { file in
      var file = file
      file.milliseconds = Int(seconds * 1000)
      return file
    }
    timed.forEach(reportFile)
    reportOutput(timed, format: format, shown: stem + ".pdf", seconds: seconds)
  }

  /// Reports a file written.
  private func reportFile(_ file: WrittenFile) {
    emit(.file(file, shownAs: Paths.relative(file.path, to: project.options.workingDirectory)))
  }

  /// Reports an event of what was written: held until the files handed over are in place.
  private func emit(_ event: RunEvent) {
    guard let settled else { return build.report(event) }
    settled.hold(event)
  }

  /// Reports the line of an output's `format`: `written`, its files, shown as `shown` under the
  /// format's folder, written in `seconds`.
  private func reportOutput(
    _ written: [WrittenFile], format: OutputFormat, shown: String, seconds: Double
  ) {
    emit(
      .output(
        DocumentOutput(
          document: build.name, format: format, path: format.rawValue + "/" + shown,
          files: written.count, pages: written.reduce(0) { $0 + $1.pages },
          bytes: written.reduce(0) { $0 + $1.bytes }, seconds: seconds)))
  }

  /// A warning for each file in the page folder `folder` that pmreport did not write: replacing
  /// the folder keeps it.
  private func warnOfForeignFiles(in folder: String) {
    for name in Folder.names(in: folder).sorted() where !isPageFileName(name) {
      let shown = Paths.relative(folder + "/" + name, to: settings.outputDirectory)
      build.report(
        .warning(
          RunWarning(
            .foreignFile, document: build.name,
            "\(shown) was not written by pmreport: it stays, beside the new pages")))
    }
  }

  /// What the exporters draw of `file`: its pages finished for print (unless a print file or a
  /// picture), its outline, its SVG labels, its PDF metadata and standards.
  func document(of file: consuming PlannedFile) -> RenderDocument {
    let finish = PrintFinish(resolved: build.document)
    let title = file.picture?.title ?? build.title
    let labels =
      file.picture.map { [SVGLabel(title: $0.title, description: $0.description, isImage: true)] }
      ?? SVGLabel.pages(
        title: title, pageCount: file.pages.count, anchors: file.anchors,
        bodyTop: build.document.body.minY, words: project.words)
    let finishes = !file.isPrintFile && file.picture == nil
    let anchors = file.anchors
    let isPrintFile = file.isPrintFile
    let pages = file.pages
    _ = consume file
    var document = RenderDocument(
      pages: finishes ? finish.apply(pages) : pages, palette: build.session.palette,
      info: info(title: title), outline: anchors.map(\.anchor),
      svgLabels: labels,
      // A print file (a booklet, a sheet of cards) is exempt from PDF/UA; PDF/A still applies.
      standards: project.options.pdfStandards(for: build.spec, in: settings).subtracting(
        isPrintFile ? .ua1 : []))
    document.printBoxes = finishes ? finish.boxes : nil
    document.opensFullScreen = build.spec.session.openFullScreen
    return document
  }

  /// The PDF metadata of a file titled `title`: the config's other fields, the run's date.
  private func info(title: String) -> DocumentInfo {
    let m = settings.metadata
    return DocumentInfo(
      title: title, author: m.author, subject: m.subject, keywords: m.keywords,
      creator: "pmreport \(ProgramVersion.number)", date: UTCDateTime(project.date).iso8601,
      language: m.lang)
  }

  /// Refuses a format folder (`svg/`, `png/`, `pdf/`) that is a symbolic link leading out of the
  /// output folder: its pages (and the page folders replaced there) would land elsewhere.
  private func refuseFormatFolderLeadingOut(_ name: String) throws {
    try Self.refuseFormatFolderLeadingOut(
      name, in: settings.outputDirectory, workingDirectory: project.options.workingDirectory)
  }

  /// Whether the format folder `folder` (the output folder's path and a name) surely lies in it.
  ///
  /// One `lstat`: it is no symbolic link (or is not there yet) and its path holds no `..`, so the
  /// system resolves it to the output folder's own place and that name. Else (a link, a `..`, a
  /// folder that cannot be looked at) the caller resolves both paths whole. Every file a run
  /// writes passes here; the whole check costs a `getcwd`, a `realpath` of each path and a
  /// lexical standardisation of each.
  private static func liesInOutputFolder(_ folder: String) -> Bool {
    guard !folder.split(separator: "/").contains("..") else { return false }
    if let status = FileStatus(path: folder, followingLinks: false) {
      return !status.isSymbolicLink
    }
    return errno == ENOENT
  }

  /// Refuses the format folder `name` of `output` when it is a symbolic link leading out of it
  /// (a run's writer, and `pmreport gather` writing merged files).
  static func refuseFormatFolderLeadingOut(
    _ name: String, in output: String, workingDirectory: String
  ) throws {
    let folder = (output as NSString).appendingPathComponent(name)
    // The shortcut looks at the last component alone: a name of one component only.
    let surelyInside = !name.contains("/") && Self.liesInOutputFolder(folder)
    guard !surelyInside, case .failure(.linksOut(let target)) = ProjectRoot(output).confine(folder)
    else {
      return
    }
    throw InputError(diagnostics: [
      Diagnostic(
        file: Paths.relative(folder, to: workingDirectory), line: 0, column: 0, keyPath: "",
        message: "the format folder '\(name)' is a symbolic link leading out of the output "
          + "folder \(Paths.relative(output, to: workingDirectory)) (to \(target)); nothing is written through it"
      )
    ])
  }
}
