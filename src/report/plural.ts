// A count with its noun, singular or plural: "1 reply", "2 replies", "0 errors".
export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

/** "reply"/"replies", the word the reports count most. */
export const replies = (n: number): string => plural(n, 'reply', 'replies');
