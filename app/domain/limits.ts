/** Most slots one application may hold. */
export const MAX_ITEMS_PER_APPLICATION = 20;
