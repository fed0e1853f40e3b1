// Okabe-Ito colours: distinguishable with the common colour-vision deficiencies (Okabe & Ito 2008).
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

export const colour = (i: number): string => OKABE_ITO[i % OKABE_ITO.length]!;

/** Line dash patterns so series differ by more than colour. */
export const DASHES: number[][] = [[], [6, 3], [2, 2], [8, 3, 2, 3], [12, 4], [1, 3]];
export const dash = (i: number): number[] => DASHES[i % DASHES.length]!;
