// A customer's name as a helpdesk hands it over ("Ing. Petr Novák", "NOVÁK Petr",
// "Jana Malá, Ph.D.", "Mr John Smith"): the words that name the person, and the titles
// their degrees give, by which Czech and Slovak address them ("pane inženýre").
import { fold } from '../text/fold.js';
import { MAX_NAME_CHARS } from '../types.js';
import { addressesBy, degreeTitle } from './titles.js';

// A name field longer than MAX_NAME_CHARS holds something else (a pasted message, an
// attack): the customer's name is then unknown. Czech vocatives cost time superlinear in
// a word's length (a 100 KB "name" took 29 s), so no longer word is ever a part of a name.
const MAX_NAME_PART = 40;

export interface CustomerName {
  /** The words that name the customer, as written, without honorifics and degrees. */
  parts: string[];
  /** The titles (titles.yaml) the name field's degrees give, those that address only. */
  titles: number[];
}

/** A name field read into its parts and titles; `honorifics` (folded: "pan", "mr") are left out as degrees are. */
export function readCustomerName(field: string, honorifics: ReadonlySet<string>): CustomerName {
  if (field.length > MAX_NAME_CHARS) return { parts: [], titles: [] };
  const words = field.split(/[\s,]+/).filter(Boolean);
  const parts: string[] = [];
  const titles: number[] = [];
  for (let i = 0; i < words.length; i++) {
    // A degree of two words first ("Ing. arch."), then of one ("Ph.D.", "MUDr").
    const pair = i + 1 < words.length ? degreeTitle(`${words[i]}${words[i + 1]}`) : undefined;
    const title = pair ?? degreeTitle(words[i]);
    if (title !== undefined) {
      if (addressesBy(title) && !titles.includes(title)) titles.push(title);
      if (pair !== undefined) i++;
      continue;
    }
    const part = words[i].replace(/[.,]$/, '');
    if (part.length > 1 && part.length <= MAX_NAME_PART && !honorifics.has(fold(part))) parts.push(part);
  }
  return { parts, titles };
}
