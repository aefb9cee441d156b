import Frames
import Geometry
import Rendering
import ReportModel

/// The content's images as one document's files draw them: each PNG and JPEG decoded at no more
/// pixels than its largest drawing in a file needs — the style's `image-ppi` for PDF and SVG, the
/// run's `dpi` for PNG — once a document for each size, whatever the copies and formats.
///
/// An image no larger than that is held at its own size, its pixels exactly as decoded. A class:
/// the decoded images are state the document's files share as they are written one after another.
final class DocumentImages {
  private let images: ContentImages
  /// Pixels an inch for PDF and SVG (the style's `image-ppi`) and for PNG (`dpi`).
  private let ppi: Double
  private let dpi: Double
  /// Each file and size decoded so far (an SVG by its file alone).
  private var decoded: [Key: LoadedImage] = [:]

  private struct Key: Hashable {
    var path: String
    var pixels: PixelSize?
  }

  init(_ images: ContentImages, ppi: Double, dpi: Double) {
    self.images = images
    self.ppi = ppi
    self.dpi = dpi
  }

  /// The images `pages` draw, each held at the size its largest drawing there needs in `format`.
  ///
  /// Throws an ``InputError`` at the image's place in the content when a file no longer decodes.
  func store(for pages: [Page], format: OutputFormat) throws -> ImageStore {
    guard !images.items.isEmpty else { return .empty }
    var drawn: [String: Size] = [:]
    for page in pages {
      drawn.merge(page.frame.largestImageSizes()) {
        Size(width: max($0.width, $1.width), height: max($0.height, $1.height))
      }
    }
    let resolution = format == .png ? dpi : ppi
    var store = ImageStore.empty
    for (path, size) in drawn.sorted(by: { $0.key < $1.key }) {
      guard let kind = images.items.values.first(where: { $0.path == path })?.kind else { continue }
      let held = images.pixels[path]?.held(drawn: size, resolution: resolution)
      let key = Key(path: path, pixels: held)
      if decoded[key] == nil {
        decoded[key] = try images.decode(path, kind: kind, fitting: held)
      }
      store[path] = decoded[key]
    }
    return store
  }
}
