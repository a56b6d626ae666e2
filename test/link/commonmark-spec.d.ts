declare module 'commonmark-spec' {
  /** One example of the CommonMark spec. */
  export interface Example {
    readonly markdown: string;
    readonly html: string;
    readonly section: string;
    readonly number: number;
  }
  export const tests: readonly Example[];
  export const text: string;
  const spec: {readonly tests: readonly Example[]; readonly text: string};
  export default spec;
}
