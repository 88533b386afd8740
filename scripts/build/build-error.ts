/** A build failure whose message is for the editor: printed without a stack trace. */
export class BuildError extends Error {}
