// The closed set of rule kinds a rule file can pick. A new etiquette rule needs only
// YAML; a new kind needs a file here.
import type { RuleKind } from '../rule.js';
import { address } from './address.js';
import { commitment } from './commitment.js';
import { forbid } from './forbid.js';
import { length } from './length.js';
import { opening } from './opening.js';
import { forbidPaired } from './paired.js';
import { placeholders } from './placeholders.js';
import { privacy } from './privacy.js';
import { requiredWhen } from './required-when.js';
import { shouting } from './shouting.js';
import { signature } from './signature.js';
import { spelling } from './spelling.js';
import { templateCase } from './template-case.js';
import { unlessNearby } from './unless-nearby.js';

export const KINDS: Record<string, RuleKind> = Object.fromEntries(
  [
    opening,
    forbid,
    requiredWhen,
    address,
    commitment,
    signature,
    shouting,
    unlessNearby,
    placeholders,
    privacy,
    length,
    templateCase,
    spelling,
    forbidPaired,
  ].map((k) => [k.name, k]),
);
