/** Verbatim source text of a node: solc `src` offsets count UTF-8 bytes, not characters. */
export function makeCodeReader(sources: { id: number; content: string }[]): (node: { src: string }) => string {
  const buffers = new Map<number, Buffer>();
  for (const source of sources) buffers.set(source.id, Buffer.from(source.content, 'utf8'));
  return (node) => {
    const [start, length, id] = node.src.split(':').map(Number);
    const buffer = buffers.get(id);
    if (!buffer) return '';
    return buffer.subarray(start, start + length).toString('utf8');
  };
}

/** The first line of a statement's text, as the summary names code it could not read. */
export function firstLine(code: string): string {
  const line = code.split('\n')[0].trim();
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}
