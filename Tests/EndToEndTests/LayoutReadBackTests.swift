import Foundation
import PMReport
import ReportModel
import Testing

/// Reads the laid-out full report back (`pdftotext -bbox-layout`, `qpdf --json`) and checks geometry.
@Suite(.serialized) struct LayoutReadBackTests {
    struct Word { var page: Int; var x0, y0, x1, y1: Double; var text: String }

    /// Every word with its box, from poppler's bbox output.
    func words() throws -> (words: [Word], pageSize: (Double, Double)) {
        let xml = try run("pdftotext", ["-bbox-layout", try RenderedReport.pdf(), "-"]).output
        var out: [Word] = []
        var page = 0
        var size = (0.0, 0.0)
        let attribute = try Regex(#"(\w+)="([^"]*)""#)
        for line in xml.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("<page ") {
                page += 1
                var a: [String: Double] = [:]
                for m in trimmed.matches(of: attribute) { a[String(m.output[1].substring ?? "")] = Double(m.output[2].substring ?? "") }
                size = (a["width"] ?? 0, a["height"] ?? 0)
            } else if trimmed.hasPrefix("<word ") {
                var a: [String: Double] = [:]
                for m in trimmed.matches(of: attribute) { a[String(m.output[1].substring ?? "")] = Double(m.output[2].substring ?? "") }
                let text = trimmed.split(separator: ">").dropFirst().first.map { String($0.split(separator: "<").first ?? "") } ?? ""
                out.append(Word(page: page, x0: a["xMin"] ?? 0, y0: a["yMin"] ?? 0, x1: a["xMax"] ?? 0, y1: a["yMax"] ?? 0, text: text))
            }
        }
        return (out, size)
    }

    @Test func everyWordLiesInsideThePrintableArea() throws {
        let (words, size) = try words()
        #expect(words.count > 2000)
        // Printable area: the page less a 24 pt border (running header and footer sit in the margins).
        let outside = words.filter { $0.x0 < 24 || $0.y0 < 24 || $0.x1 > size.0 - 24 || $0.y1 > size.1 - 24 }
        #expect(outside.isEmpty, "outside: \(outside.prefix(3).map(\.text))")
    }

    @Test func noTwoWordsOverlap() throws {
        let (words, _) = try words()
        var clashes: [String] = []
        for page in Set(words.map(\.page)) {
            let onPage = words.filter { $0.page == page }
            for i in onPage.indices {
                for j in onPage.indices where j > i {
                    let a = onPage[i], b = onPage[j]
                    let dx = min(a.x1, b.x1) - max(a.x0, b.x0), dy = min(a.y1, b.y1) - max(a.y0, b.y0)
                    if dx > 0.5 && dy > 0.5 { clashes.append("p\(page): '\(a.text)' × '\(b.text)'") }
                }
            }
        }
        #expect(clashes.isEmpty, "\(clashes.prefix(5))")
    }

    /// The page text of each page, split at form feeds.
    func pages() throws -> [[String]] {
        let text = try run("pdftotext", ["-layout", "-enc", "UTF-8", try RenderedReport.pdf(), "-"]).output
        return text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map {
            $0.split(separator: "\n").map { $0.split(whereSeparator: { $0 == " " }).joined(separator: " ") }
        }
    }

    @Test func contentsPageNumbersAreWhereTheHeadingsStand() throws {
        let pages = try pages()
        let sections = Comparison.builtIn.sections
        var checked = 0
        for (i, section) in sections.enumerated() {
            let number = "\(i + 1)"
            let heading = "\(number) \(section.title)"
            // The contents line: "N Title … page" (the title may wrap; match its start and take the last number).
            guard let tocPage = pages.firstIndex(where: { $0.contains { $0.hasPrefix(heading.prefix(30)) } }),
                  let line = pages[tocPage].first(where: { $0.hasPrefix(heading.prefix(30)) }) else {
                Issue.record("no contents line for \(heading)"); continue
            }
            let linesFrom = pages[tocPage].drop { $0 != line }
            guard let numbered = linesFrom.first(where: { $0.split(separator: " ").last.map { Int($0) != nil } ?? false }),
                  let listed = numbered.split(separator: " ").last.flatMap({ Int($0) }) else {
                Issue.record("no page number for \(heading)"); continue
            }
            // The heading itself: the same words, on a page after the contents.
            let standsOn = pages.indices.first { p in p > tocPage && pages[p].contains { $0.hasPrefix(heading.prefix(30)) } }
            #expect(standsOn.map { $0 + 1 } == listed, "\(heading): contents says \(listed), stands on \(standsOn.map { $0 + 1 } ?? -1)")
            checked += 1
        }
        #expect(checked == sections.count)
    }

    @Test func theOutlineHasOneEntryPerHeading() throws {
        let json = try run("qpdf", ["--json", "--json-key=outlines", try RenderedReport.pdf()]).output
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        func count(_ items: [[String: Any]]) -> Int {
            items.reduce(0) { $0 + 1 + count(($1["kids"] as? [[String: Any]]) ?? []) }
        }
        let outlines = (object?["outlines"] as? [[String: Any]]) ?? []
        #expect(count(outlines) == Comparison.builtIn.allSections.count)
        #expect(outlines.count == Comparison.builtIn.sections.count)
    }
}
