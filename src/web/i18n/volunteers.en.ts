import type { volunteersZhCN } from './volunteers.zh-CN.js';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** Volunteer record forms (English). Same keys as `volunteers.zh-CN.ts`. */
export const volunteersEn: Strings<typeof volunteersZhCN> = {
  volunteerForms: {
    guardian: {
      title: 'Guardian’s consent',
      minorHint: 'Under {{adultAge}}: a guardian must consent; enter the guardian’s details',
      childHint:
        'Children under {{minAgeOnOwn}} cannot register on their own; they take part as members of a volunteer family with their parents',
      name: 'Guardian’s name',
      phone: 'Guardian’s mobile number',
      relation: 'Relation',
      relations: { father: 'Father', mother: 'Mother', grandparent: 'Grandparent', other: 'Other guardian' },
    },
    profile: {
      areasHint: 'Choose the subdistricts or communities where you will serve',
      otherSlots: 'Other saved times',
    },
    correction: {
      action: 'Correct record',
      title: 'Correct the volunteer’s record',
      intro:
        'Check the person’s ID card first. Only the fields you change are sent; every correction and its reason go into the audit log.',
      idNumber: 'ID number (leave empty to keep it)',
      reason: 'Reason for the correction',
      reasonPlaceholder: 'e.g. the name was mistyped at registration; checked against the ID card',
      reasonRequired: 'Give the reason for the correction',
      submit: 'Correct',
      done: 'Corrected',
    },
    settings: {
      title: 'Volunteer registration ages',
      intro:
        'Under the Civil Code and the Regulations on Volunteer Service, a minor registers with a guardian’s consent, and young children take part only as members of a volunteer family.',
      readOnly: 'Only centre admins can change the registration ages',
      adultAge: 'Age of majority',
      adultAgeHint:
        'From this age a person registers alone, without a guardian (national default 18; {{min}}–{{max}} allowed)',
      minAgeOnOwn: 'Youngest age to register',
      minAgeOnOwnHint:
        'Younger children take part only as members of a volunteer family (national default 8; at least {{min}})',
      preview:
        '{{adultAge}} and older: register themselves; {{minAgeOnOwn}}–{{below}}: with a guardian’s consent; under {{minAgeOnOwn}}: with a volunteer family. Volunteers already registered are not affected.',
      tooHigh: 'Cannot exceed the age of majority',
      save: 'Save',
      saved: 'Saved; applies from the next registration or import',
      years: 'years',
    },
  },
};
