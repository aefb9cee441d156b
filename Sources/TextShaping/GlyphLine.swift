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

    /// One run, as read back from the line's run column: a font and colour over a stretch of the
    /// line's glyphs, text and clusters.
    struct Run {
        var font: UInt32
        var color: UInt32
        /// Right-to-left: the clusters map the text forwards onto the glyphs from the last one back.
        var backward: Bool
        /// Where the run's glyphs, text bytes and cluster pairs end in the line's columns.
        var glyphEnd: Int
        var textEnd: Int
        var clusterEnd: Int

        /// Run `index` of a line's run column.
        init(_ data: PackedColumns, index: Int) {
            let at = index * 6
            font = data.number(GlyphLine.runsColumn, at); color = data.number(GlyphLine.runsColumn, at + 1)
            backward = data.number(GlyphLine.runsColumn, at + 2) != 0
            glyphEnd = Int(data.number(GlyphLine.runsColumn, at + 3))
            textEnd = Int(data.number(GlyphLine.runsColumn, at + 4))
            clusterEnd = Int(data.number(GlyphLine.runsColumn, at + 5))
        }
    }

    private let palette: GlyphPalette
    private let runCount: Int32
    /// Four columns and the text, in one buffer:
    /// - glyph ids;
    /// - glyph origins in Pango units (1/1024 pt) from the line's left baseline point, each as the
    ///   step from the one before (zigzag-coded: steps are small, and a mark's may be negative);
    /// - (bytes, glyphs) cluster pairs in logical order within each run, when `clusters` is `.pairs`;
    /// - the runs, six numbers each (font, colour, direction, where its glyphs, text and clusters end);
    /// - the UTF-8 text, run after run in logical order.
    private let data: PackedColumns
    /// Vertical offsets in Pango units, one a glyph; empty when every glyph sits on the baseline.
    private let ys: [Int32]
    /// How the text maps onto the glyphs.
    private let clusters: ClusterMap
    /// Glyphs no installed font has: (x, width) in Pango units, drawn as empty boxes.
    private let missing: [Int32]
    /// The size of the font the missing glyphs are boxes for, in points.
    private let missingSize: Float

    /// The clusters of a line: which bytes of text each run of glyphs shows.
    enum ClusterMap {
        /// Every cluster is one byte shown by one glyph (plain text without ligatures).
        case oneToOne
        /// The pairs in the line's cluster column say.
        case pairs
    }

    private static let ids = 0, steps = 1, pairs = 2
    fileprivate static let runsColumn = 3

    private init(palette: GlyphPalette, runCount: Int, data: PackedColumns, ys: [Int32], clusters: ClusterMap,
                 missing: [Int32], missingSize: Float) {
        self.palette = palette; self.runCount = Int32(runCount); self.data = data; self.ys = ys
        self.clusters = clusters; self.missing = missing; self.missingSize = missingSize
    }

    /// The characters the line shows, a soft hyphen it breaks at drawn as "-".
    var text: String {
        var utf8 = Array(data.tail)
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
        let keepsText = cairo_surface_has_show_text_glyphs(cairo_get_target(cr)) != 0
        let scale = Double(PANGO_SCALE)
        var glyphs: [cairo_glyph_t] = []
        var pairs: [cairo_text_cluster_t] = []
        var glyphStart = 0, textStart = 0, clusterStart = 0
        var x: Int32 = 0
        cairo_save(cr)
        for index in 0..<Int(runCount) {
            let run = Run(data, index: index)
            let glyphEnd = run.glyphEnd, textEnd = run.textEnd, clusterEnd = run.clusterEnd
            defer { glyphStart = glyphEnd; textStart = textEnd; clusterStart = clusterEnd }
            glyphs.removeAll(keepingCapacity: true)
            for i in glyphStart..<glyphEnd {
                let y = ys.isEmpty ? 0 : Double(ys[i]) / scale
                x &+= Self.unzigzag(data.number(Self.steps, i))
                glyphs.append(cairo_glyph_t(index: UInt(data.number(Self.ids, i)), x: originX + Double(x) / scale,
                                            y: originY + y))
            }
            cairo_set_scaled_font(cr, palette.font(run.font))
            let color = palette.color(run.color)
            cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
            guard keepsText else {
                cairo_show_glyphs(cr, glyphs, Int32(glyphs.count))
                continue
            }
            pairs.removeAll(keepingCapacity: true)
            switch clusters {
            case .oneToOne:
                pairs.append(contentsOf: repeatElement(cairo_text_cluster_t(num_bytes: 1, num_glyphs: 1), count: glyphs.count))
            case .pairs:
                for k in stride(from: clusterStart, to: clusterEnd, by: 2) {
                    pairs.append(cairo_text_cluster_t(num_bytes: Int32(data.number(Self.pairs, k)),
                                                      num_glyphs: Int32(data.number(Self.pairs, k + 1))))
                }
            }
            data.tail.withUnsafeBufferPointer { text in
                guard let base = text.baseAddress, textEnd > textStart else {
                    cairo_show_glyphs(cr, glyphs, Int32(glyphs.count))
                    return
                }
                let start = UnsafeRawPointer(base + textStart).assumingMemoryBound(to: CChar.self)
                cairo_show_text_glyphs(cr, start, Int32(textEnd - textStart), glyphs, Int32(glyphs.count),
                                       pairs, Int32(pairs.count),
                                       run.backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t(0))
            }
        }
        drawMissingGlyphBoxes(cr, originX: originX, originY: originY)
        cairo_restore(cr)
    }

    /// A signed step as an unsigned number, small steps of either sign staying small.
    static func zigzag(_ v: Int32) -> UInt32 { UInt32(bitPattern: (v << 1) ^ (v >> 31)) }

    /// The step `zigzag` coded.
    static func unzigzag(_ u: UInt32) -> Int32 { Int32(bitPattern: u >> 1) ^ -Int32(bitPattern: u & 1) }

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
    /// colour of the text at a byte offset of `layoutText`. `builder` is scratch space, reused from
    /// line to line.
    static func copying(_ line: UnsafeMutablePointer<PangoLayoutLine>, layoutText: UnsafePointer<CChar>,
                        palette: GlyphPalette, builder: inout Builder, colorAt: (Int) -> Color) -> GlyphLine {
        builder.reset()
        var runX = 0
        let lineEnd = Int(line.pointee.start_index + line.pointee.length)
        var node = line.pointee.runs
        while let current = node {
            node = current.pointee.next
            guard let data = current.pointee.data else { continue }
            let glyphItem = data.assumingMemoryBound(to: PangoGlyphItem.self)
            guard let item = glyphItem.pointee.item, let glyphString = glyphItem.pointee.glyphs else { continue }
            let font = palette.index(of: item.pointee.analysis.font)
            let backward = item.pointee.analysis.level & 1 != 0
            builder.addRun(glyphItem, glyphs: glyphString, layoutText: layoutText, lineEnd: lineEnd, x: runX, font: font,
                           color: palette.index(of: colorAt(Int(item.pointee.offset))), backward: backward)
            runX += Int(pango_glyph_string_get_width(glyphString))
        }
        return builder.line(palette: palette)
    }

    /// Collects the runs of one line (scratch space, emptied for each line).
    struct Builder {
        private var runNumbers: [UInt32] = []
        private var runCount = 0
        private var glyphIDs: [UInt32] = []
        /// x positions while collecting, zigzag-coded steps once the line is done.
        private var xs: [UInt32] = []
        private var ys: [Int32] = []
        private var anyY = false
        private var text: [UInt8] = []
        private var clusters: [UInt32] = []
        private var oneToOne = true
        private var missing: [Int32] = []
        private var missingSize: Float = 0
        private var skipped: [Bool] = []

        init() {}

        mutating func reset() {
            runNumbers.removeAll(keepingCapacity: true)
            runCount = 0
            glyphIDs.removeAll(keepingCapacity: true)
            xs.removeAll(keepingCapacity: true)
            ys.removeAll(keepingCapacity: true)
            anyY = false
            text.removeAll(keepingCapacity: true)
            clusters.removeAll(keepingCapacity: true)
            oneToOne = true
            missing = []
        }

        mutating func addRun(_ glyphItem: UnsafeMutablePointer<PangoGlyphItem>,
                             glyphs: UnsafeMutablePointer<PangoGlyphString>, layoutText: UnsafePointer<CChar>,
                             lineEnd: Int, x: Int, font: UInt32, color: UInt32, backward: Bool) {
            let count = Int(glyphs.pointee.num_glyphs)
            guard count > 0, let infos = glyphs.pointee.glyphs else { return }
            let source = UnsafeRawPointer(layoutText).assumingMemoryBound(to: UInt8.self)
            // Clusters in logical order. A soft hyphen the line does not break at is shaped as a
            // blank glyph of no width: it is left out of both the glyphs and the text. (It can also
            // share a cluster with letters — "f\u{AD}f" shapes as one "ff" ligature — and then only its
            // bytes go.) The one the line breaks at, drawn as a hyphen, stays.
            skipped.removeAll(keepingCapacity: true)
            skipped.append(contentsOf: repeatElement(false, count: count))
            var iter = PangoGlyphItemIter()
            var more = pango_glyph_item_iter_init_start(&iter, glyphItem, layoutText) != 0
            while more {
                let lo = max(0, min(Int(iter.start_glyph), Int(iter.end_glyph) + 1))
                let hi = min(count, max(Int(iter.start_glyph) + 1, Int(iter.end_glyph)))
                let start = Int(iter.start_index), end = Int(iter.end_index)
                var softHyphenBytes = 0
                var k = start
                while k + 1 < end {
                    if source[k] == 0xC2, source[k + 1] == 0xAD, k + 2 != lineEnd { softHyphenBytes += 2; k += 2 } else { k += 1 }
                }
                var visible = 0, blank = true
                for i in lo..<max(lo, hi) {
                    if infos[i].geometry.width != 0 { blank = false }
                    if Self.isDrawn(infos[i].glyph) { visible += 1 }
                }
                let length = end - start
                if softHyphenBytes == length, blank {
                    for i in lo..<max(lo, hi) { skipped[i] = true }
                } else {
                    var kept = length
                    if softHyphenBytes == 0 || softHyphenBytes == length {
                        text.append(contentsOf: UnsafeBufferPointer(start: source + start, count: length))
                    } else {
                        kept -= softHyphenBytes
                        var k = start
                        while k < end {
                            if k + 1 < end, source[k] == 0xC2, source[k + 1] == 0xAD, k + 2 != lineEnd { k += 2; continue }
                            text.append(source[k])
                            k += 1
                        }
                    }
                    if kept != 1 || visible != 1 { oneToOne = false }
                    clusters.append(UInt32(kept))
                    clusters.append(UInt32(visible))
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
                xs.append(UInt32(bitPattern: Int32(clamping: position + Int(info.geometry.x_offset))))
                ys.append(info.geometry.y_offset)
                if info.geometry.y_offset != 0 { anyY = true }
            }
            runCount += 1
            runNumbers += [font, color, backward ? 1 : 0, UInt32(glyphIDs.count), UInt32(text.count),
                           UInt32(clusters.count)]
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

        /// The line, in storage of its own size: numbers as narrow as they fit (a document keeps
        /// every line it sets).
        mutating func line(palette: GlyphPalette) -> GlyphLine {
            let map: ClusterMap = oneToOne ? .oneToOne : .pairs
            var previous: Int32 = 0
            for i in xs.indices {
                let x = Int32(bitPattern: xs[i])
                xs[i] = GlyphLine.zigzag(x &- previous)
                previous = x
            }
            let data = PackedColumns([glyphIDs, xs, map == .pairs ? clusters : [], runNumbers], tail: text)
            return GlyphLine(palette: palette, runCount: runCount, data: data,
                             ys: anyY ? ys.withUnsafeBufferPointer { Array($0) } : [],
                             clusters: map, missing: missing, missingSize: missingSize)
        }
    }
}

/// Columns of unsigned numbers and a tail of bytes in one buffer (one allocation, not one a column),
/// each column as narrow — 1, 2 or 4 bytes a number — as its largest number allows.
struct PackedColumns {
    private let storage: [UInt8]
    /// Where each column starts, and (the last) where the tail starts.
    private let starts: SIMD8<Int32>
    /// Bytes a number, each column.
    private let widths: SIMD8<UInt8>

    /// Packs up to seven columns and the tail.
    init(_ columns: [[UInt32]], tail: [UInt8]) {
        var widths = SIMD8<UInt8>(repeating: 1), starts = SIMD8<Int32>(repeating: 0)
        var size = 0
        for (c, column) in columns.prefix(7).enumerated() {
            let largest = column.max() ?? 0
            widths[c] = largest <= UInt8.max ? 1 : largest <= UInt16.max ? 2 : 4
            starts[c] = Int32(size)
            size += column.count * Int(widths[c])
        }
        for c in min(columns.count, 7)..<8 { starts[c] = Int32(size) }
        let storage = [UInt8](unsafeUninitializedCapacity: size + tail.count) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            var at = 0
            for (c, column) in columns.prefix(7).enumerated() {
                switch widths[c] {
                case 1: for value in column { raw[at] = UInt8(truncatingIfNeeded: value); at += 1 }
                case 2:
                    for value in column {
                        raw.storeBytes(of: UInt16(truncatingIfNeeded: value).littleEndian, toByteOffset: at, as: UInt16.self)
                        at += 2
                    }
                default:
                    for value in column { raw.storeBytes(of: value.littleEndian, toByteOffset: at, as: UInt32.self); at += 4 }
                }
            }
            for byte in tail { raw[at] = byte; at += 1 }
            initialized = at
        }
        self.storage = storage; self.starts = starts; self.widths = widths
    }

    /// Number `index` of `column`.
    func number(_ column: Int, _ index: Int) -> UInt32 {
        let width = Int(widths[column]), at = Int(starts[column]) + index * width
        return storage.withUnsafeBytes { raw in
            switch width {
            case 1: UInt32(raw[at])
            case 2: UInt32(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt16.self)))
            default: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))
            }
        }
    }

    /// The bytes after the columns.
    var tail: ArraySlice<UInt8> { storage[Int(starts[7])...] }
}

/// Pango's special glyph codes (C macros Swift does not import).
enum GlyphCode {
    static let empty: UInt32 = 0x0FFF_FFFF
    static let invalid: UInt32 = 0xFFFF_FFFF
    static let unknownFlag: UInt32 = 0x1000_0000
}

/// The cairo scaled fonts and the colours a measurer's lines are drawn with, each held once and
/// named by a small index.
final class GlyphPalette: @unchecked Sendable {
    // @unchecked: filled only by the measurer's thread while shaping; cairo's scaled fonts are thread-safe.
    private var fonts: [OpaquePointer] = []
    private var fontIndices: [OpaquePointer: UInt32] = [:]
    private var colors: [Color] = []
    private var colorIndices: [Color: UInt32] = [:]

    /// The index of `font`'s scaled font, added (and referenced) the first time it is seen.
    func index(of font: UnsafeMutablePointer<PangoFont>?) -> UInt32 {
        guard let font, let scaled = pango_cairo_font_get_scaled_font(OpaquePointer(font)) else { return 0 }
        if let known = fontIndices[scaled] { return known }
        let index = UInt32(fonts.count)
        fonts.append(cairo_scaled_font_reference(scaled))
        fontIndices[scaled] = index
        return index
    }

    /// The index of `color`, added the first time it is seen.
    func index(of color: Color) -> UInt32 {
        if let known = colorIndices[color] { return known }
        let index = UInt32(colors.count)
        colors.append(color)
        colorIndices[color] = index
        return index
    }

    /// The scaled font at `index`.
    func font(_ index: UInt32) -> OpaquePointer? {
        Int(index) < fonts.count ? fonts[Int(index)] : nil
    }

    /// The colour at `index`.
    func color(_ index: UInt32) -> Color {
        Int(index) < colors.count ? colors[Int(index)] : .black
    }

    deinit { for font in fonts { cairo_scaled_font_destroy(font) } }
}
