/** What a database error means, from Prisma's error or the driver adapter's SQLSTATE. */

/** The database refused overlapping occupancy (SQLSTATE 23P01, exclusion_violation). */
export function isExclusionViolation(error: unknown): boolean {
  return sqlState(error) === "23P01";
}

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002" || sqlState(error) === "23505";
}

function sqlState(error: unknown): string | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } })
    ?.meta;
  return meta?.driverAdapterError?.cause?.originalCode;
}
