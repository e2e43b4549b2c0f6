/** Stands for names in a translated sentence, so each name can be put in <bdi> (see WithNames). */
export const NAME_SLOT = '\u0000';

/**
 * A translated sentence with user-supplied names in it ("Signed in as {name}", "By {names}"),
 * each name isolated in <bdi>: its direction is its own, and a right-to-left name (or a stray
 * direction character) cannot reorder the words around it. `text` is `t(key, { name: NAME_SLOT })`.
 */
export function WithNames({ text, names }: { text: string; names: readonly string[] }) {
  const [before = '', ...rest] = text.split(NAME_SLOT);
  const isolated = names.map((name, index) => (
    <>
      {index > 0 ? ', ' : null}
      <bdi>{name}</bdi>
    </>
  ));
  return (
    <>
      {before}
      {isolated}
      {rest.join(names.join(', '))}
    </>
  );
}
