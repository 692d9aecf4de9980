import { MigrationInterface, QueryRunner } from 'typeorm';

/** The list fields of each category: read back as non-null GraphQL lists. */
const LIST_FIELDS: Record<string, string[]> = {
  EMPLOYMENT: ['workHistory'],
  EDUCATION: ['skills', 'certificates'],
  BENEFITS: ['benefits'],
};

/**
 * A list field saved as JSON null (the inputs used to accept `null`) made
 * every later read of that category fail ("Cannot return null for
 * non-nullable field"): such rows read back as empty lists now, and the
 * table refuses anything but an array there, whatever path writes it.
 */
export class ParticipantDataLists1732465000000 implements MigrationInterface {
  name = 'ParticipantDataLists1732465000000';

  async up(db: QueryRunner): Promise<void> {
    for (const [category, fields] of Object.entries(LIST_FIELDS)) {
      for (const field of fields) {
        await db.query(
          `UPDATE participant_data SET data = jsonb_set(data, ARRAY[$2], '[]'::jsonb)
            WHERE category = $1 AND jsonb_typeof(data -> $2) IS DISTINCT FROM 'array'`,
          [category, field],
        );
      }
      const arrays = fields.map((field) => `jsonb_typeof(data -> '${field}') = 'array'`).join(' AND ');
      await db.query(
        `ALTER TABLE participant_data ADD CONSTRAINT participant_data_${category.toLowerCase()}_lists
           CHECK (category <> '${category}' OR (${arrays}))`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const category of Object.keys(LIST_FIELDS)) {
      await db.query(`ALTER TABLE participant_data DROP CONSTRAINT participant_data_${category.toLowerCase()}_lists`);
    }
  }
}
