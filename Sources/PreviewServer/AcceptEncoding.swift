/// Whether a request's `Accept-Encoding` takes a content coding (RFC 9110 §12.5.3): named in
/// it with a weight (`q`) above zero, so `zstd;q=0` refuses zstd.
enum AcceptEncoding {
  /// Whether `header` names `coding` (case-insensitive) with a nonzero weight; false when it
  /// names it not at all (a plain body is always acceptable) or `header` is nil.
  static func takes(_ coding: String, in header: String?) -> Bool {
    (header ?? "").split(separator: ",").contains { element in
      let parts = element.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.first?.lowercased() == coding.lowercased() else { return false }
      return weight(parts.dropFirst()) > 0
    }
  }

  /// The `q` among an element's parameters; 1 when it has none, 0 when it is not a number.
  private static func weight(_ parameters: ArraySlice<String>) -> Double {
    for parameter in parameters {
      let pair = parameter.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      if pair.count == 2, pair[0].lowercased() == "q" { return Double(pair[1]) ?? 0 }
    }
    return 1
  }
}
