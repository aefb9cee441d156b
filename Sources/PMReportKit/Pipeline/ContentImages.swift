import Foundation
import Frames
import Rendering
import ReportConfig
import ReportModel

/// The content's images, checked and decoded before anything is written.
struct ContentImages {
  /// The decoded images, by absolute path (what the renderer draws).
  var store = ImageStore.empty
  /// Each image path as the content writes it → the file, its kind and natural size (alt empty).
  var items: [String: ImageItem] = [:]

  static let empty = ContentImages()

  /// Checks and decodes every image `content` names, relative to the content file's folder.
  ///
  /// Every problem is thrown at once as one ``InputError`` (exit 65) naming the content file, the
  /// place the path was written and the path: a URL (pmreport fetches nothing from the network),
  /// a type other than PNG, JPEG or SVG, a path leading out of the project root, a missing or
  /// unreadable file, a file that does not decode.
  ///
  /// The files are read through `inputs`, and the paths located by its root rule.
  static func load(
    _ content: Comparison, from file: LoadedContent?, root: ProjectRoot, inputs: Inputs
  ) throws -> ContentImages {
    let paths = imagePaths(in: content)
    guard !paths.isEmpty else { return .empty }
    let folder = file.map { ($0.path as NSString).deletingLastPathComponent } ?? root.path
    var images = ContentImages()
    var problems: [Diagnostic] = []
    for written in paths {
      let location =
        file?.imageLocations[written]
        ?? SourceLocation(file: file?.file ?? "built-in content", line: 0, column: 0)
      func problem(_ message: String) {
        problems.append(
          Diagnostic(
            file: location.file, line: location.line, column: location.column, keyPath: "",
            message: message))
      }
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
        let image = try images.store[real] ?? decode(real, kind: kind, inputs: inputs)
        images.store[real] = image
        images.items[written] = ImageItem(path: real, kind: kind, size: image.size, alt: "")
      } catch let error as ImageError {
        problem("image '\(written)': \(error.reason)" + Self.nearbyName(real))
      }
    }
    if !problems.isEmpty { throw InputError(diagnostics: problems) }
    return images
  }

  /// The image file at `real`, read through `inputs` and decoded as `kind`.
  private static func decode(_ real: String, kind: ImageKind, inputs: Inputs) throws -> LoadedImage
  {
    switch inputs.read(real, maximumBytes: ImageStore.maximumBytes) {
    case .success(let data): return try ImageStore.decode([UInt8](data), kind: kind)
    case .failure(.missing): throw ImageError.missing
    case .failure(.folder): throw ImageError.folder
    case .failure(.tooLarge(let bytes)): throw ImageError.tooLarge(bytes: bytes)
    case .failure(.unreadable): throw ImageError.unreadable
    }
  }

  /// "; did you mean 'x.png'?" when `path` is missing and a file beside it has a name close to its.
  static func nearbyName(_ path: String) -> String {
    guard !FileManager.default.fileExists(atPath: path) else { return "" }
    return Suggestions.nearestFile(beside: path).map { "; did you mean '\($0)'?" } ?? ""
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
