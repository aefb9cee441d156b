import CHyphen

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libhyphen's compiled patterns (`HyphenDict`) saved to a file and rebuilt from it.
///
/// `hnj_hyphen_load` builds its state machine through a hash table of every pattern prefix: about
/// 3 s for the German patterns. The machine it leaves behind is plain data (states with a match
/// string, a replacement, a fallback state and transitions), so it is written out once and read
/// back with a few hundred thousand `malloc`s, each block allocated the way hyphen.c allocates it
/// (its `hnj_malloc` is `malloc`), so that `hnj_hyphen_free` frees a rebuilt dictionary like a
/// loaded one and libhyphen still does all the hyphenating.
///
/// The file: a 32-byte header (magic `PMRHYPH1`, format version, payload length and checksum, all
/// little-endian) and the payload. A file whose magic, version, length or checksum is wrong, or whose
/// states point outside the machine, is rejected whole: ``rebuild(from:)`` returns nil and nothing is
/// allocated.
enum HyphenCache {
  static let magic = Array("PMRHYPH1".utf8)
  /// Bumped whenever the payload's layout changes.
  static let version: UInt32 = 1
  static let headerSize = 32

  // MARK: Writing

  /// The dictionary `dict` (and its `nextlevel` chain) as a cache file's bytes.
  static func serialize(_ dict: UnsafeMutablePointer<HyphenDict>) -> [UInt8] {
    var w = ByteWriter()
    var levels: [UnsafeMutablePointer<HyphenDict>] = []
    var next: UnsafeMutablePointer<HyphenDict>? = dict
    while let level = next, levels.count < maxLevels {
      levels.append(level)
      next = level.pointee.nextlevel
    }
    w.u32(UInt32(levels.count))
    for level in levels {
      let d = level.pointee
      for value in [d.lhmin, d.rhmin, d.clhmin, d.crhmin] { w.u8(UInt8(bitPattern: value)) }
      w.i32(d.nohyphenl)
      // `nohyphen` is `nohyphenl + 1` strings, each ended by NUL, in one allocation.
      if let nohyphen = d.nohyphen {
        var length = 0
        for _ in 0...max(0, Int(d.nohyphenl)) { length += strlen(nohyphen + length) + 1 }
        w.bytes(UnsafeRawBufferPointer(start: nohyphen, count: length))
      } else {
        w.i32(-1)
      }
      withUnsafeBytes(of: d.cset) { w.raw($0) }
      w.i32(d.utf8)
      w.i32(d.num_states)
      for s in 0..<Int(d.num_states) {
        let state = d.states[s]
        w.string(state.match)
        w.string(state.repl)
        // Only read beside a replacement; a prefix-only state leaves them uninitialized in hyphen.c.
        let hasRepl = state.repl != nil
        w.u8(hasRepl ? UInt8(bitPattern: state.replindex) : 0)
        w.u8(hasRepl ? UInt8(bitPattern: state.replcut) : 0)
        w.i32(state.fallback_state)
        w.i32(state.num_trans)
        for t in 0..<Int(state.num_trans) {
          w.u8(UInt8(bitPattern: state.trans[t].ch))
          w.i32(state.trans[t].new_state)
        }
      }
    }
    var header = ByteWriter()
    header.raw(magic)
    header.u32(version)
    header.u32(0)
    header.u64(UInt64(w.bytes.count))
    header.u64(w.bytes.withUnsafeBytes { checksum($0) })
    return header.bytes + w.bytes
  }

  // MARK: Reading

  /// A dictionary rebuilt from a cache file's bytes, for `hnj_hyphen_free` to free; nil when the
  /// bytes are not a complete, intact cache file of this version.
  static func rebuild(from file: UnsafeRawBufferPointer) -> UnsafeMutablePointer<HyphenDict>? {
    guard file.count >= headerSize,
      Array(file.prefix(magic.count)) == magic,
      read(UInt32.self, file, at: 8) == version,
      read(UInt64.self, file, at: 16) == UInt64(file.count - headerSize)
    else { return nil }
    let payload = UnsafeRawBufferPointer(rebasing: file[headerSize...])
    guard read(UInt64.self, file, at: 24) == checksum(payload) else { return nil }
    var r = ByteReader(bytes: payload)
    var top: UnsafeMutablePointer<HyphenDict>?
    var last: UnsafeMutablePointer<HyphenDict>?
    do {
      let count = try r.u32()
      guard (1...UInt32(maxLevels)).contains(count) else { throw ByteReader.Bad() }
      for _ in 0..<count {
        let level = try rebuildLevel(&r, linkingAfter: &last)
        if top == nil { top = level }
      }
      guard r.atEnd else { throw ByteReader.Bad() }
      return top
    } catch {
      if let top { hnj_hyphen_free(top) }
      return nil
    }
  }

  /// Reads one level, allocating it zeroed and linking it after `last` before filling it, so that a
  /// failure part-way leaves a chain `hnj_hyphen_free` can free.
  private static func rebuildLevel(
    _ r: inout ByteReader, linkingAfter last: inout UnsafeMutablePointer<HyphenDict>?
  ) throws -> UnsafeMutablePointer<HyphenDict> {
    guard let raw = calloc(1, MemoryLayout<HyphenDict>.stride) else { throw ByteReader.Bad() }
    let level = raw.bindMemory(to: HyphenDict.self, capacity: 1)
    last?.pointee.nextlevel = level
    last = level
    level.pointee.lhmin = CChar(bitPattern: try r.u8())
    level.pointee.rhmin = CChar(bitPattern: try r.u8())
    level.pointee.clhmin = CChar(bitPattern: try r.u8())
    level.pointee.crhmin = CChar(bitPattern: try r.u8())
    let nohyphenl = try r.i32()
    guard nohyphenl >= 0 else { throw ByteReader.Bad() }
    level.pointee.nohyphenl = nohyphenl
    level.pointee.nohyphen = try r.string()
    // Every string in `nohyphen` must be there (hyphen.c walks `nohyphenl + 1` of them).
    if let nohyphen = level.pointee.nohyphen {
      let length = r.lastStringLength
      var at = 0
      for _ in 0...Int(nohyphenl) {
        guard at < length else { throw ByteReader.Bad() }
        at += strlen(nohyphen + at) + 1
      }
    }
    let cset = try r.raw(MemoryLayout.size(ofValue: level.pointee.cset))
    withUnsafeMutableBytes(of: &level.pointee.cset) { target in
      target.copyMemory(from: cset)
      target[target.count - 1] = 0
    }
    level.pointee.utf8 = try r.i32()
    let count = try r.i32()
    guard count > 0, Int(count) <= r.remaining / minimumStateSize else { throw ByteReader.Bad() }
    guard let states = calloc(Int(count), MemoryLayout<HyphenState>.stride) else {
      throw ByteReader.Bad()
    }
    level.pointee.states = states.bindMemory(to: HyphenState.self, capacity: Int(count))
    level.pointee.num_states = count
    for s in 0..<Int(count) {
      let state = level.pointee.states + s
      state.pointee.match = try r.string()
      state.pointee.repl = try r.string()
      state.pointee.replindex = Int8(bitPattern: try r.u8())
      state.pointee.replcut = Int8(bitPattern: try r.u8())
      let fallback = try r.i32()
      guard fallback >= -1, fallback < count else { throw ByteReader.Bad() }
      state.pointee.fallback_state = fallback
      let transitions = try r.i32()
      guard transitions >= 0, Int(transitions) <= r.remaining / 5 else { throw ByteReader.Bad() }
      guard transitions > 0 else { continue }
      guard let trans = malloc(Int(transitions) * MemoryLayout<HyphenTrans>.stride) else {
        throw ByteReader.Bad()
      }
      let table = trans.bindMemory(to: HyphenTrans.self, capacity: Int(transitions))
      state.pointee.trans = table
      state.pointee.num_trans = transitions
      for t in 0..<Int(transitions) {
        let ch = CChar(bitPattern: try r.u8())
        let target = try r.i32()
        guard target >= 0, target < count else { throw ByteReader.Bad() }
        table[t] = HyphenTrans(ch: ch, new_state: target)
      }
    }
    return level
  }

  /// A state takes at least this many bytes (two absent strings, indices, two counts).
  private static let minimumStateSize = 4 + 4 + 1 + 1 + 4 + 4
  /// libhyphen makes two levels; more in a file means it is not one of ours.
  private static let maxLevels = 4

  private static func read<T: FixedWidthInteger>(
    _ type: T.Type, _ bytes: UnsafeRawBufferPointer, at offset: Int
  ) -> T {
    T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
  }

  // MARK: Checksum

  /// A 64-bit checksum of `bytes`.
  ///
  /// 8 bytes a step, each step a bijection of the state (multiply by an odd constant, xor-shift),
  /// so any change confined to one 8-byte word always changes it. Also the key of a dictionary's cache file (see ``Hyphenator``).
  static func checksum(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
    let n = bytes.count
    var i = 0
    while i + 8 <= n {
      h =
        (h ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
        &* 0x9E37_79B9_7F4A_7C15
      h ^= h >> 29
      i += 8
    }
    while i < n {
      h = (h ^ UInt64(bytes[i])) &* 0x9E37_79B9_7F4A_7C15
      h ^= h >> 29
      i += 1
    }
    h = (h ^ UInt64(n)) &* 0xBF58_476D_1CE4_E5B9
    return h ^ (h >> 31)
  }
}
