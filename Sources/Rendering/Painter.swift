import CCairo
import Foundation
import Frames
import Geometry

/// Draws frames on a Cairo context.
///
/// The one place frames become ink; it makes no layout decisions.
///
/// Structure tags (`P`, `H1`, `Table`…) and links are emitted as Cairo tags, which the PDF surface
/// turns into a tagged PDF and link annotations, and other surfaces ignore.
struct Painter {
  let cr: OpaquePointer
  /// Whether to emit structure and link tags (PDF only).
  let tagged: Bool
  /// The colours glyph runs name, and the scaled fonts made from the palette's fonts.
  let palette: GlyphPalette
  let fonts: ScaledFonts
  /// The decoded images ``FrameItem/image(_:)`` items name by path.
  let images: ImageStore

  /// What the structure tags of the drawing so far need from the file's finisher.
  let marks = MarkedContentLog()

  /// Draws `frame` with its top-left corner at `origin` (absolute page coordinates): a page, or a
  /// picture on a surface of its own.
  ///
  /// On a tagged surface every mark lands in marked content. cairo marks the drawing of a tag with
  /// no tags inside; the drawing directly inside a tag that holds other tags, or outside every tag,
  /// it leaves unmarked. So the painter wraps such drawing itself: in a `Span` inside an element
  /// that holds content (a paragraph with a link, a figure with a caption), and in cairo's
  /// `Private` everywhere else (the running header and footer, rules, table fills), which the
  /// finisher turns into `/Artifact`.
  func draw(_ frame: Frame, at origin: Point) {
    draw(frame, at: origin, wrap: tagged ? .artifact : .none)
    endRun()
  }

  /// How drawing that cairo would leave unmarked is wrapped.
  private enum Wrap {
    /// cairo marks it (the innermost tag holds no tags), or the surface is not tagged.
    case none
    case span
    case artifact

    /// The cairo tag a run of such drawing is wrapped in.
    var cairoTag: String? {
      switch self {
      case .none: nil
      case .span: StructureTag.span.rawValue
      case .artifact: "Private"
      }
    }
  }

  private func draw(_ frame: Frame, at origin: Point, wrap: Wrap) {
    for (p, item) in frame.items {
      let at = Point(x: origin.x + p.x, y: origin.y + p.y)
      switch item {
      case .group(let inner):
        draw(inner, at: at, wrap: wrap)
      // The source span is for tools that go back to the content: nothing of it is drawn.
      case .tagged(let tag, let inner, let alt, _):
        guard tagged else {
          draw(inner, at: at, wrap: .none)
          continue
        }
        endRun()
        if tag == .artifact {
          // Decoration inside content: drawn as one artifact, whatever it holds.
          beginRun("Private")
          Painter(cr: cr, tagged: false, palette: palette, fonts: fonts, images: images)
            .draw(inner, at: at, wrap: .none)
          endRun()
          continue
        }
        if tag == .figure { marks.figureAlts.append(alt ?? "") }
        drawElement(tag, inner, at: at)
      case .language(let lang, let inner):
        guard tagged else {
          draw(inner, at: at, wrap: .none)
          continue
        }
        endRun()
        marks.divisionLangs.append(lang)
        drawElement(.division, inner, at: at)
      case .text(let line, let color):
        beginRun(wrap.cairoTag)
        drawText(line, color: color, at: at)
      case .shape(let shape):
        beginRun(wrap.cairoTag)
        drawShape(shape, at: at)
      case .image(let image):
        beginRun(wrap.cairoTag)
        drawImage(image, at: at)
      case .link(let destination, let inner):
        guard tagged else {
          draw(inner, at: at, wrap: .none)
          continue
        }
        endRun()
        cairo_tag_begin(cr, CAIRO_TAG_LINK, "dest='\(Self.escape(destination))'")
        draw(inner, at: at, wrap: inner.holdsStructure ? .span : .none)
        endRun()
        cairo_tag_end(cr, CAIRO_TAG_LINK)
      case .linkArea(let target, let size):
        guard tagged else { continue }
        endRun()
        let rect =
          "rect=[\(Self.number(at.x)) \(Self.number(at.y)) \(Self.number(size.width)) "
          + "\(Self.number(size.height))]"
        let goal =
          switch target {
          case .anchor(let name): "dest='\(Self.escape(name))'"
          case .uri(let uri): "uri='\(Self.escape(uri))'"
          }
        cairo_tag_begin(cr, CAIRO_TAG_LINK, "\(goal) \(rect)")
        cairo_tag_end(cr, CAIRO_TAG_LINK)
      case .anchor(let anchor):
        guard tagged else { continue }
        endRun()
        let attrs =
          "name='\(Self.escape(anchor.name))' x=\(Self.number(at.x)) y=\(Self.number(at.y))"
        cairo_tag_begin(cr, CAIRO_TAG_DEST, attrs)
        cairo_tag_end(cr, CAIRO_TAG_DEST)
      case .scaled(let factor, let inner):
        endRun()
        cairo_save(cr)
        cairo_translate(cr, at.x, at.y)
        cairo_scale(cr, factor, factor)
        draw(inner, at: .zero, wrap: wrap)
        endRun()
        cairo_restore(cr)
      }
    }
  }

  /// `inner` inside the structure element `tag` (no run open).
  private func drawElement(_ tag: StructureTag, _ inner: Frame, at: Point) {
    cairo_tag_begin(cr, tag.rawValue, "")
    draw(inner, at: at, wrap: Self.wrap(inside: tag, holding: inner))
    endRun()
    cairo_tag_end(cr, tag.rawValue)
  }

  /// How the drawing directly inside `tag` is wrapped: not at all when `inner` holds no tags
  /// (cairo marks it as the tag's own content).
  private static func wrap(inside tag: StructureTag, holding inner: Frame) -> Wrap {
    guard inner.holdsStructure else { return .none }
    return tag.isGrouping ? .artifact : .span
  }

  /// Opens a wrapping tag for the drawing that follows, unless the same one is open.
  private func beginRun(_ cairoTag: String?) {
    guard marks.openRun != cairoTag else { return }
    endRun()
    guard let cairoTag else { return }
    cairo_tag_begin(cr, cairoTag, "")
    marks.openRun = cairoTag
  }

  /// Closes the open wrapping tag, if any.
  private func endRun() {
    guard let open = marks.openRun else { return }
    cairo_tag_end(cr, open)
    marks.openRun = nil
  }

  private func drawText(_ line: ShapedLine, color: Color, at p: Point) {
    guard let runs = line.glyphs else { return }
    setColor(color)
    cairo_move_to(cr, p.x + line.offset, p.y + line.baseline)
    var originX = 0.0
    var originY = 0.0
    cairo_get_current_point(cr, &originX, &originY)
    let keepsText = cairo_surface_has_show_text_glyphs(cairo_get_target(cr)) != 0
    var glyphs: [cairo_glyph_t] = []
    var clusters: [cairo_text_cluster_t] = []
    var x: Int32 = 0
    cairo_save(cr)
    for index in 0..<runs.count {
      let run = runs.run(index)
      glyphs.removeAll(keepingCapacity: true)
      runs.forEachGlyph(in: run, x: &x) { id, gx, gy in
        glyphs.append(cairo_glyph_t(index: UInt(id), x: originX + gx, y: originY + gy))
      }
      cairo_set_scaled_font(cr, fonts.font(run.font))
      setColor(palette.color(run.color))
      guard keepsText, !run.text.isEmpty else {
        cairo_show_glyphs(cr, glyphs, Int32(glyphs.count))
        continue
      }
      clusters.removeAll(keepingCapacity: true)
      switch runs.clusterMap {
      case .oneToOne:
        clusters.append(
          contentsOf: repeatElement(
            cairo_text_cluster_t(num_bytes: 1, num_glyphs: 1),
            count: glyphs.count))
      case .pairs:
        for k in run.clusters {
          let pair = runs.cluster(k)
          clusters.append(
            cairo_text_cluster_t(num_bytes: Int32(pair.bytes), num_glyphs: Int32(pair.glyphs)))
        }
      }
      runs.withUTF8 { text in
        guard let base = text.baseAddress else { return }
        let start = UnsafeRawPointer(base + run.text.lowerBound).assumingMemoryBound(to: CChar.self)
        cairo_show_text_glyphs(
          cr, start, Int32(run.text.count), glyphs, Int32(glyphs.count),
          clusters, Int32(clusters.count),
          run.backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t(0))
      }
    }
    drawMissingGlyphBoxes(runs, originX: originX, originY: originY)
    cairo_restore(cr)
  }

  /// An outlined box where a glyph is missing, as tall as a capital and as wide as its advance.
  private func drawMissingGlyphBoxes(_ runs: GlyphRuns, originX: Double, originY: Double) {
    let missing = runs.missingGlyphs
    guard !missing.isEmpty else { return }
    let size = runs.missingGlyphSize
    for (x, width) in missing {
      cairo_rectangle(
        cr, originX + x + size * 0.08, originY - size * 0.7, max(width - size * 0.16, size * 0.2),
        size * 0.7)
    }
    cairo_set_line_width(cr, size * 0.05)
    cairo_stroke(cr)
  }

  /// An image scaled into its box.
  ///
  /// Pixels go through a cairo image surface made for this drawing alone, SVG as vectors through
  /// librsvg. An image missing from the store (a bug) is drawn as an outlined box.
  private func drawImage(_ item: ImageItem, at p: Point) {
    cairo_save(cr)
    defer { cairo_restore(cr) }
    cairo_translate(cr, p.x, p.y)
    switch images[item.path] {
    case .raster(let raster):
      guard let surface = raster.makeSurface() else { return }
      defer { cairo_surface_destroy(surface) }
      // The same id for the same file: a PDF keeps one copy of an image shown on several pages.
      let id = Array("pmreport-image:\(item.path)".utf8)
      if let copy = malloc(id.count) {
        memcpy(copy, id, id.count)
        cairo_surface_set_mime_data(
          surface, CAIRO_MIME_TYPE_UNIQUE_ID, copy.assumingMemoryBound(to: UInt8.self),
          UInt(id.count), { free($0) }, copy)
      }
      cairo_scale(
        cr, item.size.width / Double(raster.width), item.size.height / Double(raster.height))
      cairo_set_source_surface(cr, surface, 0, 0)
      cairo_rectangle(cr, 0, 0, Double(raster.width), Double(raster.height))
      cairo_fill(cr)
    case .svg(let svg):
      svg.draw(on: cr, size: item.size)
    case nil:
      cairo_rectangle(cr, 0, 0, item.size.width, item.size.height)
      cairo_set_source_rgb(cr, 0.5, 0.5, 0.5)
      cairo_set_line_width(cr, 0.5)
      cairo_stroke(cr)
    }
  }

  private func drawShape(_ shape: Shape, at p: Point) {
    cairo_save(cr)
    cairo_translate(cr, p.x, p.y)
    cairo_new_path(cr)
    appendPath(shape.path)
    if let fill = shape.fill {
      setColor(fill)
      cairo_fill_preserve(cr)
    }
    if let hatch = shape.hatch { drawHatch(hatch, bounds: shape.bounds) }
    if let stroke = shape.stroke {
      setColor(stroke.color)
      cairo_set_line_width(cr, stroke.width)
      cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
      cairo_set_line_cap(cr, stroke.dash.isEmpty ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND)
      stroke.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
      cairo_stroke(cr)
    }
    cairo_new_path(cr)
    cairo_restore(cr)
  }

  /// Parallel lines over the current path, clipped to it; the path stays current.
  private func drawHatch(_ hatch: Hatch, bounds: Rect?) {
    guard let b = bounds, hatch.spacing > 0 else { return }
    cairo_save(cr)
    cairo_clip_preserve(cr)
    let path = cairo_copy_path(cr)
    cairo_new_path(cr)
    let angle = hatch.angle * .pi / 180
    let (dx, dy) = (cos(angle), -sin(angle))
    let (nx, ny) = (-dy, dx)
    let c = b.center
    let reach = (b.width + b.height)
    var offset = -reach
    while offset <= reach {
      let ox = c.x + nx * offset
      let oy = c.y + ny * offset
      cairo_move_to(cr, ox - dx * reach, oy - dy * reach)
      cairo_line_to(cr, ox + dx * reach, oy + dy * reach)
      offset += hatch.spacing
    }
    setColor(hatch.color)
    cairo_set_line_width(cr, hatch.lineWidth)
    cairo_set_dash(cr, nil, 0, 0)
    cairo_stroke(cr)
    cairo_restore(cr)
    cairo_new_path(cr)
    cairo_append_path(cr, path)
    cairo_path_destroy(path)
  }

  private func appendPath(_ path: [PathElement]) {
    for element in path {
      switch element {
      case .move(let p): cairo_move_to(cr, p.x, p.y)
      case .line(let p): cairo_line_to(cr, p.x, p.y)
      case .curve(let a, let b, let c): cairo_curve_to(cr, a.x, a.y, b.x, b.y, c.x, c.y)
      case .rect(let r): cairo_rectangle(cr, r.minX, r.minY, r.width, r.height)
      case .ellipse(let r):
        cairo_save(cr)
        cairo_translate(cr, r.center.x, r.center.y)
        cairo_scale(cr, max(r.width / 2, 0.001), max(r.height / 2, 0.001))
        cairo_new_sub_path(cr)
        cairo_arc(cr, 0, 0, 1, 0, 2 * .pi)
        cairo_close_path(cr)
        cairo_restore(cr)
      case .close: cairo_close_path(cr)
      }
    }
  }

  private func setColor(_ c: Color) {
    cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
  }

  /// A string safe inside a Cairo attribute's single quotes.
  static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
  }

  /// A number in a locale-independent, fixed form.
  static func number(_ v: Double) -> String { String(format: "%.3f", v) }
}

/// What a tagged drawing leaves for the PDF finisher, and the painter's open wrapping tag.
final class MarkedContentLog {
  /// The alternate text of each `Figure`, in the order cairo writes the elements.
  var figureAlts: [String] = []
  /// The language of each `Div`, in the order cairo writes the elements.
  var divisionLangs: [String] = []
  /// The cairo tag wrapping the current run of drawing, if one is open.
  fileprivate var openRun: String?
}
