import SarcoCore

// The JSON shape of each report type. Member names match the Codable keys, so
// `JSONReport.decode` reads these documents back.

extension SampleReport {
  var json: JSONValue {
    .object([
      ("schemaVersion", .string(schemaVersion)),
      ("tool", .object([("name", .string(tool.name)), ("version", .string(tool.version))])),
      ("commandLine", .array(commandLine.map(JSONValue.string))),
      ("sample", .object([
        ("id", .string(sample.id)), ("vcfSample", sample.vcfSample.map(JSONValue.string)),
        ("normalSample", sample.normalSample.map(JSONValue.string)), ("tumorType", sample.tumorType.map(JSONValue.string)),
      ])),
      ("input", .object([
        ("fileName", .string(input.fileName)), ("sha256", .string(input.sha256)), ("format", .string(input.format)),
      ])),
      ("genomeBuild", .object([("build", .string(genomeBuild.build.rawValue)), ("evidence", .string(genomeBuild.evidence))])),
      ("panel", .object([
        ("name", .string(panel.name)), ("version", .string(panel.version)), ("checksum", .string(panel.checksum)),
      ])),
      ("qc", qc.json),
      ("variants", .array(variants.map(\.json))),
    ])
  }
}

extension QualityCounts {
  var json: JSONValue {
    .object([
      ("panelRecords", .integer(panelRecords)), ("variants", .integer(variants)),
      ("passingFilters", .integer(passingFilters)), ("failingFilters", .integer(failingFilters)),
      ("multiallelicRecords", .integer(multiallelicRecords)), ("structuralVariants", .integer(structuralVariants)),
      ("variantsByKind", .object(variantsByKind.map { ($0.key, .integer($0.value)) })),
      ("genesWithVariants", .integer(genesWithVariants)),
    ])
  }
}

extension ReportedVariant {
  var json: JSONValue {
    .object([
      ("variant", variant.json),
      ("genes", .array(genes.map(\.json))),
      ("hotspots", .array(hotspots.map {
        .object([("gene", .string($0.gene)), ("change", .string($0.change)), ("source", .string($0.source))])
      })),
    ])
  }
}

extension Variant {
  var json: JSONValue {
    .object([
      ("contig", .string(contig)), ("position", .integer(position)), ("reference", .string(reference)),
      ("alternate", .string(alternate)), ("end", .integer(end)), ("kind", .string(kind.rawValue)),
      ("id", .string(id)), ("quality", quality.map(JSONValue.number)),
      ("filters", .array(filters.map(JSONValue.string))),
      ("original", .object([
        ("position", .integer(original.position)), ("reference", .string(original.reference)),
        ("alternates", .array(original.alternates.map(JSONValue.string))),
        ("alternateIndex", .integer(original.alternateIndex)),
      ])),
      ("tumor", tumor?.json), ("normal", normal?.json),
      ("upstream", .array(upstream.map(\.json))),
      ("structural", structural?.json),
    ])
  }
}

extension SampleCall {
  var json: JSONValue {
    .object([
      ("sample", .string(sample)), ("genotype", genotype.map(JSONValue.string)),
      ("zygosity", .string(zygosity.rawValue)), ("depth", depth.map(JSONValue.integer)),
      ("referenceReads", referenceReads.map(JSONValue.integer)), ("alternateReads", alternateReads.map(JSONValue.integer)),
      ("alleleFraction", alleleFraction.map(JSONValue.number)), ("depthSource", depthSource.map(JSONValue.string)),
    ])
  }
}

extension UpstreamConsequence {
  var json: JSONValue {
    .object([
      ("source", .string(source)), ("gene", gene.map(JSONValue.string)), ("transcript", transcript.map(JSONValue.string)),
      ("consequence", .string(consequence)), ("hgvsc", hgvsc.map(JSONValue.string)),
      ("hgvsp", hgvsp.map(JSONValue.string)), ("exon", exon.map(JSONValue.string)), ("intron", intron.map(JSONValue.string)),
    ])
  }
}

extension StructuralInfo {
  var json: JSONValue {
    .object([
      ("svType", svType.map(JSONValue.string)), ("end", end.map(JSONValue.integer)),
      ("mateID", mateID.map(JSONValue.string)), ("mateContig", mateContig.map(JSONValue.string)),
      ("matePosition", matePosition.map(JSONValue.integer)), ("copyNumber", copyNumber.map(JSONValue.number)),
    ])
  }
}

extension GeneHit {
  var json: JSONValue {
    .object([
      ("gene", .string(gene)), ("transcript", .string(transcript)), ("region", .string(region.rawValue)),
      ("number", number.map(JSONValue.integer)), ("total", total.map(JSONValue.integer)),
      ("lastNumber", lastNumber.map(JSONValue.integer)),
    ])
  }
}
