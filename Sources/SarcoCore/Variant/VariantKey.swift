/// `contig:position:reference:alternate`, the key that joins a variant to ClinVar's entry and to
/// its clinical findings. Built by appending: string interpolation cost a third of the ClinVar
/// index's build time (41k rows).
public enum VariantKey {
  public static func make(_ contig: String, _ position: Int, _ reference: String, _ alternate: String) -> String {
    var key = ""
    // Reserving would move even a short key to the heap: most SNV keys fit in a small string's 15 bytes.
    let longest = contig.utf8.count + reference.utf8.count + alternate.utf8.count + 13
    if longest > 15 { key.reserveCapacity(longest) }
    key += contig
    key += ":"
    key += String(position)
    key += ":"
    key += reference
    key += ":"
    key += alternate
    return key
  }
}
