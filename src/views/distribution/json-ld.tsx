/**
 * JSON for a `<script type="application/ld+json">` block. JSON.stringify alone is not enough:
 * a headline holding `</script>` would end the block and whatever follows would run. Every
 * `<`, `>` and `&` is written as a JSON escape (still the same string to a JSON parser), and
 * so are U+2028/U+2029, so nothing in the data can close the element or start markup.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A JSON-LD block: the only raw text this view writes, and it is escaped by scriptSafeJson. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptSafeJson(data) }} />;
}
