/// Values loaded through ``Inputs``, each kept with its load's ``InputTranscript`` and reused
/// while the transcript holds.
///
/// A class: one memo is shared by the builds of a watch session. A load that throws keeps
/// nothing, so its errors come again from the next load.
final class InputMemo<Key: Hashable, Value> {
  private var kept: [Key: (value: Value, transcript: InputTranscript)] = [:]
  /// How many values were loaded rather than reused.
  ///
  /// Test-only: what tests observe.
  private(set) var loads = 0

  /// The value kept for `key` when its transcript holds through `inputs`; else `load`'s, kept.
  ///
  /// Either way `inputs` records what a load would: the transcript's questions are asked through
  /// it.
  func value(for key: Key, through inputs: Inputs, load: () throws -> Value) rethrows -> Value {
    if let entry = kept[key], entry.transcript.holds(through: inputs) { return entry.value }
    kept[key] = nil
    loads += 1
    let loaded = try inputs.transcribing(load)
    kept[key] = loaded
    return loaded.value
  }
}
