import SarcoCore

// The JSON shape of each report type, members in key order. Names match the
// Codable keys, so `JSONReport.decode` reads these documents back.

extension SampleReport {
  func write(to json: inout JSONWriter) {
    json.object { json in
      json.member("clinical", encoded: clinical)
      json.member("commandLine", strings: commandLine)
      if let coverage {
        json.key("coverage")
        coverage.write(to: &json)
      }
      json.key("genomeBuild")
      json.object { json in
        json.member("build", genomeBuild.build.rawValue)
        json.member("evidence", genomeBuild.evidence)
      }
      json.key("input")
      json.object { json in
        json.member("fileName", input.fileName)
        json.member("format", input.format)
        if let mergedWith = input.mergedWith {
          json.key("mergedWith")
          json.array(mergedWith) { json, file in
            json.object { json in
              json.member("fileName", file.fileName)
              json.member("format", file.format)
              json.member("sha256", file.sha256)
            }
          }
        }
        json.member("referenceFasta", input.referenceFasta)
        json.member("sha256", input.sha256)
      }
      json.key("panel")
      json.object { json in
        json.member("checksum", panel.checksum)
        json.member("name", panel.name)
        if let sources = panel.sources {
          json.key("sources")
          json.object { json in
            for (key, value) in sources.sorted(by: { JSONWriter.codePointPrecedes($0.key, $1.key) }) { json.member(key, value) }
          }
        }
        json.member("version", panel.version)
      }
      json.member("provenance", encoded: provenance)
      json.key("qc")
      qc.write(to: &json)
      json.key("sample")
      json.object { json in
        json.member("id", sample.id)
        json.member("normalSample", sample.normalSample)
        json.member("tumorType", sample.tumorType)
        json.member("vcfSample", sample.vcfSample)
      }
      json.member("schemaVersion", schemaVersion)
      json.key("tool")
      json.object { json in
        json.member("name", tool.name)
        json.member("version", tool.version)
      }
      json.key("variants")
      json.array(variants) { json, variant in variant.write(to: &json) }
    }
  }
}

extension QualityCounts {
  func write(to json: inout JSONWriter) {
    json.object { json in
      json.member("duplicateVariants", duplicateVariants)
      json.member("failingFilters", failingFilters)
      json.member("genesWithVariants", genesWithVariants)
      json.member("invalidRecords", invalidRecords)
      json.member("multiallelicRecords", multiallelicRecords)
      json.member("panelRecords", panelRecords)
      json.member("passingFilters", passingFilters)
      json.member("referenceChecked", referenceChecked)
      json.member("referenceMismatches", referenceMismatches)
      json.member("structuralVariants", structuralVariants)
      json.member("variants", variants)
      json.key("variantsByKind")
      json.object { json in
        for (kind, count) in variantsByKind.sorted(by: { JSONWriter.codePointPrecedes($0.key, $1.key) }) {
          json.member(kind, count)
        }
      }
    }
  }
}

extension ReportedVariant {
  func write(to json: inout JSONWriter) {
    json.object { json in
      json.key("consequences")
      json.array(consequences) { json, consequence in consequence.write(to: &json) }
      json.key("genes")
      json.array(genes) { json, hit in hit.write(to: &json) }
      json.key("hotspots")
      json.array(hotspots) { json, hotspot in
        json.object { json in
          json.member("change", hotspot.change)
          json.member("gene", hotspot.gene)
          json.member("source", hotspot.source)
        }
      }
      json.member("referenceMismatch", referenceMismatch)
      json.key("variant")
      variant.write(to: &json)
    }
  }
}

extension Variant {
  func write(to json: inout JSONWriter) {
    json.object { json in
      json.member("alternate", alternate)
      json.member("contig", contig)
      json.member("end", end)
      json.member("filters", strings: filters)
      json.member("id", id)
      json.member("kind", kind.rawValue)
      if let metrics {
        json.key("metrics")
        metrics.write(to: &json)
      }
      if let normal {
        json.key("normal")
        normal.write(to: &json)
      }
      json.key("original")
      json.object { json in
        json.member("alternateIndex", original.alternateIndex)
        json.member("alternates", strings: original.alternates)
        json.member("position", original.position)
        json.member("reference", original.reference)
      }
      json.member("position", position)
      json.member("quality", quality)
      json.member("reference", reference)
      if let structural {
        json.key("structural")
        structural.write(to: &json)
      }
      if let tumor {
        json.key("tumor")
        tumor.write(to: &json)
      }
      json.key("upstream")
      json.array(upstream) { json, consequence in consequence.write(to: &json) }
    }
  }
}

extension SampleCall {
  func write(to json: inout JSONWriter) {
    json.object { json in
      json.member("alleleFraction", alleleFraction)
      json.member("alternateReads", alternateReads)
      json.member("depth", depth)
      json.member("depthSource", depthSource)
      json.member("genotype", genotype)
      json.member("referenceReads", referenceReads)
      json.member("sample", sample)
      json.member("zygosity", zygosity.rawValue)
    }
  }
}

extension UpstreamConsequence {
  func write(to json: inout JSONWriter) {
    json.object { json in
      json.member("consequence", consequence)
      json.member("exon", exon)
      json.member("gene", gene)
      json.member("hgvsc", hgvsc)
      json.member("hgvsp", hgvsp)
      json.member("intron", intron)
      json.member("maneSelect", maneSelect)
      if let metrics {
        json.key("metrics")
        metrics.write(to: &json)
      }
      json.member("source", source)
      json.member("transcript", transcript)
    }
  }
}

extension StructuralInfo {
  func write(to json: inout JSONWriter) {
    json.object { json in
      json.member("copyNumber", copyNumber)
      json.member("end", end)
      json.member("mateContig", mateContig)
      json.member("mateID", mateID)
      json.member("matePosition", matePosition)
      json.member("svType", svType)
    }
  }
}

extension GeneHit {
  func write(to json: inout JSONWriter) {
    json.object { json in
      json.member("gene", gene)
      json.member("lastNumber", lastNumber)
      json.member("number", number)
      json.member("region", region.rawValue)
      json.member("total", total)
      json.member("transcript", transcript)
    }
  }
}

extension CoverageReport {
  func write(to json: inout JSONWriter) {
    json.object { json in
      json.key("failingTargets")
      json.array(failingTargets) { $0.string($1) }
      json.key("genes")
      json.array(genes) { json, gene in
        json.object { json in
          json.member("bases", gene.bases)
          json.key("fractionAtLeast")
          json.array(gene.fractionAtLeast) { $0.number($1) }
          json.member("gene", gene.gene)
          json.member("meanDepth", gene.meanDepth)
        }
      }
      json.key("hotspots")
      json.array(hotspots) { json, pileup in pileup.write(to: &json) }
      json.member("minimumFraction", minimumFraction)
      json.key("targets")
      json.array(targets) { json, target in
        json.object { json in
          json.key("fractionAtLeast")
          json.array(target.fractionAtLeast) { $0.number($1) }
          json.member("gene", target.gene)
          json.key("interval")
          json.object { json in
            json.member("contig", target.interval.contig)
            json.member("end", target.interval.end)
            json.member("start", target.interval.start)
          }
          json.member("meanDepth", target.meanDepth)
          json.member("medianDepth", target.medianDepth)
          json.member("name", target.name)
        }
      }
      json.key("thresholds")
      json.array(thresholds) { $0.integer($1) }
      json.member("verdict", verdict)
    }
  }
}

extension HotspotPileup {
  func write(to json: inout JSONWriter) {
    json.object { json in
      json.member("alternateForward", alternateForward)
      json.member("alternateReads", alternateReads)
      json.member("alternateReverse", alternateReverse)
      json.member("change", change)
      json.member("contig", contig)
      json.key("counts")
      json.object { json in
        json.member("deletions", counts.deletions)
        json.key("forward")
        json.object { json in
          for (base, count) in counts.forward.sorted(by: { $0.key < $1.key }) { json.member(base, count) }
        }
        json.member("lowQuality", counts.lowQuality)
        json.key("reverse")
        json.object { json in
          for (base, count) in counts.reverse.sorted(by: { $0.key < $1.key }) { json.member(base, count) }
        }
      }
      json.member("gene", gene)
      json.member("position", position)
      json.member("reference", reference)
      json.key("referenceAssumed")
      json.bool(referenceAssumed)
    }
  }
}

extension AlleleConsequence {
  func write(to json: inout JSONWriter) {
    json.object { json in
      json.member("codon", codon)
      json.member("exon", exon)
      json.member("exonCount", exonCount)
      json.member("gene", gene)
      json.member("hgvsc", hgvsc)
      json.member("hgvsp", hgvsp)
      json.member("impact", impact)
      json.member("intron", intron)
      json.key("panelTranscript")
      json.bool(panelTranscript)
      if let protein {
        json.key("protein")
        json.object { json in
          json.member("alternateResidue", protein.alternateResidue)
          json.member("effect", protein.effect.rawValue)
          json.member("position", protein.position)
          json.member("referenceResidue", protein.referenceResidue)
          json.member("short", protein.short)
        }
      }
      json.member("proteinBasis", proteinBasis?.rawValue)
      json.member("proteinNote", proteinNote)
      json.member("source", source)
      json.member("terms", strings: terms)
      json.member("transcript", transcript)
      json.member("upstreamDisagreement", upstreamDisagreement)
    }
  }
}

extension AlleleMetrics {
  func write(to json: inout JSONWriter) {
    json.object { json in
      json.key("filteringFieldDeclared")
      json.bool(filteringFieldDeclared)
      json.key("frequencies")
      json.numbers(frequencies)
      json.key("frequencyFieldDeclared")
      json.bool(frequencyFieldDeclared)
      json.key("scores")
      json.numbers(scores)
    }
  }
}

extension JSONWriter {
  /// A string-keyed map of numbers, keys in code-point order (written for every upstream entry's
  /// frequencies and scores: one member is written as it is, more sorted by their bytes).
  mutating func numbers(_ values: [String: Double]) {
    object { json in
      if values.count == 1, let only = values.first {
        json.member(only.key, only.value)
        return
      }
      for (key, value) in values.sorted(by: { JSONWriter.codePointPrecedes($0.key, $1.key) }) {
        json.member(key, value)
      }
    }
  }
}
