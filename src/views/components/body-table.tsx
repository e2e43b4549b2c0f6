import type { ComponentChildren } from 'preact';
import type { BodyElement, Inline } from '../../domain/body/body.js';

export type TableElement = Extract<BodyElement, { type: 'table' }>;

/**
 * A body table as accessible HTML: the caption as <caption>, the header row in <thead> with
 * <th scope="col">, the header column as <th scope="row">. The reader page wraps it in a
 * focusable, labelled scroll region (wide tables scroll on a phone); feeds take the bare table.
 */
export function BodyTable({ table, inlines }: { table: TableElement; inlines: (content: readonly Inline[]) => ComponentChildren }) {
  const [head, ...rest] = table.rows;
  const body = table.headerRow ? rest : table.rows;
  return (
    <table>
      {table.caption ? <caption>{table.caption}</caption> : null}
      {table.headerRow && head ? (
        <thead>
          <tr>
            {head.map((cell, c) => (
              <th key={c} scope="col">
                {inlines(cell)}
              </th>
            ))}
          </tr>
        </thead>
      ) : null}
      <tbody>
        {body.map((row, r) => (
          <tr key={r}>
            {row.map((cell, c) =>
              c === 0 && table.headerColumn ? (
                <th key={c} scope="row">
                  {inlines(cell)}
                </th>
              ) : (
                <td key={c}>{inlines(cell)}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
