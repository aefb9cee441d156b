extension String {
  /// The text of a C library's message buffer, up to its first NUL (invalid UTF-8 repaired).
  init(cMessage buffer: [CChar]) {
    self.init(
      decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
