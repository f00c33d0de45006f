// The SQL under prisma/migrations/ is written by hand; prisma/schema.prisma is what the Prisma
// client is generated from. This test reads the schema's DMMF (the same parser `prisma generate`
// uses) and checks the freshly migrated test database against it through pg_catalog, so a
// migration that forgets a column, an index or a foreign key fails here rather than in production.
import { readFileSync } from "node:fs";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SCHEMA_PATH = new URL("../../prisma/schema.prisma", import.meta.url);

// ---- the schema side: the parts of the DMMF this test reads -------------------------------

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};
type DmmfModel = {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
};
type DmmfEnum = { name: string; dbName?: string | null; values: { name: string; dbName: string | null }[] };
type DmmfIndex = {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  isDefinedOnField: boolean;
  dbName?: string | null;
  fields: { name: string }[];
};
type Datamodel = { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] };

function readDatamodel(): Datamodel {
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  const dmmf = JSON.parse(
    get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]], noColorErrors: true })),
  ) as { datamodel: Datamodel };
  return dmmf.datamodel;
}

// ---- the database side: a snapshot of pg_catalog for the current schema --------------------

type Column = {
  table: string;
  column: string;
  /** format_type(), e.g. "timestamp(3) with time zone", "integer[]", "\"Role\"" */
  type: string;
  /** for an array, its element type's name; otherwise the type's name */
  baseType: string;
  isArray: boolean;
  isEnum: boolean;
  notNull: boolean;
};
type Index = { table: string; name: string; columns: (string | null)[]; unique: boolean; partial: boolean };
type Constraint = {
  table: string;
  name: string;
  kind: string;
  columns: string[];
  refTable: string | null;
  refColumns: string[] | null;
  onDelete: string;
  onUpdate: string;
  definition: string;
};
type Catalog = {
  tables: Set<string>;
  columns: Map<string, Column>;
  enums: Map<string, string[]>;
  indexes: Index[];
  constraints: Constraint[];
};

const key = (table: string, column: string) => `${table}.${column}`;

async function readCatalog(client: pg.Client): Promise<Catalog> {
  const tables = await client.query<{ table: string }>(
    `SELECT c.relname AS table FROM pg_class c
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')`,
  );
  const columns = await client.query<Column>(
    `SELECT c.relname AS table, a.attname AS column,
            format_type(a.atttypid, a.atttypmod) AS type,
            coalesce(et.typname, t.typname) AS "baseType",
            et.oid IS NOT NULL AS "isArray",
            coalesce(et.typtype, t.typtype) = 'e' AS "isEnum",
            a.attnotnull AS "notNull"
     FROM pg_attribute a
     JOIN pg_class c ON c.oid = a.attrelid
     JOIN pg_type t ON t.oid = a.atttypid
     LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
       AND a.attnum > 0 AND NOT a.attisdropped`,
  );
  const enums = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
     WHERE t.typnamespace = current_schema()::regnamespace
     GROUP BY t.typname`,
  );
  // columns in index order; an expression column (attnum 0) comes back as null
  const indexes = await client.query<Index>(
    `SELECT t.relname AS table, i.relname AS name,
            array(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, n)
                  LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                  WHERE k.n <= x.indnkeyatts ORDER BY k.n) AS columns,
            x.indisunique AS unique, x.indpred IS NOT NULL AS partial
     FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relnamespace = current_schema()::regnamespace`,
  );
  const constraints = await client.query<Constraint>(
    `SELECT t.relname AS table, con.conname AS name, con.contype AS kind,
            array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, n)
                  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                  ORDER BY k.n) AS columns,
            rt.relname AS "refTable",
            CASE WHEN con.confrelid <> 0 THEN
              array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, n)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
                    ORDER BY k.n)
            END AS "refColumns",
            con.confdeltype AS "onDelete", con.confupdtype AS "onUpdate",
            pg_get_constraintdef(con.oid) AS definition
     FROM pg_constraint con
     JOIN pg_class t ON t.oid = con.conrelid
     LEFT JOIN pg_class rt ON rt.oid = con.confrelid
     WHERE t.relnamespace = current_schema()::regnamespace`,
  );
  return {
    tables: new Set(tables.rows.map((r) => r.table)),
    columns: new Map(columns.rows.map((c) => [key(c.table, c.column), c])),
    enums: new Map(enums.rows.map((e) => [e.name, e.values])),
    indexes: indexes.rows,
    constraints: constraints.rows,
  };
}

// ---- mapping Prisma to PostgreSQL -------------------------------------------------------

/** format_type() of the column Prisma expects for a scalar field (without the [] of a list). */
function expectedScalarType(field: DmmfField): string | { unsupported: string } {
  const [native, args = []] = field.nativeType ?? [];
  const precision = (fallback: string) => `(${args[0] ?? fallback})`;
  if (native) {
    switch (native) {
      case "Text":
        return "text";
      case "VarChar":
        return args[0] ? `character varying(${args[0]})` : "character varying";
      case "Char":
        return `character${precision("1")}`;
      case "Uuid":
        return "uuid";
      case "Integer":
        return "integer";
      case "SmallInt":
        return "smallint";
      case "BigInt":
        return "bigint";
      case "Date":
        return "date";
      case "Timestamptz":
        return `timestamp${precision("6")} with time zone`;
      case "Timestamp":
        return `timestamp${precision("6")} without time zone`;
      case "Boolean":
        return "boolean";
      case "DoublePrecision":
        return "double precision";
      case "Decimal":
        return args.length > 0 ? `numeric(${args.join(",")})` : "numeric";
      case "JsonB":
        return "jsonb";
      case "Json":
        return "json";
      default:
        return { unsupported: `@db.${native}` };
    }
  }
  switch (field.type) {
    case "String":
      return "text";
    case "Int":
      return "integer";
    case "BigInt":
      return "bigint";
    case "Boolean":
      return "boolean";
    case "Float":
      return "double precision";
    case "Decimal":
      return "numeric(65,30)";
    // Prisma's own default for a DateTime without @db.*; every DateTime here names its type
    case "DateTime":
      return "timestamp(3) without time zone";
    case "Json":
      return "jsonb";
    case "Bytes":
      return "bytea";
    default:
      return { unsupported: field.type };
  }
}

// pg_constraint.confdeltype / confupdtype
const REFERENTIAL_ACTIONS: Record<string, string> = {
  a: "NoAction",
  r: "Restrict",
  c: "Cascade",
  n: "SetNull",
  d: "SetDefault",
};

const list = (columns: readonly (string | null)[]) => `(${columns.map((c) => c ?? "<expression>").join(", ")})`;
const sameColumns = (a: readonly (string | null)[], b: readonly string[]) =>
  a.length === b.length && a.every((c, i) => c === b[i]);

/** Fails with every problem listed, one a line, rather than only the first. */
function expectNoProblems(what: string, problems: string[]) {
  expect(problems, `${what}:\n  - ${problems.join("\n  - ")}\n`).toEqual([]);
}

// ---- the checks -------------------------------------------------------------------------

describe("the migrated database matches prisma/schema.prisma", () => {
  let datamodel: Datamodel;
  let catalog: Catalog;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });

  const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
  const modelNamed = (name: string) => {
    const model = datamodel.models.find((m) => m.name === name);
    if (!model) throw new Error(`no model ${name} in the DMMF`);
    return model;
  };
  /** database column names of a model's fields, given their Prisma names */
  const columnsOf = (model: DmmfModel, fieldNames: readonly string[]) =>
    fieldNames.map((name) => {
      const field = model.fields.find((f) => f.name === name);
      if (!field) throw new Error(`no field ${model.name}.${name} in the DMMF`);
      return field.dbName ?? field.name;
    });
  const enumDbName = (name: string) => {
    const found = datamodel.enums.find((e) => e.name === name);
    return found?.dbName ?? name;
  };

  beforeAll(async () => {
    datamodel = readDatamodel();
    await client.connect();
    catalog = await readCatalog(client);
  });
  afterAll(async () => {
    await client.end();
  });

  it("reads a non-empty schema and database (so the checks below are not vacuous)", () => {
    expect(datamodel.models.length).toBeGreaterThan(0);
    expect(datamodel.enums.length).toBeGreaterThan(0);
    expect(catalog.tables.size).toBeGreaterThan(0);
  });

  it("has a table for every model, and no table the schema does not know", () => {
    const problems: string[] = [];
    const expected = new Set(datamodel.models.map(tableOf));
    for (const model of datamodel.models) {
      if (!catalog.tables.has(tableOf(model))) problems.push(`model ${model.name}: table "${tableOf(model)}" is missing`);
    }
    for (const table of catalog.tables) {
      if (!expected.has(table) && table !== "_prisma_migrations") {
        problems.push(`table "${table}" exists in the database but has no model in schema.prisma`);
      }
    }
    expectNoProblems("Tables differ from schema.prisma", problems);
  });

  it("has every scalar field as a column of the matching type and nullability", () => {
    const problems: string[] = [];
    for (const model of datamodel.models) {
      const table = tableOf(model);
      if (!catalog.tables.has(table)) continue; // reported by the table check
      const expectedColumns = new Set<string>();
      for (const field of model.fields) {
        if (field.kind === "object") continue;
        const column = field.dbName ?? field.name;
        expectedColumns.add(column);
        const where = `${model.name}.${field.name} ("${table}"."${column}")`;
        const actual = catalog.columns.get(key(table, column));
        if (!actual) {
          problems.push(`${where}: column is missing`);
          continue;
        }
        if (field.kind === "enum") {
          const enumName = enumDbName(field.type);
          if (!actual.isEnum || actual.baseType !== enumName || actual.isArray !== field.isList) {
            problems.push(`${where}: type is ${actual.type}, expected the enum "${enumName}"${field.isList ? "[]" : ""}`);
          }
        } else if (field.kind === "scalar") {
          const scalar = expectedScalarType(field);
          if (typeof scalar !== "string") {
            problems.push(`${where}: ${scalar.unsupported} is not known to this test; teach expectedScalarType() about it`);
          } else {
            const expected = field.isList ? `${scalar}[]` : scalar;
            if (actual.type !== expected) problems.push(`${where}: type is ${actual.type}, expected ${expected}`);
          }
        } else {
          problems.push(`${where}: field kind ${field.kind} is not known to this test`);
        }
        // a list is never null as far as Prisma is concerned, and Prisma leaves its column nullable
        if (!field.isList && actual.notNull !== field.isRequired) {
          problems.push(
            `${where}: column is ${actual.notNull ? "NOT NULL" : "nullable"}, but the field is ${field.isRequired ? "required" : "optional"}`,
          );
        }
      }
      for (const column of catalog.columns.values()) {
        if (column.table === table && !expectedColumns.has(column.column)) {
          problems.push(`"${table}"."${column.column}": column exists in the database but not in model ${model.name}`);
        }
      }
    }
    expectNoProblems("Columns differ from schema.prisma", problems);
  });

  it("has every enum with the same values in the same order", () => {
    const problems: string[] = [];
    for (const schemaEnum of datamodel.enums) {
      const name = schemaEnum.dbName ?? schemaEnum.name;
      const expected = schemaEnum.values.map((v) => v.dbName ?? v.name);
      const actual = catalog.enums.get(name);
      if (!actual) problems.push(`enum ${schemaEnum.name}: type "${name}" is missing`);
      else if (actual.join(",") !== expected.join(",")) {
        problems.push(`enum ${schemaEnum.name}: values are ${list(actual)}, expected ${list(expected)}`);
      }
    }
    const known = new Set(datamodel.enums.map((e) => e.dbName ?? e.name));
    for (const name of catalog.enums.keys()) {
      if (!known.has(name)) problems.push(`enum type "${name}" exists in the database but not in schema.prisma`);
    }
    expectNoProblems("Enums differ from schema.prisma", problems);
  });

  it("has the primary key of every model on its @id / @@id fields", () => {
    const problems: string[] = [];
    for (const model of datamodel.models) {
      const table = tableOf(model);
      if (!catalog.tables.has(table)) continue;
      const idFields = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name);
      const expected = columnsOf(model, idFields);
      const pk = catalog.constraints.find((c) => c.table === table && c.kind === "p");
      if (!pk) problems.push(`model ${model.name}: "${table}" has no primary key, expected ${list(expected)}`);
      else if (!sameColumns(pk.columns, expected)) {
        problems.push(`model ${model.name}: primary key ${pk.name} is on ${list(pk.columns)}, expected ${list(expected)}`);
      }
    }
    expectNoProblems("Primary keys differ from schema.prisma", problems);
  });

  it("has a foreign key for every relation, with the schema's referential actions", () => {
    const problems: string[] = [];
    for (const model of datamodel.models) {
      const table = tableOf(model);
      if (!catalog.tables.has(table)) continue;
      for (const field of model.fields) {
        if (field.kind !== "object" || !field.relationFromFields?.length) continue;
        const target = modelNamed(field.type);
        const from = columnsOf(model, field.relationFromFields);
        const to = columnsOf(target, field.relationToFields ?? []);
        const where = `${model.name}.${field.name}: "${table}"${list(from)} → "${tableOf(target)}"${list(to)}`;
        const fk = catalog.constraints.find(
          (c) =>
            c.kind === "f" &&
            c.table === table &&
            sameColumns(c.columns, from) &&
            c.refTable === tableOf(target) &&
            sameColumns(c.refColumns ?? [], to),
        );
        if (!fk) {
          problems.push(`${where}: foreign key is missing`);
          continue;
        }
        // Prisma's defaults: Restrict on delete for a required relation, SetNull for an optional one
        const fromRequired = field.relationFromFields.every(
          (name) => model.fields.find((f) => f.name === name)?.isRequired,
        );
        const onDelete = field.relationOnDelete ?? (fromRequired ? "Restrict" : "SetNull");
        const onUpdate = field.relationOnUpdate ?? "Cascade";
        if (REFERENTIAL_ACTIONS[fk.onDelete] !== onDelete) {
          problems.push(`${where}: ${fk.name} is ON DELETE ${REFERENTIAL_ACTIONS[fk.onDelete]}, expected ${onDelete}`);
        }
        if (REFERENTIAL_ACTIONS[fk.onUpdate] !== onUpdate) {
          problems.push(`${where}: ${fk.name} is ON UPDATE ${REFERENTIAL_ACTIONS[fk.onUpdate]}, expected ${onUpdate}`);
        }
      }
    }
    expectNoProblems("Foreign keys differ from schema.prisma", problems);
  });

  it("has a unique index for every @unique / @@unique and an index for every @@index", () => {
    const problems: string[] = [];
    for (const index of datamodel.indexes) {
      if (index.type === "id") continue; // the primary key check covers these
      const model = modelNamed(index.model);
      const table = tableOf(model);
      if (!catalog.tables.has(table)) continue;
      const columns = columnsOf(model, index.fields.map((f) => f.name));
      const unique = index.type === "unique";
      const attribute = unique ? (index.isDefinedOnField ? "@unique" : "@@unique") : "@@index";
      const where = `${model.name} ${attribute}([${index.fields.map((f) => f.name).join(", ")}])`;
      // not partial: a partial index neither enforces uniqueness for every row nor serves every query
      const onColumns = catalog.indexes.filter((i) => i.table === table && !i.partial && sameColumns(i.columns, columns));
      if (onColumns.length === 0) {
        problems.push(`${where}: no index on "${table}"${list(columns)}`);
      } else if (unique && !onColumns.some((i) => i.unique)) {
        problems.push(`${where}: the index ${onColumns.map((i) => i.name).join(", ")} on "${table}"${list(columns)} is not unique`);
      }
    }
    expectNoProblems("Indexes differ from schema.prisma", problems);
  });

  it('has the exclusion constraint "Occupancy_no_overlap" against double booking', () => {
    const constraint = catalog.constraints.find((c) => c.name === "Occupancy_no_overlap");
    expect(constraint, 'the exclusion constraint "Occupancy_no_overlap" is missing').toBeDefined();
    expect(constraint, '"Occupancy_no_overlap" is not an exclusion constraint on "Occupancy"').toMatchObject({
      table: "Occupancy",
      kind: "x",
    });
    expect(constraint!.definition).toMatch(/^EXCLUDE USING gist/);
  });
});
