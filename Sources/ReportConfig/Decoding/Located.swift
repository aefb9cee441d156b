/// A value with the place it was written, so a check made later can point at it.
///
/// Decoded from a file, it takes the position of the value's node; its problems are reported as
/// the bare value's would be.
public struct Located<Value> {
  public var value: Value
  public var location: SourceLocation

  public init(_ value: Value, at location: SourceLocation) {
    self.value = value
    self.location = location
  }
}

extension Located: Sendable where Value: Sendable {}
extension Located: Equatable where Value: Equatable {}

extension Located: Decodable where Value: Decodable {
  public init(from decoder: any Decoder) throws {
    guard let decoder = decoder as? NodeDecoder, let node = decoder.node else {
      self.init(try Value(from: decoder), at: .builtIn(""))
      return
    }
    self.init(
      try decoder.session.decode(Value.self, from: node, at: decoder.path), at: node.location)
  }
}
