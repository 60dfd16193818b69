import ArgumentParser

/// `--reference` and `--recompute-consequences`, shared by `run` and `batch`.
struct ReferenceOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("Reference FASTA of the VCFs' build (indexed): consequences and HGVS computed on the panel's transcripts, every REF checked; also decodes CRAM.", valueName: "fasta"))
  var reference: String?

  @Flag(name: .customLong("recompute-consequences"), help: "With --reference, compute consequences even where a VCF has CSQ/ANN/BCSQ, and record where those differ.")
  var recomputeConsequences = false

  func validate() throws {
    if recomputeConsequences && reference == nil {
      throw ValidationError("--recompute-consequences needs --reference (the FASTA to compute them from)")
    }
  }
}
