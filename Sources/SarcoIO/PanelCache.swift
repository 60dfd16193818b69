import Crypto
import Foundation
import SarcoCore

/// A compiled copy of a loaded panel, so a run does not parse its tables again.
///
/// - The tables stay the only source of truth. A copy records the panel
///   checksum (SHA-256 of panel.json and every table, as the loader computes
///   it) and each of those files' size, inode, modification and status change
///   times. It is used when every file still has those; when any differs the
///   files are hashed again and the copy is used only if the checksum is
///   unchanged (then its record is refreshed), else rebuilt from the tables.
/// - A copy is only read by the build of the tool that wrote it (version,
///   executable size and modification time: a rebuilt binary may parse
///   differently) and the same cache format.
/// - The copy is the whole `Panel` value through `BinaryEncoder`, so new tables
///   and fields need no cache code (the model only has to stay `Codable`).
/// - File: `<panel>/.sarcopanel-cache/panel-<tool hash>.bin`; when the panel
///   folder is not writable, `$XDG_CACHE_HOME/sarcopanel/<folder hash>/` (else
///   `~/.cache/sarcopanel/...`). One file per tool build, so a test binary and
///   the release one do not rebuild each other's copy; the newest few are kept.
///   Layout: magic, format, tool identity, checksum, file records, payload
///   length, payload SHA-256, payload. Written to a temporary file and renamed;
///   a copy that cannot be written is skipped, one that fails its SHA-256 or
///   does not decode is rebuilt.
/// - `SARCOPANEL_PANEL_CACHE=off` loads from the tables only; `panel validate`
///   always reads the tables.
public enum PanelCache {
  /// 2: known variants as flat unkeyed rows; 3: known variants by column (`KnownVariantTable`);
  /// 4: evidence items as flat rows; 5: exons, hotspots and known alleles as flat rows; 6: the known
  /// variants' texts as one newline-ended string; 7: `[UInt32]` members (the known variants' cells)
  /// as packed 4-byte words; 8: PVS1 gene rules and PM1 regions as flat rows.
  static let formatVersion: UInt32 = 8
  static let magic = Array("SARCOPANEL PANEL CACHE\n".utf8)
  static let folderName = ".sarcopanel-cache"
  /// Copies kept per panel folder (the newest).
  static let copiesKept = 4

  /// What a copy says about itself and the tables it was built from.
  struct Header: Equatable, Sendable {
    var tool: String
    var checksum: String
    /// Each file of the checksum: name, then size, modification time and inode.
    var files: [String]
  }

  /// The panel of `directory`, from its compiled copy when that is current, else
  /// from the tables (then the copy is written for next time).
  public static func load(directory: String, environment: [String: String] = ProcessInfo.processInfo.environment)
    throws -> Panel
  {
    if let early = PanelPrefetch.shared.take(directory: directory, environment: environment) { return early }
    return try load(directory: directory, environment: environment, readOnly: false)!
  }

  /// `readOnly`: only a copy whose files are all as recorded, else nil; nothing is hashed, built or
  /// written (what `PanelPrefetch` reads while the command line is parsed).
  static func load(directory: String, environment: [String: String], readOnly: Bool) throws -> Panel? {
    if environment["SARCOPANEL_PANEL_CACHE"] == "off" {
      return readOnly ? nil : try PanelLoader.load(directory: directory, environment: environment)
    }
    let (folder, label) = try PanelLoader.locate(directory, environment: environment)
    let tool = toolIdentity()
    let places = locations(folder: folder, environment: environment, besideWritable: access(folder.path, W_OK) == 0)
    var checksum: String?
    for place in places {
      let path = copyPath(in: place, tool: tool)
      guard let copy = readUnchecked(path: path), copy.header.tool == tool else { continue }
      let header = copy.header
      // The SHA-256 of the payload is checked beside the decode (which refuses malformed bytes
      // without reading out of bounds); a copy whose digest differs is not used.
      let intact = Background(ownThread: true) { copy.isIntact() }
      let stamps = fileStamps(folder: folder, names: header.files.map { String($0.prefix { $0 != "\t" }) })
      if stamps != header.files {
        if readOnly { continue }
        // Something was touched: is the content still the same?
        let manifest = try PanelLoader.readManifest(folder: folder, label: label)
        let current = checksum ?? PanelLoader.checksum(folder: folder, manifest: manifest)
        checksum = current
        guard current == header.checksum else { continue }
      }
      guard let panel = try? decodePanel(copy.bytes, from: copy.payloadStart), (try? intact.value()) == true, panel.checksum == header.checksum else {
        continue
      }
      if stamps != header.files {
        _ = write(panel, header: Header(tool: tool, checksum: panel.checksum, files: stamps), to: path)
      }
      return panel
    }
    if readOnly { return nil }
    // The files as they were before the parse: a table edited meanwhile no longer matches.
    let names = ["panel.json"] + ((try? PanelLoader.readManifest(folder: folder, label: label))?.tables.allFiles ?? [])
    let stamps = fileStamps(folder: folder, names: names)
    // Found through the same environment as the copy's folder: the copy must be of the panel it is filed under.
    let panel = try PanelLoader.load(directory: directory, environment: environment)
    let header = Header(tool: tool, checksum: panel.checksum, files: stamps)
    for place in places where write(panel, header: header, to: copyPath(in: place, tool: tool)) {
      prune(place)
      break
    }
    return panel
  }

  /// The panel of a copy, on three threads of about equal work: the knowledge's known-variant table
  /// (the longest part, started first) and its items (evidence, known alleles, tumour types...) each
  /// on one of their own while genes, exons, hotspots and the rule tables decode on this one. (The
  /// rule tables moved here from the known variants' thread, which then ended last, when arrays
  /// decoded into storage of their final size shortened the other two parts: panel ready 20.0 ->
  /// 18.6 ms from a batch's start, median of 21.) Members by their coding names, which the
  /// synthesised `Codable` of `Panel` and `PanelKnowledge` uses; tests hold this equal to decoding
  /// the whole value, and `knowledgeMembers` to `PanelKnowledge`'s properties.
  package static func decodePanel(_ bytes: [UInt8], from start: Int = 0) throws -> Panel {
    let members = try BinaryMembers(bytes: bytes, from: start)
    let knowledge = try members.members(forKey: "knowledge")
    guard try knowledge.count == knowledgeMembers.count else {
      throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "panel cache: knowledge members differ"))
    }
    let knownVariants = Background(ownThread: true) { try knowledge.decode(KnownVariantTable.self, forKey: "knownVariants") }
    let items = Background(ownThread: true) { try decodeKnowledgeItems(knowledge) }
    let manifest = try members.decode(PanelManifest.self, forKey: "manifest")
    let genes = try members.decode([Gene].self, forKey: "genes")
    let exons = try members.decodeRows([Exon].self, forKey: "exons")
    let hotspots = try members.decodeRows([Hotspot].self, forKey: "hotspots")
    let rules = try knowledge.decode(RuleTables.self, forKey: "rules")
    let checksum = try members.decode(String.self, forKey: "checksum")
    var whole = try items.value()
    whole.knownVariants = try knownVariants.value()
    whole.rules = rules
    return Panel(manifest: manifest, genes: genes, exons: exons, hotspots: hotspots, knowledge: whole, checksum: checksum)
  }

  /// `PanelKnowledge`'s members in declaration order (its coding keys). A copy whose knowledge has
  /// another number of members is refused (and rebuilt from the tables), never decoded without one.
  static let knowledgeMembers = [
    "fusions", "copyNumberEvents", "evidence", "knownVariants", "knownAlleles", "tumourTypes", "escat",
    "functionalDomains", "kinaseDomains", "rules",
  ]

  /// Every member of the knowledge but its known variants and rule tables.
  static func decodeKnowledgeItems(_ members: BinaryMembers) throws -> PanelKnowledge {
    var knowledge = PanelKnowledge()
    knowledge.fusions = try members.decode([Fusion].self, forKey: "fusions")
    knowledge.copyNumberEvents = try members.decode([CopyNumberEvent].self, forKey: "copyNumberEvents")
    knowledge.evidence = try members.decodeRows([EvidenceItem].self, forKey: "evidence")
    knowledge.knownAlleles = try members.decodeRows([KnownAllele].self, forKey: "knownAlleles")
    knowledge.tumourTypes = try members.decode(TumourTypeTable.self, forKey: "tumourTypes")
    knowledge.escat = try members.decode([EscatEntry].self, forKey: "escat")
    knowledge.functionalDomains = try members.decode([FunctionalDomain].self, forKey: "functionalDomains")
    knowledge.kinaseDomains = try members.decode([KinaseDomain].self, forKey: "kinaseDomains")
    return knowledge
  }

  /// Format, tool version and the executable's size and modification time.
  static func toolIdentity() -> String {
    var executable = "unknown"
    if let path = executablePath(), let status = FileStatus(path: path) {
      executable = "\(path) \(status.size) \(status.modified)"
    }
    return "format \(formatVersion); sarcopanel \(SarcopanelVersion.current); executable \(executable)"
  }

  /// The running executable. On Linux from `/proc/self/exe`: `Bundle.main` lists the executable's
  /// folder twice on first use (an installed binary's `bin/` can hold thousands of entries).
  static func executablePath() -> String? {
    #if os(Linux)
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
      if length > 0 { return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
    #endif
    return Bundle.main.executablePath
  }

  /// `name<TAB>size<TAB>inode<TAB>modification time<TAB>status change time` of
  /// each file (`-` when it is missing). The status change time moves on every
  /// write and cannot be set back, unlike the modification time.
  static func fileStamps(folder: URL, names: [String]) -> [String] {
    // Paths joined as text: a `URL` per file was half of this on every run's start.
    let base = folder.path.hasSuffix("/") ? String(folder.path.dropLast()) : folder.path
    return names.map { name in
      var info = stat()
      guard stat("\(base)/\(name)", &info) == 0 else { return "\(name)\t-" }
      #if os(Linux)
        let (modified, changed) = (info.st_mtim, info.st_ctim)
      #else
        let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
      #endif
      return "\(name)\t\(info.st_size)\t\(info.st_ino)\t\(modified.tv_sec).\(modified.tv_nsec)\t\(changed.tv_sec).\(changed.tv_nsec)"
    }
  }

  /// Folders a copy may live in, in the order they are tried: beside the
  /// tables when that folder is writable, else in the user's cache folder.
  static func locations(folder: URL, environment: [String: String], besideWritable: Bool) -> [String] {
    let beside = folder.appendingPathComponent(folderName).path
    let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? environment["HOME"].map { "\($0)/.cache" }
    let perUser = base.map { "\($0)/sarcopanel/\(FileDigest.sha256(of: Data(folder.path.utf8)).prefix(24))" }
    if besideWritable { return [beside] + (perUser.map { [$0] } ?? []) }
    return (FileManager.default.fileExists(atPath: beside) ? [beside] : []) + (perUser.map { [$0] } ?? [])
  }

  static func copyPath(in place: String, tool: String) -> String {
    "\(place)/panel-\(FileDigest.sha256(of: Data(tool.utf8)).prefix(24)).bin"
  }

  /// The header of a copy whose SHA-256 checks out, else nil.
  static func read(path: String) -> Header? {
    guard let copy = readUnchecked(path: path), copy.isIntact() else { return nil }
    return copy.header
  }

  /// A copy as read, before its payload's SHA-256 is checked: the whole file, the payload from
  /// `payloadStart` to its end.
  struct Copy: Sendable {
    let header: Header
    let bytes: [UInt8]
    let payloadStart: Int
    let digest: [UInt8]

    func isIntact() -> Bool {
      bytes.withUnsafeBytes { Array(SHA256.hash(data: UnsafeRawBufferPointer(rebasing: $0[payloadStart...]))) } == digest
    }
  }

  /// The header, payload and recorded digest of a well-formed copy, else nil.
  static func readUnchecked(path: String) -> Copy? {
    guard let bytes = FileBytes.read(path: path) else { return nil }
    var cursor = 0
    func take(_ count: Int) -> ArraySlice<UInt8>? {
      guard count >= 0, bytes.count - cursor >= count else { return nil }
      defer { cursor += count }
      return bytes[cursor..<(cursor + count)]
    }
    func number(_ count: Int) -> UInt64? {
      take(count).map { $0.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
    }
    func text() -> String? {
      guard let length = number(4), let field = take(Int(length)) else { return nil }
      return String(validating: field, as: UTF8.self)
    }
    guard take(magic.count).map(Array.init) == magic, number(4) == UInt64(formatVersion),
      let tool = text(), let checksum = text(), let files = text(),
      let payloadLength = number(8).flatMap(Int.init(exactly:)), let digest = take(32), payloadLength == bytes.count - cursor
    else { return nil }
    // Cut as bytes (cutting by characters was 1M instructions of every run's start); each record
    // ends in a digit or `-`, so no `\r\n` pair is cut differently.
    let header = Header(
      tool: tool, checksum: checksum,
      files: files.utf8.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) })
    return Copy(header: header, bytes: bytes, payloadStart: cursor, digest: Array(digest))
  }

  /// Writes a copy atomically; false when it cannot be written there.
  static func write(_ panel: Panel, header: Header, to path: String) -> Bool {
    guard let payload = try? BinaryEncoder.encode(panel) else { return false }
    var data = Data(magic)
    func append(_ value: UInt64, bytes: Int) {
      for index in 0..<bytes { data.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))) }
    }
    func append(_ text: String) {
      append(UInt64(text.utf8.count), bytes: 4)
      data.append(Data(text.utf8))
    }
    append(UInt64(formatVersion), bytes: 4)
    append(header.tool)
    append(header.checksum)
    append(header.files.joined(separator: "\n"))
    append(UInt64(payload.count), bytes: 8)
    data.append(Data(SHA256.hash(data: payload)))
    data.append(payload)
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil else {
      return false
    }
    let temporary = "\(path).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
    guard FileManager.default.createFile(atPath: temporary, contents: data) else { return false }
    guard rename(temporary, path) == 0 else {
      unlink(temporary)
      return false
    }
    return true
  }

  /// Keeps the newest `copiesKept` copies of a folder.
  static func prune(_ place: String) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: place) else { return }
    let copies = names.filter { $0.hasPrefix("panel-") && $0.hasSuffix(".bin") }.map { "\(place)/\($0)" }
    let newestFirst = copies.map { path in
      (path, FileStatus(path: path)?.modified ?? 0)
    }.sorted { ($0.1, $0.0) > ($1.1, $1.0) }
    for (path, _) in newestFirst.dropFirst(copiesKept) { unlink(path) }
  }
}
