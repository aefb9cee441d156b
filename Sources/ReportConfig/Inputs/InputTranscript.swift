/// The questions one load asked the file system through ``Inputs`` (each file read, each lookup,
/// each folder listed, each path located), with the answers it got.
///
/// It holds while asking them again, in order, gets the same answers: the same bytes from each
/// file, the same files found and missing, the same names in each folder. A load is a function of
/// those answers, so a value it returned may then be reused.
public struct InputTranscript {
  /// Each question, as a check that asking it again through the given inputs gets the same answer.
  let checks: [(Inputs) -> Bool]

  /// Whether each question, asked again through `inputs` (which records it as a load would),
  /// gets the answer the load got; stops at the first that does not.
  public func holds(through inputs: Inputs) -> Bool { checks.allSatisfy { $0(inputs) } }
}
