/// `/view/<document>`'s query: the pages the browser has in view (`pages=3,4`, 1-based) and the
/// width it asks each one's first paint at (`w=794,794`, as `/pages/<document>/<n>.rgba?w=`).
struct ViewQuery {
  /// The pages in view, each with its width as asked (checked by ``RasterWidth`` when drawn).
  let pages: [(page: Int, width: String)]

  /// The query's `pages` and `w` (nil or empty: no page in view); nil when they are not two lists
  /// of as many positive whole numbers.
  init?(pages: String?, widths: String?) {
    let numbers = (pages ?? "").split(separator: ",")
    let asked = (widths ?? "").split(separator: ",")
    guard numbers.count == asked.count else { return nil }
    var pairs: [(page: Int, width: String)] = []
    for (number, width) in zip(numbers, asked) {
      guard let page = Int(number), page > 0, let pixels = Int(width), pixels > 0 else {
        return nil
      }
      pairs.append((page, String(pixels)))
    }
    self.pages = pairs
  }
}
