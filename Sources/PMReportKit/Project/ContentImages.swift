import Foundation
import Frames
import Geometry
import Rendering
import ReportConfig
import ReportModel

/// The content's images as a project knows them: each file, its kind and natural size, and where
/// its path was written; never the pixels (the run decodes them, ``decoded()``).
struct ContentImages {
  /// Each image path as the content writes it → the file, its kind and natural size (alt empty).
  var items: [String: ImageItem] = [:]
  /// Where each path was first written.
  var locations: [String: SourceLocation] = [:]

  static let empty = ContentImages()

  /// Checks every image `content` names, relative to the content file's folder, and measures it.
  ///
  /// Every problem is thrown at once as one ``InputError`` (exit 65) naming the content file, the
  /// place the path was written and the path: a URL (pmreport fetches nothing from the network),
  /// a type other than PNG, JPEG or SVG, a path leading out of the project root, a missing or
  /// unreadable file, a file that does not decode. Each file is decoded to check it and learn its
  /// size, and its pixels let go at once.
  ///
  /// The files are read through `inputs`, and the paths located by its root rule.
  static func load(
    _ content: Comparison, from file: LoadedContent?, root: ProjectRoot, inputs: Inputs
  ) throws -> ContentImages {
    let paths = imagePaths(in: content)
    guard !paths.isEmpty else { return .empty }
    let folder = file.map { ($0.path as NSString).deletingLastPathComponent } ?? root.path
    var images = ContentImages()
    var sizes: [String: Size] = [:]
    var problems: [Diagnostic] = []
    for written in paths {
      let location =
        file?.imageLocations[written]
        ?? SourceLocation(file: file?.file ?? "built-in content", line: 0, column: 0)
      images.locations[written] = location
      func problem(_ message: String) { problems.append(Self.problem(message, at: location)) }
      if isURL(written) {
        problem(
          "image '\(written)' is a URL; pmreport fetches nothing from the network: save the "
            + "image beside the content file and give its path")
        continue
      }
      let ext = (written as NSString).pathExtension
      guard let kind = ImageKind(fileExtension: ext) else {
        problem(
          "image '\(written)': "
            + (ext.isEmpty ? "no file extension" : "unsupported image type '.\(ext)'")
            + "; use a .png, .jpg/.jpeg or .svg file")
        continue
      }
      let real: String
      switch inputs.locate(InputPath(written, origin: .written(location)), from: folder, in: root) {
      case .success(let path): real = path
      case .failure(let violation):
        problem(root.message(violation, for: written, what: "image"))
        continue
      }
      do {
        let size = try sizes[real] ?? decode(real, kind: kind, inputs: inputs).size
        sizes[real] = size
        images.items[written] = ImageItem(path: real, kind: kind, size: size, alt: "")
      } catch let error as ImageError {
        problem("image '\(written)': \(error.reason)" + Self.nearbyName(real, inputs: inputs))
      }
    }
    if !problems.isEmpty { throw InputError(diagnostics: problems) }
    return images
  }

  /// The images decoded for drawing, by absolute path: what the renderer draws.
  ///
  /// Made by the run before anything is written; a file that no longer decodes (changed since the
  /// project was loaded) is an ``InputError`` as in ``load(_:from:root:inputs:)``. Its reads go
  /// through an `Inputs` of their own: the load already recorded these files for `watch`.
  func decoded() throws -> ImageStore {
    var store = ImageStore.empty
    var problems: [Diagnostic] = []
    let inputs = Inputs()
    for (written, item) in items.sorted(by: { $0.key < $1.key }) where store[item.path] == nil {
      do {
        store[item.path] = try Self.decode(item.path, kind: item.kind, inputs: inputs)
      } catch let error as ImageError {
        problems.append(
          Self.problem(
            "image '\(written)': \(error.reason)" + Self.nearbyName(item.path, inputs: inputs),
            at: locations[written, default: SourceLocation(file: "", line: 0, column: 0)]))
      }
    }
    if !problems.isEmpty { throw InputError(diagnostics: problems) }
    return store
  }

  private static func problem(_ message: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      file: location.file, line: location.line, column: location.column, keyPath: "",
      message: message)
  }

  /// The image file at `real`, read through `inputs` and decoded as `kind`.
  private static func decode(_ real: String, kind: ImageKind, inputs: Inputs) throws
    -> LoadedImage
  {
    switch inputs.read(real, maximumBytes: ImageStore.maximumBytes) {
    case .success(let data): return try ImageStore.decode([UInt8](data), kind: kind)
    case .failure(.missing): throw ImageError.missing
    case .failure(.folder): throw ImageError.folder
    case .failure(.tooLarge(let bytes)): throw ImageError.tooLarge(bytes: bytes)
    case .failure(.unreadable): throw ImageError.unreadable
    case .failure(.refused(let refusal)): throw ImageError("the file \(refusal)")
    }
  }

  /// "; did you mean 'x.png'?" when `path` is missing and a file beside it has a name close to
  /// its; looked for through `inputs`.
  static func nearbyName(_ path: String, inputs: Inputs) -> String {
    guard !inputs.exists(path) else { return "" }
    return Suggestions.nearestFile(beside: path, inputs: inputs).map { "; did you mean '\($0)'?" }
      ?? ""
  }

  /// `http:`, `https:`, `file:`, `data:`, any `scheme:` before the first slash.
  static func isURL(_ path: String) -> Bool {
    guard let colon = path.firstIndex(of: ":") else { return false }
    let scheme = path[..<colon]
    guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
    return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
  }

  /// Every image path in the content, each once, in reading order.
  static func imagePaths(in content: Comparison) -> [String] {
    var out: [String] = []
    var seen: Set<String> = []
    func visit(_ blocks: [ContentBlock]) {
      for block in blocks {
        switch block {
        case .image(let image):
          if seen.insert(image.path).inserted { out.append(image.path) }
        case .list(let list): list.items.forEach(visit)
        case .quote(let inner): visit(inner)
        default: break
        }
      }
    }
    visit(content.introduction)
    for section in content.allSections { visit(section.blocks) }
    return out
  }
}
