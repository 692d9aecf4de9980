import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, their services, users and memberships, partnerships and data-sharing agreements. */
export class Organisations1732350000000 implements MigrationInterface {
  name = 'Organisations1732350000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('LABOUR_OFFICE','WELFARE_CENTRE','SOCIAL_INTEGRATION_CENTRE','SOCIAL_INTEGRATION_CLUB','NGO','CHAMBER_OF_COMMERCE','EMPLOYER','SOCIAL_COOPERATIVE','LOCAL_GOVERNMENT','OTHER')),
        name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
        short_name text CHECK (length(short_name) <= 40),
        tax_id text CHECK (tax_id ~ '^[0-9]{10}$'),
        email text,
        phone text,
        street text,
        postal_code text CHECK (postal_code ~ '^[0-9]{2}-[0-9]{3}$'),
        city text,
        county text,
        voivodeship text,
        parent_organisation_id uuid REFERENCES organisations(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await db.query(`CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(name))`);
    await db.query(`CREATE UNIQUE INDEX organisations_tax_id_key ON organisations (tax_id) WHERE tax_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE organisation_services (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
        description text CHECK (length(description) <= 2000),
        capacity integer CHECK (capacity IS NULL OR capacity >= 0),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE UNIQUE INDEX organisation_services_name_key ON organisation_services (organisation_id, lower(name))`,
    );

    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        password_hash text NOT NULL,
        language text NOT NULL DEFAULT 'pl' CHECK (language IN ('pl','en')),
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);

    await db.query(`
      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('CASEWORKER','COORDINATOR','PARTNER_ADMIN','AUDITOR','PLATFORM_ADMIN')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT memberships_user_organisation_key UNIQUE (user_id, organisation_id)
      )`);
    await db.query(`CREATE INDEX memberships_organisation_idx ON memberships (organisation_id)`);

    await db.query(`
      CREATE TABLE partnerships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
        description text CHECK (length(description) <= 2000),
        lead_organisation_id uuid NOT NULL REFERENCES organisations(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX partnerships_name_key ON partnerships (lower(name))`);
    await db.query(`
      CREATE TABLE partnership_members (
        partnership_id uuid NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (partnership_id, organisation_id)
      )`);
    await db.query(`CREATE INDEX partnership_members_organisation_idx ON partnership_members (organisation_id)`);

    await db.query(`
      CREATE TABLE data_sharing_agreements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
        partnership_id uuid REFERENCES partnerships(id),
        status text NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED','ACTIVE','TERMINATED')),
        purposes text[] NOT NULL CHECK (cardinality(purposes) > 0),
        data_categories text[] NOT NULL CHECK (cardinality(data_categories) > 0),
        valid_from date NOT NULL,
        valid_until date,
        response_time_days integer NOT NULL CHECK (response_time_days BETWEEN 1 AND 365),
        proposed_by_organisation_id uuid NOT NULL REFERENCES organisations(id),
        proposed_by_user_id uuid NOT NULL REFERENCES users(id),
        approved_by_user_id uuid REFERENCES users(id),
        approved_at timestamptz,
        terminated_by_user_id uuid REFERENCES users(id),
        terminated_at timestamptz,
        termination_reason text CHECK (length(termination_reason) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (valid_until IS NULL OR valid_until >= valid_from)
      )`);
    await db.query(`
      CREATE TABLE agreement_parties (
        agreement_id uuid NOT NULL REFERENCES data_sharing_agreements(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        PRIMARY KEY (agreement_id, organisation_id)
      )`);
    await db.query(`CREATE INDEX agreement_parties_organisation_idx ON agreement_parties (organisation_id)`);

    await db.query(`
      CREATE TABLE seed_history (
        name text PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'seed_history',
      'agreement_parties',
      'data_sharing_agreements',
      'partnership_members',
      'partnerships',
      'memberships',
      'users',
      'organisation_services',
      'organisations',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
