import { UpcasterTable } from '../upcasting/upcaster';

/** The version steps of the talks events. */
export const talksUpcasters: UpcasterTable = {};
