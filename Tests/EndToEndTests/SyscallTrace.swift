import Foundation

/// The system calls of a run as `strace -f -y -s 4096` wrote them, in the order they returned,
/// every process's together (a call another process interrupted, `<unfinished ...>` and later
/// `<... name resumed>`, is joined and counted when it returned).
struct SyscallTrace {
  /// One call that succeeded.
  struct Call {
    var pid: Int
    var name: String
    /// The arguments as strace printed them (descriptors with their paths: `3</a/b>`).
    var arguments: String
    /// The result as printed (`0`, `3</a/b>`).
    var result: String

    /// The path of the descriptor that is the first argument (`fsync(3</a/b>)` → `/a/b`).
    var descriptorPath: String? {
      guard let open = arguments.firstIndex(of: "<"), let close = arguments.lastIndex(of: ">"),
        open < close
      else { return nil }
      return String(arguments[arguments.index(after: open)..<close])
    }

    /// The quoted strings among the arguments, in order (a rename's old and new path).
    var quotedArguments: [String] {
      arguments.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
        .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
  }

  private(set) var calls: [Call] = []

  /// Reads strace's output; calls that failed (`= -1 …`) are left out.
  init(_ text: String) {
    var pending: [Int: String] = [:]
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: " ", maxSplits: 1)
      guard fields.count == 2, let pid = Int(fields[0]) else { continue }
      var rest = String(fields[1]).trimmingCharacters(in: .whitespaces)
      if let cut = rest.range(of: " <unfinished ...>") {
        pending[pid] = String(rest[..<cut.lowerBound])
        continue
      }
      if rest.hasPrefix("<... "), let end = rest.range(of: " resumed>") {
        rest = (pending.removeValue(forKey: pid) ?? "") + rest[end.upperBound...]
      }
      // `name(arguments) = result`, the result padded after a resumed call: `)       = 0`.
      guard let open = rest.firstIndex(of: "("),
        let equals = rest.range(of: " = ", options: .backwards),
        let close = rest[..<equals.lowerBound].lastIndex(of: ")"), open < close
      else { continue }
      let result = String(rest[equals.upperBound...])
      guard !result.hasPrefix("-1") else { continue }
      calls.append(
        Call(
          pid: pid, name: String(rest[..<open]),
          arguments: String(rest[rest.index(after: open)..<close]), result: result))
    }
  }
}
