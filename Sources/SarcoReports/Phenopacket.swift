/// The subset of GA4GH Phenopacket schema v2 (phenopacket-schema 2.0) that
/// sarcopanel writes, in its protobuf JSON form (lowerCamelCase names, enums as
/// strings, 64-bit integers as strings). Absent members are left out.
public struct Phenopacket: Codable, Equatable, Sendable {
  public var id: String
  public var subject: Individual
  public var biosamples: [Biosample]?
  public var diseases: [Disease]?
  public var interpretations: [Interpretation]?
  public var metaData: MetaData

  public struct OntologyClass: Codable, Equatable, Sendable {
    public var id: String
    public var label: String
  }

  public struct Individual: Codable, Equatable, Sendable {
    public var id: String
  }

  public struct Biosample: Codable, Equatable, Sendable {
    public var id: String
    public var individualId: String
    public var description: String?
    public var histologicalDiagnosis: OntologyClass?
    public var materialSample: OntologyClass?
  }

  public struct Disease: Codable, Equatable, Sendable {
    public var term: OntologyClass
  }

  public struct Interpretation: Codable, Equatable, Sendable {
    public var id: String
    public var progressStatus: String
    public var diagnosis: Diagnosis?
  }

  public struct Diagnosis: Codable, Equatable, Sendable {
    public var disease: OntologyClass?
    public var genomicInterpretations: [GenomicInterpretation]?
  }

  public struct GenomicInterpretation: Codable, Equatable, Sendable {
    public var subjectOrBiosampleId: String
    public var interpretationStatus: String
    public var variantInterpretation: VariantInterpretation
  }

  public struct VariantInterpretation: Codable, Equatable, Sendable {
    public var acmgPathogenicityClassification: String
    public var therapeuticActionability: String
    public var variationDescriptor: VariationDescriptor
  }

  public struct VariationDescriptor: Codable, Equatable, Sendable {
    public var id: String
    public var label: String?
    public var description: String?
    public var geneContext: GeneDescriptor?
    public var expressions: [Expression]?
    public var vcfRecord: VcfRecord?
    public var structuralType: OntologyClass?
    public var moleculeContext: String
    public var allelicState: OntologyClass?
    public var extensions: [Extension]?
  }

  public struct GeneDescriptor: Codable, Equatable, Sendable {
    public var valueId: String
    public var symbol: String
  }

  public struct Expression: Codable, Equatable, Sendable {
    public var syntax: String
    public var value: String
  }

  public struct VcfRecord: Codable, Equatable, Sendable {
    public var genomeAssembly: String
    public var chrom: String
    public var pos: String
    public var id: String?
    public var ref: String
    public var alt: String
  }

  public struct Extension: Codable, Equatable, Sendable {
    public var name: String
    public var value: String
  }

  public struct MetaData: Codable, Equatable, Sendable {
    public var created: String?
    public var createdBy: String
    public var resources: [Resource]
    public var phenopacketSchemaVersion: String
    public var externalReferences: [ExternalReference]?
  }

  public struct Resource: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var url: String
    public var version: String
    public var namespacePrefix: String
    public var iriPrefix: String
  }

  public struct ExternalReference: Codable, Equatable, Sendable {
    public var id: String
    public var reference: String?
    public var description: String?
  }
}
