// The README's book.yaml table, generated from the schema so it cannot drift.
import { z } from 'zod';
import { bookSchema } from './schema.ts';

export function schemaMarkdown(): string {
  const rows: string[] = ['| field | type | default | description |', '| --- | --- | --- | --- |'];
  const visit = (shape: Record<string, z.ZodType>, prefix: string) => {
    for (const [key, field] of Object.entries(shape)) {
      const json = z.toJSONSchema(field, { unrepresentable: 'any', io: 'input' }) as { type?: string; enum?: unknown[]; default?: unknown; description?: string };
      const type = json.enum ? json.enum.map((v) => JSON.stringify(v)).join(' \\| ') : (json.type ?? 'object');
      const dflt = (field as unknown as { def?: { defaultValue?: unknown } }).def?.defaultValue;
      const required = !(field.safeParse(undefined).success);
      rows.push(`| \`${prefix}${key}\` | ${type} | ${required ? '(required)' : dflt === undefined ? '' : `\`${JSON.stringify(dflt)}\``} | ${field.description ?? ''} |`);
      const inner = unwrap(field);
      if (inner instanceof z.ZodObject && key !== 'topics') visit(inner.shape as Record<string, z.ZodType>, `${prefix}${key}.`);
    }
  };
  visit(bookSchema.shape as unknown as Record<string, z.ZodType>, '');
  return rows.join('\n');
}

function unwrap(t: z.ZodType): z.ZodType {
  let cur: z.ZodType = t;
  for (let i = 0; i < 5; i++) {
    const def = (cur as unknown as { def: { innerType?: z.ZodType } }).def;
    if (def?.innerType) cur = def.innerType; else break;
  }
  return cur;
}
