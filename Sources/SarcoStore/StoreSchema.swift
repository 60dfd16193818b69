import GRDB

/// The cohort store's tables, created and upgraded by numbered migrations.
/// A database written by a newer sarcopanel (unknown migrations) is refused.
/// docs/INTEROPERABILITY.md documents every table for direct SQL.
enum StoreSchema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: samples, qc, variants, findings, evidence, therapies, report history") { db in
      try db.execute(
        sql: """
          CREATE TABLE sample (
            id TEXT PRIMARY KEY NOT NULL,
            tumour_type TEXT,
            sample_type TEXT NOT NULL,
            genome_build TEXT NOT NULL,
            input_sha256 TEXT NOT NULL,
            panel_name TEXT NOT NULL,
            panel_version TEXT NOT NULL,
            panel_checksum TEXT NOT NULL,
            tool_version TEXT NOT NULL,
            schema_version TEXT NOT NULL,
            report_sha256 TEXT NOT NULL,
            findings_summary TEXT NOT NULL
          );
          CREATE TABLE qc (
            sample_id TEXT NOT NULL REFERENCES sample(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            value REAL NOT NULL,
            PRIMARY KEY (sample_id, name)
          );
          CREATE TABLE variant (
            sample_id TEXT NOT NULL REFERENCES sample(id) ON DELETE CASCADE,
            variant_key TEXT NOT NULL,
            gene TEXT NOT NULL,
            consequence TEXT NOT NULL,
            hgvsc TEXT,
            hgvsp TEXT,
            protein TEXT,
            passes_filters INTEGER NOT NULL,
            tumour_vaf REAL,
            depth INTEGER,
            PRIMARY KEY (sample_id, variant_key, gene)
          );
          CREATE TABLE finding (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            sample_id TEXT NOT NULL REFERENCES sample(id) ON DELETE CASCADE,
            category TEXT NOT NULL CHECK (category IN ('somatic', 'germline', 'fusion', 'copy_number')),
            gene TEXT NOT NULL,
            name TEXT NOT NULL,
            variant_key TEXT,
            tier TEXT,
            acmg_class TEXT,
            points INTEGER,
            rule TEXT NOT NULL,
            origin TEXT
          );
          CREATE INDEX finding_by_gene ON finding(gene, tier);
          CREATE INDEX finding_by_sample ON finding(sample_id);
          CREATE INDEX finding_by_name ON finding(category, name);
          CREATE TABLE finding_evidence (
            finding_id INTEGER NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
            evidence_id TEXT NOT NULL,
            level TEXT NOT NULL,
            citation TEXT NOT NULL
          );
          CREATE INDEX evidence_by_finding ON finding_evidence(finding_id);
          CREATE TABLE finding_therapy (
            finding_id INTEGER NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
            therapy TEXT NOT NULL,
            response TEXT NOT NULL CHECK (response IN ('sensitivity', 'resistance')),
            level TEXT
          );
          CREATE INDEX therapy_by_finding ON finding_therapy(finding_id);
          CREATE TABLE report_history (
            sample_id TEXT NOT NULL,
            panel_name TEXT NOT NULL,
            panel_version TEXT NOT NULL,
            panel_checksum TEXT NOT NULL,
            report_sha256 TEXT NOT NULL,
            findings_summary TEXT NOT NULL,
            PRIMARY KEY (sample_id, panel_checksum, report_sha256)
          );
          """)
    }
    // Whether sample ids are the samples' own or pseudonyms (and under which key), fixed by the first import.
    migrator.registerMigration("v2: store settings (identifiers)") { db in
      try db.execute(sql: "CREATE TABLE store_setting (name TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
    }
    // Reports list drugs the alteration makes work less well (KIT exon 11 and sunitinib); SQLite cannot change a
    // CHECK constraint in place, so the table is rebuilt with its rows.
    migrator.registerMigration("v3: therapy responses include reduced_sensitivity") { db in
      try db.execute(
        sql: """
          CREATE TABLE finding_therapy_v3 (
            finding_id INTEGER NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
            therapy TEXT NOT NULL,
            response TEXT NOT NULL CHECK (response IN ('sensitivity', 'resistance', 'reduced_sensitivity')),
            level TEXT
          );
          INSERT INTO finding_therapy_v3 (finding_id, therapy, response, level)
            SELECT finding_id, therapy, response, level FROM finding_therapy;
          DROP TABLE finding_therapy;
          ALTER TABLE finding_therapy_v3 RENAME TO finding_therapy;
          CREATE INDEX therapy_by_finding ON finding_therapy(finding_id);
          """)
    }
    return migrator
  }
}
