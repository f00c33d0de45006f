/** Command-line flags of `npm run bench`. Pure: tested in options.test.ts. */

export const SCENARIOS = ["hot-slot", "throughput", "availability", "statistics", "page-weight"] as const;
export type Scenario = (typeof SCENARIOS)[number];

export type DatasetSize = {
  municipalities: number;
  facilitiesPerMunicipality: number;
  roomsPerFacility: number;
  /** days of bookings, ending on the last day of the booking window */
  days: number;
  /** share of the open slots that get a booking, in percent */
  bookedPercent: number;
  residentsPerMunicipality: number;
};

export type Sizes = {
  hotSlotResidents: number;
  throughputSeconds: number;
  throughputConcurrency: number;
  floorSeconds: number;
  dataset: DatasetSize;
  availabilitySeconds: number;
  availabilityConcurrency: number;
};

export type BenchOptions = {
  quick: boolean;
  scenarios: Scenario[];
  seed: number;
  lighthouse: boolean;
  /** where the JSON goes */
  out: string;
  sizes: Sizes;
};

export const FULL_SIZES: Sizes = {
  hotSlotResidents: 200,
  throughputSeconds: 30,
  throughputConcurrency: 16,
  floorSeconds: 10,
  dataset: {
    municipalities: 60,
    facilitiesPerMunicipality: 10,
    roomsPerFacility: 4,
    days: 365,
    bookedPercent: 60,
    residentsPerMunicipality: 200,
  },
  availabilitySeconds: 15,
  availabilityConcurrency: 20,
};

export const QUICK_SIZES: Sizes = {
  hotSlotResidents: 50,
  throughputSeconds: 5,
  throughputConcurrency: 16,
  floorSeconds: 3,
  dataset: { ...FULL_SIZES.dataset, municipalities: 3, facilitiesPerMunicipality: 4, residentsPerMunicipality: 30 },
  availabilitySeconds: 4,
  availabilityConcurrency: 20,
};

export const USAGE = `npm run bench [-- options]      (DATABASE_URL=postgresql://… to run on PostgreSQL)

  --quick                 small sizes (development): 50 residents, 5 s of bookings, 3 municipalities
  --only=1,3 | --only=hot-slot,availability
                          scenarios to run (default: all): 1 hot-slot, 2 throughput,
                          3 availability, 4 statistics, 5 page-weight
  --seed=N                seed of the generated data set (default 1)
  --lighthouse            also run \`npm run lighthouse\`'s audits (4 min) for scenario 5
  --out=FILE              where the JSON goes (default bench/results/latest.json)
  --help`;

export class UsageError extends Error {}

function scenarioOf(word: string): Scenario {
  const byNumber = SCENARIOS[Number(word) - 1];
  if (/^\d+$/.test(word) && byNumber) return byNumber;
  if ((SCENARIOS as readonly string[]).includes(word)) return word as Scenario;
  throw new UsageError(`unknown scenario "${word}" (1–5 or ${SCENARIOS.join(", ")})`);
}

export function parseOptions(argv: readonly string[]): BenchOptions | "help" {
  const options: BenchOptions = {
    quick: false,
    scenarios: [...SCENARIOS],
    seed: 1,
    lighthouse: false,
    out: "bench/results/latest.json",
    sizes: FULL_SIZES,
  };
  for (const arg of argv) {
    const [flag, value] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (flag === "--help" || flag === "-h") return "help";
    else if (flag === "--quick") options.quick = true;
    else if (flag === "--lighthouse") options.lighthouse = true;
    else if (flag === "--only" && value) {
      const chosen = value.split(",").map((w) => scenarioOf(w.trim()));
      options.scenarios = SCENARIOS.filter((s) => chosen.includes(s));
    } else if (flag === "--seed" && value && /^\d+$/.test(value)) options.seed = Number(value);
    else if (flag === "--out" && value) options.out = value;
    else throw new UsageError(`unknown option "${arg}"`);
  }
  options.sizes = options.quick ? QUICK_SIZES : FULL_SIZES;
  return options;
}
