import type { Random } from "./random";
import {
  indeclinableSurnames,
  kyrgyzFemaleFirst,
  kyrgyzMaleFirst,
  kyrgyzSurnamesMale,
  otherSurnamesMale,
  russianFemaleFirst,
  russianMaleFirst,
  russianSurnamesMale,
} from "./data/people";

export type Person = { first: string; last: string; sex: "f" | "m" };

/** Russian-style surnames take -а for women (Асанов → Асанова); Ким, Ли … do not change. */
function surnameFor(male: string, sex: "f" | "m"): string {
  if (sex === "m" || indeclinableSurnames.includes(male)) return male;
  return /(ов|ев|ин|ын)$/.test(male) ? `${male}а` : male;
}

/** A name mix like the cluster's schools: mostly Kyrgyz, some Russian and other local families. */
export function randomPerson(random: Random): Person {
  const sex = random.chance(0.42) ? "f" : "m";
  const roll = random.next();
  if (roll < 0.72) {
    return { sex, first: random.pick(sex === "f" ? kyrgyzFemaleFirst : kyrgyzMaleFirst), last: surnameFor(random.pick(kyrgyzSurnamesMale), sex) };
  }
  if (roll < 0.9) {
    return { sex, first: random.pick(sex === "f" ? russianFemaleFirst : russianMaleFirst), last: surnameFor(random.pick(russianSurnamesMale), sex) };
  }
  const first = random.pick(sex === "f" ? [...kyrgyzFemaleFirst, ...russianFemaleFirst] : [...kyrgyzMaleFirst, ...russianMaleFirst]);
  const pool = random.chance(0.3) ? indeclinableSurnames : otherSurnamesMale;
  return { sex, first, last: surnameFor(random.pick(pool), sex) };
}
