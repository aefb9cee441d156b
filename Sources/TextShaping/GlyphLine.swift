import CPango
import Geometry

/// A shaped line kept as compact glyph runs: glyph ids, their positions, the text they show and the
/// cluster map between the two. It holds no Pango object, so the layout that shaped it is freed at
/// once, and a page costs a few bytes a character however long the document grows.
///
/// Drawing it is what `pango_cairo_show_layout_line` does for our lines (one scaled font and colour a
/// run, `cairo_show_text_glyphs` where the surface keeps text), minus the soft hyphens the line does
/// not break at: their bytes are left out of the text, so a PDF's text reads "differences", never
/// "dif\u{AD}ferences".
final class GlyphLine: LineGlyphs, @unchecked Sendable {
    // @unchecked: immutable after init; the scaled fonts it draws with are cairo's thread-safe objects.

    /// One run: a font and colour over a stretch of the line's glyphs, text and clusters.
    struct Run {
        var font: UInt16
        var color: Color
        /// Right-to-left: the clusters map the text forwards onto the glyphs from the last one back.
        var backward: Bool
        /// Where the run's glyphs, text bytes and cluster pairs end in the line's arrays.
        var glyphEnd: Int32
        var textEnd: Int32
        var clusterEnd: Int32
    }

    private let fonts: ScaledFonts
    private let runs: [Run]
    /// Glyph ids (all of a line's fit in 16 bits but in fonts that are not OpenType).
    private let glyphIDs: PackedNumbers
    /// Glyph origins in Pango units (1/1024 pt) from the line's left baseline point.
    private let xs: [Int32]
    /// Vertical offsets in Pango units, one a glyph; empty when every glyph sits on the baseline.
    private let ys: [Int32]
    /// UTF-8 text, run after run in logical order.
    private let bytes: [UInt8]
    /// How the text maps onto the glyphs.
    private let clusters: ClusterMap
    /// Glyphs no installed font has: (x, width) in Pango units, drawn as empty boxes.
    private let missing: [Int32]
    /// The size of the font the missing glyphs are boxes for, in points.
    private let missingSize: Float

    /// The clusters of a line: which bytes of text each run of glyphs shows.
    enum ClusterMap {
        /// No map (a cluster too big to note): the glyphs are drawn without their text.
        case none
        /// Every cluster is one byte shown by one glyph (plain text without ligatures).
        case oneToOne
        /// (bytes, glyphs) pairs, in logical order within each run.
        case pairs(PackedNumbers)
    }

    private init(fonts: ScaledFonts, runs: [Run], glyphIDs: PackedNumbers, xs: [Int32], ys: [Int32], bytes: [UInt8],
                 clusters: ClusterMap, missing: [Int32], missingSize: Float) {
        self.fonts = fonts; self.runs = runs; self.glyphIDs = glyphIDs; self.xs = xs; self.ys = ys
        self.bytes = bytes; self.clusters = clusters; self.missing = missing; self.missingSize = missingSize
    }

    /// The characters the line shows, a soft hyphen it breaks at drawn as "-".
    var text: String {
        var utf8 = bytes
        if utf8.count >= 2, utf8[utf8.count - 2] == 0xC2, utf8[utf8.count - 1] == 0xAD {
            utf8.removeLast(2)
            utf8.append(UInt8(ascii: "-"))
        }
        if utf8.last == UInt8(ascii: "\n") { utf8.removeLast() }
        return String(decoding: utf8, as: UTF8.self)
    }

    func draw(on cr: OpaquePointer) {
        var originX = 0.0, originY = 0.0
        cairo_get_current_point(cr, &originX, &originY)
        var keepsText = cairo_surface_has_show_text_glyphs(cairo_get_target(cr)) != 0
        if case .none = clusters { keepsText = false }
        let scale = Double(PANGO_SCALE)
        var glyphs: [cairo_glyph_t] = []
        var pairs: [cairo_text_cluster_t] = []
        var glyphStart = 0, textStart = 0, clusterStart = 0
        cairo_save(cr)
        for run in runs {
            let glyphEnd = Int(run.glyphEnd), textEnd = Int(run.textEnd), clusterEnd = Int(run.clusterEnd)
            defer { glyphStart = glyphEnd; textStart = textEnd; clusterStart = clusterEnd }
            glyphs.removeAll(keepingCapacity: true)
            for i in glyphStart..<glyphEnd {
                let y = ys.isEmpty ? 0 : Double(ys[i]) / scale
                glyphs.append(cairo_glyph_t(index: UInt(glyphIDs[i]), x: originX + Double(xs[i]) / scale,
                                            y: originY + y))
            }
            cairo_set_scaled_font(cr, fonts[run.font])
            cairo_set_source_rgba(cr, run.color.red, run.color.green, run.color.blue, run.color.alpha)
            guard keepsText else {
                cairo_show_glyphs(cr, glyphs, Int32(glyphs.count))
                continue
            }
            pairs.removeAll(keepingCapacity: true)
            switch clusters {
            case .none: break
            case .oneToOne:
                pairs = Array(repeating: cairo_text_cluster_t(num_bytes: 1, num_glyphs: 1), count: glyphs.count)
            case .pairs(let numbers):
                for k in stride(from: clusterStart, to: clusterEnd, by: 2) {
                    pairs.append(cairo_text_cluster_t(num_bytes: Int32(numbers[k]), num_glyphs: Int32(numbers[k + 1])))
                }
            }
            bytes.withUnsafeBufferPointer { text in
                let start = UnsafeRawPointer(text.baseAddress! + textStart).assumingMemoryBound(to: CChar.self)
                cairo_show_text_glyphs(cr, start, Int32(textEnd - textStart), glyphs, Int32(glyphs.count),
                                       pairs, Int32(pairs.count),
                                       run.backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t(0))
            }
        }
        drawMissingGlyphBoxes(cr, originX: originX, originY: originY)
        cairo_restore(cr)
    }

    /// An outlined box where a glyph is missing, as tall as a capital and as wide as its advance.
    private func drawMissingGlyphBoxes(_ cr: OpaquePointer, originX: Double, originY: Double) {
        guard !missing.isEmpty else { return }
        let scale = Double(PANGO_SCALE), size = Double(missingSize)
        for k in stride(from: 0, to: missing.count, by: 2) {
            let x = originX + Double(missing[k]) / scale, width = Double(missing[k + 1]) / scale
            cairo_rectangle(cr, x + size * 0.08, originY - size * 0.7, max(width - size * 0.16, size * 0.2), size * 0.7)
        }
        cairo_set_line_width(cr, size * 0.05)
        cairo_stroke(cr)
    }
}

extension GlyphLine {
    /// Copies `line` of a layout whose text is `layoutText` into glyph runs. `colorAt` gives the
    /// colour of the text at a byte offset of `layoutText`.
    static func copying(_ line: UnsafeMutablePointer<PangoLayoutLine>, layoutText: UnsafePointer<CChar>,
                        fonts: ScaledFonts, colorAt: (Int) -> Color) -> GlyphLine {
        var builder = Builder()
        var runX = 0
        let lineEnd = Int(line.pointee.start_index + line.pointee.length)
        var node = line.pointee.runs
        while let current = node {
            node = current.pointee.next
            guard let data = current.pointee.data else { continue }
            let glyphItem = data.assumingMemoryBound(to: PangoGlyphItem.self)
            guard let item = glyphItem.pointee.item, let glyphString = glyphItem.pointee.glyphs else { continue }
            let font = fonts.index(of: item.pointee.analysis.font)
            let backward = item.pointee.analysis.level & 1 != 0
            builder.addRun(glyphItem, glyphs: glyphString, layoutText: layoutText, lineEnd: lineEnd, x: runX, font: font,
                           color: colorAt(Int(item.pointee.offset)), backward: backward)
            runX += Int(pango_glyph_string_get_width(glyphString))
        }
        return builder.line(fonts: fonts)
    }

    /// Collects the runs of one line.
    private struct Builder {
        var runs: [Run] = []
        var glyphIDs: [UInt32] = []
        var xs: [Int32] = []
        var ys: [Int32] = []
        var anyY = false
        var text: [UInt8] = []
        var clusters: [UInt16] = []
        var clustersFit = true
        var missing: [Int32] = []
        var missingSize: Float = 0

        mutating func addRun(_ glyphItem: UnsafeMutablePointer<PangoGlyphItem>,
                             glyphs: UnsafeMutablePointer<PangoGlyphString>, layoutText: UnsafePointer<CChar>,
                             lineEnd: Int, x: Int, font: UInt16, color: Color, backward: Bool) {
            let count = Int(glyphs.pointee.num_glyphs)
            guard count > 0, let infos = glyphs.pointee.glyphs else { return }
            // Clusters in logical order. A soft hyphen the line does not break at is shaped as a
            // blank glyph of no width: it is left out of both the glyphs and the text.
            var skipped = [Bool](repeating: false, count: count)
            var iter = PangoGlyphItemIter()
            var more = pango_glyph_item_iter_init_start(&iter, glyphItem, layoutText) != 0
            while more {
                let glyphRange = min(Int(iter.start_glyph), Int(iter.end_glyph) + 1)
                    ..< max(Int(iter.start_glyph) + 1, Int(iter.end_glyph))
                let inRun = glyphRange.clamped(to: 0..<count)
                let start = Int(iter.start_index), end = Int(iter.end_index)
                let bytes = UnsafeRawBufferPointer(start: layoutText + start, count: end - start)
                var kept = Self.removingSoftHyphens(bytes, at: start, keepingEnd: lineEnd)
                if kept.isEmpty, inRun.allSatisfy({ infos[$0].geometry.width == 0 }) {
                    for i in inRun { skipped[i] = true }
                } else {
                    if kept.isEmpty { kept = Array(bytes) }
                    let visible = inRun.filter { Self.isDrawn(infos[$0].glyph) }.count
                    text.append(contentsOf: kept)
                    if kept.count > Int(UInt16.max) || visible > Int(UInt16.max) { clustersFit = false }
                    clusters += [UInt16(truncatingIfNeeded: kept.count), UInt16(truncatingIfNeeded: visible)]
                }
                more = pango_glyph_item_iter_next_cluster(&iter) != 0
            }
            // Glyphs in visual order, at their justified positions.
            // Positions add up in 64 bits and are stored clamped: absurd sizes must not trap.
            var position = x
            for i in 0..<count {
                let info = infos[i]
                defer { position += Int(info.geometry.width) }
                if skipped[i] || info.glyph == GlyphCode.empty || info.glyph == GlyphCode.invalid { continue }
                if info.glyph & GlyphCode.unknownFlag != 0 {
                    if info.glyph != GlyphCode.unknownFlag | 0x20 {
                        missing += [Int32(clamping: position), info.geometry.width]
                        missingSize = Self.fontSize(glyphItem)
                    }
                    continue
                }
                glyphIDs.append(info.glyph)
                xs.append(Int32(clamping: position + Int(info.geometry.x_offset)))
                ys.append(info.geometry.y_offset)
                if info.geometry.y_offset != 0 { anyY = true }
            }
            runs.append(Run(font: font, color: color, backward: backward, glyphEnd: Int32(glyphIDs.count),
                            textEnd: Int32(text.count), clusterEnd: Int32(clusters.count)))
        }

        /// The size in points of the font a run is set in.
        static func fontSize(_ glyphItem: UnsafeMutablePointer<PangoGlyphItem>) -> Float {
            guard let desc = pango_font_describe(glyphItem.pointee.item.pointee.analysis.font) else { return 10 }
            defer { pango_font_description_free(desc) }
            return Float(pango_font_description_get_size(desc)) / Float(PANGO_SCALE)
        }

        /// Whether a glyph code is a real glyph (not Pango's empty, invalid or missing-glyph codes).
        static func isDrawn(_ glyph: UInt32) -> Bool {
            glyph != GlyphCode.empty && glyph != GlyphCode.invalid && glyph & GlyphCode.unknownFlag == 0
        }

        /// `bytes` (UTF-8 at offset `start` of the layout's text) without their soft hyphens, but for
        /// one ending at `keepingEnd`: the line's last character, drawn as the hyphen it breaks at.
        /// (A soft hyphen can share a cluster with letters: "f\u{AD}f" shapes as one "ff" ligature.)
        static func removingSoftHyphens(_ bytes: UnsafeRawBufferPointer, at start: Int, keepingEnd: Int) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xAD, start + i + 2 != keepingEnd {
                    i += 2
                    continue
                }
                out.append(bytes[i])
                i += 1
            }
            return out
        }

        /// The line, in storage of its own size: numbers as narrow as they fit, arrays no longer
        /// than their contents (a document keeps every line it sets).
        func line(fonts: ScaledFonts) -> GlyphLine {
            let map: ClusterMap
            if !clustersFit {
                map = .none
            } else if clusters.allSatisfy({ $0 == 1 }) {
                map = .oneToOne
            } else {
                map = .pairs(PackedNumbers(clusters))
            }
            return GlyphLine(fonts: fonts, runs: Self.exact(runs), glyphIDs: PackedNumbers(glyphIDs), xs: Self.exact(xs),
                             ys: anyY ? Self.exact(ys) : [], bytes: Self.exact(text), clusters: map,
                             missing: missing, missingSize: missingSize)
        }

        /// `array` in storage of its own size (appending doubles the capacity as it goes).
        static func exact<T>(_ array: [T]) -> [T] {
            array.capacity == array.count ? array : array.withUnsafeBufferPointer { Array($0) }
        }
    }
}

/// Unsigned numbers kept in the narrowest width that holds them all.
enum PackedNumbers {
    case bytes([UInt8])
    case halves([UInt16])
    case words([UInt32])

    init<T: FixedWidthInteger & UnsignedInteger>(_ values: [T]) {
        let largest = values.max() ?? 0
        if largest <= UInt8.max {
            self = .bytes(values.map { UInt8(truncatingIfNeeded: $0) })
        } else if largest <= UInt16.max {
            self = .halves(values.map { UInt16(truncatingIfNeeded: $0) })
        } else {
            self = .words(values.map { UInt32(truncatingIfNeeded: $0) })
        }
    }

    subscript(index: Int) -> UInt32 {
        switch self {
        case .bytes(let a): UInt32(a[index])
        case .halves(let a): UInt32(a[index])
        case .words(let a): a[index]
        }
    }
}

/// Pango's special glyph codes (C macros Swift does not import).
enum GlyphCode {
    static let empty: UInt32 = 0x0FFF_FFFF
    static let invalid: UInt32 = 0xFFFF_FFFF
    static let unknownFlag: UInt32 = 0x1000_0000
}

/// The cairo scaled fonts a measurer's lines are drawn with, each held once and named by a small index.
final class ScaledFonts: @unchecked Sendable {
    // @unchecked: filled only by the measurer's thread while shaping; cairo's scaled fonts are thread-safe.
    private var fonts: [OpaquePointer] = []
    private var indices: [OpaquePointer: UInt16] = [:]

    /// The index of `font`'s scaled font, added (and referenced) the first time it is seen.
    func index(of font: UnsafeMutablePointer<PangoFont>?) -> UInt16 {
        guard let font, let scaled = pango_cairo_font_get_scaled_font(OpaquePointer(font)) else { return 0 }
        if let known = indices[scaled] { return known }
        let index = UInt16(truncatingIfNeeded: fonts.count)
        fonts.append(cairo_scaled_font_reference(scaled))
        indices[scaled] = index
        return index
    }

    subscript(index: UInt16) -> OpaquePointer? {
        Int(index) < fonts.count ? fonts[Int(index)] : nil
    }

    deinit { for font in fonts { cairo_scaled_font_destroy(font) } }
}
