import { readSource } from './read-input.ts';
import { parseOfficial } from './parse-official.ts';
const { blocks } = await readSource(process.argv[2]!);
try { const p = parseOfficial(blocks); console.log(JSON.stringify({ title: p.title, doc: p.docNumber, rec: p.recipients, issuer: p.issuer, mark: p.issuerMark, und: p.undecided }, null, 1)); } catch (e) { console.log('ERR', (e as Error).message); }
