import { sharedEntities } from '#libs/shared';

/** Every entity of every bounded context: what the migration CLI compares the schema against. */
export const entities = [...sharedEntities];
