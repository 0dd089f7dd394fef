// English number rules at the type level, matching what the `inflection` package does for regular nouns.
// Irregular nouns (person → people) are not covered: pass `as` (or `{ singular, plural }`) to name them.

type Vowel = 'a' | 'e' | 'i' | 'o' | 'u';

export type Singular<S extends string> = S extends `${infer P}ies`
  ? `${P}y`
  : S extends `${infer P}sses` ? `${P}ss`
  : S extends `${infer P}ches` ? `${P}ch`
  : S extends `${infer P}shes` ? `${P}sh`
  : S extends `${infer P}xes` ? `${P}x`
  : S extends `${string}ss` ? S
  : S extends `${infer P}s` ? P
  : S;

export type Plural<S extends string> = S extends `${string}${'ss' | 'x' | 'ch' | 'sh'}`
  ? `${S}es`
  : S extends `${string}s`
    ? S
    : S extends `${infer P}y`
      ? P extends `${string}${Vowel}` ? `${S}s` : `${P}ies`
      : `${S}s`;
