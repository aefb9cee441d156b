import CHyphen

/// Marks hyphenation points with soft hyphens (U+00AD), using libhyphen's TeX-style patterns.
///
/// Pango breaks at soft hyphens and draws the hyphen, so the line breaker itself stays Pango's.
/// Words are cached: the same word is hyphenated once per hyphenator.
public final class Hyphenator {
    /// The soft hyphen Pango breaks at.
    public static let softHyphen: Character = "\u{00AD}"

    private let dictionary: UnsafeMutablePointer<HyphenDict>
    private var cache: [Substring: String] = [:]
    /// Least letters before the first and after the last hyphen.
    private let leftMin: Int32 = 2, rightMin: Int32 = 3
    /// Words shorter than this are never hyphenated.
    private let shortestWord = 6

    /// Loads the patterns at `path`; nil when the file is missing or unreadable.
    public init?(dictionaryPath: String) {
        guard let dict = hnj_hyphen_load(dictionaryPath) else { return nil }
        dictionary = dict
    }

    /// The US English patterns from Debian's `hyphen-en-us`, when installed.
    public static func englishUS() -> Hyphenator? {
        for path in ["/usr/share/hyphen/hyph_en_US.dic", "/usr/share/hyphen/hyph_en_Latn_US.dic",
                     "/usr/local/share/hyphen/hyph_en_US.dic", "/opt/homebrew/share/hyphen/hyph_en_US.dic"] {
            if let h = Hyphenator(dictionaryPath: path) { return h }
        }
        return nil
    }

    deinit { hnj_hyphen_free(dictionary) }

    /// Words longer than this get a break point every `longWordPiece` characters.
    static let longWord = 40, longWordPiece = 12

    /// `text` with a soft hyphen every few characters inside words longer than any dictionary word
    /// (an 800-letter string, a pasted hash), so they break across lines cheaply and visibly.
    public static func breakingLongWords(_ text: String) -> String {
        var out = "", run = 0
        var changed = false
        for c in text {
            if c.isWhitespace || c == softHyphen || c == "-" { run = 0 } else { run += 1 }
            if run > longWord, run % longWordPiece == 1 { out.append(softHyphen); changed = true }
            out.append(c)
        }
        return changed ? out : text
    }

    /// `text` with soft hyphens at every allowed break inside its words.
    public func hyphenate(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var word = Substring()
        var start = text.startIndex
        var index = text.startIndex
        func flush(upTo end: String.Index) {
            word = text[start..<end]
            if !word.isEmpty { out += hyphenated(word) }
        }
        while index < text.endIndex {
            let c = text[index]
            if !(c.isLetter && c.isASCII) {
                flush(upTo: index)
                out.append(c)
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        flush(upTo: text.endIndex)
        return out
    }

    /// One word (ASCII letters only) with its soft hyphens.
    private func hyphenated(_ word: Substring) -> String {
        if word.count < shortestWord { return String(word) }
        if let hit = cache[word] { return hit }
        let lower = Array(word.lowercased().utf8)
        var hyphens = [CChar](repeating: 0, count: lower.count + 5)
        var rep: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        var pos: UnsafeMutablePointer<Int32>? = nil
        var cut: UnsafeMutablePointer<Int32>? = nil
        let status = lower.map { CChar(bitPattern: $0) }.withUnsafeBufferPointer { buf in
            hnj_hyphen_hyphenate3(dictionary, buf.baseAddress, Int32(lower.count), &hyphens,
                                  nil, &rep, &pos, &cut, leftMin, rightMin, 2, 2)
        }
        freeReplacements(rep, pos, cut, count: lower.count)
        var result = String(word)
        if status == 0 {
            var pieces = ""
            for (i, ch) in word.enumerated() {
                pieces.append(ch)
                if i < lower.count - 1, hyphens[i] & 1 == 1 { pieces.append(Hyphenator.softHyphen) }
            }
            result = pieces
        }
        cache[word] = result
        return result
    }

    /// Frees the non-standard hyphenation tables libhyphen may allocate (none for English).
    private func freeReplacements(_ rep: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                  _ pos: UnsafeMutablePointer<Int32>?, _ cut: UnsafeMutablePointer<Int32>?,
                                  count: Int) {
        if let rep {
            for i in 0..<count { free(rep[i]) }
            free(rep)
        }
        free(pos)
        free(cut)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
